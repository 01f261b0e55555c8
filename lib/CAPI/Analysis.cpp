//===- Analysis.cpp - C API of the nn cost analysis -------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn-c/Analysis.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/CAPI/Utils.h"

#include "nn/Analysis/CostAnalysis.h"

MlirLogicalResult mlirNNAnalyze(MlirModule module, MlirStringCallback callback,
                                void *userData) {
  mlir::FailureOr<mlir::nn::ModuleCost> cost =
      mlir::nn::analyzeCost(unwrap(module));
  if (mlir::failed(cost))
    return mlirLogicalResultFailure();
  mlir::detail::CallbackOstream stream(callback, userData);
  mlir::nn::printCostReportJSON(*cost, stream);
  stream.flush();
  return mlirLogicalResultSuccess();
}
