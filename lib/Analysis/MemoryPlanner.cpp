//===- MemoryPlanner.cpp - arena placement of buffers ------------*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/MemoryPlanner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <numeric>

using namespace mlir::nn::memplan;
using llvm::ArrayRef;
using llvm::StringRef;

static int64_t alignUp(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

StringRef mlir::nn::memplan::getStrategyName(Strategy strategy) {
  switch (strategy) {
  case Strategy::GreedyBySize:
    return "greedy-by-size";
  case Strategy::GreedyByConflicts:
    return "greedy-by-conflicts";
  case Strategy::BestFit:
    return "best-fit";
  case Strategy::Exact:
    return "exact";
  case Strategy::Best:
    return "best";
  }
  llvm_unreachable("unknown strategy");
}

std::optional<Strategy> mlir::nn::memplan::parseStrategy(StringRef name) {
  for (Strategy s : {Strategy::GreedyBySize, Strategy::GreedyByConflicts,
                     Strategy::BestFit, Strategy::Exact, Strategy::Best})
    if (getStrategyName(s) == name)
      return s;
  return std::nullopt;
}

StringRef mlir::nn::memplan::getStrategyNames() {
  return "greedy-by-size, greedy-by-conflicts, best-fit, exact, best";
}

int64_t mlir::nn::memplan::getReservedSize(const Buffer &b) {
  return alignUp(b.size, b.alignment);
}

std::vector<int64_t>
mlir::nn::memplan::getAliasGroups(ArrayRef<Buffer> buffers) {
  std::vector<int64_t> parent(buffers.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int64_t i) {
    while (parent[i] != i)
      i = parent[i] = parent[parent[i]];
    return i;
  };
  for (auto [i, b] : llvm::enumerate(buffers)) {
    if (b.aliasOf < 0 || b.aliasOf >= (int64_t)buffers.size())
      continue;
    int64_t a = find(i), c = find(b.aliasOf);
    // The smaller index represents the group, so groups are stable.
    if (a != c)
      parent[std::max(a, c)] = std::min(a, c);
  }
  for (size_t i = 0; i < parent.size(); ++i)
    parent[i] = find(i);
  return parent;
}

namespace {
/// An alias group planned as one block.
struct Block {
  int64_t size = 0;
  int64_t alignment = 1;
  int64_t first = 0;
  int64_t last = 0;
};

/// The blocks to place and, for each buffer, its block.
struct Problem {
  std::vector<Block> blocks;
  std::vector<int64_t> blockOf;
  /// For each block, the blocks alive with it at some step.
  std::vector<std::vector<int64_t>> conflicts;
};

Problem buildProblem(ArrayRef<Buffer> buffers) {
  Problem p;
  std::vector<int64_t> group = getAliasGroups(buffers);
  std::vector<int64_t> blockOfGroup(buffers.size(), -1);
  p.blockOf.resize(buffers.size());
  for (auto [i, b] : llvm::enumerate(buffers)) {
    int64_t &blockIndex = blockOfGroup[group[i]];
    if (blockIndex < 0) {
      blockIndex = p.blocks.size();
      p.blocks.push_back(
          {getReservedSize(b), b.alignment, b.firstStep, b.lastStep});
    } else {
      Block &k = p.blocks[blockIndex];
      k.size = std::max(k.size, getReservedSize(b));
      k.alignment = std::max(k.alignment, b.alignment);
      k.first = std::min(k.first, b.firstStep);
      k.last = std::max(k.last, b.lastStep);
    }
    p.blockOf[i] = blockIndex;
  }
  // Sweep over blocks sorted by first step: only those started and not yet
  // ended conflict, so dense graphs cost O(n^2) and chains O(n log n).
  size_t n = p.blocks.size();
  p.conflicts.resize(n);
  std::vector<int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  llvm::sort(order, [&](int64_t a, int64_t b) {
    return p.blocks[a].first < p.blocks[b].first;
  });
  std::vector<int64_t> active;
  for (int64_t i : order) {
    llvm::erase_if(active, [&](int64_t j) {
      return p.blocks[j].last < p.blocks[i].first;
    });
    for (int64_t j : active) {
      p.conflicts[i].push_back(j);
      p.conflicts[j].push_back(i);
    }
    active.push_back(i);
  }
  return p;
}

int64_t lowerBoundOf(ArrayRef<Block> blocks) {
  // Sum of sizes alive at each step, by a sweep over start/end events; the
  // maximum is reached at some block's first step.
  std::vector<std::pair<int64_t, int64_t>> events;
  for (const Block &b : blocks) {
    events.push_back({b.first, b.size});
    events.push_back({b.last + 1, -b.size});
  }
  // At equal steps, ends (negative) before starts.
  llvm::sort(events);
  int64_t live = 0, peak = 0;
  for (auto [step, delta] : events) {
    live += delta;
    peak = std::max(peak, live);
  }
  return peak;
}

int64_t arenaOf(ArrayRef<Block> blocks, ArrayRef<int64_t> offsets) {
  int64_t arena = 0;
  for (auto [b, offset] : llvm::zip(blocks, offsets))
    arena = std::max(arena, offset + b.size);
  return arena;
}

/// Places blocks one by one in `order`, each at the first-fitting (or
/// best-fitting) aligned gap among the already placed blocks it conflicts
/// with.
std::vector<int64_t> placeGreedily(const Problem &p, ArrayRef<int64_t> order,
                                   bool bestFit) {
  std::vector<int64_t> offsets(p.blocks.size(), -1);
  std::vector<std::pair<int64_t, int64_t>> busy; // [offset, end)
  for (int64_t i : order) {
    const Block &b = p.blocks[i];
    busy.clear();
    for (int64_t j : p.conflicts[i])
      if (offsets[j] >= 0 && p.blocks[j].size > 0)
        busy.push_back({offsets[j], offsets[j] + p.blocks[j].size});
    llvm::sort(busy);
    int64_t chosen = -1, chosenWaste = INT64_MAX;
    int64_t top = 0; // highest end seen so far
    for (auto [start, end] : busy) {
      int64_t candidate = alignUp(top, b.alignment);
      if (candidate + b.size <= start) {
        int64_t waste = start - candidate - b.size;
        if (!bestFit) {
          chosen = candidate;
          break;
        }
        if (waste < chosenWaste) {
          chosen = candidate;
          chosenWaste = waste;
        }
      }
      top = std::max(top, end);
    }
    if (chosen < 0)
      chosen = alignUp(top, b.alignment);
    offsets[i] = chosen;
  }
  return offsets;
}

std::vector<int64_t> orderBySize(const Problem &p) {
  std::vector<int64_t> order(p.blocks.size());
  std::iota(order.begin(), order.end(), 0);
  llvm::stable_sort(order, [&](int64_t a, int64_t b) {
    const Block &x = p.blocks[a], &y = p.blocks[b];
    if (x.size != y.size)
      return x.size > y.size;
    return x.first < y.first;
  });
  return order;
}

std::vector<int64_t> orderByConflicts(const Problem &p) {
  std::vector<int64_t> load(p.blocks.size(), 0);
  for (size_t i = 0; i < p.blocks.size(); ++i)
    for (int64_t j : p.conflicts[i])
      load[i] += p.blocks[j].size;
  std::vector<int64_t> order(p.blocks.size());
  std::iota(order.begin(), order.end(), 0);
  llvm::stable_sort(order, [&](int64_t a, int64_t b) {
    int64_t x = load[a] + p.blocks[a].size, y = load[b] + p.blocks[b].size;
    if (x != y)
      return x > y;
    return p.blocks[a].size > p.blocks[b].size;
  });
  return order;
}

/// Branch and bound. Any plan can be normalized by sliding every block down
/// until it rests at 0 or on the (aligned) end of a block alive with it;
/// placing blocks in increasing offset order, each such resting point is the
/// end of a block placed earlier. So the search picks the next block and one
/// of those resting points at or above the previous block's offset, which
/// reaches an optimal plan. Bound: the blocks still to place sit at or above
/// the last offset, so at each step they need at least their total size
/// above it.
class ExactSearch {
public:
  ExactSearch(const Problem &p, std::vector<int64_t> seed, int64_t nodeLimit)
      : p(p), n(p.blocks.size()), offsets(n, -1), best(std::move(seed)),
        bestArena(arenaOf(p.blocks, best)), nodeLimit(nodeLimit) {
    // Steps worth checking: the first steps (where live sets peak).
    for (const Block &b : p.blocks)
      steps.push_back(b.first);
    llvm::sort(steps);
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    remaining.assign(steps.size(), 0);
    for (size_t i = 0; i < n; ++i)
      forEachStep(i, [&](size_t s) { remaining[s] += p.blocks[i].size; });
  }

  /// Runs the search; returns true when it finished (the plan is optimal).
  bool run(int64_t lowerBound) {
    this->lowerBound = lowerBound;
    if (bestArena > lowerBound)
      search(0, 0, 0, -1);
    return !limitHit || bestArena == lowerBound;
  }

  const std::vector<int64_t> &getBest() const { return best; }
  int64_t getNodes() const { return nodes; }

private:
  template <typename Fn> void forEachStep(size_t i, Fn fn) {
    auto lo = std::lower_bound(steps.begin(), steps.end(), p.blocks[i].first);
    for (auto it = lo; it != steps.end() && *it <= p.blocks[i].last; ++it)
      fn(it - steps.begin());
  }

  bool fits(size_t i, int64_t offset) const {
    int64_t end = offset + p.blocks[i].size;
    for (int64_t j : p.conflicts[i]) {
      if (offsets[j] < 0 || p.blocks[j].size == 0)
        continue;
      if (offset < offsets[j] + p.blocks[j].size && offsets[j] < end)
        return false;
    }
    return true;
  }

  void search(size_t placed, int64_t peak, int64_t lastOffset,
              int64_t lastIndex) {
    if (limitHit || bestArena == lowerBound)
      return;
    if (++nodes > nodeLimit) {
      limitHit = true;
      return;
    }
    if (placed == n) {
      if (peak < bestArena) {
        bestArena = peak;
        best = offsets;
      }
      return;
    }
    int64_t bound = peak;
    for (int64_t r : remaining)
      bound = std::max(bound, lastOffset + r);
    if (bound >= bestArena)
      return;

    // Candidate (offset, block) pairs, lowest offset first.
    std::vector<std::pair<int64_t, int64_t>> candidates;
    for (size_t i = 0; i < n; ++i) {
      if (offsets[i] >= 0)
        continue;
      const Block &b = p.blocks[i];
      auto consider = [&](int64_t offset) {
        offset = alignUp(offset, b.alignment);
        if (offset < lastOffset ||
            (offset == lastOffset && (int64_t)i < lastIndex))
          return;
        if (offset + b.size >= bestArena || !fits(i, offset))
          return;
        candidates.push_back({offset, i});
      };
      consider(0);
      for (int64_t j : p.conflicts[i])
        if (offsets[j] >= 0)
          consider(offsets[j] + p.blocks[j].size);
    }
    llvm::sort(candidates);
    candidates.erase(std::unique(candidates.begin(), candidates.end()),
                     candidates.end());
    for (auto [offset, i] : candidates) {
      offsets[i] = offset;
      forEachStep(i, [&](size_t s) { remaining[s] -= p.blocks[i].size; });
      search(placed + 1, std::max(peak, offset + p.blocks[i].size), offset, i);
      forEachStep(i, [&](size_t s) { remaining[s] += p.blocks[i].size; });
      offsets[i] = -1;
      if (limitHit || bestArena == lowerBound)
        return;
    }
  }

  const Problem &p;
  size_t n;
  std::vector<int64_t> offsets;
  std::vector<int64_t> best;
  int64_t bestArena;
  int64_t nodeLimit;
  int64_t lowerBound = 0;
  int64_t nodes = 0;
  bool limitHit = false;
  std::vector<int64_t> steps;
  std::vector<int64_t> remaining;
};
} // namespace

int64_t mlir::nn::memplan::computeLowerBound(ArrayRef<Buffer> buffers) {
  return lowerBoundOf(buildProblem(buffers).blocks);
}

llvm::Expected<Plan>
mlir::nn::memplan::planBuffers(ArrayRef<Buffer> buffers,
                               const PlanOptions &options) {
  for (auto [i, b] : llvm::enumerate(buffers)) {
    auto fail = [&, i = i](StringRef what) {
      return llvm::createStringError("buffer " + std::to_string(i) + ": " +
                                     what.str());
    };
    if (b.alignment <= 0 || !llvm::isPowerOf2_64(b.alignment))
      return fail("alignment " + std::to_string(b.alignment) +
                  " is not a power of two");
    if (b.size < 0)
      return fail("negative size");
    if (b.firstStep > b.lastStep)
      return fail("first step after last step");
    if (b.aliasOf >= (int64_t)buffers.size() || b.aliasOf == (int64_t)i)
      return fail("alias of an unknown buffer");
  }

  Problem p = buildProblem(buffers);
  Plan plan;
  plan.lowerBound = lowerBoundOf(p.blocks);

  std::vector<int64_t> bestOffsets;
  int64_t bestArena = INT64_MAX;
  auto consider = [&](Strategy s, std::vector<int64_t> offsets) {
    int64_t arena = arenaOf(p.blocks, offsets);
    if (arena < bestArena) {
      bestArena = arena;
      bestOffsets = std::move(offsets);
      plan.strategy = s;
    }
  };
  Strategy s = options.strategy;
  bool all = s == Strategy::Best;
  if (all || s == Strategy::GreedyBySize || s == Strategy::Exact)
    consider(Strategy::GreedyBySize, placeGreedily(p, orderBySize(p), false));
  if (all || s == Strategy::GreedyByConflicts || s == Strategy::Exact)
    consider(Strategy::GreedyByConflicts,
             placeGreedily(p, orderByConflicts(p), false));
  if (all || s == Strategy::BestFit || s == Strategy::Exact)
    consider(Strategy::BestFit, placeGreedily(p, orderBySize(p), true));
  bool optimal = bestArena == plan.lowerBound;
  if (!optimal &&
      (s == Strategy::Exact ||
       (all && (int64_t)p.blocks.size() <= options.exactMaxGroups))) {
    ExactSearch search(p, bestOffsets, options.exactNodeLimit);
    optimal = search.run(plan.lowerBound);
    plan.exactNodes = search.getNodes();
    consider(Strategy::Exact, search.getBest());
  }
  // `exact` names the strategy asked for even when a seed was already best.
  if (s == Strategy::Exact)
    plan.strategy = Strategy::Exact;

  plan.optimal = optimal;
  plan.arenaSize = bestArena == INT64_MAX ? 0 : bestArena;
  plan.offsets.resize(buffers.size());
  for (size_t i = 0; i < buffers.size(); ++i)
    plan.offsets[i] = bestOffsets[p.blockOf[i]];
  return plan;
}

std::vector<Violation> mlir::nn::memplan::verifyPlan(ArrayRef<Buffer> buffers,
                                                     ArrayRef<int64_t> offsets,
                                                     int64_t arenaSize) {
  std::vector<Violation> violations;
  std::vector<int64_t> group = getAliasGroups(buffers);
  for (auto [i, b] : llvm::enumerate(buffers)) {
    if (b.alignment > 0 && offsets[i] % b.alignment != 0)
      violations.push_back({Violation::Kind::Misaligned, (int64_t)i});
    if (offsets[i] < 0 || offsets[i] + getReservedSize(b) > arenaSize)
      violations.push_back({Violation::Kind::OutOfArena, (int64_t)i});
  }
  // Pairwise: plans are checked rarely and buffers number in the hundreds.
  for (size_t i = 0; i < buffers.size(); ++i) {
    const Buffer &a = buffers[i];
    for (size_t j = i + 1; j < buffers.size(); ++j) {
      const Buffer &b = buffers[j];
      if (group[i] == group[j]) {
        if (offsets[i] != offsets[j])
          violations.push_back(
              {Violation::Kind::AliasMismatch, (int64_t)i, (int64_t)j});
        continue;
      }
      if (a.lastStep < b.firstStep || b.lastStep < a.firstStep)
        continue;
      int64_t aEnd = offsets[i] + getReservedSize(a);
      int64_t bEnd = offsets[j] + getReservedSize(b);
      if (getReservedSize(a) == 0 || getReservedSize(b) == 0 ||
          aEnd <= offsets[j] || bEnd <= offsets[i])
        continue;
      violations.push_back({Violation::Kind::Overlap, (int64_t)i, (int64_t)j,
                            std::max(a.firstStep, b.firstStep)});
    }
  }
  return violations;
}
