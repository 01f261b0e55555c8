//===- Passes.h - passes on the lowered LLVM-dialect module -----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_LLVM_PASSES_H
#define NN_TARGET_LLVM_PASSES_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Pass/Pass.h"

namespace mlir::nn {

#define GEN_PASS_DECL
#include "nn/Target/LLVM/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nn/Target/LLVM/Passes.h.inc"

/// Argument attribute marking the activation arena pointer of the lowered
/// network function (--nn-allocate-arena puts it on the arena memref).
inline StringRef getArenaArgAttrName() { return "nn.arena"; }

} // namespace mlir::nn

#endif // NN_TARGET_LLVM_PASSES_H
