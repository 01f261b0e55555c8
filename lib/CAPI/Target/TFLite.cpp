//===- TFLite.cpp - C API of the TFLite importer ----------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn-c/Target/TFLite.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"

#include "nn/Target/TFLite/TFLiteImport.h"

MlirModule mlirNNImportTFLiteFile(MlirContext ctx, MlirStringRef path) {
  return wrap(mlir::nn::importTFLiteFile(unwrap(path), unwrap(ctx)).release());
}

MlirModule mlirNNImportTFLite(MlirContext ctx, MlirStringRef buffer,
                              MlirStringRef fileName) {
  return wrap(
      mlir::nn::importTFLite(unwrap(buffer), unwrap(fileName), unwrap(ctx))
          .release());
}
