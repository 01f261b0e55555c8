//===- downstream-opt.cpp - an opt tool outside nn-mlir ---------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// What a project with its own MLIR flow writes to use the nn dialect: register
// it (and only the dialects and passes it wants) in its own opt tool, linking
// the installed NNMLIR::Dialect and NNMLIR::Analysis.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

#include "nn/Analysis/Passes.h"
#include "nn/Dialect/NN/IR/NNDialect.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::func::FuncDialect, mlir::quant::QuantDialect,
                  mlir::nn::NNDialect>();
  // The nn folders and canonicalization patterns run under --canonicalize.
  mlir::registerCanonicalizerPass();
  // --nn-annotate-cost and --nn-report.
  mlir::nn::registerNNAnalysisPasses();

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "opt tool of a project downstream of nn-mlir\n", registry));
}
