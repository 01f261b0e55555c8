//===- Reference.h - reference runtimes for validation ----------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Runs a .tflite model through a runtime we did not write, as the reference
// of validation: TensorFlow Lite's interpreter compiled to WebAssembly (under
// Node.js) or Arm NN's reference backend (under /usr/bin/python3). Both are
// driven through the scripts in tools/nn-reference, which exchange .npy files.
//
//===----------------------------------------------------------------------===//

#ifndef NN_VALIDATION_REFERENCE_H
#define NN_VALIDATION_REFERENCE_H

#include "nn/Support/Metrics.h"
#include "nn/Support/Npy.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace nn {

enum class ReferenceKind { TFLite, ArmNN };

llvm::StringRef getReferenceName(ReferenceKind kind);
std::optional<ReferenceKind> parseReferenceName(llvm::StringRef name);

struct TensorSignature {
  std::string name;
  NpyDType dtype;
  std::vector<int64_t> shape;
};

/// What a reference reports of a model.
struct ReferenceInfo {
  std::string runtime;
  std::vector<TensorSignature> inputs, outputs;
  /// Tensors whose quantized_dimension was repaired (see
  /// ReferenceOptions::repairQuantizedDimension).
  std::vector<int64_t> repairedTensors;
};

struct ReferenceOptions {
  /// Sets the quantization axis of per-axis quantized 1-D tensors to 0, the
  /// only axis they have (person_detect.tflite declares 3 on its biases,
  /// which both runtimes reject).
  bool repairQuantizedDimension = true;
  /// When set, every intermediate tensor is written there as
  /// tensor_<index>.npy.
  std::string dumpActivationsDir;
};

/// The runtime declined the model (unsupported operator, type or metadata);
/// another reference may still run it.
class ReferenceRejectedError : public llvm::ErrorInfo<ReferenceRejectedError> {
public:
  static char ID;
  explicit ReferenceRejectedError(std::string message)
      : message(std::move(message)) {}
  void log(llvm::raw_ostream &os) const override { os << message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  std::string message;
};

/// The model's inputs and outputs (names, dtypes, shapes) read from the
/// .tflite file itself, without starting a reference runtime; `runtime` is
/// empty. Fails on a file that is not a valid TFLite flatbuffer or a tensor
/// type .npy cannot carry.
llvm::Expected<ReferenceInfo> readModelSignature(llvm::StringRef model);

llvm::Expected<ReferenceInfo> getReferenceInfo(ReferenceKind kind,
                                               llvm::StringRef model,
                                               const ReferenceOptions &options);

struct ReferenceRun {
  ReferenceInfo info;
  /// One file per model output, in `outDir`: output_<i>.npy.
  std::vector<std::string> outputFiles;
  /// Time of the inferences alone (all samples), as the runtime measured
  /// it; 0 when it cannot (the emulated Cortex-M counts instructions).
  double inferMilliseconds = 0;
  /// Wall time of the whole run (process start, compilation, I/O).
  double wallMilliseconds = 0;
  /// Compiled runs: the time to compile the model, and on an emulated MCU
  /// the instructions of one inference (mean over the samples).
  double compileMilliseconds = 0;
  int64_t instructionsPerInference = 0;
  /// Compiled runs: the real value of each output's stored integer, when
  /// quantized, so that the errors are also reported in real units.
  std::vector<std::optional<Dequantization>> outputDequantization;
  /// Compiled runs: every output comes from a softmax (a classifier, so
  /// top-1 agreement is reported).
  bool isClassifier = false;
  /// What the reader should know about this run.
  std::vector<std::string> notes;
  /// With ReferenceOptions::dumpActivationsDir: the tensors written there,
  /// in the order the model's operators produce them (the outputs first).
  struct Activation {
    /// The model's tensor index; -1 when unknown (compiled runs).
    int64_t tensor;
    std::string name;
    std::string file;
  };
  std::vector<Activation> activations;
};

/// Runs `model` on `inputFiles` (one .npy per model input, each one sample
/// or N samples stacked on a leading axis) and writes the outputs to
/// `outDir`.
llvm::Expected<ReferenceRun>
runReference(ReferenceKind kind, llvm::StringRef model,
             llvm::ArrayRef<std::string> inputFiles, llvm::StringRef outDir,
             const ReferenceOptions &options);

} // namespace nn

#endif // NN_VALIDATION_REFERENCE_H
