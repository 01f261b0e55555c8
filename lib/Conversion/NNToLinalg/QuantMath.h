//===- QuantMath.h - TFLite's fixed-point arithmetic ------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// TFLite's integer requantization, in two halves: the compile-time part
// (QuantizeMultiplier: a real scale -> int32 multiplier + shift) in plain C++,
// and the run-time part (MultiplyByQuantizedMultiplier with TFLM's default
// double rounding) emitted as arith ops. docs/numerics.md has the formulas.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_CONVERSION_NNTOLINALG_QUANTMATH_H
#define NN_LIB_CONVERSION_NNTOLINALG_QUANTMATH_H

#include "mlir/IR/Builders.h"

#include <cstdint>

namespace mlir::nn {

/// TFLite's QuantizeMultiplier: `real ~= multiplier * 2^(shift - 31)` with
/// multiplier in [2^30, 2^31) (or 0).
struct QuantizedMultiplier {
  int32_t multiplier = 0;
  int32_t shift = 0;
};
QuantizedMultiplier quantizeMultiplier(double real);

/// gemmlowp's scalar SaturatingRoundingDoublingHighMul and RoundingDivideByPOT
/// and exp_on_negative_values for a Q(integerBits).(31-integerBits) input,
/// returning Q0.31: the compile-time halves of TFLite's int8 softmax.
int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);
int32_t roundingDivideByPOT(int32_t x, int exponent);
int32_t expOnNegativeValues(int32_t a, int integerBits);

/// TFLite's TfLiteRound (std::round: halves away from zero) of `value / scale`
/// in float, plus `zeroPoint`: how TFLite quantizes activation bounds.
int32_t quantizeFloat(float value, float scale, int32_t zeroPoint);

/// Emits MultiplyByQuantizedMultiplier(x, multiplier, shift) on i32 values:
/// RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << max(shift, 0),
/// multiplier), max(-shift, 0)). Only the 32x32 product is 64-bit.
Value emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc, Value x,
                                        Value multiplier, Value shift);

/// Emits SaturatingRoundingDoublingHighMul(a, m) and
/// RoundingDivideByPOT(x, exponent) on i32 values.
Value emitSaturatingRoundingDoublingHighMul(OpBuilder &b, Location loc, Value a,
                                            Value m);
Value emitRoundingDivideByPOT(OpBuilder &b, Location loc, Value x,
                              Value exponent);

/// Emits TFLite's GetReciprocal(sum, integerBits, &bitsOverUnit): the Q0.31
/// reciprocal of 1 + the fraction of `sum` (a Q(integerBits) value) and the
/// number of bits `sum` has over 1.
void emitGetReciprocal(OpBuilder &b, Location loc, Value sum, int integerBits,
                       Value &reciprocal, Value &bitsOverUnit);

/// Emits round-half-away-from-zero of an f32 to i32 (std::round, then cast),
/// without calling libm's roundf.
Value emitRoundToI32(OpBuilder &b, Location loc, Value x);

/// Emits clamp(x, lo, hi) on i32.
Value emitClampI32(OpBuilder &b, Location loc, Value x, int32_t lo, int32_t hi);

/// i32 / index / f32 constants.
Value constI32(OpBuilder &b, Location loc, int64_t v);
Value constF32(OpBuilder &b, Location loc, double v);

} // namespace mlir::nn

#endif // NN_LIB_CONVERSION_NNTOLINALG_QUANTMATH_H
