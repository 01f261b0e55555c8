//===- TFLiteImport.h - TFLite flatbuffer to nn dialect ---------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Imports a TensorFlow Lite model (.tflite flatbuffer) into a module of
// func.func + nn ops. See docs/tflite-import.md for the op mapping and the
// conventions (names, constants, quantization, hybrid layers).
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_TFLITE_TFLITEIMPORT_H
#define NN_TARGET_TFLITE_TFLITEIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir {
class MLIRContext;

namespace nn {

/// Imports the TFLite model in `buffer` (the bytes of a .tflite file named
/// `fileName`, used in locations and diagnostics). Returns null after
/// emitting an error on the context's diagnostic engine if the file is not a
/// valid TFLite model, uses an unsupported operator or tensor type, or the
/// imported module does not verify. Loads the dialects it needs.
OwningOpRef<ModuleOp> importTFLite(llvm::StringRef buffer,
                                   llvm::StringRef fileName, MLIRContext *ctx);

/// Reads `path` and imports it as above; an unreadable file is an error too.
OwningOpRef<ModuleOp> importTFLiteFile(llvm::StringRef path, MLIRContext *ctx);

/// Registers `--import-tflite` with mlir-translate's registry.
void registerTFLiteImportTranslation();

} // namespace nn
} // namespace mlir

#endif // NN_TARGET_TFLITE_TFLITEIMPORT_H
