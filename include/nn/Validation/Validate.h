//===- Validate.h - validate a model against a reference --------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// What `nnc validate` does: runs the same inputs through a target and a
// reference runtime, and reports per output the metrics of
// nn/Support/Metrics.h, and with dumped activations the first tensor where
// the runs diverge.
//
//===----------------------------------------------------------------------===//

#ifndef NN_VALIDATION_VALIDATE_H
#define NN_VALIDATION_VALIDATE_H

#include "nn/Support/Metrics.h"
#include "nn/Validation/Reference.h"

#include <functional>

namespace nn {

/// What the model under test runs on when it is compiled code.
struct CompiledRunRequest {
  /// A target preset (mlir::nn::getTargetPresets): host, cortex-m4, ...
  std::string target;
  /// .npy files as for runReference.
  std::vector<std::string> inputFiles;
  /// The reference's view of the inputs and outputs (dtypes, shapes).
  const ReferenceInfo *signature = nullptr;
  /// The outputs go there as output_<i>.npy.
  std::string outDir;
  /// When set: every intermediate tensor of the compiled network goes
  /// there as .npy, listed in ReferenceRun::activations (tensor -1, matched
  /// to the reference's by name).
  std::string dumpActivationsDir;
};

/// Compiles the model and runs it on the request's target.
using CompiledRunner =
    std::function<llvm::Expected<ReferenceRun>(const CompiledRunRequest &)>;

struct ValidateOptions {
  std::string model;
  /// A target preset (compiled, through `runCompiled`), or a reference
  /// runtime (tflite, armnn) to cross-check the references.
  std::string target = "host";
  std::string reference = "tflite";
  /// One .npy per model input; empty: `samples` random samples from `seed`.
  std::vector<std::string> inputs;
  int64_t samples = 10;
  uint64_t seed = 1;
  bool json = false;
  std::string dumpActivationsDir;
  /// Kept when set; otherwise a temporary folder, removed at the end.
  std::string workDir;
  Thresholds thresholds;
  bool classifier = false;
  /// Unset while compiled networks cannot run.
  CompiledRunner runCompiled;
};

/// Validates and prints the report to `out`, errors to `err`; returns the
/// exit status: 0 every output passed, 1 a failure or an error.
int runValidation(const ValidateOptions &options, llvm::raw_ostream &out,
                  llvm::raw_ostream &err);

} // namespace nn

#endif // NN_VALIDATION_VALIDATE_H
