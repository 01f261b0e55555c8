// RUN: nn-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// A float conv: pad (same, 3x3), accumulate from 0, then bias + relu6.
// CHECK-LABEL: func.func @conv_f32
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>) -> tensor<1x4x4x8xf32>
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 1, 1, 0]
// CHECK: %[[ACC:.*]] = linalg.generic
// CHECK-SAME: ins(%[[P]], %{{.*}} : tensor<1x9x9x3xf32>, tensor<8x3x3x3xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %{{.*}} : tensor<1x4x4x8xf32>, tensor<8xf32>)
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK: arith.minimumf
func.func @conv_f32(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x4x8xf32> {
  %w = nn.constant dense<0.5> : tensor<8x3x3x3xf32>
  %b = nn.constant dense<0.1> : tensor<8xf32>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>,
                             fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// int8 conv: storage types in the signature, the input padded with its zero
// point, i32 accumulation of (x - zp) * w, per-channel multipliers/shifts
// computed at compile time (0.5*0.01/0.1 = 0.05 -> 1717986918 * 2^-4,
// 0.5*0.02/0.1 = 0.1 -> 1717986918 * 2^-3).
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02}>
!qb = !quant.uniform<i32:f32:0, {0.005, 0.01}>
!qy = !quant.uniform<i8:f32, 0.1:5>
// CHECK-LABEL: func.func @conv_int8
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x1xi8>) -> tensor<1x4x4x2xi8>
// CHECK: %[[ZP:.*]] = arith.constant -3 : i8
// CHECK: tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: tensor.yield %[[ZP]]
// CHECK: linalg.generic
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.subi
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: arith.constant dense<1717986918> : tensor<2xi32>
// CHECK: arith.constant dense<[-4, -3]> : tensor<2xi32>
// CHECK: linalg.generic
// CHECK: arith.muli %{{.*}} : i64
// CHECK: arith.shrsi
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: return %{{.*}} : tensor<1x4x4x2xi8>
func.func @conv_int8(%x: tensor<1x4x4x1x!qx>) -> tensor<1x4x4x2x!qy> {
  %w = nn.constant dense<1> : tensor<2x3x3x1xi8> -> tensor<2x3x3x1x!qw>
  %b = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!qb>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>}
      : (tensor<1x4x4x1x!qx>, tensor<2x3x3x1x!qw>, tensor<2x!qb>) -> tensor<1x4x4x2x!qy>
  return %y : tensor<1x4x4x2x!qy>
}

// -----

// Depthwise with multiplier 2: the 1HWO filter is collapsed to HWO and
// output channel o reads input channel o floordiv 2.
// CHECK: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d4, d2 + d5, d3 floordiv 2)>
// CHECK-LABEL: func.func @depthwise_f32
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2], [3]] : tensor<1x3x3x4xf32> into tensor<3x3x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[IN]],
func.func @depthwise_f32(%x: tensor<1x5x5x2xf32>) -> tensor<1x3x3x4xf32> {
  %w = nn.constant dense<0.5> : tensor<1x3x3x4xf32>
  %y = nn.depthwise_conv2d %x, %w {depth_multiplier = 2 : i64, padding = #nn.padding<valid>}
      : (tensor<1x5x5x2xf32>, tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  return %y : tensor<1x3x3x4xf32>
}

// -----

// Fully connected flattens its input to [batch, in] and reshapes back.
// CHECK-LABEL: func.func @fully_connected
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x2x3xf32> into tensor<12xf32>
// CHECK: tensor.expand_shape {{.*}} : tensor<12xf32> into tensor<2x6xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]
func.func @fully_connected(%x: tensor<2x2x3xf32>) -> tensor<2x4xf32> {
  %w = nn.constant dense<0.5> : tensor<4x6xf32>
  %y = nn.fully_connected %x, %w : (tensor<2x2x3xf32>, tensor<4x6xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Hybrid: float activations with int8 weights dequantize the weights first.
!qw = !quant.uniform<i8<-127:127>:f32, 0.25>
// CHECK-LABEL: func.func @hybrid_fully_connected
// CHECK: %[[W:.*]] = arith.constant dense<4> : tensor<3x2xi8>
// CHECK: %[[WF:.*]] = linalg.generic {{.*}} ins(%[[W]], {{.*}}) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: arith.sitofp
// CHECK: arith.mulf
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[WF]] : tensor<1x2xf32>, tensor<3x2xf32>)
func.func @hybrid_fully_connected(%x: tensor<1x2xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<4> : tensor<3x2xi8> -> tensor<3x2x!qw>
  %y = nn.fully_connected %x, %w : (tensor<1x2xf32>, tensor<3x2x!qw>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// int8 average pooling: sum in i32, divide by the count of valid positions
// (computed from the output index) with TFLite's rounding.
!q = !quant.uniform<i8:f32, 0.1:-2>
// CHECK-LABEL: func.func @avg_pool_int8
// CHECK: linalg.generic
// CHECK: arith.addi
// CHECK: linalg.generic
// CHECK: linalg.index 1
// CHECK: linalg.index 2
// CHECK: arith.divsi
// CHECK: arith.trunci
func.func @avg_pool_int8(%x: tensor<1x5x5x2x!q>) -> tensor<1x3x3x2x!q> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<same>}
      : (tensor<1x5x5x2x!q>) -> tensor<1x3x3x2x!q>
  return %y : tensor<1x3x3x2x!q>
}

// -----

// Max pooling pads with the lowest value.
// CHECK-LABEL: func.func @max_pool_f32
// CHECK: %[[LOW:.*]] = arith.constant 0xFF800000 : f32
// CHECK: tensor.pad
// CHECK: tensor.yield %[[LOW]]
// CHECK: arith.maximumf
func.func @max_pool_f32(%x: tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32> {
  %y = nn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<same>}
      : (tensor<1x4x4x1xf32>) -> tensor<1x2x2x1xf32>
  return %y : tensor<1x2x2x1xf32>
}

// -----

// Float softmax: max, exp, sum, divide.
// CHECK-LABEL: func.func @softmax_f32
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmax_f32(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %y = nn.softmax %x : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// -----

// int8 softmax is TFLite's fixed-point kernel: the exps of the 256 possible
// differences q - max are tables (exp(0) = INT32_MAX in Q0.31, 2^19 in
// Q12.19); the run time sums, takes the reciprocal (count leading zeros,
// Newton-Raphson) and scales. No float, no math.exp.
!qx = !quant.uniform<i8:f32, 0.1:0>
!qy = !quant.uniform<i8:f32, 0.00390625:-128>
// CHECK-LABEL: func.func @softmax_int8
// CHECK-NOT: math.exp
// CHECK-NOT: f32
// Little-endian hex: the last entries are 0x7FFFFFFF and 0x00080000, the
// first seven (diff < diff_min = -248) are 0.
// CHECK-DAG: arith.constant dense<"0x00000000000000000000000000000000000000000000000000000000{{[0-9A-F]*}}FFFFFF7F"> : tensor<256xi32>
// CHECK-DAG: arith.constant dense<"0x00000000000000000000000000000000000000000000000000000000{{[0-9A-F]*}}00000800"> : tensor<256xi32>
// CHECK: tensor.extract %{{.*}} : tensor<256xi32>
// CHECK: math.ctlz
// CHECK: tensor.extract %{{.*}} : tensor<256xi32>
// CHECK: arith.trunci %{{.*}} : i32 to i8
func.func @softmax_int8(%x: tensor<1x5x!qx>) -> tensor<1x5x!qy> {
  %y = nn.softmax %x : (tensor<1x5x!qx>) -> tensor<1x5x!qy>
  return %y : tensor<1x5x!qy>
}

// -----

// int8 tanh is a table lookup computed at compile time.
!qx = !quant.uniform<i8:f32, 0.05:0>
!qy = !quant.uniform<i8:f32, 0.0078125:0>
// CHECK-LABEL: func.func @tanh_int8
// tanh(-128 * 0.05) * 128 rounds to -128, tanh(127 * 0.05) * 128 to 127.
// CHECK: arith.constant dense<"0x808080{{[0-9A-F]*}}7F7F7F"> : tensor<256xi8>
// CHECK: tensor.extract %{{.*}} : tensor<256xi8>
func.func @tanh_int8(%x: tensor<4x!qx>) -> tensor<4x!qy> {
  %y = nn.tanh %x : (tensor<4x!qx>) -> tensor<4x!qy>
  return %y : tensor<4x!qy>
}

// -----

// Reshape is a collapse/expand of the storage tensor.
!q = !quant.uniform<i8:f32, 0.1:0>
// CHECK-LABEL: func.func @reshape
// CHECK: tensor.collapse_shape {{.*}} : tensor<1x2x3xi8> into tensor<6xi8>
// CHECK: tensor.expand_shape {{.*}} : tensor<6xi8> into tensor<3x2xi8>
func.func @reshape(%x: tensor<1x2x3x!q>) -> tensor<3x2x!q> {
  %y = nn.reshape %x : (tensor<1x2x3x!q>) -> tensor<3x2x!q>
  return %y : tensor<3x2x!q>
}

// -----

// Pad with the zero point.
!q = !quant.uniform<i8:f32, 0.1:7>
// CHECK-LABEL: func.func @pad_int8
// CHECK: %[[ZP:.*]] = arith.constant 7 : i8
// CHECK: tensor.pad %{{.*}} low[1, 0] high[0, 2]
// CHECK: tensor.yield %[[ZP]]
func.func @pad_int8(%x: tensor<2x2x!q>) -> tensor<3x4x!q> {
  %y = nn.pad %x {padding = array<i64: 1, 0, 0, 2>} : (tensor<2x2x!q>) -> tensor<3x4x!q>
  return %y : tensor<3x4x!q>
}

// -----

// Functions called with quantized tensors get storage types too.
!q = !quant.uniform<i8:f32, 0.1:0>
// CHECK-LABEL: func.func private @callee(tensor<4xi8>) -> tensor<4xi8>
// CHECK-LABEL: func.func @caller
// CHECK: call @callee(%{{.*}}) : (tensor<4xi8>) -> tensor<4xi8>
func.func private @callee(tensor<4x!q>) -> tensor<4x!q>
func.func @caller(%x: tensor<4x!q>) -> tensor<4x!q> {
  %y = func.call @callee(%x) : (tensor<4x!q>) -> tensor<4x!q>
  return %y : tensor<4x!q>
}
