//===- MemoryPlannerTest.cpp - planner core unit tests ----------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Plans thousands of random DAGs with every strategy and checks each plan with
// the same checker the --nn-verify-memory-plan pass uses, plus hand-made
// cases whose optimum is known.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/MemoryPlanner.h"

#include "gtest/gtest.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <random>

using namespace mlir::nn::memplan;

namespace {

Plan mustPlan(const std::vector<Buffer> &buffers, Strategy s,
              int64_t nodeLimit = PlanOptions().exactNodeLimit) {
  PlanOptions options;
  options.strategy = s;
  options.exactNodeLimit = nodeLimit;
  llvm::Expected<Plan> plan = planBuffers(buffers, options);
  if (!plan) {
    ADD_FAILURE() << llvm::toString(plan.takeError());
    return {};
  }
  return *plan;
}

TEST(MemoryPlanner, AlignedSizes) {
  // AI_ALIGNED(4): 3 bytes reserve 4, 5 bytes reserve 8.
  EXPECT_EQ(getReservedSize({3, 4, 0, 0}), 4);
  EXPECT_EQ(getReservedSize({5, 4, 0, 0}), 8);
  EXPECT_EQ(getReservedSize({8, 4, 0, 0}), 8);
  EXPECT_EQ(getReservedSize({0, 16, 0, 0}), 0);
  // Both alive at once: 4 + 8.
  std::vector<Buffer> b = {{3, 4, 0, 1}, {5, 4, 1, 2}};
  Plan plan = mustPlan(b, Strategy::Best);
  EXPECT_EQ(plan.lowerBound, 12);
  EXPECT_EQ(plan.arenaSize, 12);
  EXPECT_TRUE(verifyPlan(b, plan.offsets, plan.arenaSize).empty());
}

TEST(MemoryPlanner, ChainReusesMemory) {
  // a -> b -> c -> d: only neighbours live together; the arena is the
  // largest pair (50 B reserve 52 at alignment 4), which every strategy
  // finds.
  std::vector<Buffer> b = {
      {100, 4, 0, 1}, {200, 4, 1, 2}, {50, 4, 2, 3}, {300, 4, 3, 4}};
  for (Strategy s : {Strategy::GreedyBySize, Strategy::GreedyByConflicts,
                     Strategy::BestFit, Strategy::Exact, Strategy::Best}) {
    Plan plan = mustPlan(b, s);
    EXPECT_EQ(plan.arenaSize, 352) << getStrategyName(s).str();
    EXPECT_TRUE(verifyPlan(b, plan.offsets, plan.arenaSize).empty());
  }
}

TEST(MemoryPlanner, AliasCountedOnce) {
  // b is a reshape of a (alias), c is written in place over b.
  std::vector<Buffer> b = {
      {64, 4, 0, 1}, {64, 4, 1, 2, 0}, {64, 4, 2, 3, 1}, {32, 4, 3, 3}};
  Plan plan = mustPlan(b, Strategy::Best);
  EXPECT_EQ(plan.lowerBound, 96);
  EXPECT_EQ(plan.arenaSize, 96);
  EXPECT_EQ(plan.offsets[0], plan.offsets[1]);
  EXPECT_EQ(plan.offsets[1], plan.offsets[2]);
  EXPECT_TRUE(verifyPlan(b, plan.offsets, plan.arenaSize).empty());
}

TEST(MemoryPlanner, GreedyBySizeIsNotOptimalButExactIs) {
  // A classic case where largest-first leaves a hole: the exact search must
  // reach the lower bound that greedy-by-size misses.
  std::vector<Buffer> b = {{32, 1, 0, 1}, {28, 1, 1, 3}, {36, 1, 2, 4},
                           {8, 1, 0, 2},  {24, 1, 3, 5}, {40, 1, 4, 5},
                           {16, 1, 5, 6}};
  Plan greedy = mustPlan(b, Strategy::GreedyBySize);
  Plan exact = mustPlan(b, Strategy::Exact);
  EXPECT_LE(exact.arenaSize, greedy.arenaSize);
  EXPECT_GE(exact.arenaSize, exact.lowerBound);
  EXPECT_TRUE(exact.optimal);
  EXPECT_TRUE(verifyPlan(b, exact.offsets, exact.arenaSize).empty());
}

TEST(MemoryPlanner, RejectsBadRecords) {
  std::vector<Buffer> badAlign = {{4, 3, 0, 0}};
  EXPECT_FALSE((bool)planBuffers(badAlign) ? true : false);
  llvm::consumeError(planBuffers(badAlign).takeError());
  std::vector<Buffer> badRange = {{4, 4, 2, 1}};
  llvm::Expected<Plan> plan = planBuffers(badRange);
  ASSERT_FALSE((bool)plan);
  EXPECT_NE(llvm::toString(plan.takeError()).find("first step"),
            std::string::npos);
}

TEST(MemoryPlanner, CheckerCatchesBrokenPlans) {
  std::vector<Buffer> b = {{16, 8, 0, 2}, {16, 8, 1, 3}, {8, 8, 3, 3, 1}};
  std::vector<int64_t> overlap = {0, 8, 8};
  auto v = verifyPlan(b, overlap, 32);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, Violation::Kind::Overlap);
  std::vector<int64_t> misaligned = {0, 20, 20};
  v = verifyPlan(b, misaligned, 48);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].kind, Violation::Kind::Misaligned);
  std::vector<int64_t> past = {0, 16, 16};
  v = verifyPlan(b, past, 24);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].kind, Violation::Kind::OutOfArena);
  std::vector<int64_t> split = {0, 16, 24};
  v = verifyPlan(b, split, 32);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].kind, Violation::Kind::AliasMismatch);
}

/// A random DAG in execution order: op k reads 1-3 earlier values (or the
/// graph input) and defines one value, sometimes with a scratch buffer; a
/// value lives from its op to its last reader. Ops may write in place over a
/// same-sized input that dies there, or be a free reshape of their input.
std::vector<Buffer> randomGraph(std::mt19937 &rng, int ops) {
  std::uniform_int_distribution<int> sizeDist(0, 4096);
  std::uniform_int_distribution<int> alignLog(0, 6);
  std::vector<Buffer> values;
  int64_t alignment = int64_t(1) << alignLog(rng);
  values.push_back({sizeDist(rng), alignment, 0, 0}); // graph input
  std::vector<Buffer> scratch;
  // forward[v]: the value that took v's storage in place (v is dead then).
  std::vector<int> forward(1, -1);
  for (int k = 1; k <= ops; ++k) {
    int reads = 1 + rng() % 3;
    std::vector<int> inputs;
    for (int r = 0; r < reads; ++r) {
      // Mostly recent values, sometimes far back (skip connections).
      int back = rng() % 4 == 0 ? rng() % values.size()
                                : rng() % std::min<size_t>(3, values.size());
      int in = values.size() - 1 - back;
      while (forward[in] >= 0)
        in = forward[in];
      inputs.push_back(in);
    }
    Buffer out{sizeDist(rng), alignment, k, k};
    if (rng() % 5 == 0)
      alignment = int64_t(1) << alignLog(rng);
    int first = inputs.front();
    bool firstDies = first != 0; // keep the graph input readable
    for (int in : inputs)
      values[in].lastStep = std::max<int64_t>(values[in].lastStep, k);
    if (firstDies && rng() % 3 == 0) {
      // Reshape or in-place op: same bytes, same storage.
      out.size = values[first].size;
      out.alignment = values[first].alignment;
      out.aliasOf = first;
      forward[first] = values.size();
    }
    values.push_back(out);
    forward.push_back(-1);
    if (rng() % 6 == 0)
      scratch.push_back({sizeDist(rng), int64_t(1) << alignLog(rng), k, k});
  }
  values.back().lastStep = ops + 1; // the graph output outlives the ops
  values.insert(values.end(), scratch.begin(), scratch.end());
  return values;
}

TEST(MemoryPlanner, RandomGraphs) {
  std::mt19937 rng(20261125);
  int exactWins = 0, optimal = 0, small = 0;
  const int graphs = 3000;
  for (int g = 0; g < graphs; ++g) {
    int ops = 1 + rng() % (g % 10 == 0 ? 200 : 20);
    std::vector<Buffer> b = randomGraph(rng, ops);
    int64_t lowerBound = computeLowerBound(b);
    int64_t bestGreedy = INT64_MAX;
    for (Strategy s : {Strategy::GreedyBySize, Strategy::GreedyByConflicts,
                       Strategy::BestFit, Strategy::Best}) {
      Plan plan = mustPlan(b, s, /*nodeLimit=*/2000);
      std::vector<Violation> v = verifyPlan(b, plan.offsets, plan.arenaSize);
      ASSERT_TRUE(v.empty())
          << "graph " << g << " strategy " << getStrategyName(s).str() << ": "
          << v.size() << " violations";
      ASSERT_EQ(plan.lowerBound, lowerBound);
      ASSERT_GE(plan.arenaSize, lowerBound);
      if (s != Strategy::Best)
        bestGreedy = std::min(bestGreedy, plan.arenaSize);
      else
        ASSERT_LE(plan.arenaSize, bestGreedy);
    }
    if (b.size() <= 16) {
      PlanOptions options;
      options.strategy = Strategy::Exact;
      options.exactNodeLimit = 20000;
      Plan exact = *planBuffers(b, options);
      ASSERT_TRUE(verifyPlan(b, exact.offsets, exact.arenaSize).empty());
      ASSERT_LE(exact.arenaSize, bestGreedy);
      ASSERT_GE(exact.arenaSize, lowerBound);
      ++small;
      exactWins += exact.arenaSize < bestGreedy;
      optimal += exact.optimal;
    }
  }
  // Report how often the search beat the greedy strategies.
  std::printf("random graphs: %d, exact search on %d: beat greedy on %d, "
              "proven optimal %d\n",
              graphs, small, exactWins, optimal);
}

TEST(MemoryPlanner, CheckerRejectsShiftedRandomPlans) {
  // Moving any one buffer onto another live one must be reported: the checker
  // is what the random test relies on, so it must not pass broken plans.
  std::mt19937 rng(7);
  int caught = 0, tried = 0;
  for (int g = 0; g < 500; ++g) {
    std::vector<Buffer> b = randomGraph(rng, 2 + rng() % 20);
    Plan plan = mustPlan(b, Strategy::Best, /*nodeLimit=*/2000);
    std::vector<int64_t> group = getAliasGroups(b);
    for (size_t i = 0; i < b.size(); ++i)
      for (size_t j = 0; j < b.size(); ++j) {
        if (i == j || group[i] == group[j] || getReservedSize(b[i]) == 0 ||
            getReservedSize(b[j]) == 0 || b[i].lastStep < b[j].firstStep ||
            b[j].lastStep < b[i].firstStep)
          continue;
        std::vector<int64_t> broken = plan.offsets;
        broken[i] = broken[j];
        // A large arena and a compatible alignment isolate the overlap.
        if (broken[i] % b[i].alignment != 0)
          continue;
        ++tried;
        for (const Violation &v :
             verifyPlan(b, broken, plan.arenaSize + (int64_t(1) << 20)))
          if (v.kind == Violation::Kind::Overlap) {
            ++caught;
            break;
          }
      }
  }
  EXPECT_GT(tried, 0);
  EXPECT_EQ(caught, tried);
}

/// The smallest arena over every placement, by exhaustive search over all
/// aligned offsets below `limit`.
int64_t bruteForceArena(const std::vector<Buffer> &b, int64_t limit) {
  std::vector<int64_t> offsets(b.size());
  int64_t best = limit;
  std::function<void(size_t, int64_t)> place = [&](size_t i, int64_t top) {
    if (top >= best)
      return;
    if (i == b.size()) {
      best = top;
      return;
    }
    for (int64_t o = 0; o + getReservedSize(b[i]) < best; o += b[i].alignment) {
      bool ok = true;
      for (size_t j = 0; j < i && ok; ++j)
        ok = b[i].lastStep < b[j].firstStep || b[j].lastStep < b[i].firstStep ||
             o + getReservedSize(b[i]) <= offsets[j] ||
             offsets[j] + getReservedSize(b[j]) <= o;
      if (!ok)
        continue;
      offsets[i] = o;
      place(i + 1, std::max(top, o + getReservedSize(b[i])));
    }
  };
  place(0, 0);
  return best;
}

TEST(MemoryPlanner, ExactMatchesBruteForce) {
  // On graphs small enough to enumerate every placement, the exact search
  // must find the true optimum and say so.
  std::mt19937 rng(5);
  int beaten = 0;
  for (int g = 0; g < 300; ++g) {
    std::vector<Buffer> b;
    int n = 3 + rng() % 4;
    for (int i = 0; i < n; ++i) {
      int64_t first = rng() % 5;
      b.push_back({int64_t(1 + rng() % 7), int64_t(1) << (rng() % 3), first,
                   first + int64_t(rng() % 3)});
    }
    Plan greedy = mustPlan(b, Strategy::GreedyBySize);
    Plan exact = mustPlan(b, Strategy::Exact);
    int64_t optimum = bruteForceArena(b, greedy.arenaSize + 1);
    ASSERT_EQ(exact.arenaSize, optimum) << "graph " << g;
    ASSERT_TRUE(exact.optimal);
    ASSERT_TRUE(verifyPlan(b, exact.offsets, exact.arenaSize).empty());
    beaten += greedy.arenaSize > optimum;
  }
  std::printf("brute force: greedy-by-size above the optimum on %d of 300\n",
              beaten);
}

TEST(MemoryPlanner, ExactSearchTime) {
  // `best` runs the exact search on graphs of up to 32 blocks: time it on
  // graphs that size, with the default node limit.
  std::mt19937 rng(32);
  double worst = 0;
  for (int g = 0; g < 20; ++g) {
    std::vector<Buffer> b = randomGraph(rng, 28);
    auto start = std::chrono::steady_clock::now();
    Plan plan = mustPlan(b, Strategy::Best);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    worst = std::max(worst, seconds);
    EXPECT_TRUE(verifyPlan(b, plan.offsets, plan.arenaSize).empty());
  }
  std::printf("exact search on ~32 buffers: worst %.3f s\n", worst);
  EXPECT_LT(worst, 1.0);
}

TEST(MemoryPlanner, ThousandLayers) {
  std::mt19937 rng(1000);
  std::vector<Buffer> b = randomGraph(rng, 1000);
  auto start = std::chrono::steady_clock::now();
  Plan plan = mustPlan(b, Strategy::Best);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_TRUE(verifyPlan(b, plan.offsets, plan.arenaSize).empty());
  std::printf(
      "1000 layers, %zu buffers: arena %lld, lower bound %lld, %.3f s\n",
      b.size(), (long long)plan.arenaSize, (long long)plan.lowerBound, seconds);
  EXPECT_LT(seconds, 1.0);
}

} // namespace
