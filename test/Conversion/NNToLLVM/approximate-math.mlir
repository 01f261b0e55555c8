// RUN: nn-opt %s --nn-approximate-math --split-input-file | FileCheck %s
// RUN: nn-opt %s --nn-approximate-math=soft-float --split-input-file | FileCheck %s --check-prefix=SOFT

// exp becomes upstream's polynomial (range reduction by ln 2, a degree-7
// polynomial, the exponent put back with integer shifts): no math op left,
// so nothing the LLVM back end would turn into a libm call.
// CHECK-LABEL: func.func @exp
// CHECK-NOT: math.
// CHECK: arith.fptosi {{.*}} : f32 to i32
// CHECK: arith.shli
// CHECK: arith.bitcast {{.*}} : i32 to f32
// CHECK-NOT: math.
// CHECK: return
func.func @exp(%x: f32) -> f32 {
  %y = math.exp %x : f32
  return %y : f32
}

// -----

// tanh has its own rational approximation upstream.
// CHECK-LABEL: func.func @tanh
// CHECK-NOT: math.tanh
// CHECK: arith.divf
// CHECK-NOT: math.tanh
func.func @tanh(%x: f32) -> f32 {
  %y = math.tanh %x : f32
  return %y : f32
}

// -----

// floor through i32 where |x| < 2^23, x itself above (and for NaN/inf);
// copysign keeps floor(-0.0) = -0.0.
// CHECK-LABEL: func.func @floor
// CHECK-SAME: (%[[X:.*]]: f32)
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[LIMIT:.*]] = arith.constant 0x4B000000 : f32
// CHECK: %[[I:.*]] = arith.fptosi %[[X]] : f32 to i32
// CHECK: %[[T:.*]] = arith.sitofp %[[I]] : i32 to f32
// CHECK: %[[UP:.*]] = arith.cmpf ogt, %[[T]], %[[X]] : f32
// CHECK: %[[DOWN:.*]] = arith.subf %[[T]], %[[ONE]] : f32
// CHECK: %[[F:.*]] = arith.select %[[UP]], %[[DOWN]], %[[T]] : f32
// CHECK: %[[S:.*]] = math.copysign %[[F]], %[[X]] : f32
// CHECK: %[[ABS:.*]] = math.absf %[[X]] : f32
// CHECK: %[[SMALL:.*]] = arith.cmpf olt, %[[ABS]], %[[LIMIT]] : f32
// CHECK: %[[R:.*]] = arith.select %[[SMALL]], %[[S]], %[[X]] : f32
// CHECK: return %[[R]]
func.func @floor(%x: f32) -> f32 {
  %y = math.floor %x : f32
  return %y : f32
}

// -----

// fma as a contractible multiply-add (a VFMA where the FPU has one, never
// a call to fmaf); other fastmath flags are kept.
// CHECK-LABEL: func.func @fma
// CHECK: %[[M:.*]] = arith.mulf %arg0, %arg1 fastmath<nnan,contract> : f32
// CHECK: arith.addf %[[M]], %arg2 fastmath<nnan,contract> : f32
func.func @fma(%a: f32, %b: f32, %c: f32) -> f32 {
  %y = math.fma %a, %b, %c fastmath<nnan> : f32
  return %y : f32
}

// -----

// f64 floor is left alone (the lowering produces none).
// CHECK-LABEL: func.func @floor_f64
// CHECK: math.floor {{.*}} : f64
func.func @floor_f64(%x: f64) -> f64 {
  %y = math.floor %x : f64
  return %y : f64
}

// -----

// Float min/max stay for targets with an FPU. With soft-float they become
// upstream's compare and select, NaN propagated (an unordered compare picks
// the NaN lhs, the last select the NaN rhs); integer min/max stay (only the
// float ones would become libm calls).
// CHECK-LABEL: func.func @min_max
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: arith.maxsi
// SOFT-LABEL: func.func @min_max
// SOFT-SAME: (%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[I:.*]]: i32, %[[J:.*]]: i32)
// SOFT-NOT: arith.maximumf
// SOFT: %[[GT:.*]] = arith.cmpf ugt, %[[X]], %[[Y]] : f32
// SOFT: %[[MAX:.*]] = arith.select %[[GT]], %[[X]], %[[Y]] : f32
// SOFT: %[[YNAN:.*]] = arith.cmpf uno, %[[Y]], %[[Y]] : f32
// SOFT: %[[R0:.*]] = arith.select %[[YNAN]], %[[Y]], %[[MAX]] : f32
// SOFT: %[[LT:.*]] = arith.cmpf ult, %[[R0]], %[[Y]] : f32
// SOFT-NOT: arith.minimumf
// SOFT: arith.maxsi %[[I]], %[[J]] : i32
func.func @min_max(%x: f32, %y: f32, %i: i32, %j: i32) -> (f32, i32) {
  %0 = arith.maximumf %x, %y : f32
  %1 = arith.minimumf %0, %y : f32
  %2 = arith.maxsi %i, %j : i32
  return %1, %2 : f32, i32
}

