//===- MemoryPlanner.h - arena placement of buffers -------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The memory planner core: given buffers with a size, an alignment and a live
// range over execution steps, it chooses an offset for each inside one arena
// so that buffers alive at the same step never overlap. It knows nothing of
// MLIR IR: the tensor-level pass (--nn-plan-memory), the memref-level pass
// (--nn-allocate-arena) and the randomized unit test all feed it plain
// records, and the plan checker below is the one the verify pass uses.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_MEMORYPLANNER_H
#define NN_ANALYSIS_MEMORYPLANNER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mlir::nn::memplan {

/// One buffer to place. Steps are inclusive: a buffer defined at step 3 and
/// last read at step 5 occupies its bytes during steps 3, 4 and 5.
struct Buffer {
  /// Bytes the buffer holds; the planner reserves alignTo(size, alignment).
  int64_t size = 0;
  /// A power of two: the offset is a multiple of it (AI_ALIGNED semantics).
  int64_t alignment = 1;
  int64_t firstStep = 0;
  int64_t lastStep = 0;
  /// Index of another buffer this one shares storage with (same offset), or
  /// -1. Used for views (a reshape's result is its input) and for in-place
  /// ops (an output written over an input that dies at that op). The caller
  /// guarantees such sharing is semantically safe; the planner and checker
  /// treat every buffer in an alias group as one block.
  int64_t aliasOf = -1;
};

enum class Strategy {
  /// TFLite Micro's GreedyMemoryPlanner: largest first, each at the lowest
  /// offset that fits between buffers alive at the same time (first fit).
  GreedyBySize,
  /// Most constrained first: buffers ordered by the total size of the
  /// buffers they are alive with, then by size; first fit.
  GreedyByConflicts,
  /// Largest first, each into the smallest gap that fits (best fit).
  BestFit,
  /// Branch and bound over placements in offset order (complete for any
  /// optimal plan), seeded with the best greedy plan, with a node limit.
  Exact,
  /// Run every strategy above and keep the smallest arena.
  Best,
};

/// "greedy-by-size", "greedy-by-conflicts", "best-fit", "exact", "best".
llvm::StringRef getStrategyName(Strategy strategy);
std::optional<Strategy> parseStrategy(llvm::StringRef name);
/// The accepted names, comma-separated, for diagnostics and option help.
llvm::StringRef getStrategyNames();

struct PlanOptions {
  Strategy strategy = Strategy::Best;
  /// Search nodes the exact strategy may visit before it keeps the best
  /// plan found so far.
  int64_t exactNodeLimit = 200000;
  /// `best` runs the exact search only on graphs with at most this many
  /// alias groups; `exact` always runs it (within the node limit).
  int64_t exactMaxGroups = 32;
};

struct Plan {
  /// Offset of each buffer, in input order.
  std::vector<int64_t> offsets;
  /// Bytes the arena needs: the largest offset + aligned size.
  int64_t arenaSize = 0;
  /// Largest total aligned size alive at one step, alias groups counted once.
  int64_t lowerBound = 0;
  /// The strategy whose plan this is (for `best`, the one that won).
  Strategy strategy = Strategy::GreedyBySize;
  /// True when the arena provably cannot be smaller: it meets the lower
  /// bound, or the exact search finished within its node limit.
  bool optimal = false;
  /// Nodes the exact search visited (0 when it did not run).
  int64_t exactNodes = 0;
};

/// Checks the records (positive power-of-two alignments, non-negative sizes,
/// firstStep <= lastStep, alias indices in range) and plans them.
llvm::Expected<Plan> planBuffers(llvm::ArrayRef<Buffer> buffers,
                                 const PlanOptions &options = {});

/// Bytes buffer `b` reserves: its size rounded up to its alignment.
int64_t getReservedSize(const Buffer &b);

/// The lower bound of any plan of `buffers` (see Plan::lowerBound).
int64_t computeLowerBound(llvm::ArrayRef<Buffer> buffers);

/// For each buffer, the index of the representative of its alias group.
std::vector<int64_t> getAliasGroups(llvm::ArrayRef<Buffer> buffers);

/// One broken rule of a plan.
struct Violation {
  enum class Kind {
    /// `first`'s offset is not a multiple of its alignment.
    Misaligned,
    /// `first` starts below 0 or ends past the arena.
    OutOfArena,
    /// `first` and `second` are alive at `step` and their bytes overlap
    /// (and they are not the same alias group at the same offset).
    Overlap,
    /// `first` and `second` share storage but sit at different offsets.
    AliasMismatch,
  };
  Kind kind;
  int64_t first = 0;
  int64_t second = -1;
  int64_t step = 0;
};

/// Checks a plan independently of how it was made: every offset aligned,
/// every buffer inside [0, arenaSize), no two buffers alive at the same step
/// overlapping unless they are one alias group at one offset.
std::vector<Violation> verifyPlan(llvm::ArrayRef<Buffer> buffers,
                                  llvm::ArrayRef<int64_t> offsets,
                                  int64_t arenaSize);

} // namespace mlir::nn::memplan

#endif // NN_ANALYSIS_MEMORYPLANNER_H
