//===- nn-translate.cpp - nn-mlir translation driver ------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// mlir-translate with the nn importers/exporters, plus upstream's
// --mlir-to-llvmir (the only upstream translation our flow needs).
//
//===----------------------------------------------------------------------===//

#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

#include "nn/InitAllTranslations.h"

int main(int argc, char **argv) {
  mlir::registerToLLVMIRTranslation();
  mlir::nn::registerAllTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "nn-mlir translation driver"));
}
