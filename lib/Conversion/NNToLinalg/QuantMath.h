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
#include <optional>

namespace mlir::nn {

/// How an int32 accumulator is rescaled to the int8 output (the
/// `requantization` option of --convert-nn-to-linalg; docs/numerics.md):
///   DoubleRounding  TFLite Micro / TFLite's reference kernels (default):
///                   SaturatingRoundingDoublingHighMul + RoundingDivideByPOT.
///   SingleRounding  TFLite built with TFLITE_SINGLE_ROUNDING: one 64-bit
///                   product and one rounding shift.
///   Fp32            XNNPACK's fp32 requantization (TFLite's CPU delegate):
///                   float(acc) * float scale, rounded half to even.
enum class RequantizationMode { DoubleRounding, SingleRounding, Fp32 };
std::optional<RequantizationMode> parseRequantizationMode(llvm::StringRef name);

/// How hybrid layers (float activations, int8 weights) compute (the `hybrid`
/// option of --convert-nn-to-linalg; docs/numerics.md):
///   DynamicRange  TFLite's hybrid kernels (default): the float input is
///                 quantized to int8 at run time (symmetric, one scale per
///                 batch), int8 x int8 products accumulate in int32, and
///                 float(acc) * (input scale * weight scale) + bias.
///   Dequantize    each weight dequantized in its register, float MACs.
enum class HybridMode { DynamicRange, Dequantize };
std::optional<HybridMode> parseHybridMode(llvm::StringRef name);

/// A layer's rescale factor, as TFLite's kernels (`real`, in double) and as
/// XNNPACK (`fp32`: input_scale * kernel_scale / output_scale in float).
struct RequantScale {
  double real = 0;
  float fp32 = 0;
  static RequantScale get(double inScale, double kernelScale, double outScale);
};

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

/// TFLite's int8 HARD_SWISH of the stored value `q`
/// (reference_ops::HardSwish, also TFLite Micro's): 16-bit fixed point with
/// multipliers from HardSwishPrepare; unclamped. Nothing where TFLite's
/// Prepare rejects the quantization (output multiplier above 1).
std::optional<int32_t> hardSwishInt8(int32_t q, float inScale, int32_t inZp,
                                     float outScale, int32_t outZp);

/// TFLite's TfLiteRound (std::round: halves away from zero) of `value / scale`
/// in float, plus `zeroPoint`: how TFLite quantizes activation bounds.
int32_t quantizeFloat(float value, float scale, int32_t zeroPoint);

/// Emits MultiplyByQuantizedMultiplier(x, multiplier, shift) on i32 values:
/// RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << max(shift, 0),
/// multiplier), max(-shift, 0)). Only the 32x32 product is 64-bit.
Value emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc, Value x,
                                        Value multiplier, Value shift);

/// The same with the shift split at compile time: `leftShift` = max(shift,
/// 0) and `rightShift` = max(-shift, 0), each null when known to be 0 (no
/// shift emitted); `mayBeIntMin` false when `multiplier` is known not to be
/// INT32_MIN, which drops the high multiply's overflow select.
Value emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc, Value x,
                                        Value multiplier, Value leftShift,
                                        Value rightShift, bool mayBeIntMin);

/// Emits TFLITE_SINGLE_ROUNDING's MultiplyByQuantizedMultiplier:
/// (x * multiplier + 2^(30 - shift)) >> (31 - shift) in 64 bits, saturated
/// to int32.
Value emitSingleRoundingMultiply(OpBuilder &b, Location loc, Value x,
                                 Value multiplier, Value shift);

/// Emits XNNPACK's fp32 requantization of an i32 accumulator: float(acc) *
/// scale (f32), clamped to [qmin - zp, qmax - zp] in float, rounded half to
/// even with the 1.5 * 2^23 magic bias (no libm call), plus zp. The result is
/// an i32 in [qmin, qmax].
Value emitFp32Requantize(OpBuilder &b, Location loc, Value acc, Value scale,
                         int32_t zeroPoint, int32_t qmin, int32_t qmax);

/// The one requantization every int8 layer uses:
/// clamp(rescale(acc) + zeroPoint, qmin, qmax) as an i32, in `mode`.
/// `multiplier`/`shift` (i32, from quantizeMultiplier) serve the integer
/// modes, `scale` (f32, RequantScale::fp32) the Fp32 mode.
Value emitRequantize(OpBuilder &b, Location loc, RequantizationMode mode,
                     Value acc, Value multiplier, Value shift, Value scale,
                     int32_t zeroPoint, int32_t qmin, int32_t qmax);

/// Emits SaturatingRoundingDoublingHighMul(a, m) and
/// RoundingDivideByPOT(x, exponent) on i32 values. `mayOverflow` false
/// when `a` or `m` is known not to be INT32_MIN (the only overflow: the
/// result then saturates to INT32_MAX), which drops that select.
Value emitSaturatingRoundingDoublingHighMul(OpBuilder &b, Location loc, Value a,
                                            Value m, bool mayOverflow = true);
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
