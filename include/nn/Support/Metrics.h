//===- Metrics.h - error metrics between two arrays -------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The figures `nnc validate` prints per output when it compares our run with
// a reference run: the error metrics STM32Cube.AI's validate reports, the
// integer view (share of exactly equal elements, largest difference in LSB)
// and top-1 agreement for classifiers, plus the thresholds that decide pass
// or fail.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_METRICS_H
#define NN_SUPPORT_METRICS_H

#include "nn/Support/Npy.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace nn {

/// How stored integers map to real values: real = scale * (q - zeroPoint).
struct Dequantization {
  double scale = 1.0;
  int64_t zeroPoint = 0;
};

struct Metrics {
  int64_t numElements = 0;
  /// Real-valued errors, on dequantized values when a Dequantization was
  /// given (otherwise on the stored values).
  double maxAbsError = 0;
  double meanAbsError = 0;
  double rmse = 0;
  /// ||actual - expected||_2 / ||expected||_2 (0 when both are zero).
  double l2RelativeError = 0;
  /// Of the zero-point-corrected values; 1 when both are all zero.
  double cosineSimilarity = 1;
  /// Integer outputs only: the share of bit-equal elements and the largest
  /// difference of stored values (in LSB).
  bool isInteger = false;
  double exactShare = 1;
  int64_t maxLsbDifference = 0;
  /// Classifiers only: the share of rows of the last axis (one per sample)
  /// whose arg-max agrees.
  std::optional<double> top1Agreement;
  int64_t numRows = 0;
};

/// Pass/fail limits; an unset limit is not checked.
struct Thresholds {
  /// Integer outputs: the largest tolerated LSB difference (0 = bit-exact).
  int64_t maxLsbDifference = 0;
  /// Float outputs: the largest tolerated relative L2 error.
  double maxL2RelativeError = 1e-5;
  std::optional<double> minCosineSimilarity;
  std::optional<double> minTop1Agreement;
};

/// Compares `actual` (our run) with `expected` (the reference). Both must
/// have the same dtype and shape. `isClassifier` adds top-1 agreement over
/// the last axis (class scores).
llvm::Expected<Metrics>
computeMetrics(const NpyArray &actual, const NpyArray &expected,
               std::optional<Dequantization> dequantization = std::nullopt,
               bool isClassifier = false);

/// The reasons `metrics` fails `thresholds`; empty when it passes.
std::vector<std::string> checkThresholds(const Metrics &metrics,
                                         const Thresholds &thresholds);

llvm::json::Object toJSON(const Metrics &metrics);

/// One line per figure, as `nnc validate` and `nn-compare` print them.
void printMetrics(llvm::raw_ostream &os, const Metrics &metrics);

} // namespace nn

#endif // NN_SUPPORT_METRICS_H
