//===- QuantMath.cpp - TFLite's fixed-point arithmetic --------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::nn;

std::optional<RequantizationMode>
mlir::nn::parseRequantizationMode(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<RequantizationMode>>(name)
      .Case("double-rounding", RequantizationMode::DoubleRounding)
      .Case("single-rounding", RequantizationMode::SingleRounding)
      .Case("fp32", RequantizationMode::Fp32)
      .Default(std::nullopt);
}

std::optional<HybridMode> mlir::nn::parseHybridMode(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<HybridMode>>(name)
      .Case("dynamic-range", HybridMode::DynamicRange)
      .Case("dequantize", HybridMode::Dequantize)
      .Default(std::nullopt);
}

RequantScale RequantScale::get(double inScale, double kernelScale,
                               double outScale) {
  // XNNPACK evaluates left to right in float on the float scales TFLite
  // stores; each step rounds.
  float product = static_cast<float>(inScale) * static_cast<float>(kernelScale);
  return {inScale * kernelScale / outScale,
          product / static_cast<float>(outScale)};
}

QuantizedMultiplier mlir::nn::quantizeMultiplier(double real) {
  QuantizedMultiplier result;
  if (real == 0.0)
    return result;
  int shift = 0;
  double q = std::frexp(real, &shift);
  auto fixed = static_cast<int64_t>(std::round(q * (1LL << 31)));
  if (fixed == (1LL << 31)) {
    fixed /= 2;
    ++shift;
  }
  if (shift < -31) {
    shift = 0;
    fixed = 0;
  }
  result.multiplier = static_cast<int32_t>(fixed);
  result.shift = shift;
  return result;
}

int32_t mlir::nn::saturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  if (a == b && a == std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::max();
  int64_t ab = static_cast<int64_t>(a) * b;
  int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  return static_cast<int32_t>((ab + nudge) / (1LL << 31));
}

int32_t mlir::nn::roundingDivideByPOT(int32_t x, int exponent) {
  int32_t mask = static_cast<int32_t>((1LL << exponent) - 1);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/// gemmlowp's SaturatingRoundingMultiplyByPOT<exponent>(x).
static int32_t saturatingRoundingMultiplyByPOT(int32_t x, int exponent) {
  if (exponent < 0)
    return roundingDivideByPOT(x, -exponent);
  if (exponent == 0)
    return x;
  int32_t threshold = (1 << (31 - exponent)) - 1;
  if (x > threshold)
    return std::numeric_limits<int32_t>::max();
  if (x < -threshold)
    return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

static int32_t wrappingAdd(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) +
                              static_cast<uint32_t>(b));
}

static int32_t wrappingSub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) -
                              static_cast<uint32_t>(b));
}

/// gemmlowp's exp_on_interval_between_negative_one_quarter_and_0_excl (Q0.31).
static int32_t expOnQuarterInterval(int32_t a) {
  const int32_t constantTerm = 1895147668; // exp(-1/8)
  const int32_t oneThird = 715827883;
  int32_t x = wrappingAdd(a, 1 << 28); // a + 1/8
  int32_t x2 = saturatingRoundingDoublingHighMul(x, x);
  int32_t x3 = saturatingRoundingDoublingHighMul(x2, x);
  int32_t x4 = saturatingRoundingDoublingHighMul(x2, x2);
  int32_t x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
  int32_t poly = saturatingRoundingMultiplyByPOT(
      wrappingAdd(
          saturatingRoundingDoublingHighMul(wrappingAdd(x4Over4, x3), oneThird),
          x2),
      -1);
  return wrappingAdd(constantTerm, saturatingRoundingDoublingHighMul(
                                       constantTerm, wrappingAdd(x, poly)));
}

int32_t mlir::nn::expOnNegativeValues(int32_t a, int integerBits) {
  const int fractionalBits = 31 - integerBits;
  const int32_t oneQuarter = 1 << (fractionalBits - 2);
  int32_t mask = oneQuarter - 1;
  int32_t aModQuarterMinusOneQuarter = wrappingSub(a & mask, oneQuarter);
  int32_t result = expOnQuarterInterval(
      saturatingRoundingMultiplyByPOT(aModQuarterMinusOneQuarter, integerBits));
  int32_t remainder = wrappingSub(aModQuarterMinusOneQuarter, a);
  static const struct {
    int exponent;
    int32_t multiplier;
  } barrel[] = {{-2, 1672461947}, {-1, 1302514674}, {0, 790015084},
                {1, 290630308},   {2, 39332535},    {3, 720401},
                {4, 242}};
  for (const auto &step : barrel) {
    if (integerBits <= step.exponent)
      continue;
    int shift = fractionalBits + step.exponent;
    if (remainder & (1 << shift))
      result = saturatingRoundingDoublingHighMul(result, step.multiplier);
  }
  if (integerBits > 5 && a < -(1 << (36 - integerBits)))
    result = 0;
  if (a == 0)
    result = std::numeric_limits<int32_t>::max();
  return result;
}

// 16-bit gemmlowp/TFLite helpers of reference_ops::HardSwish.
static int16_t srdhm16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min())
    return std::numeric_limits<int16_t>::max();
  int32_t ab = static_cast<int32_t>(a) * b;
  int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

/// TFLite's SaturatingDoublingHighMul: no rounding nudge.
static int16_t sdhm16(int16_t a, int16_t b) {
  if (a == b && a == std::numeric_limits<int16_t>::min())
    return std::numeric_limits<int16_t>::max();
  return static_cast<int16_t>(static_cast<int32_t>(a) * b / (1 << 15));
}

static int16_t roundingDivideByPOT16(int16_t x, int exponent) {
  exponent = std::min(exponent, 31); // x >> 31 is already 0 or -1
  auto mask = static_cast<int16_t>((int64_t{1} << exponent) - 1);
  int16_t remainder = static_cast<int16_t>(x & mask);
  int16_t threshold = static_cast<int16_t>((mask >> 1) + (x < 0 ? 1 : 0));
  return static_cast<int16_t>((x >> exponent) +
                              (remainder > threshold ? 1 : 0));
}

static int16_t saturatingLeftShift16(int16_t value, int amount) {
  int64_t result = static_cast<int64_t>(value) * (int64_t{1} << amount);
  return static_cast<int16_t>(
      std::clamp<int64_t>(result, std::numeric_limits<int16_t>::min(),
                          std::numeric_limits<int16_t>::max()));
}

/// TFLite's DownScaleInt32ToInt16Multiplier.
static int16_t downScaleToInt16(int32_t multiplier) {
  constexpr int32_t kRoundingOffset = 1 << 15;
  if (multiplier >= std::numeric_limits<int32_t>::max() - kRoundingOffset)
    return std::numeric_limits<int16_t>::max();
  return static_cast<int16_t>((multiplier + kRoundingOffset) >> 16);
}

std::optional<int32_t> mlir::nn::hardSwishInt8(int32_t q, float inScale,
                                               int32_t inZp, float outScale,
                                               int32_t outZp) {
  // HardSwishPrepare, in float as TFLite computes it.
  const float hiresInputScale = (1.0f / 128.0f) * inScale;
  const float reluishScale = 3.0f / 32768.0f;
  QuantizedMultiplier out = quantizeMultiplier(hiresInputScale / outScale);
  QuantizedMultiplier reluish =
      quantizeMultiplier(hiresInputScale / reluishScale);
  if (out.shift > 0) // TFLite's Prepare rejects it
    return std::nullopt;
  int16_t outMultiplier = downScaleToInt16(out.multiplier);
  int16_t reluishMultiplier = downScaleToInt16(reluish.multiplier);

  auto inputValue = static_cast<int16_t>(q - inZp);
  auto hires = static_cast<int16_t>(inputValue * (1 << 7));
  int16_t preshiftOutput = srdhm16(hires, outMultiplier);
  int16_t reluishValue = hires;
  if (reluish.shift > 0)
    reluishValue = saturatingLeftShift16(reluishValue, reluish.shift - 1);
  reluishValue = srdhm16(reluishValue, reluishMultiplier);
  if (reluish.shift > 0)
    reluishValue = saturatingLeftShift16(reluishValue, 1);
  if (reluish.shift < 0)
    reluishValue = roundingDivideByPOT16(reluishValue, -reluish.shift);
  reluishValue = static_cast<int16_t>((reluishValue + (1 << 15)) >> 1);
  int16_t preshift = sdhm16(reluishValue, preshiftOutput);
  return roundingDivideByPOT16(preshift, -out.shift) + outZp;
}

int32_t mlir::nn::quantizeFloat(float value, float scale, int32_t zeroPoint) {
  return zeroPoint + static_cast<int32_t>(std::round(value / scale));
}

Value mlir::nn::constI32(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(v));
}

Value mlir::nn::constF32(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(v));
}

static Value constI64(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
}

Value mlir::nn::emitSaturatingRoundingDoublingHighMul(OpBuilder &b,
                                                      Location loc, Value a,
                                                      Value m,
                                                      bool mayOverflow) {
  Type i64 = b.getI64Type();
  Value ab =
      arith::MulIOp::create(b, loc, arith::ExtSIOp::create(b, loc, i64, a),
                            arith::ExtSIOp::create(b, loc, i64, m));
  // TFLite's (ab + (ab >= 0 ? 2^30 : 1 - 2^30)) / 2^31, truncating toward
  // zero, is floor((ab + 2^30) / 2^31) for every ab: for ab < 0 the sum is
  // negative and truncation is ceil(s / 2^31) = floor((s + 2^31 - 1) / 2^31)
  // = floor((ab + 2^30) / 2^31). So one add and an arithmetic shift (SMULL,
  // ADDS/ADC, and a funnel shift on 32-bit Arm), no nudge or bias selects.
  Value high64 = arith::ShRSIOp::create(
      b, loc, arith::AddIOp::create(b, loc, ab, constI64(b, loc, 1LL << 30)),
      constI64(b, loc, 31));
  Value high = arith::TruncIOp::create(b, loc, b.getI32Type(), high64);
  if (!mayOverflow)
    return high;
  Value intMin = constI32(b, loc, std::numeric_limits<int32_t>::min());
  Value overflow = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, intMin),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, m, intMin));
  return arith::SelectOp::create(
      b, loc, overflow, constI32(b, loc, std::numeric_limits<int32_t>::max()),
      high);
}

Value mlir::nn::emitRoundingDivideByPOT(OpBuilder &b, Location loc, Value x,
                                        Value exponent) {
  Value zero = constI32(b, loc, 0);
  Value one = constI32(b, loc, 1);
  Value mask = arith::SubIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, one, exponent), one);
  Value remainder = arith::AndIOp::create(b, loc, x, mask);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  Value threshold = arith::AddIOp::create(
      b, loc, arith::ShRSIOp::create(b, loc, mask, one),
      arith::ExtUIOp::create(b, loc, b.getI32Type(), isNegative));
  Value roundUp = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                        remainder, threshold);
  return arith::AddIOp::create(
      b, loc, arith::ShRSIOp::create(b, loc, x, exponent),
      arith::ExtUIOp::create(b, loc, b.getI32Type(), roundUp));
}

Value mlir::nn::emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc,
                                                  Value x, Value multiplier,
                                                  Value shift) {
  Value zero = constI32(b, loc, 0);
  Value leftShift = arith::MaxSIOp::create(b, loc, shift, zero);
  Value rightShift = arith::MaxSIOp::create(
      b, loc, arith::SubIOp::create(b, loc, zero, shift), zero);
  return emitMultiplyByQuantizedMultiplier(b, loc, x, multiplier, leftShift,
                                           rightShift, /*mayBeIntMin=*/true);
}

Value mlir::nn::emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc,
                                                  Value x, Value multiplier,
                                                  Value leftShift,
                                                  Value rightShift,
                                                  bool mayBeIntMin) {
  Value a = leftShift ? arith::ShLIOp::create(b, loc, x, leftShift) : x;
  Value high =
      emitSaturatingRoundingDoublingHighMul(b, loc, a, multiplier, mayBeIntMin);
  return rightShift ? emitRoundingDivideByPOT(b, loc, high, rightShift) : high;
}

Value mlir::nn::emitSingleRoundingMultiply(OpBuilder &b, Location loc, Value x,
                                           Value multiplier, Value shift) {
  Type i64 = b.getI64Type();
  Value totalShift = arith::ExtSIOp::create(
      b, loc, i64, arith::SubIOp::create(b, loc, constI32(b, loc, 31), shift));
  Value round = arith::ShLIOp::create(
      b, loc, constI64(b, loc, 1),
      arith::SubIOp::create(b, loc, totalShift, constI64(b, loc, 1)));
  Value product =
      arith::MulIOp::create(b, loc, arith::ExtSIOp::create(b, loc, i64, x),
                            arith::ExtSIOp::create(b, loc, i64, multiplier));
  Value result = arith::ShRSIOp::create(
      b, loc, arith::AddIOp::create(b, loc, product, round), totalShift);
  result = arith::MaxSIOp::create(
      b, loc, result, constI64(b, loc, std::numeric_limits<int32_t>::min()));
  result = arith::MinSIOp::create(
      b, loc, result, constI64(b, loc, std::numeric_limits<int32_t>::max()));
  return arith::TruncIOp::create(b, loc, b.getI32Type(), result);
}

Value mlir::nn::emitFp32Requantize(OpBuilder &b, Location loc, Value acc,
                                   Value scale, int32_t zeroPoint, int32_t qmin,
                                   int32_t qmax) {
  // XNNPACK's scalar "fmagic" kernels; the SIMD ones (wasmsimd, sse, neon)
  // round the same product the same way and clamp in integers.
  Value v = arith::MulFOp::create(
      b, loc, arith::SIToFPOp::create(b, loc, b.getF32Type(), acc), scale);
  // Integer bounds: clamping before rounding equals clamping after, and keeps
  // |v| < 2^22 where the magic bias rounds exactly.
  v = arith::MaximumFOp::create(b, loc, v, constF32(b, loc, qmin - zeroPoint));
  v = arith::MinimumFOp::create(b, loc, v, constF32(b, loc, qmax - zeroPoint));
  // 1.5 * 2^23: adding it leaves round-half-to-even(v) in the low mantissa
  // bits under the default rounding mode.
  v = arith::AddFOp::create(b, loc, v, constF32(b, loc, 12582912.0));
  Value bits = arith::BitcastOp::create(b, loc, b.getI32Type(), v);
  return arith::SubIOp::create(b, loc, bits,
                               constI32(b, loc, 0x4B400000 - zeroPoint));
}

Value mlir::nn::emitRequantize(OpBuilder &b, Location loc,
                               RequantizationMode mode, Value acc,
                               Value multiplier, Value shift, Value scale,
                               int32_t zeroPoint, int32_t qmin, int32_t qmax) {
  if (mode == RequantizationMode::Fp32)
    return emitFp32Requantize(b, loc, acc, scale, zeroPoint, qmin, qmax);
  Value scaled =
      mode == RequantizationMode::SingleRounding
          ? emitSingleRoundingMultiply(b, loc, acc, multiplier, shift)
          : emitMultiplyByQuantizedMultiplier(b, loc, acc, multiplier, shift);
  scaled = arith::AddIOp::create(b, loc, scaled, constI32(b, loc, zeroPoint));
  return emitClampI32(b, loc, scaled, qmin, qmax);
}

/// gemmlowp's SaturatingRoundingMultiplyByPOT<exponent> for exponent > 0: a
/// left shift that saturates.
static Value emitSaturatingShiftLeft(OpBuilder &b, Location loc, Value x,
                                     int exponent) {
  int32_t threshold = (1 << (31 - exponent)) - 1;
  Value shifted = arith::ShLIOp::create(b, loc, x, constI32(b, loc, exponent));
  Value high = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, x,
                                     constI32(b, loc, threshold));
  Value low = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x,
                                    constI32(b, loc, -threshold));
  Value r = arith::SelectOp::create(
      b, loc, high, constI32(b, loc, std::numeric_limits<int32_t>::max()),
      shifted);
  return arith::SelectOp::create(
      b, loc, low, constI32(b, loc, std::numeric_limits<int32_t>::min()), r);
}

void mlir::nn::emitGetReciprocal(OpBuilder &b, Location loc, Value sum,
                                 int integerBits, Value &reciprocal,
                                 Value &bitsOverUnit) {
  Type i32 = b.getI32Type(), i64 = b.getI64Type();
  Value headroom = math::CountLeadingZerosOp::create(b, loc, sum);
  bitsOverUnit =
      arith::SubIOp::create(b, loc, constI32(b, loc, integerBits), headroom);
  // (x << headroom) - 2^31, in uint32 arithmetic.
  Value a = arith::SubIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, sum, headroom),
      constI32(b, loc, std::numeric_limits<int32_t>::min()));
  // one_over_one_plus_x_for_x_in_0_1(a): Newton-Raphson in Q2.29.
  // RoundingHalfSum(a, One) = (a + INT32_MAX + sign) / 2, in 64 bits.
  Value sum64 = arith::AddIOp::create(
      b, loc, arith::ExtSIOp::create(b, loc, i64, a),
      constI64(b, loc, std::numeric_limits<int32_t>::max()));
  Value sign = arith::SelectOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, sum64,
                            constI64(b, loc, 0)),
      constI64(b, loc, 1), constI64(b, loc, -1));
  Value halfDenominator = arith::TruncIOp::create(
      b, loc, i32,
      arith::DivSIOp::create(b, loc, arith::AddIOp::create(b, loc, sum64, sign),
                             constI64(b, loc, 2)));
  Value x = arith::AddIOp::create(
      b, loc, constI32(b, loc, 1515870810),
      emitSaturatingRoundingDoublingHighMul(b, loc, halfDenominator,
                                            constI32(b, loc, -1010580540)));
  for (int i = 0; i < 3; ++i) {
    Value product =
        emitSaturatingRoundingDoublingHighMul(b, loc, halfDenominator, x);
    Value oneMinus =
        arith::SubIOp::create(b, loc, constI32(b, loc, 1 << 29), product);
    x = arith::AddIOp::create(
        b, loc, x,
        emitSaturatingShiftLeft(
            b, loc, emitSaturatingRoundingDoublingHighMul(b, loc, x, oneMinus),
            2));
  }
  reciprocal = emitSaturatingShiftLeft(b, loc, x, 1);
}

Value mlir::nn::emitRoundToI32(OpBuilder &b, Location loc, Value x) {
  Type i32 = b.getI32Type();
  Value truncated = arith::FPToSIOp::create(b, loc, i32, x);
  Value fraction = arith::SubFOp::create(
      b, loc, x, arith::SIToFPOp::create(b, loc, b.getF32Type(), truncated));
  Value up = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, fraction,
                                   constF32(b, loc, 0.5));
  Value down = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE,
                                     fraction, constF32(b, loc, -0.5));
  Value adjust = arith::SelectOp::create(
      b, loc, up, constI32(b, loc, 1),
      arith::SelectOp::create(b, loc, down, constI32(b, loc, -1),
                              constI32(b, loc, 0)));
  return arith::AddIOp::create(b, loc, truncated, adjust);
}

Value mlir::nn::emitClampI32(OpBuilder &b, Location loc, Value x, int32_t lo,
                             int32_t hi) {
  Value clamped = arith::MaxSIOp::create(b, loc, x, constI32(b, loc, lo));
  return arith::MinSIOp::create(b, loc, clamped, constI32(b, loc, hi));
}
