//===- TensorLiveness.h - buffers of an nn tensor program -------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Liveness over the scheduled ops of a function: every tensor the arena may
// hold (op results, the function's inputs and outputs unless they stay in
// user buffers, per-layer scratch buffers) with its first definition and last
// use in execution order, and the storage sharing the ops allow (a reshape
// is its input; an in-place op may overwrite an input that dies there).
// The result feeds the planner core (MemoryPlanner.h).
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_TENSORLIVENESS_H
#define NN_ANALYSIS_TENSORLIVENESS_H

#include "nn/Analysis/MemoryPlanner.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>

namespace mlir::nn {

/// Discardable attributes the planner writes and the checker reads.
/// On an op (its result) or a function argument: the arena offset and the
/// reserved bytes (size rounded up to the alignment).
inline constexpr llvm::StringLiteral kOffsetAttr = "nn.offset";
inline constexpr llvm::StringLiteral kSizeAttr = "nn.size";
/// On an op: the per-layer scratch bytes its kernel needs (set by lowering or
/// by hand); the planner answers with the scratch offset and reserved size.
inline constexpr llvm::StringLiteral kScratchBytesAttr = "nn.scratch_bytes";
inline constexpr llvm::StringLiteral kScratchOffsetAttr = "nn.scratch_offset";
inline constexpr llvm::StringLiteral kScratchSizeAttr = "nn.scratch_size";
/// On the function.
inline constexpr llvm::StringLiteral kArenaSizeAttr = "nn.arena_size";
inline constexpr llvm::StringLiteral kLowerBoundAttr = "nn.lower_bound";
inline constexpr llvm::StringLiteral kStrategyAttr = "nn.strategy";
inline constexpr llvm::StringLiteral kAlignmentAttr = "nn.arena_alignment";
/// On the function, when all inputs / all outputs are in the arena: their
/// offsets in argument / result order (read by the C header emitter).
inline constexpr llvm::StringLiteral kInputOffsetsAttr = "nn.input_offsets";
inline constexpr llvm::StringLiteral kOutputOffsetsAttr = "nn.output_offsets";

enum class BufferKind { Activation, Input, Output, Scratch };
llvm::StringRef getBufferKindName(BufferKind kind);

/// One buffer of a function: its planner record and where it comes from.
struct TensorBuffer {
  BufferKind kind = BufferKind::Activation;
  /// The tensor (an op result or a block argument); for scratch, the result
  /// of the op that needs it.
  Value value;
  /// The op that owns the attributes (defining op, or the scratch user);
  /// null for function arguments.
  Operation *owner = nullptr;
  /// Tensor name: the op's NameLoc (the TFLite importer puts tensor names
  /// there), else `arg<N>` or `<op>_<step>`.
  std::string name;
  memplan::Buffer record;
};

struct TensorLivenessOptions {
  int64_t alignment = 4;
  /// Whether a function argument / returned value lives in the arena. Values
  /// for which this returns false stay in user buffers and are not planned.
  llvm::function_ref<bool(Value)> isInArena;
  /// Allow in-place reuse by ops with the MayWriteInPlace trait.
  bool inPlace = true;
};

/// The execution step of each op of `body`: every op except constants, in
/// order (constants live in flash and take none), the terminator last.
DenseMap<Operation *, int64_t> getExecutionSteps(Block &body);

/// Collects the buffers of `func` in execution order. Steps: every op of the
/// entry block except constants gets one, in order; arguments are defined at
/// step 0; returned values live until the return's step. Emits an error and
/// fails on multi-block bodies, dynamic shapes and unsized element types.
FailureOr<SmallVector<TensorBuffer>>
computeTensorLiveness(func::FuncOp func, const TensorLivenessOptions &options);

/// Bytes of live buffers at each step (aliased buffers counted once), for
/// reports: index = step.
SmallVector<int64_t> getLiveBytesPerStep(ArrayRef<TensorBuffer> buffers);

} // namespace mlir::nn

#endif // NN_ANALYSIS_TENSORLIVENESS_H
