//===- Generate.h - the nnc generate pipeline as a function -----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The whole `nnc generate` pipeline, callable in-process: `nnc validate`
// compiles the model it validates (and, for --dump-activations, each prefix
// of it) through the very same code.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_GENERATE_H
#define NNC_GENERATE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <functional>
#include <string>

namespace nnc {

struct GenerateOptions {
  std::string model;
  std::string target = "cortex-m4";
  /// C name of the network; empty: the model file's stem.
  std::string name;
  int64_t alignment = 4;
  /// int8 requantization: double-rounding, single-rounding or fp32.
  std::string requantization = "double-rounding";
  /// Hybrid layers: dynamic-range (TFLite's hybrid kernels) or dequantize.
  std::string hybrid = "dynamic-range";
  std::string outputDir;
  /// One function per loop nest (--nn-outline-loops).
  bool outlineLoops = false;
  /// Verify after every lowering pass, not only once after the lowering.
  bool verifyEach = false;
  /// Print the wall time of each stage and lowering pass on stderr.
  bool timing = false;
  /// LLVM IR optimization pipeline (`opt -passes=` syntax); empty: -O1's.
  std::string llvmPasses;
  /// Print the report's summary on stdout (what `nnc generate` shows).
  bool printSummary = true;
  /// Where diagnostics go; null: stderr.
  llvm::raw_ostream *diagnostics = nullptr;
  /// Runs on the optimized nn program (entry already renamed) before the
  /// analysis, e.g. to cut the network after one layer.
  std::function<mlir::LogicalResult(mlir::func::FuncOp entry)> transform;
};

/// Import -> canonicalize -> [transform] -> analyze -> plan -> bufferize ->
/// lower -> emit <name>.o, <name>.h, <name>.ll and the report into
/// `outputDir`. Diagnostics go to stderr; returns the exit status.
/// What a caller needs to run the emitted code: the header's sizes.
struct GenerateResult {
  std::string entry;
  int64_t arenaSize = 0;
  int64_t alignment = 1;
  int64_t inputBytes = 0;
  int64_t outputBytes = 0;
};

/// Runs the pipeline; 0 on success. `result`, when given, is filled on
/// success.
int generate(const GenerateOptions &options, GenerateResult *result = nullptr);

/// The C name `nnc generate` gives a model by default: its file's stem as
/// an identifier ("kws-tiny.v2" -> "kws_tiny_v2").
std::string getDefaultNetworkName(llvm::StringRef modelPath);

} // namespace nnc

#endif // NNC_GENERATE_H
