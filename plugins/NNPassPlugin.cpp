//===- NNPassPlugin.cpp - nn pass plugin for mlir-opt -----------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Registers every nn pass and pipeline (the same set as nn-opt, through
// mlir::nn::registerAllPasses) with an mlir-opt that loads this file through
// --load-pass-plugin=NNPassPlugin.so. The input still needs the nn dialect:
// load NNDialectPlugin.so too.
//
//===----------------------------------------------------------------------===//

#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

#include "nn/InitAllPasses.h"

extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "NNPasses", LLVM_VERSION_STRING,
          [] { mlir::nn::registerAllPasses(); }};
}
