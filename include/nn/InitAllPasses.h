//===- InitAllPasses.h - register every nn pass -----------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// One place that registers every nn pass and pipeline, shared by nn-opt, the
// driver and the pass plugin so they all offer the same set.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INITALLPASSES_H
#define NN_INITALLPASSES_H

#include "nn/Analysis/Passes.h"
#include "nn/Dialect/NN/Transforms/Passes.h"
#include "nn/Conversion/Passes.h"
#include "nn/Target/LLVM/Passes.h"

namespace mlir::nn {

/// Registers every nn pass and pass pipeline with the global registry.
inline void registerAllPasses() {
  // Each pass library adds its register*Passes() call here.
  registerNNAnalysisPasses();
  registerNNTransformsPipelines();
  registerNNConversionPasses();
  registerNNToLLVMPipeline();
  registerNNTargetLLVMPasses();
}

} // namespace mlir::nn

#endif // NN_INITALLPASSES_H
