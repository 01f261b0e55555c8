/*===- Analysis.h - C API of the nn cost analysis -----------------*- C -*-===*\
|*                                                                            *|
|* Part of the nn-mlir project.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef NN_C_ANALYSIS_H
#define NN_C_ANALYSIS_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Analyzes the cost of every layer of `module`, as `nnc analyze --json` and
/// `--nn-report=format=json` do (per-layer MACC, params, ROM, activation
/// bytes, shares and cumulative c_macc / c_rom, and the totals; keys in
/// docs/cost-model.md), and passes the JSON report to `callback`, possibly
/// in several chunks. Run the nn-plan-memory pass first to have the planned
/// arena in the report. Returns failure after emitting a diagnostic naming
/// the op when a cost is undefined (dynamic shape) or overflows.
MLIR_CAPI_EXPORTED MlirLogicalResult mlirNNAnalyze(MlirModule module,
                                                   MlirStringCallback callback,
                                                   void *userData);

#ifdef __cplusplus
}
#endif

#endif // NN_C_ANALYSIS_H
