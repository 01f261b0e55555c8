// RUN: nn-opt %s -canonicalize -split-input-file | FileCheck %s

// An identity reshape folds away.
// CHECK-LABEL: func.func @reshape_identity
// CHECK-SAME: (%[[X:.*]]: tensor<1x8xf32>)
// CHECK-NEXT: return %[[X]]
func.func @reshape_identity(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %0 = nn.reshape %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// reshape(reshape(x)) keeps only the final shape.
// CHECK-LABEL: func.func @reshape_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4xf32>)
// CHECK-NEXT: %[[R:.*]] = nn.reshape %[[X]] : (tensor<1x2x4xf32>) -> tensor<8xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_reshape(%x: tensor<1x2x4xf32>) -> tensor<8xf32> {
  %0 = nn.reshape %x : (tensor<1x2x4xf32>) -> tensor<1x8xf32>
  %1 = nn.reshape %0 : (tensor<1x8xf32>) -> tensor<8xf32>
  return %1 : tensor<8xf32>
}

// -----

// A round trip through another shape is the identity.
// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @reshape_round_trip(%x: tensor<1x2x4xf32>) -> tensor<1x2x4xf32> {
  %0 = nn.reshape %x : (tensor<1x2x4xf32>) -> tensor<8xf32>
  %1 = nn.reshape %0 : (tensor<8xf32>) -> tensor<1x2x4xf32>
  return %1 : tensor<1x2x4xf32>
}

// -----

// Reshaping a dense constant yields the reshaped constant; quantized
// constants keep their quantized type.
// CHECK-LABEL: func.func @reshape_constant
// CHECK-DAG: nn.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>
// CHECK-DAG: nn.constant dense<{{\[\[}}1, 2]]> : tensor<1x2xi8> -> tensor<1x2x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NOT: nn.reshape
func.func @reshape_constant() -> (tensor<1x2xf32>, tensor<1x2x!quant.uniform<i8:f32, 0.5>>) {
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = nn.reshape %0 : (tensor<2xf32>) -> tensor<1x2xf32>
  %2 = nn.constant dense<[1, 2]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  %3 = nn.reshape %2 : (tensor<2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x!quant.uniform<i8:f32, 0.5>>
  return %1, %3 : tensor<1x2xf32>, tensor<1x2x!quant.uniform<i8:f32, 0.5>>
}

// -----

// With shape operands the folds are the same: the identity and the
// constant fold leave the shape constants dead, and reshape(reshape(x))
// keeps the outer shape, which still describes its result.
// CHECK-LABEL: func.func @reshape_shape_operand
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4xf32>)
// CHECK-DAG: %[[S:.*]] = nn.constant dense<-1> : tensor<1xi32>
// CHECK-DAG: %[[C:.*]] = nn.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00]]> : tensor<1x2xf32>
// CHECK: %[[R:.*]] = nn.reshape %[[X]], %[[S]] : (tensor<1x2x4xf32>, tensor<1xi32>) -> tensor<8xf32>
// CHECK-NOT: nn.constant
// CHECK-NOT: nn.reshape
// CHECK: return %[[X]], %[[R]], %[[C]]
func.func @reshape_shape_operand(%x: tensor<1x2x4xf32>) -> (tensor<1x2x4xf32>, tensor<8xf32>, tensor<1x2xf32>) {
  %s3 = nn.constant dense<[1, 2, 4]> : tensor<3xi32>
  %0 = nn.reshape %x, %s3 : (tensor<1x2x4xf32>, tensor<3xi32>) -> tensor<1x2x4xf32>
  %s2 = nn.constant dense<[1, 8]> : tensor<2xi32>
  %1 = nn.reshape %x, %s2 : (tensor<1x2x4xf32>, tensor<2xi32>) -> tensor<1x8xf32>
  %s1 = nn.constant dense<[-1]> : tensor<1xi32>
  %2 = nn.reshape %1, %s1 : (tensor<1x8xf32>, tensor<1xi32>) -> tensor<8xf32>
  %c = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %s4 = nn.constant dense<[1, -1]> : tensor<2xi64>
  %3 = nn.reshape %c, %s4 : (tensor<2xf32>, tensor<2xi64>) -> tensor<1x2xf32>
  return %0, %2, %3 : tensor<1x2x4xf32>, tensor<8xf32>, tensor<1x2xf32>
}

// -----

// Zero padding folds away; real padding stays.
// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>)
// CHECK-NEXT: %[[P:.*]] = nn.pad %[[X]] {padding = array<i64: 0, 0, 1, 0>}
// CHECK-NEXT: return %[[X]], %[[P]]
func.func @pad(%x: tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x5xf32>) {
  %0 = nn.pad %x {padding = array<i64: 0, 0, 0, 0>} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %1 = nn.pad %x {padding = array<i64: 0, 0, 1, 0>} : (tensor<1x4xf32>) -> tensor<1x5xf32>
  return %0, %1 : tensor<1x4xf32>, tensor<1x5xf32>
}

// -----

// Identical constants are merged, dead layers removed (the ops are pure).
// CHECK-LABEL: func.func @cse_dce
// CHECK-COUNT-1: nn.constant
// CHECK-NOT: nn.constant
// CHECK-NOT: nn.relu
func.func @cse_dce(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %2 = nn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}
