// RUN: nn-opt %s | FileCheck %s
// Round trip: print, parse again, and print the same text.
// RUN: nn-opt %s | nn-opt | FileCheck %s
// RUN: nn-opt %s -mlir-print-op-generic | nn-opt | FileCheck %s

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
!qdw = !quant.uniform<i8<-127:127>:f32:3, {0.1, 0.2, 0.3, 0.4}>
!qb = !quant.uniform<i32:f32:0, {0.05, 0.1}>
!qdb = !quant.uniform<i32:f32:0, {0.05, 0.1, 0.15, 0.2}>

// CHECK-LABEL: func.func @constants
func.func @constants() -> (tensor<2xf32>, tensor<2x1xi8>, tensor<2x1x!quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>>) {
  // CHECK: nn.constant dense<[5.000000e-01, -1.000000e+00]> : tensor<2xf32>{{$}}
  %0 = nn.constant dense<[0.5, -1.0]> : tensor<2xf32>
  // CHECK: nn.constant dense<{{\[\[}}1], [-2]]> : tensor<2x1xi8>{{$}}
  %1 = nn.constant dense<[[1], [-2]]> : tensor<2x1xi8>
  // CHECK: nn.constant dense<{{\[\[}}1], [-2]]> : tensor<2x1xi8> -> tensor<2x1x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01}>>
  %2 = nn.constant dense<[[1], [-2]]> : tensor<2x1xi8> -> tensor<2x1x!qw>
  return %0, %1, %2 : tensor<2xf32>, tensor<2x1xi8>, tensor<2x1x!qw>
}

// CHECK-LABEL: func.func @resource_constant
func.func @resource_constant() -> tensor<4xf32> {
  // CHECK: nn.constant dense_resource<blob1> : tensor<4xf32>
  %0 = nn.constant dense_resource<blob1> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @conv2d_f32
func.func @conv2d_f32(%x: tensor<1x32x32x3xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> (tensor<1x16x16x8xf32>, tensor<1x30x30x8xf32>, tensor<1x17x17x8xf32>, tensor<1x28x28x8xf32>) {
  // CHECK: nn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {fused_activation = #nn.fused_activation<relu6>, padding = #nn.padding<same>, strides = array<i64: 2, 2>}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>, fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x16x16x8xf32>
  // CHECK: nn.conv2d %{{.*}}, %{{.*}} {padding = #nn.padding<valid>} : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x30x30x8xf32>
  %1 = nn.conv2d %x, %w {padding = #nn.padding<valid>}
      : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x30x30x8xf32>
  // CHECK: nn.conv2d {{.*}} {explicit_padding = array<i64: 1, 2, 1, 2>, padding = #nn.padding<explicit>, strides = array<i64: 2, 2>}
  %2 = nn.conv2d %x, %w, %b {padding = #nn.padding<explicit>, explicit_padding = array<i64: 1, 2, 1, 2>, strides = array<i64: 2, 2>}
      : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x17x17x8xf32>
  // CHECK: nn.conv2d {{.*}} {dilations = array<i64: 2, 2>, padding = #nn.padding<valid>}
  %3 = nn.conv2d %x, %w, %b {padding = #nn.padding<valid>, dilations = array<i64: 2, 2>}
      : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x28x28x8xf32>
  return %0, %1, %2, %3 : tensor<1x16x16x8xf32>, tensor<1x30x30x8xf32>, tensor<1x17x17x8xf32>, tensor<1x28x28x8xf32>
}

// CHECK-LABEL: func.func @conv2d_grouped
func.func @conv2d_grouped(%x: tensor<1x8x8x4xf32>, %w: tensor<6x3x3x2xf32>) -> tensor<1x8x8x6xf32> {
  // CHECK: nn.conv2d
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x4xf32>, tensor<6x3x3x2xf32>) -> tensor<1x8x8x6xf32>
  return %0 : tensor<1x8x8x6xf32>
}

// CHECK-LABEL: func.func @conv2d_int8
func.func @conv2d_int8(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2x!qb>) -> tensor<1x8x8x2x!qout> {
  // CHECK: nn.conv2d {{.*}} : (tensor<1x8x8x1x!quant.uniform<i8:f32, 5.000000e-01:-3>>, tensor<2x3x3x1x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01}>>, tensor<2x!quant.uniform<i32:f32:0, {5.000000e-02,1.000000e-01}>>) -> tensor<1x8x8x2x!quant.uniform<i8:f32, 2.500000e-01:10>>
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>, tensor<2x!qb>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// Hybrid layer: float activations, int8 weights.
// CHECK-LABEL: func.func @conv2d_hybrid
func.func @conv2d_hybrid(%x: tensor<1x8x8x1xf32>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2xf32>) -> tensor<1x8x8x2xf32> {
  // CHECK: nn.conv2d
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>}
      : (tensor<1x8x8x1xf32>, tensor<2x3x3x1x!qw>, tensor<2xf32>) -> tensor<1x8x8x2xf32>
  return %0 : tensor<1x8x8x2xf32>
}

// CHECK-LABEL: func.func @depthwise
func.func @depthwise(%x: tensor<1x9x9x2x!qin>, %w: tensor<1x3x3x4x!qdw>, %b: tensor<4x!qdb>, %xf: tensor<1x9x9x2xf32>, %wf: tensor<1x3x3x2xf32>) -> (tensor<1x5x5x4x!qout>, tensor<1x9x9x2xf32>) {
  // CHECK: nn.depthwise_conv2d {{.*}} {depth_multiplier = 2 : i64, padding = #nn.padding<same>, strides = array<i64: 2, 2>}
  %0 = nn.depthwise_conv2d %x, %w, %b {depth_multiplier = 2 : i64, padding = #nn.padding<same>, strides = array<i64: 2, 2>}
      : (tensor<1x9x9x2x!qin>, tensor<1x3x3x4x!qdw>, tensor<4x!qdb>) -> tensor<1x5x5x4x!qout>
  // CHECK: nn.depthwise_conv2d %{{.*}}, %{{.*}} {padding = #nn.padding<same>}
  %1 = nn.depthwise_conv2d %xf, %wf {padding = #nn.padding<same>}
      : (tensor<1x9x9x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x9x9x2xf32>
  return %0, %1 : tensor<1x5x5x4x!qout>, tensor<1x9x9x2xf32>
}

// CHECK-LABEL: func.func @fully_connected
func.func @fully_connected(%x: tensor<1x4x4x2xf32>, %w: tensor<10x32xf32>, %b: tensor<10xf32>, %y: tensor<2x3x32xf32>) -> (tensor<1x10xf32>, tensor<2x3x10xf32>) {
  // CHECK: nn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} {fused_activation = #nn.fused_activation<relu>} : (tensor<1x4x4x2xf32>, tensor<10x32xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  %0 = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4x4x2xf32>, tensor<10x32xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  // CHECK: nn.fully_connected {{.*}} {keep_num_dims = true}
  %1 = nn.fully_connected %y, %w {keep_num_dims = true}
      : (tensor<2x3x32xf32>, tensor<10x32xf32>) -> tensor<2x3x10xf32>
  return %0, %1 : tensor<1x10xf32>, tensor<2x3x10xf32>
}

// CHECK-LABEL: func.func @pooling
func.func @pooling(%x: tensor<1x25x5x64x!qin>, %y: tensor<1x8x8x3xf32>) -> (tensor<1x1x1x64x!qin>, tensor<1x4x4x3xf32>, tensor<1x64x!qout>, tensor<1x1x1x3xf32>) {
  // CHECK: nn.avg_pool2d %{{.*}} {kernel = array<i64: 25, 5>, padding = #nn.padding<valid>, strides = array<i64: 2, 2>}
  %0 = nn.avg_pool2d %x {kernel = array<i64: 25, 5>, strides = array<i64: 2, 2>, padding = #nn.padding<valid>}
      : (tensor<1x25x5x64x!qin>) -> tensor<1x1x1x64x!qin>
  // CHECK: nn.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>, padding = #nn.padding<same>, strides = array<i64: 2, 2>}
  %1 = nn.max_pool2d %y {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = #nn.padding<same>}
      : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
  // CHECK: nn.mean %{{.*}} {axes = array<i64: 1, 2>}
  %2 = nn.mean %x {axes = array<i64: 1, 2>} : (tensor<1x25x5x64x!qin>) -> tensor<1x64x!qout>
  // CHECK: nn.mean %{{.*}} {axes = array<i64: 1, -2>, keep_dims = true}
  %3 = nn.mean %y {axes = array<i64: 1, -2>, keep_dims = true} : (tensor<1x8x8x3xf32>) -> tensor<1x1x1x3xf32>
  return %0, %1, %2, %3 : tensor<1x1x1x64x!qin>, tensor<1x4x4x3xf32>, tensor<1x64x!qout>, tensor<1x1x1x3xf32>
}

// CHECK-LABEL: func.func @binary
func.func @binary(%a: tensor<1x4x4x8x!qin>, %b: tensor<1x4x4x8x!qout>, %c: tensor<1x1x1x8xf32>, %d: tensor<1x4x4x8xf32>) -> (tensor<1x4x4x8x!qout>, tensor<1x4x4x8xf32>) {
  // CHECK: nn.add %{{.*}}, %{{.*}} {fused_activation = #nn.fused_activation<relu>}
  %0 = nn.add %a, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4x4x8x!qin>, tensor<1x4x4x8x!qout>) -> tensor<1x4x4x8x!qout>
  // CHECK: nn.mul %{{.*}}, %{{.*}} : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  %1 = nn.mul %d, %c : (tensor<1x4x4x8xf32>, tensor<1x1x1x8xf32>) -> tensor<1x4x4x8xf32>
  return %0, %1 : tensor<1x4x4x8x!qout>, tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x2xf32>) -> (tensor<1x4x4x10xf32>, tensor<1x128xf32>, tensor<1x6x8x8xf32>) {
  // CHECK: nn.concat %{{.*}}, %{{.*}} {axis = 3 : i64}
  %0 = nn.concat %a, %b {axis = 3 : i64} : (tensor<1x4x4x8xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x10xf32>
  // CHECK: nn.reshape %{{.*}} : (tensor<1x4x4x8xf32>) -> tensor<1x128xf32>
  %1 = nn.reshape %a : (tensor<1x4x4x8xf32>) -> tensor<1x128xf32>
  // CHECK: nn.pad %{{.*}} {padding = array<i64: 0, 0, 1, 1, 2, 2, 0, 0>}
  %2 = nn.pad %a {padding = array<i64: 0, 0, 1, 1, 2, 2, 0, 0>} : (tensor<1x4x4x8xf32>) -> tensor<1x6x8x8xf32>
  return %0, %1, %2 : tensor<1x4x4x10xf32>, tensor<1x128xf32>, tensor<1x6x8x8xf32>
}

!qsm = !quant.uniform<i8:f32, 0.00390625:-128>
!qtanh = !quant.uniform<i8:f32, 0.0078125>

// CHECK-LABEL: func.func @activations
func.func @activations(%x: tensor<1x12xf32>, %q: tensor<1x12x!qin>) {
  // CHECK: nn.softmax %{{.*}} : (tensor<1x12xf32>) -> tensor<1x12xf32>
  %0 = nn.softmax %x : (tensor<1x12xf32>) -> tensor<1x12xf32>
  // CHECK: nn.softmax %{{.*}} {beta = 2.000000e+00 : f32}
  %1 = nn.softmax %q {beta = 2.0 : f32} : (tensor<1x12x!qin>) -> tensor<1x12x!qsm>
  // CHECK: nn.relu
  %2 = nn.relu %q : (tensor<1x12x!qin>) -> tensor<1x12x!qout>
  // CHECK: nn.relu6
  %3 = nn.relu6 %x : (tensor<1x12xf32>) -> tensor<1x12xf32>
  // CHECK: nn.tanh
  %4 = nn.tanh %q : (tensor<1x12x!qin>) -> tensor<1x12x!qtanh>
  // CHECK: nn.sigmoid
  %5 = nn.sigmoid %q : (tensor<1x12x!qin>) -> tensor<1x12x!qsm>
  // CHECK: nn.hard_swish
  %6 = nn.hard_swish %x : (tensor<1x12xf32>) -> tensor<1x12xf32>
  // CHECK: nn.leaky_relu %{{.*}} {alpha = 1.000000e-01 : f32}
  %7 = nn.leaky_relu %x {alpha = 0.1 : f32} : (tensor<1x12xf32>) -> tensor<1x12xf32>
  return
}

// CHECK-LABEL: func.func @quantization
func.func @quantization(%x: tensor<1x12xf32>) -> tensor<1x12xf32> {
  // CHECK: nn.quantize %{{.*}} : (tensor<1x12xf32>) -> tensor<1x12x!quant.uniform<i8:f32, 5.000000e-01:-3>>
  %0 = nn.quantize %x : (tensor<1x12xf32>) -> tensor<1x12x!qin>
  // CHECK: nn.quantize %{{.*}} : (tensor<1x12x!quant.uniform<i8:f32, 5.000000e-01:-3>>) -> tensor<1x12x!quant.uniform<i8:f32, 2.500000e-01:10>>
  %1 = nn.quantize %0 : (tensor<1x12x!qin>) -> tensor<1x12x!qout>
  // CHECK: nn.dequantize %{{.*}} : (tensor<1x12x!quant.uniform<i8:f32, 2.500000e-01:10>>) -> tensor<1x12xf32>
  %2 = nn.dequantize %1 : (tensor<1x12x!qout>) -> tensor<1x12xf32>
  return %2 : tensor<1x12xf32>
}

// The optional shape operand: constant (nn.constant, arith.constant, a
// dense_resource blob, with one -1) or computed (a function argument).
// CHECK-LABEL: func.func @reshape_shape
func.func @reshape_shape(%x: tensor<1x1x1x64xf32>, %s: tensor<2xi64>) -> (tensor<1x64xf32>, tensor<64x1xf32>, tensor<1x64xf32>, tensor<64x1xf32>) {
  // CHECK: %[[C:.*]] = nn.constant dense<[-1, 64]> : tensor<2xi32>
  // CHECK: nn.reshape %{{.*}}, %[[C]] : (tensor<1x1x1x64xf32>, tensor<2xi32>) -> tensor<1x64xf32>
  %c = nn.constant dense<[-1, 64]> : tensor<2xi32>
  %0 = nn.reshape %x, %c : (tensor<1x1x1x64xf32>, tensor<2xi32>) -> tensor<1x64xf32>
  // CHECK: %[[A:.*]] = arith.constant dense<[64, 1]> : tensor<2xi64>
  // CHECK: nn.reshape %{{.*}}, %[[A]] : (tensor<1x1x1x64xf32>, tensor<2xi64>) -> tensor<64x1xf32>
  %a = arith.constant dense<[64, 1]> : tensor<2xi64>
  %1 = nn.reshape %x, %a : (tensor<1x1x1x64xf32>, tensor<2xi64>) -> tensor<64x1xf32>
  // CHECK: nn.reshape %{{.*}}, %{{.*}} : (tensor<1x1x1x64xf32>, tensor<2xi64>) -> tensor<1x64xf32>
  %2 = nn.reshape %x, %s : (tensor<1x1x1x64xf32>, tensor<2xi64>) -> tensor<1x64xf32>
  // CHECK: %[[B:.*]] = nn.constant dense_resource<shape_blob> : tensor<2xi32>
  // CHECK: nn.reshape %{{.*}}, %[[B]] : (tensor<1x1x1x64xf32>, tensor<2xi32>) -> tensor<64x1xf32>
  %b = nn.constant dense_resource<shape_blob> : tensor<2xi32>
  %3 = nn.reshape %x, %b : (tensor<1x1x1x64xf32>, tensor<2xi32>) -> tensor<64x1xf32>
  return %0, %1, %2, %3 : tensor<1x64xf32>, tensor<64x1xf32>, tensor<1x64xf32>, tensor<64x1xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000000803F000000400000404000008040",
      shape_blob: "0x04000000FFFFFFFF01000000"
    }
  }
#-}
