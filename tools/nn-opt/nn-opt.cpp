//===- nn-opt.cpp - nn-mlir optimizer driver --------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// mlir-opt with the nn dialect and passes registered next to every upstream
// dialect and pass, so that ours compose with --canonicalize, --cse, etc.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/InitAllPasses.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::nn::registerAllPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<mlir::nn::NNDialect>();

  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nn-mlir optimizer driver\n", registry));
}
