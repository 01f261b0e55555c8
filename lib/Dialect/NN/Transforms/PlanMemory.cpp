//===- PlanMemory.cpp - place every activation in one arena -----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/TensorMemoryPlan.h"
#include "nn/Dialect/NN/Transforms/Passes.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNPLANMEMORY
#include "nn/Dialect/NN/Transforms/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

/// Writes `write(os)` to `path`; emits an error on `op` if the file cannot
/// be opened.
static LogicalResult
writeFile(Operation *op, StringRef path,
          llvm::function_ref<void(llvm::raw_ostream &)> write) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file)
    return op->emitError() << "cannot write '" << path << "': " << error;
  write(file->os());
  file->keep();
  return success();
}

namespace {
struct PlanMemoryPass : nn::impl::NNPlanMemoryBase<PlanMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<memplan::Strategy> kind =
        checkPlannerOptions(module, alignment, strategy);
    if (failed(kind))
      return signalPassFailure();
    TensorPlanOptions options;
    options.alignment = alignment;
    options.planner.strategy = *kind;
    options.allocateInputs = allocateInputs;
    options.allocateOutputs = allocateOutputs;

    std::vector<memplan::FunctionReport> reports;
    WalkResult result = module.walk([&](func::FuncOp func) {
      if (func.isExternal())
        return WalkResult::advance();
      FailureOr<TensorPlan> plan = planTensorMemory(func, options);
      if (failed(plan))
        return WalkResult::interrupt();
      annotateTensorPlan(func, *plan, alignment);
      reports.push_back(makeReport(func, *plan, alignment));
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      return signalPassFailure();

    if (!jsonFile.empty() &&
        failed(writeFile(module, jsonFile, [&](llvm::raw_ostream &os) {
          memplan::writePlanJSON(os, reports);
        })))
      return signalPassFailure();
    if (!svgFile.empty() &&
        failed(writeFile(module, svgFile, [&](llvm::raw_ostream &os) {
          memplan::writePlanSVG(os, reports);
        })))
      return signalPassFailure();
  }
};
} // namespace
