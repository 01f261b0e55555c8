//===- Model.h - load a model for nnc ---------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_MODEL_H
#define NNC_MODEL_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SourceMgr.h"

namespace nnc {

/// Registers the dialects a model in the nn dialect may use.
void registerModelDialects(mlir::MLIRContext &context);

/// Reads `path` as a model: `.mlir` (the nn dialect) or `.tflite` (through
/// the TFLite importer). Errors go
/// to the context's diagnostic handler (with `sourceMgr` for locations);
/// returns null on failure.
mlir::OwningOpRef<mlir::ModuleOp> loadModel(llvm::StringRef path,
                                            mlir::MLIRContext &context,
                                            llvm::SourceMgr &sourceMgr);

} // namespace nnc

#endif // NNC_MODEL_H
