// RUN: nn-opt %s --convert-nn-to-linalg | FileCheck %s --check-prefix=DOUBLE
// RUN: nn-opt %s --convert-nn-to-linalg=requantization=double-rounding | FileCheck %s --check-prefix=DOUBLE
// RUN: nn-opt %s --convert-nn-to-linalg=requantization=single-rounding | FileCheck %s --check-prefix=SINGLE
// RUN: nn-opt %s --convert-nn-to-linalg=requantization=fp32 | FileCheck %s --check-prefix=FP32
// RUN: not nn-opt %s --convert-nn-to-linalg=requantization=round 2>&1 | FileCheck %s --check-prefix=BAD

// The three requantizations of an int8 fully_connected with per-channel
// weight scales: real scales 0.5 * {0.01, 0.02} / 0.1 = {0.05, 0.1}.
// BAD: error: unknown requantization 'round' (expected double-rounding, single-rounding or fp32)

// TFLite Micro: multiplier 0.05 = 1717986918 * 2^(-4 - 31), 0.1 the same
// multiplier with shift -3; SaturatingRoundingDoublingHighMul (the 2^30
// nudge; no INT_MIN check, as no multiplier is INT_MIN) and
// RoundingDivideByPOT (mask, threshold) by the right shifts {4, 3}, known at
// compile time (no left shift). The bias {10, -20} and the folded input
// zero-point term -(-3) * sum(w) = {6, 9} are one constant {16, -11}.
// DOUBLE-LABEL: func.func @fc_int8
// DOUBLE: %[[SHIFTS:.*]] = arith.constant dense<[4, 3]> : tensor<2xi32>
// DOUBLE: %[[BIAS:.*]] = arith.constant dense<[16, -11]> : tensor<2xi32>
// DOUBLE: linalg.generic
// DOUBLE: tensor.extract %[[BIAS]]
// DOUBLE: arith.constant 1717986918 : i32
// DOUBLE: tensor.extract %[[SHIFTS]]
// DOUBLE-NOT: arith.cmpi eq
// DOUBLE: %[[AB:.*]] = arith.muli %{{.*}} : i64
// DOUBLE: %[[NUDGED:.*]] = arith.addi %[[AB]], %c1073741824_i64 : i64
// DOUBLE: arith.shrsi %[[NUDGED]], %c31_i64 : i64
// DOUBLE: arith.andi
// DOUBLE: arith.cmpi sgt
// DOUBLE: arith.shrsi %{{.*}} : i32
// DOUBLE: arith.addi %{{.*}}, %c5_i32 : i32
// DOUBLE: arith.maxsi %{{.*}}, %c-128_i32
// DOUBLE: arith.minsi %{{.*}}, %c127_i32
// DOUBLE: arith.trunci %{{.*}} : i32 to i8
// DOUBLE-NOT: arith.mulf

// TFLITE_SINGLE_ROUNDING: (acc * multiplier + 2^(30 - shift)) >> (31 - shift)
// in 64 bits, saturated to int32; no nudge.
// SINGLE-LABEL: func.func @fc_int8
// SINGLE: %[[SHIFTS:.*]] = arith.constant dense<[-4, -3]> : tensor<2xi32>
// SINGLE: linalg.generic
// SINGLE: arith.constant 1717986918 : i32
// SINGLE: %[[SHIFT:.*]] = tensor.extract %[[SHIFTS]]
// SINGLE: %[[TOTAL:.*]] = arith.subi %c31_i32, %[[SHIFT]] : i32
// SINGLE: %[[TOTAL64:.*]] = arith.extsi %[[TOTAL]] : i32 to i64
// SINGLE: %[[RS:.*]] = arith.subi %[[TOTAL64]], %c1_i64{{.*}} : i64
// SINGLE: %[[ROUND:.*]] = arith.shli %c1_i64{{.*}}, %[[RS]] : i64
// SINGLE: %[[PRODUCT:.*]] = arith.muli %{{.*}}, %{{.*}} : i64
// SINGLE: %[[SUM:.*]] = arith.addi %[[PRODUCT]], %[[ROUND]] : i64
// SINGLE: arith.shrsi %[[SUM]], %[[TOTAL64]] : i64
// SINGLE: arith.maxsi %{{.*}}, %c-2147483648_i64 : i64
// SINGLE: arith.minsi %{{.*}}, %c2147483647_i64 : i64
// SINGLE: arith.trunci %{{.*}} : i64 to i32
// SINGLE: arith.addi %{{.*}}, %c5_i32 : i32
// SINGLE: arith.maxsi %{{.*}}, %c-128_i32
// SINGLE: arith.minsi %{{.*}}, %c127_i32
// SINGLE-NOT: 1073741824

// XNNPACK fp32: the per-channel f32 scales as bit patterns, computed in
// float as XNNPACK does: float(0.5) * float(0.01) / float(0.1) = 0.049999997
// (1028443340), one ulp below float(0.05) (1028443341), and 0.099999994
// (1036831948); then float(acc) * scale, clamped to [-128 - 5, 127 - 5] in
// float, + 1.5 * 2^23, bits - (0x4B400000 - 5).
// FP32-LABEL: func.func @fc_int8
// FP32-NOT: 1717986918
// FP32: %[[SCALES:.*]] = arith.constant dense<[1028443340, 1036831948]> : tensor<2xi32>
// FP32: linalg.generic
// FP32: %[[BITS:.*]] = tensor.extract %[[SCALES]]
// FP32: %[[SCALE:.*]] = arith.bitcast %[[BITS]] : i32 to f32
// FP32: %[[F:.*]] = arith.sitofp %{{.*}} : i32 to f32
// FP32: %[[P:.*]] = arith.mulf %[[F]], %[[SCALE]] : f32
// FP32: %[[LO:.*]] = arith.maximumf %[[P]], %cst{{.*}} : f32
// FP32: %[[HI:.*]] = arith.minimumf %[[LO]], %cst{{.*}} : f32
// FP32: %[[M:.*]] = arith.addf %[[HI]], %cst{{.*}} : f32
// FP32: %[[I:.*]] = arith.bitcast %[[M]] : f32 to i32
// FP32: %[[Q:.*]] = arith.subi %[[I]], %c1262485499_i32 : i32
// FP32: arith.trunci %[[Q]] : i32 to i8
// FP32-NOT: arith.shrsi
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02}>
!qb = !quant.uniform<i32:f32:0, {0.005, 0.01}>
!qy = !quant.uniform<i8:f32, 0.1:5>
func.func @fc_int8(%x: tensor<1x3x!qx>) -> tensor<1x2x!qy> {
  %w = nn.constant dense<[[1, -2, 3], [4, 5, -6]]> : tensor<2x3xi8> -> tensor<2x3x!qw>
  %b = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!qb>
  %y = nn.fully_connected %x, %w, %b : (tensor<1x3x!qx>, tensor<2x3x!qw>, tensor<2x!qb>) -> tensor<1x2x!qy>
  return %y : tensor<1x2x!qy>
}
