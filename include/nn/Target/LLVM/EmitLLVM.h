//===- EmitLLVM.h - LLVM IR, assembly and objects for a target --*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The last step of the pipeline: an LLVM-dialect module becomes LLVM IR,
// is optimized for one target preset (see nn/Target/TargetPresets.h) and
// leaves as LLVM IR text, assembly or an ELF object, all in-process through
// LLVM's TargetMachine.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_LLVM_EMITLLVM_H
#define NN_TARGET_LLVM_EMITLLVM_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "mlir/Support/Timing.h"

#include <optional>
#include <string>

namespace mlir::nn {

/// What `emitForTarget` writes.
enum class EmitFileKind { LLVMIR, Assembly, Object };

struct EmitOptions {
  /// A target preset name; empty takes the module's `nn.target` attribute.
  std::string target;
  /// LLVM's -O level (0-3) and size level (0, 1 = -Os, 2 = -Oz).
  unsigned optLevel = 2;
  unsigned sizeLevel = 0;
  /// The -O level of LLVM's IR optimization pipeline alone, when it should
  /// differ from `optLevel` (which still drives code generation).
  std::optional<unsigned> irOptLevel;
  /// When not empty, LLVM's IR optimization runs this new-pass-manager
  /// pipeline (`opt -passes=` syntax) instead of the -O level's.
  std::string irPipeline;
  /// Without `irPipeline`: run the kernel pipeline (getKernelPipeline)
  /// instead of the -O level's.
  bool kernelPipeline = false;
  /// When set, the translation, LLVM optimization and code generation are
  /// timed under this scope (`nnc generate --timing`).
  TimingScope *timing = nullptr;
};

/// Translates the LLVM-dialect `module` to LLVM IR for the chosen target,
/// runs LLVM's optimization pipeline and writes `kind` to `os`. Reports an
/// error on the module (unknown target, a triple or data layout that
/// contradicts the target, a translation failure) and returns failure.
LogicalResult emitForTarget(ModuleOp module, const EmitOptions &options,
                            EmitFileKind kind, raw_ostream &os);

/// One file `emitForTarget` writes: what, and where.
struct EmitOutput {
  EmitFileKind kind;
  raw_ostream *os;
};

/// As above, for several outputs of one translation and one optimization
/// (the driver writes the .ll and the .o: translating and optimizing once
/// halves the back end's share of the compile time).
LogicalResult emitForTarget(ModuleOp module, const EmitOptions &options,
                            ArrayRef<EmitOutput> outputs);

/// Registers --nn-to-llvmir, --nn-to-asm and --nn-to-object with
/// mlir-translate, with their --target and --opt-level options.
/// The LLVM IR pipeline for code the nn lowering emits: the inliner (the
/// entry point wraps the network's function), the cleanups the
/// MLIR lowering leaves to LLVM (SROA, EarlyCSE, InstCombine, SimplifyCFG,
/// loop rotation, LICM) and full unrolling of loops of at most
/// `fullUnrollMax` iterations. It skips what -O1 adds for general code
/// (inliner, function attribute inference, loop deletion, ...), whose cost
/// is most of the IR optimizer's time on these single-function modules.
std::string getKernelPipeline(unsigned fullUnrollMax);

void registerLLVMEmitTranslations();

} // namespace mlir::nn

#endif // NN_TARGET_LLVM_EMITLLVM_H
