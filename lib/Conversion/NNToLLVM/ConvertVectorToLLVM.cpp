//===- ConvertVectorToLLVM.cpp - --nn-convert-vector-to-llvm --------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Upstream's --convert-vector-to-llvm with an index bitwidth: the few vector
// ops the arm-dsp kernels use (1-D in-bounds transfer reads, bitcasts,
// extracts) lowered with the same `index` width as the rest of the pipeline.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/LoweringOptions.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVM.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNCONVERTVECTORTOLLVMPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
struct NNConvertVectorToLLVMPass
    : nn::impl::NNConvertVectorToLLVMPassBase<NNConvertVectorToLLVMPass> {
  using NNConvertVectorToLLVMPassBase::NNConvertVectorToLLVMPassBase;
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    // In-bounds 1-D transfer reads of unit-stride memrefs -> vector.load.
    {
      RewritePatternSet patterns(ctx);
      vector::populateVectorTransferLoweringPatterns(patterns,
                                                     /*maxTransferRank=*/1);
      if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
        return signalPassFailure();
    }
    LowerToLLVMOptions options(ctx);
    if (indexBitwidth != kDeriveIndexBitwidthFromDataLayout)
      options.overrideIndexBitwidth(indexBitwidth);
    LLVMTypeConverter converter(ctx, options);
    RewritePatternSet patterns(ctx);
    populateVectorToLLVMConversionPatterns(converter, patterns);
    LLVMConversionTarget target(*ctx);
    target.addLegalDialect<arith::ArithDialect, memref::MemRefDialect>();
    target.addLegalOp<UnrealizedConversionCastOp>();
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
