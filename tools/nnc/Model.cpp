//===- Model.cpp - load a model for nnc -------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "Model.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/Path.h"

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Target/TFLite/TFLiteImport.h"

using namespace mlir;

void nnc::registerModelDialects(MLIRContext &context) {
  DialectRegistry registry;
  registry.insert<func::FuncDialect, quant::QuantDialect, nn::NNDialect>();
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

OwningOpRef<ModuleOp> nnc::loadModel(StringRef path, MLIRContext &context,
                                     llvm::SourceMgr &sourceMgr) {
  Location loc = FileLineColLoc::get(&context, path, 0, 0);
  StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".tflite")
    return nn::importTFLiteFile(path, &context);
  if (extension != ".mlir") {
    emitError(loc) << "unknown model format '" << extension
                   << "' (expected .tflite or .mlir)";
    return nullptr;
  }
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> file = openInputFile(path, &message);
  if (!file) {
    emitError(loc) << message;
    return nullptr;
  }
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, &context);
}
