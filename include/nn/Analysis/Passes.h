//===- Passes.h - nn analysis passes ----------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_PASSES_H
#define NN_ANALYSIS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::nn {

/// How --nn-report prints.
enum class ReportFormat { Text, JSON };

#define GEN_PASS_DECL
#include "nn/Analysis/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Analysis/Passes.h.inc"

} // namespace mlir::nn

#endif // NN_ANALYSIS_PASSES_H
