//===- QuantMath.cpp - TFLite's fixed-point arithmetic --------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::nn;

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

Value mlir::nn::emitMultiplyByQuantizedMultiplier(OpBuilder &b, Location loc,
                                                  Value x, Value multiplier,
                                                  Value shift) {
  Type i64 = b.getI64Type();
  Value zero = constI32(b, loc, 0);
  Value one = constI32(b, loc, 1);
  Value leftShift = arith::MaxSIOp::create(b, loc, shift, zero);
  Value rightShift = arith::MaxSIOp::create(
      b, loc, arith::SubIOp::create(b, loc, zero, shift), zero);
  Value a = arith::ShLIOp::create(b, loc, x, leftShift);

  // SaturatingRoundingDoublingHighMul(a, multiplier).
  Value intMin = constI32(b, loc, std::numeric_limits<int32_t>::min());
  Value overflow = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, intMin),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, multiplier,
                            intMin));
  Value ab =
      arith::MulIOp::create(b, loc, arith::ExtSIOp::create(b, loc, i64, a),
                            arith::ExtSIOp::create(b, loc, i64, multiplier));
  Value zero64 = constI64(b, loc, 0);
  Value abNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, ab, zero64);
  Value nudge = arith::SelectOp::create(b, loc, abNegative,
                                        constI64(b, loc, 1 - (1LL << 30)),
                                        constI64(b, loc, 1LL << 30));
  Value sum = arith::AddIOp::create(b, loc, ab, nudge);
  // C's `/ (1ll << 31)` truncates toward zero; a shift (no 64-bit division
  // libcall on 32-bit targets) does the same after biasing negative values.
  Value sumNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, sum, zero64);
  Value bias = arith::SelectOp::create(
      b, loc, sumNegative, constI64(b, loc, (1LL << 31) - 1), zero64);
  Value high64 = arith::ShRSIOp::create(
      b, loc, arith::AddIOp::create(b, loc, sum, bias), constI64(b, loc, 31));
  Value high = arith::TruncIOp::create(b, loc, b.getI32Type(), high64);
  Value srdhm = arith::SelectOp::create(
      b, loc, overflow, constI32(b, loc, std::numeric_limits<int32_t>::max()),
      high);

  // RoundingDivideByPOT(srdhm, rightShift).
  Value mask = arith::SubIOp::create(
      b, loc, arith::ShLIOp::create(b, loc, one, rightShift), one);
  Value remainder = arith::AndIOp::create(b, loc, srdhm, mask);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, srdhm, zero);
  Value threshold = arith::AddIOp::create(
      b, loc, arith::ShRSIOp::create(b, loc, mask, one),
      arith::ExtUIOp::create(b, loc, b.getI32Type(), isNegative));
  Value roundUp = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                        remainder, threshold);
  return arith::AddIOp::create(
      b, loc, arith::ShRSIOp::create(b, loc, srdhm, rightShift),
      arith::ExtUIOp::create(b, loc, b.getI32Type(), roundUp));
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
