// RUN: nn-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s

// A float conv: every output element accumulates its window in a register
// (an scf.for nest with an f32 iter_arg inside a linalg.generic over the
// output), skipping the padded taps (same, 3x3: the window's valid rows are
// [max(0, -origin), min(3, 8 - origin))), then adds the bias and clamps
// (relu6) before the store. No padded copy, no accumulator tensor.
// CHECK-LABEL: func.func @conv_f32
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>) -> tensor<1x4x4x8xf32>
// CHECK-NOT: tensor.pad
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x4x4x8xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%[[E]] : tensor<1x4x4x8xf32>)
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: scf.for {{.*}} iter_args({{.*}}) -> (f32)
// CHECK: scf.for
// CHECK: scf.for
// CHECK: tensor.extract %[[X]]
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: linalg.yield %{{.*}} : f32
func.func @conv_f32(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x4x8xf32> {
  %w = nn.constant dense<0.5> : tensor<8x3x3x3xf32>
  %b = nn.constant dense<0.1> : tensor<8xf32>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>,
                             fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// int8 conv: storage types in the signature, i32 accumulation in a
// register, per-channel multipliers/shifts computed at compile time
// (0.5*0.01/0.1 = 0.05 -> 1717986918 * 2^-4, 0.5*0.02/0.1 = 0.1 ->
// 1717986918 * 2^-3), requantized before the i8 store. Outputs [1, 3) x
// [1, 3) have their whole 3x3 window inside the input: constant bounds and
// sum(x * w) only; the others sum (x - zp) * w over their valid taps and
// subtract the folded zero-point term -zp * sum(w) = 3 * 9 = 27, which the
// epilogue adds to every output.
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02}>
!qb = !quant.uniform<i32:f32:0, {0.005, 0.01}>
!qy = !quant.uniform<i8:f32, 0.1:5>
// CHECK-LABEL: func.func @conv_int8
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x1xi8>) -> tensor<1x4x4x2xi8>
// CHECK-NOT: tensor.pad
// CHECK: %[[SHIFTS:.*]] = arith.constant dense<[-4, -3]> : tensor<2xi32>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x4x2xi8>)
// CHECK: arith.cmpi sge
// CHECK: scf.if %{{.*}} -> (i32)
// CHECK: scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} -> (i32)
// CHECK: tensor.extract %[[X]]
// CHECK-NOT: arith.subi
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: } else {
// CHECK: scf.for {{.*}} -> (i32)
// CHECK: tensor.extract %[[X]]
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.subi
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: %[[B:.*]] = arith.subi %{{.*}}, %c27_i32
// CHECK: scf.yield %[[B]]
// CHECK: arith.addi %{{.*}}, %c27_i32
// CHECK: arith.constant 1717986918 : i32
// CHECK: tensor.extract %[[SHIFTS]]
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

// Depthwise with multiplier 2: output channel o reads input channel o / 2
// and filter element [0, ky, kx, o]. A float 3x3 sums as XNNPACK's f32
// dwconv (TFLite's CPU delegate): the nine taps unrolled in column-major
// order (ky fastest), into two accumulators, padded taps selected to 0.
// CHECK-LABEL: func.func @depthwise_f32
// CHECK-SAME: (%[[X:.*]]: tensor<1x5x5x2xf32>)
// CHECK: %[[W:.*]] = arith.constant dense<5.000000e-01> : tensor<1x3x3x4xf32>
// CHECK: linalg.generic
// CHECK: %[[O:.*]] = linalg.index 3 : index
// CHECK: %[[IC:.*]] = arith.divui %[[O]], %{{.*}} : index
// CHECK-NOT: scf.for
// CHECK: tensor.extract %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %[[IC]]]
// CHECK: tensor.extract %[[W]][%c0{{[_0-9]*}}, %c0{{[_0-9]*}}, %c0{{[_0-9]*}}, %[[O]]]
// CHECK: arith.select
// CHECK: tensor.extract %[[W]][%c0{{[_0-9]*}}, %c1{{[_0-9]*}}, %c0{{[_0-9]*}}, %[[O]]]
// CHECK: tensor.extract %[[W]][%c0{{[_0-9]*}}, %c2{{[_0-9]*}}, %c0{{[_0-9]*}}, %[[O]]]
// CHECK: tensor.extract %[[W]][%c0{{[_0-9]*}}, %c0{{[_0-9]*}}, %c1{{[_0-9]*}}, %[[O]]]
// CHECK-NOT: scf.for
// CHECK: linalg.yield
func.func @depthwise_f32(%x: tensor<1x5x5x2xf32>) -> tensor<1x3x3x4xf32> {
  %w = nn.constant dense<0.5> : tensor<1x3x3x4xf32>
  %y = nn.depthwise_conv2d %x, %w {depth_multiplier = 2 : i64, padding = #nn.padding<valid>}
      : (tensor<1x5x5x2xf32>, tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  return %y : tensor<1x3x3x4xf32>
}

// -----

// Fully connected flattens its input to [batch, in], takes each dot product
// in a register and reshapes back.
// CHECK-LABEL: func.func @fully_connected
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x2x3xf32> into tensor<12xf32>
// CHECK: %[[IN:.*]] = tensor.expand_shape {{.*}} : tensor<12xf32> into tensor<2x6xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: scf.for {{.*}} -> (f32)
// CHECK: tensor.extract %[[IN]]
func.func @fully_connected(%x: tensor<2x2x3xf32>) -> tensor<2x4xf32> {
  %w = nn.constant dense<0.5> : tensor<4x6xf32>
  %y = nn.fully_connected %x, %w : (tensor<2x2x3xf32>, tensor<4x6xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Hybrid: float activations with int8 weights dequantize each weight in its
// register, (w - zp) * scale, rather than into a float copy in RAM.
!qw = !quant.uniform<i8<-127:127>:f32, 0.25>
// CHECK-LABEL: func.func @hybrid_fully_connected
// CHECK: %[[W:.*]] = arith.constant dense<4> : tensor<3x2xi8>
// CHECK-NOT: tensor<3x2xf32>
// CHECK: scf.for
// CHECK: tensor.extract %[[W]]
// CHECK: arith.sitofp
// CHECK: arith.mulf
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @hybrid_fully_connected(%x: tensor<1x2xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<4> : tensor<3x2xi8> -> tensor<3x2x!qw>
  %y = nn.fully_connected %x, %w : (tensor<1x2xf32>, tensor<3x2x!qw>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// int8 average pooling: sum in an i32 register over the window's valid
// taps, divide by their count (the extent of the valid range in each
// dimension) with TFLite's rounding.
!q = !quant.uniform<i8:f32, 0.1:-2>
// CHECK-LABEL: func.func @avg_pool_int8
// CHECK: linalg.generic
// CHECK: linalg.index 1
// CHECK: linalg.index 2
// CHECK: scf.for {{.*}} -> (i32)
// CHECK: arith.addi
// CHECK: arith.index_cast
// CHECK: arith.divsi
// CHECK: arith.trunci
func.func @avg_pool_int8(%x: tensor<1x5x5x2x!q>) -> tensor<1x3x3x2x!q> {
  %y = nn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<same>}
      : (tensor<1x5x5x2x!q>) -> tensor<1x3x3x2x!q>
  return %y : tensor<1x3x3x2x!q>
}

// -----

// Max pooling starts from the lowest value and skips padded taps.
// CHECK-LABEL: func.func @max_pool_f32
// CHECK-NOT: tensor.pad
// CHECK: %[[LOW:.*]] = arith.constant 0xFF800000 : f32
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[LOW]]) -> (f32)
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

// -----

// In place, as the memory plan's MayWriteInPlace aliasing assumes: the fc
// result %a dies at the relu, so the relu's linalg.generic writes over it
// (outs = %a, no tensor.empty); the relu result dies at the add, which
// writes over it and reads %x through its ins. %x is the caller's input and
// %d is returned (the caller's output): neither is overwritten, so the last
// relu writes a fresh tensor.
// CHECK-LABEL: func.func @in_place
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>)
// CHECK: %[[A:.*]] = linalg.generic
// CHECK-NOT: tensor.empty
// CHECK: %[[B:.*]] = linalg.generic {{.*}} outs(%[[A]] : tensor<1x4xf32>)
// CHECK: arith.maximumf
// CHECK-NOT: tensor.empty
// CHECK: %[[C:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x4xf32>) outs(%[[B]] : tensor<1x4xf32>)
// CHECK-NEXT: ^bb0(%[[XV:.*]]: f32, %[[BV:.*]]: f32):
// CHECK-NEXT: arith.addf %[[BV]], %[[XV]]
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x4xf32>
// CHECK: linalg.generic {{.*}} outs(%[[E]] : tensor<1x4xf32>)
func.func @in_place(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %w = nn.constant dense<0.5> : tensor<4x4xf32>
  %a = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %b = nn.relu %a : (tensor<1x4xf32>) -> tensor<1x4xf32>
  %c = nn.add %b, %x : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  %d = nn.relu %c : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %d : tensor<1x4xf32>
}

// -----

// Not in place while the input is still read later: the relu keeps %a
// alive for the add, so it writes a fresh tensor; the add then overwrites
// its first operand %a (int8: the storage types match), which dies there.
!q = !quant.uniform<i8:f32, 0.1:0>
// CHECK-LABEL: func.func @in_place_int8
// CHECK: %[[A:.*]] = linalg.generic
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4xi8>
// CHECK: %[[B:.*]] = linalg.generic {{.*}} ins(%[[A]] : tensor<4xi8>) outs(%[[E]] : tensor<4xi8>)
// CHECK: linalg.generic {{.*}} ins(%[[B]] : tensor<4xi8>) outs(%[[A]] : tensor<4xi8>)
func.func @in_place_int8(%x: tensor<4x!q>) -> tensor<4x!q> {
  %a = nn.relu %x : (tensor<4x!q>) -> tensor<4x!q>
  %b = nn.relu %a : (tensor<4x!q>) -> tensor<4x!q>
  %c = nn.add %a, %b : (tensor<4x!q>, tensor<4x!q>) -> tensor<4x!q>
  %d = nn.relu %c : (tensor<4x!q>) -> tensor<4x!q>
  return %d : tensor<4x!q>
}

// -----

// int8 fully connected: every output reads all its inputs, so the input
// zero point leaves the inner loop (sum(x * w) only) and the epilogue adds
// -zp * sum(w) per channel: -(-3) * (1 + 2) = 9, -(-3) * (-1 + 0) = -3.
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32, 0.01>
!qy = !quant.uniform<i8:f32, 0.1:5>
// CHECK-LABEL: func.func @fully_connected_int8
// CHECK: %[[TERM:.*]] = arith.constant dense<[9, -3]> : tensor<2xi32>
// CHECK: scf.for
// CHECK-NOT: arith.subi
// CHECK: arith.muli
// CHECK: scf.yield
// CHECK: tensor.extract %[[TERM]]
// CHECK: arith.addi
func.func @fully_connected_int8(%x: tensor<1x2x!qx>) -> tensor<1x2x!qy> {
  %w = nn.constant dense<[[1, 2], [-1, 0]]> : tensor<2x2xi8> -> tensor<2x2x!qw>
  %y = nn.fully_connected %x, %w : (tensor<1x2x!qx>, tensor<2x2x!qw>) -> tensor<1x2x!qy>
  return %y : tensor<1x2x!qy>
}
