//===- CostAnalysis.h - per-layer cost of an nn model -----------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Gathers each layer's CostOpInterface figures in execution order, with its
// share of the model and the cumulative percentages (c_macc, c_rom), plus
// the totals. --nn-annotate-cost writes them as attributes, --nn-report and
// `nnc analyze` print them; all three go through analyzeCost().
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_COSTANALYSIS_H
#define NN_ANALYSIS_COSTANALYSIS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::nn {

/// One layer (an nn op other than nn.constant) and its figures.
struct LayerCost {
  Operation *op = nullptr;
  /// From the op's location (the TFLite tensor name), else `<type>_<k>`.
  std::string name;
  /// The op name without the dialect prefix, e.g. "conv2d".
  std::string type;
  /// Output shape and element (storage) type, e.g. "1x5x5x4 i8".
  std::string output;
  int64_t macc = 0;
  int64_t pureMacs = 0;
  /// Parameters and ROM of the weights this layer is the first to read
  /// (a weight shared by several layers counts once, at its first reader).
  int64_t params = 0;
  int64_t romBytes = 0;
  int64_t activationBytes = 0;
  /// Once the memory planner ran: reserved bytes of the arena's tensors
  /// alive during this layer's step (its inputs and outputs included,
  /// aliased tensors once), as in the plan's `live_bytes`.
  std::optional<int64_t> liveBytes;
  /// Percentages of the model's totals: this layer's own, and this and all
  /// earlier layers' (reaching 100 at the last layer when the total is not 0).
  double maccShare = 0, cumulativeMacc = 0;
  double romShare = 0, cumulativeRom = 0;
};

/// Totals of one function or of a whole module.
struct CostTotals {
  int64_t macc = 0;
  int64_t pureMacs = 0;
  int64_t params = 0;
  int64_t weightsBytes = 0;
  /// The largest single activation tensor (a layer output or an input).
  int64_t largestActivationBytes = 0;
  int64_t inputBytes = 0;
  int64_t outputBytes = 0;
  /// Set by the memory planner (nn.arena_size / nn.lower_bound), if it ran.
  std::optional<int64_t> arenaBytes;
  std::optional<int64_t> lowerBoundBytes;
  /// Once planned: the layer with the most live bytes (the first of equals)
  /// and those bytes, the lower bound unless the peak is outside any layer.
  std::optional<std::string> peakLayer;
  std::optional<int64_t> peakLiveBytes;

  /// The activation RAM to report: the planned arena once the planner ran,
  /// else the largest activation.
  int64_t getActivationsBytes() const {
    return arenaBytes.value_or(largestActivationBytes);
  }
};

struct FunctionCost {
  FunctionOpInterface func;
  std::string name;
  std::vector<LayerCost> layers;
  CostTotals totals;
};

struct ModuleCost {
  std::vector<FunctionCost> functions;
  /// Sums over the functions; the largest activation and the arena are the
  /// largest of any function.
  CostTotals totals;
};

/// Computes the cost of every layer of `func`. Emits an error naming the op
/// and fails when a cost is undefined (dynamic shape) or overflows 64 bits.
FailureOr<FunctionCost> analyzeCost(FunctionOpInterface func);

/// analyzeCost() for every function of `module` (declarations skipped).
FailureOr<ModuleCost> analyzeCost(ModuleOp module);

/// `value` with thousands separators: 1234567 -> "1,234,567".
std::string formatWithSeparators(int64_t value);

/// The layer table, one row per layer, and the totals block.
void printCostReport(const ModuleCost &cost, llvm::raw_ostream &os);

/// The same data as JSON (keys documented in docs/cost-model.md).
void printCostReportJSON(const ModuleCost &cost, llvm::raw_ostream &os);

} // namespace mlir::nn

#endif // NN_ANALYSIS_COSTANALYSIS_H
