/*===- Passes.h - C API to register the nn passes -----------------*- C -*-===*\
|*                                                                            *|
|* Part of the nn-mlir project.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef NN_C_PASSES_H
#define NN_C_PASSES_H

#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Registers every nn pass and pass pipeline (the set nn-opt offers) with the
/// global registry, so that mlirParsePassPipeline and
/// mlirOpPassManagerAddPipeline accept their names.
MLIR_CAPI_EXPORTED void mlirRegisterNNPasses(void);

#ifdef __cplusplus
}
#endif

#endif // NN_C_PASSES_H
