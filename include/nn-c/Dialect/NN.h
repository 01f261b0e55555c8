/*===- NN.h - C API of the nn dialect -----------------------------*- C -*-===*\
|*                                                                            *|
|* Part of the nn-mlir project.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef NN_C_DIALECT_NN_H
#define NN_C_DIALECT_NN_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/// mlirGetDialectHandle__nn__(): register or load the nn dialect with
/// mlirDialectHandleInsertDialect / mlirDialectHandleLoadDialect.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(NN, nn);

#ifdef __cplusplus
}
#endif

#endif // NN_C_DIALECT_NN_H
