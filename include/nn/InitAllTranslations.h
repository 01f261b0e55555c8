//===- InitAllTranslations.h - register every nn translation ----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// One place that registers every nn importer and exporter with
// mlir-translate's registry, shared by nn-translate and the driver.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INITALLTRANSLATIONS_H
#define NN_INITALLTRANSLATIONS_H

#include "nn/Target/TFLite/TFLiteImport.h"
#include "nn/Target/CHeader/EmitCHeader.h"
#include "nn/Target/LLVM/EmitLLVM.h"

namespace mlir::nn {

/// Registers every nn translation (e.g. --import-tflite).
inline void registerAllTranslations() {
  // Each Target/<Format> library adds its register*Translation() call here.
  registerTFLiteImportTranslation();
  registerCHeaderTranslation();
  registerLLVMEmitTranslations();
}

} // namespace mlir::nn

#endif // NN_INITALLTRANSLATIONS_H
