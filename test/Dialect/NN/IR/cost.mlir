// Each nn op's cost (CostOpInterface), read through --nn-annotate-cost on one
// op per function. The arithmetic is in the comments; docs/cost-model.md has
// the formulas. Attributes print sorted: activation_bytes, c_macc, c_rom,
// macc, macc_share, params, pure_macs, rom, rom_share.
// RUN: nn-opt --nn-annotate-cost %s | FileCheck %s

// conv2d, f32, bias, fused relu6: 1x8x8x3 -> 1x8x8x16, filter 16x3x3x3.
// pure = Ho*Wo*Co*Kh*Kw*Ci = 8*8*16*3*3*3 = 27,648
// macc = pure + Co (bias) + 1,024 (relu6, 1 per output) = 28,688
// params = 432 + 16 = 448; rom = 448 * 4 B = 1,792; act = 1,024 * 4 B = 4,096
// CHECK-LABEL: func.func @conv2d_f32
// CHECK: nn.conv2d
// CHECK-SAME: nn.activation_bytes = 4096 : i64
// CHECK-SAME: nn.macc = 28688 : i64
// CHECK-SAME: nn.params = 448 : i64, nn.pure_macs = 27648 : i64, nn.rom = 1792 : i64
func.func @conv2d_f32(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x8x16xf32> {
  %w = nn.constant dense<0.5> : tensor<16x3x3x3xf32>
  %b = nn.constant dense<0.0> : tensor<16xf32>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>,
                             fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x8x8x16xf32>
  return %y : tensor<1x8x8x16xf32>
}

// Grouped conv2d (groups = Ci / filter channels = 4 / 2 = 2), no bias:
// pure = macc = 4*4*4 * 1*1 * 2 = 128; params 8, rom 32 B, act 64 * 4 = 256 B.
// CHECK-LABEL: func.func @conv2d_grouped
// CHECK: nn.conv2d
// CHECK-SAME: nn.activation_bytes = 256 : i64
// CHECK-SAME: nn.macc = 128 : i64
// CHECK-SAME: nn.params = 8 : i64, nn.pure_macs = 128 : i64, nn.rom = 32 : i64
func.func @conv2d_grouped(%x: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %w = nn.constant dense<1.0> : tensor<4x1x1x2xf32>
  %y = nn.conv2d %x, %w {padding = #nn.padding<valid>}
      : (tensor<1x4x4x4xf32>, tensor<4x1x1x2xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// conv2d int8, weights per-axis (4 channels), i32 bias, fused relu:
// 1x10x10x1 -> stride 2, same -> 1x5x5x4; pure = 5*5*4*3*3*1 = 900;
// macc = 900 + 4 (bias) + 100 (relu) = 1,004.
// rom = 36 B (i8 weights) + 4 channels * 8 B (int32 multiplier + shift)
//     + 4 * 4 B (i32 bias, no parameters of its own) = 84; act = 100 B.
// CHECK-LABEL: func.func @conv2d_int8_per_axis
// CHECK: nn.conv2d
// CHECK-SAME: nn.activation_bytes = 100 : i64
// CHECK-SAME: nn.macc = 1004 : i64
// CHECK-SAME: nn.params = 40 : i64, nn.pure_macs = 900 : i64, nn.rom = 84 : i64
func.func @conv2d_int8_per_axis(%x: tensor<1x10x10x1x!quant.uniform<i8:f32, 0.5:-3>>)
    -> tensor<1x5x5x4x!quant.uniform<i8:f32, 0.1:-128>> {
  %w = nn.constant dense<1> : tensor<4x3x3x1xi8>
      -> tensor<4x3x3x1x!quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02, 0.03, 0.04}>>
  %b = nn.constant dense<[10, -20, 30, -40]> : tensor<4xi32>
      -> tensor<4x!quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02}>>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>,
                             fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x10x10x1x!quant.uniform<i8:f32, 0.5:-3>>,
         tensor<4x3x3x1x!quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02, 0.03, 0.04}>>,
         tensor<4x!quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02}>>)
      -> tensor<1x5x5x4x!quant.uniform<i8:f32, 0.1:-128>>
  return %y : tensor<1x5x5x4x!quant.uniform<i8:f32, 0.1:-128>>
}

// depthwise_conv2d f32, multiplier 2: 1x6x6x2 -> valid 3x3 -> 1x4x4x4.
// pure = Ho*Wo*(C*M)*Kh*Kw = 4*4*4*3*3 = 576; macc = 576 + 4 (bias) = 580.
// params = 36 + 4 = 40; rom = 160 B; act = 64 * 4 = 256 B.
// CHECK-LABEL: func.func @depthwise_f32
// CHECK: nn.depthwise_conv2d
// CHECK-SAME: nn.activation_bytes = 256 : i64
// CHECK-SAME: nn.macc = 580 : i64
// CHECK-SAME: nn.params = 40 : i64, nn.pure_macs = 576 : i64, nn.rom = 160 : i64
func.func @depthwise_f32(%x: tensor<1x6x6x2xf32>) -> tensor<1x4x4x4xf32> {
  %w = nn.constant dense<1.0> : tensor<1x3x3x4xf32>
  %b = nn.constant dense<0.0> : tensor<4xf32>
  %y = nn.depthwise_conv2d %x, %w, %b {depth_multiplier = 2 : i64, padding = #nn.padding<valid>}
      : (tensor<1x6x6x2xf32>, tensor<1x3x3x4xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// depthwise_conv2d int8, per-axis along axis 3, fused relu6: 1x5x5x4 -> 1x5x5x4.
// pure = 5*5*4*3*3 = 900; macc = 900 + 4 + 100 = 1,004.
// rom = 36 + 4 * 8 + 4 * 4 = 84 B.
// CHECK-LABEL: func.func @depthwise_int8_per_axis
// CHECK: nn.depthwise_conv2d
// CHECK-SAME: nn.activation_bytes = 100 : i64
// CHECK-SAME: nn.macc = 1004 : i64
// CHECK-SAME: nn.params = 40 : i64, nn.pure_macs = 900 : i64, nn.rom = 84 : i64
func.func @depthwise_int8_per_axis(%x: tensor<1x5x5x4x!quant.uniform<i8:f32, 0.1:-128>>)
    -> tensor<1x5x5x4x!quant.uniform<i8:f32, 0.05:-128>> {
  %w = nn.constant dense<2> : tensor<1x3x3x4xi8>
      -> tensor<1x3x3x4x!quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02, 0.03, 0.04}>>
  %b = nn.constant dense<0> : tensor<4xi32>
      -> tensor<4x!quant.uniform<i32:f32:0, {0.001, 0.002, 0.003, 0.004}>>
  %y = nn.depthwise_conv2d %x, %w, %b {padding = #nn.padding<same>,
                                       fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x5x5x4x!quant.uniform<i8:f32, 0.1:-128>>,
         tensor<1x3x3x4x!quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02, 0.03, 0.04}>>,
         tensor<4x!quant.uniform<i32:f32:0, {0.001, 0.002, 0.003, 0.004}>>)
      -> tensor<1x5x5x4x!quant.uniform<i8:f32, 0.05:-128>>
  return %y : tensor<1x5x5x4x!quant.uniform<i8:f32, 0.05:-128>>
}

// fully_connected f32, batch 2, fused relu: [2, 8] x [4, 8]^T -> [2, 4].
// pure = batch*in*out = 2*8*4 = 64; macc = 64 + 4 (bias) + 8 (relu) = 76.
// params = 32 + 4 = 36; rom = 144 B; act = 8 * 4 = 32 B.
// CHECK-LABEL: func.func @fully_connected_f32
// CHECK: nn.fully_connected
// CHECK-SAME: nn.activation_bytes = 32 : i64
// CHECK-SAME: nn.macc = 76 : i64
// CHECK-SAME: nn.params = 36 : i64, nn.pure_macs = 64 : i64, nn.rom = 144 : i64
func.func @fully_connected_f32(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = nn.constant dense<1.0> : tensor<4x8xf32>
  %b = nn.constant dense<0.0> : tensor<4xf32>
  %y = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<2x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// fully_connected int8, per-tensor weights: [1, 4] x [3, 4]^T -> [1, 3].
// pure = 4*3 = 12; macc = 12 + 3 = 15.
// rom = 12 B (i8) + 1 channel * 8 B + 3 * 4 B (i32 bias) = 32 B; act = 3 B.
// CHECK-LABEL: func.func @fully_connected_int8
// CHECK: nn.fully_connected
// CHECK-SAME: nn.activation_bytes = 3 : i64
// CHECK-SAME: nn.macc = 15 : i64
// CHECK-SAME: nn.params = 15 : i64, nn.pure_macs = 12 : i64, nn.rom = 32 : i64
func.func @fully_connected_int8(%x: tensor<1x4x!quant.uniform<i8:f32, 0.05:-128>>)
    -> tensor<1x3x!quant.uniform<i8:f32, 0.2:10>> {
  %w = nn.constant dense<1> : tensor<3x4xi8> -> tensor<3x4x!quant.uniform<i8<-127:127>:f32, 0.02>>
  %b = nn.constant dense<0> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 0.001>>
  %y = nn.fully_connected %x, %w, %b
      : (tensor<1x4x!quant.uniform<i8:f32, 0.05:-128>>,
         tensor<3x4x!quant.uniform<i8<-127:127>:f32, 0.02>>,
         tensor<3x!quant.uniform<i32:f32, 0.001>>) -> tensor<1x3x!quant.uniform<i8:f32, 0.2:10>>
  return %y : tensor<1x3x!quant.uniform<i8:f32, 0.2:10>>
}

// Pooling: output elements * window. 1x8x8x4 -> 2x2 stride 2 -> 1x4x4x4.
// max: 64 * 4 = 256. avg with fused relu: 256 + 64 = 320. act 256 B.
// CHECK-LABEL: func.func @pooling
// CHECK: nn.max_pool2d
// CHECK-SAME: nn.activation_bytes = 256 : i64
// CHECK-SAME: nn.macc = 256 : i64
// CHECK-SAME: nn.params = 0 : i64, nn.pure_macs = 0 : i64, nn.rom = 0 : i64
// CHECK: nn.avg_pool2d
// CHECK-SAME: nn.macc = 320 : i64
func.func @pooling(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %m = nn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<valid>}
      : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
  %a = nn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<valid>,
                         fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
  %s = nn.add %m, %a : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %s : tensor<1x4x4x4xf32>
}

// mean over [1, 2] of 1x4x4x8: every input element accumulated once = 128.
// CHECK-LABEL: func.func @mean
// CHECK: nn.mean
// CHECK-SAME: nn.activation_bytes = 32 : i64
// CHECK-SAME: nn.macc = 128 : i64
func.func @mean(%x: tensor<1x4x4x8xf32>) -> tensor<1x8xf32> {
  %y = nn.mean %x {axes = array<i64: 1, 2>} : (tensor<1x4x4x8xf32>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// add (broadcast) with fused relu: 128 outputs * (1 + 1) = 256.
// mul by a constant: 128 * 1 = 128; the constant is a weight: 8 params, 32 B.
// CHECK-LABEL: func.func @binary
// CHECK: nn.add
// CHECK-SAME: nn.macc = 256 : i64
// CHECK-SAME: nn.params = 0 : i64
// CHECK: nn.mul
// CHECK-SAME: nn.macc = 128 : i64
// CHECK-SAME: nn.params = 8 : i64, nn.pure_macs = 0 : i64, nn.rom = 32 : i64
func.func @binary(%x: tensor<1x4x4x8xf32>, %y: tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32> {
  %a = nn.add %x, %y {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %c = nn.constant dense<2.0> : tensor<8xf32>
  %m = nn.mul %a, %c : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  return %m : tensor<1x4x4x8xf32>
}

// Data movement costs nothing: concat 0 (8 with a fused relu), reshape 0, pad 0.
// CHECK-LABEL: func.func @data_movement
// CHECK: nn.concat
// CHECK-SAME: nn.macc = 0 : i64
// CHECK: nn.concat
// CHECK-SAME: nn.macc = 8 : i64
// CHECK: nn.reshape
// CHECK-SAME: nn.activation_bytes = 32 : i64
// CHECK-SAME: nn.macc = 0 : i64
// CHECK: nn.pad
// CHECK-SAME: nn.activation_bytes = 64 : i64
// CHECK-SAME: nn.macc = 0 : i64
func.func @data_movement(%x: tensor<1x4xf32>, %y: tensor<1x4xf32>)
    -> (tensor<1x8xf32>, tensor<4x4xf32>) {
  %c = nn.concat %x, %y {axis = 1 : i64} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  %d = nn.concat %x, %y {axis = 1 : i64, fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  %r = nn.reshape %d : (tensor<1x8xf32>) -> tensor<2x4xf32>
  %p = nn.pad %r {padding = array<i64: 1, 1, 0, 0>} : (tensor<2x4xf32>) -> tensor<4x4xf32>
  return %c, %p : tensor<1x8xf32>, tensor<4x4xf32>
}

// A reshape's constant shape operand is a weight the model stores: its
// elements are parameters, its bytes ROM (no quantization parameters).
// i32 [-1, 4]: params 2, rom 2 * 4 B = 8; i64 [2, 2, 2]: params 3, rom 24.
// A computed shape (a function argument) is no weight. MACs stay 0.
// CHECK-LABEL: func.func @reshape_shape
// CHECK: nn.reshape
// CHECK-SAME: nn.macc = 0 : i64
// CHECK-SAME: nn.params = 2 : i64, nn.pure_macs = 0 : i64, nn.rom = 8 : i64
// CHECK: nn.reshape
// CHECK-SAME: nn.params = 3 : i64, nn.pure_macs = 0 : i64, nn.rom = 24 : i64
// CHECK: nn.reshape
// CHECK-SAME: nn.params = 0 : i64, nn.pure_macs = 0 : i64, nn.rom = 0 : i64
func.func @reshape_shape(%x: tensor<1x8xf32>, %s: tensor<2xi32>)
    -> (tensor<2x4xf32>, tensor<2x2x2xf32>, tensor<4x2xf32>) {
  %s1 = nn.constant dense<[-1, 4]> : tensor<2xi32>
  %a = nn.reshape %x, %s1 : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<2x4xf32>
  %s2 = nn.constant dense<[2, 2, 2]> : tensor<3xi64>
  %b = nn.reshape %x, %s2 : (tensor<1x8xf32>, tensor<3xi64>) -> tensor<2x2x2xf32>
  %c = nn.reshape %x, %s : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<4x2xf32>
  return %a, %b, %c : tensor<2x4xf32>, tensor<2x2x2xf32>, tensor<4x2xf32>
}

// Elementwise functions on 10 elements: relu-like 1 each, hard_swish 2,
// tanh / sigmoid / softmax 10, quantize / dequantize 2.
// CHECK-LABEL: func.func @elementwise
// CHECK: nn.relu {{.*}}nn.macc = 10 : i64
// CHECK: nn.relu6 {{.*}}nn.macc = 10 : i64
// CHECK: nn.leaky_relu {{.*}}nn.macc = 10 : i64
// CHECK: nn.hard_swish {{.*}}nn.macc = 20 : i64
// CHECK: nn.tanh {{.*}}nn.macc = 100 : i64
// CHECK: nn.sigmoid {{.*}}nn.macc = 100 : i64
// CHECK: nn.softmax {{.*}}nn.macc = 100 : i64
// CHECK: nn.quantize {{.*}}nn.activation_bytes = 10 : i64{{.*}}nn.macc = 20 : i64
// CHECK: nn.dequantize {{.*}}nn.activation_bytes = 40 : i64{{.*}}nn.macc = 20 : i64
func.func @elementwise(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  %0 = nn.relu %x : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %1 = nn.relu6 %0 : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %2 = nn.leaky_relu %1 {alpha = 0.1 : f32} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %3 = nn.hard_swish %2 : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %4 = nn.tanh %3 : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %5 = nn.sigmoid %4 : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %6 = nn.softmax %5 : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %7 = nn.quantize %6 : (tensor<1x10xf32>) -> tensor<1x10x!quant.uniform<i8:f32, 0.1:0>>
  %8 = nn.dequantize %7 : (tensor<1x10x!quant.uniform<i8:f32, 0.1:0>>) -> tensor<1x10xf32>
  return %8 : tensor<1x10xf32>
}

// A constant is not a layer: it gets no cost attributes of its own.
// CHECK-LABEL: func.func @constant_only
// CHECK: nn.constant
// CHECK-NOT: nn.macc
// CHECK: return
func.func @constant_only() -> tensor<2xf32> {
  %c = nn.constant dense<1.0> : tensor<2xf32>
  return %c : tensor<2xf32>
}
