//===- ApproximateMath.cpp - math functions inline, no libm calls ---------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNAPPROXIMATEMATHPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
/// f32 floor without `floorf` (the Cortex-M4's FPv4 has no VRINTM, and
/// upstream's math-expand-ops has no floor): below 2^23 in magnitude,
/// truncate through i32 and step down when that rounded up; above it (and
/// for NaN and infinities) x is its own floor. copysign keeps -0.0.
struct ExpandFloorF32 : OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    Value x = op.getOperand();
    if (!x.getType().isF32())
      return rewriter.notifyMatchFailure(op, "only scalar f32 is expanded");
    Location loc = op.getLoc();
    auto f32 = [&](float v) {
      return arith::ConstantOp::create(rewriter, loc,
                                       rewriter.getF32FloatAttr(v));
    };
    Value truncated = arith::SIToFPOp::create(
        rewriter, loc, rewriter.getF32Type(),
        arith::FPToSIOp::create(rewriter, loc, rewriter.getI32Type(), x));
    Value roundedUp = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::OGT, truncated, x);
    Value floored = arith::SelectOp::create(
        rewriter, loc, roundedUp,
        arith::SubFOp::create(rewriter, loc, truncated, f32(1.0f)), truncated);
    floored = math::CopySignOp::create(rewriter, loc, floored, x);
    Value small = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::OLT,
        math::AbsFOp::create(rewriter, loc, x), f32(8388608.0f));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, small, floored, x);
    return success();
  }
};

/// math.fma as a multiply and an add that LLVM may contract: a fused
/// VFMA/VMLA where the FPU has one, two operations (not a call to `fmaf`)
/// on x86-64's baseline and on soft-float RV32.
struct ContractFma : OpRewritePattern<math::FmaOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::FmaOp op,
                                PatternRewriter &rewriter) const override {
    auto contract = arith::FastMathFlagsAttr::get(
        getContext(), op.getFastmath() | arith::FastMathFlags::contract);
    Value product = arith::MulFOp::create(rewriter, op.getLoc(), op.getA(),
                                          op.getB(), contract);
    rewriter.replaceOpWithNewOp<arith::AddFOp>(op, product, op.getC(),
                                               contract);
    return success();
  }
};

struct NNApproximateMathPass
    : nn::impl::NNApproximateMathPassBase<NNApproximateMathPass> {
  using Base::Base;

  /// Nothing to approximate (every int8 network): skip the greedy drivers,
  /// which would still visit and try to fold every op of the module.
  LogicalResult approximateMath() {
    if (!getOperation()
             ->walk([](Operation *op) {
               return isa_and_nonnull<math::MathDialect>(op->getDialect())
                          ? WalkResult::interrupt()
                          : WalkResult::advance();
             })
             .wasInterrupted())
      return success();

    // Every function upstream can approximate; f16/bf16 go through f32.
    RewritePatternSet approximate(&getContext());
    populateMathF32ExpansionPatterns(approximate,
                                     [](StringRef) { return true; });
    populateMathPolynomialApproximationPatterns(approximate,
                                                [](StringRef) { return true; });
    if (failed(applyPatternsGreedily(getOperation(), std::move(approximate))))
      return failure();

    // The approximations round with math.floor and accumulate with math.fma.
    RewritePatternSet expansion(&getContext());
    expansion.add<ContractFma, ExpandFloorF32>(&getContext());
    return applyPatternsGreedily(getOperation(), std::move(expansion));
  }

  void runOnOperation() override {
    if (failed(approximateMath()))
      return signalPassFailure();

    // Upstream's patterns also expand integer min/max and ceil/floor
    // division; only the float min/max are illegal, so only they change.
    if (!softFloat)
      return;
    RewritePatternSet minMax(&getContext());
    arith::populateArithExpandOpsPatterns(minMax);
    ConversionTarget target(getContext());
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    target.addIllegalOp<arith::MaximumFOp, arith::MinimumFOp>();
    if (failed(
            applyPartialConversion(getOperation(), target, std::move(minMax))))
      return signalPassFailure();
  }
};
} // namespace
