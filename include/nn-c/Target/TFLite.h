/*===- TFLite.h - C API of the TFLite importer --------------------*- C -*-===*\
|*                                                                            *|
|* Part of the nn-mlir project.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef NN_C_TARGET_TFLITE_H
#define NN_C_TARGET_TFLITE_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Imports the TFLite model (.tflite flatbuffer) at `path` into a new module
/// of func.func + nn ops, loading the dialects it needs into `ctx`. Returns a
/// null module after reporting why (unreadable file, malformed model,
/// unsupported operator or type) to the context's diagnostic handlers.
MLIR_CAPI_EXPORTED MlirModule mlirNNImportTFLiteFile(MlirContext ctx,
                                                     MlirStringRef path);

/// Same as mlirNNImportTFLiteFile for the bytes of a .tflite file in memory;
/// `fileName` names it in locations and diagnostics.
MLIR_CAPI_EXPORTED MlirModule mlirNNImportTFLite(MlirContext ctx,
                                                 MlirStringRef buffer,
                                                 MlirStringRef fileName);

#ifdef __cplusplus
}
#endif

#endif // NN_C_TARGET_TFLITE_H
