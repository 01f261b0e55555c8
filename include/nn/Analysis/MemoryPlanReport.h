//===- MemoryPlanReport.h - plan as JSON and SVG ----------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The machine-readable twin of a memory plan (one JSON record per buffer, in
// the spirit of STM32Cube.AI's network_c_info.json) and a picture of it
// (SVG: step on x, arena offset on y, one named rectangle per buffer).
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_MEMORYPLANREPORT_H
#define NN_ANALYSIS_MEMORYPLANREPORT_H

#include "nn/Analysis/MemoryPlanner.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir::nn::memplan {

struct ReportBuffer {
  std::string name;
  /// "activation", "input", "output" or "scratch".
  std::string kind;
  Buffer record;
  int64_t offset = 0;
};

struct FunctionReport {
  std::string function;
  int64_t arenaSize = 0;
  int64_t lowerBound = 0;
  int64_t alignment = 0;
  std::string strategy;
  std::vector<ReportBuffer> buffers;
  /// Reserved bytes alive at each step (alias groups once): the per-layer
  /// live memory.
  std::vector<int64_t> liveBytes;
};

/// {"functions": [{"name", "arena_size", "lower_bound", "alignment",
///   "strategy", "live_bytes": [per step], "buffers": [{"name", "kind",
///   "offset", "size", "bytes", "alignment", "first_step", "last_step",
///   "alias_of"?}]}]}
/// `size` is the reserved (aligned) size, `bytes` the tensor's own.
void writePlanJSON(llvm::raw_ostream &os,
                   llvm::ArrayRef<FunctionReport> functions);

/// One SVG; each function is a panel, stacked vertically.
void writePlanSVG(llvm::raw_ostream &os,
                  llvm::ArrayRef<FunctionReport> functions);

} // namespace mlir::nn::memplan

#endif // NN_ANALYSIS_MEMORYPLANREPORT_H
