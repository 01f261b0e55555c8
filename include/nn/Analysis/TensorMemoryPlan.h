//===- TensorMemoryPlan.h - arena plan of an nn tensor program --*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Glue between a function's tensors and the planner core: liveness, plan,
// and the attributes/report that carry the result. Used by --nn-plan-memory
// and by drivers that want the figures without running the pass.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_TENSORMEMORYPLAN_H
#define NN_ANALYSIS_TENSORMEMORYPLAN_H

#include "nn/Analysis/MemoryPlanReport.h"
#include "nn/Analysis/TensorLiveness.h"

namespace mlir::nn {

struct TensorPlanOptions {
  /// Power of two; offsets are multiples of it and sizes round up to it.
  int64_t alignment = 4;
  memplan::PlanOptions planner;
  /// Place the function's inputs / outputs in the arena (else they stay in
  /// user buffers).
  bool allocateInputs = true;
  bool allocateOutputs = true;
};

struct TensorPlan {
  SmallVector<TensorBuffer> buffers;
  memplan::Plan plan;
};

/// Checks the `alignment` and `strategy` pass options shared by
/// --nn-plan-memory and --nn-allocate-arena; emits an error on `op` if
/// either is invalid.
FailureOr<memplan::Strategy>
checkPlannerOptions(Operation *op, int64_t alignment, StringRef strategy);

/// Liveness + plan of `func`; emits an error and fails on IR the planner
/// cannot handle.
FailureOr<TensorPlan> planTensorMemory(func::FuncOp func,
                                       const TensorPlanOptions &options);

/// Writes nn.offset/nn.size (results and arguments), nn.scratch_offset/
/// nn.scratch_size, and the function's nn.arena_size, nn.lower_bound,
/// nn.strategy and nn.arena_alignment; drops stale ones first.
void annotateTensorPlan(func::FuncOp func, const TensorPlan &plan,
                        int64_t alignment);

/// The plan as a JSON/SVG report record.
memplan::FunctionReport makeReport(func::FuncOp func, const TensorPlan &plan,
                                   int64_t alignment);

} // namespace mlir::nn

#endif // NN_ANALYSIS_TENSORMEMORYPLAN_H
