//===- Passes.h - nn transformation passes ----------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_TRANSFORMS_PASSES_H
#define NN_DIALECT_NN_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::nn {

#define GEN_PASS_DECL
#include "nn/Dialect/NN/Transforms/Passes.h.inc"

/// Options of the --nn-bufferize pipeline.
struct BufferizePipelineOptions
    : public PassPipelineOptions<BufferizePipelineOptions> {
  Option<int64_t> alignment{*this, "alignment",
                            llvm::cl::desc("Arena alignment in bytes"),
                            llvm::cl::init(4)};
  Option<std::string> strategy{*this, "strategy",
                               llvm::cl::desc("Placement strategy"),
                               llvm::cl::init("best")};
};

/// One-shot bufferization across function boundaries (identity layouts),
/// results turned into out-parameters, then --nn-allocate-arena.
void buildBufferizePipeline(OpPassManager &pm,
                            const BufferizePipelineOptions &options);

#define GEN_PASS_REGISTRATION
#include "nn/Dialect/NN/Transforms/Passes.h.inc"

/// The passes above plus the --nn-bufferize pipeline.
void registerNNTransformsPipelines();

} // namespace mlir::nn

#endif // NN_DIALECT_NN_TRANSFORMS_PASSES_H
