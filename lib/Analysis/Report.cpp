//===- Report.cpp - --nn-report ---------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostAnalysis.h"
#include "nn/Analysis/Passes.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNREPORT
#include "nn/Analysis/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {

struct ReportPass : public nn::impl::NNReportBase<ReportPass> {
  using Base::Base;

  void runOnOperation() override {
    FailureOr<ModuleCost> cost = analyzeCost(getOperation());
    if (failed(cost))
      return signalPassFailure();
    if (format == ReportFormat::JSON)
      printCostReportJSON(*cost, llvm::outs());
    else
      printCostReport(*cost, llvm::outs());
    llvm::outs().flush();
    markAllAnalysesPreserved();
  }
};

} // namespace
