//===- Validate.cpp - validate a model against a reference ----------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Validation/Validate.h"

#include "nn/Support/RandomInput.h"
#include "nn/Support/ThresholdOptions.h"
#include "nn/Target/TargetPresets.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>
#include <thread>

using namespace llvm;

namespace nn {

static std::string join(StringRef dir, const Twine &name) {
  SmallString<128> p(dir);
  sys::path::append(p, name);
  return p.str().str();
}

namespace {
/// One validation: the state shared by its steps.
class Validation {
public:
  Validation(const ValidateOptions &o, raw_ostream &out, raw_ostream &err)
      : o(o), out(out), err(err) {}
  int run();

private:
  int fail(const Twine &msg) {
    WithColor::error(err, "nnc validate") << msg << "\n";
    return 1;
  }
  /// The reference's view of the model, falling back to the other runtime
  /// when the chosen one rejects it.
  Expected<ReferenceInfo> chooseReference();
  /// Layer-by-layer comparison of the dumped activations.
  void compareActivations(const ReferenceRun &expected,
                          const ReferenceRun &actual, raw_ostream &os,
                          json::Array &layersJson);

  const ValidateOptions &o;
  raw_ostream &out, &err;
  ReferenceKind ref = ReferenceKind::TFLite;
  std::vector<std::string> notes;
  std::optional<std::string> firstDivergence;
};
} // namespace

Expected<ReferenceInfo> Validation::chooseReference() {
  ReferenceOptions options;
  Expected<ReferenceInfo> info = getReferenceInfo(ref, o.model, options);
  if (info)
    return info;
  std::string why;
  Error rest =
      handleErrors(info.takeError(),
                   [&](const ReferenceRejectedError &e) { why = e.message; });
  if (rest)
    return std::move(rest);
  ReferenceKind other = ref == ReferenceKind::TFLite ? ReferenceKind::ArmNN
                                                     : ReferenceKind::TFLite;
  notes.push_back(getReferenceName(ref).str() + " rejected the model; using " +
                  getReferenceName(other).str() + " as the reference (" + why +
                  ")");
  ref = other;
  info = getReferenceInfo(ref, o.model, options);
  if (!info)
    return createStringError(inconvertibleErrorCode(),
                             "no reference runtime can run " + o.model + ": " +
                                 toString(info.takeError()) +
                                 " (our own float evaluation is not "
                                 "implemented)");
  return info;
}

void Validation::compareActivations(const ReferenceRun &expected,
                                    const ReferenceRun &actual, raw_ostream &os,
                                    json::Array &layersJson) {
  // The reference lists its outputs first, then the tensors in operator
  // order; compare those the target dumped too.
  size_t numOutputs = expected.outputFiles.size();
  for (size_t i = numOutputs; i < expected.activations.size(); ++i) {
    const ReferenceRun::Activation &r = expected.activations[i];
    // Compiled runs know the tensors by name only.
    auto t = find_if(actual.activations, [&](const auto &c) {
      return c.tensor >= 0 ? c.tensor == r.tensor : c.name == r.name;
    });
    if (t == actual.activations.end())
      continue;
    Expected<NpyArray> e = readNpyFile(r.file);
    Expected<NpyArray> a = readNpyFile(t->file);
    if (!e || !a) {
      consumeError(e.takeError());
      consumeError(a.takeError());
      continue;
    }
    Expected<Metrics> m = computeMetrics(*a, *e);
    if (!m) {
      consumeError(m.takeError());
      continue;
    }
    if (m->maxAbsError != 0 && !firstDivergence)
      firstDivergence = formatv("tensor {0} '{1}'", r.tensor, r.name).str();
    json::Object j = toJSON(*m);
    j["tensor"] = r.tensor;
    j["name"] = r.name;
    layersJson.push_back(std::move(j));
    os << formatv("  layer tensor {0,-4} {1,-60} ", r.tensor,
                  StringRef(r.name).take_front(60));
    if (m->isInteger)
      os << formatv("equal {0,7:f3}%  max {1} LSB\n", 100 * m->exactShare,
                    m->maxLsbDifference);
    else
      os << formatv("max abs {0:e}  l2 rel {1:e}\n", m->maxAbsError,
                    m->l2RelativeError);
  }
  os << "first divergence: "
     << (firstDivergence ? *firstDivergence : std::string("none")) << "\n";
}

int Validation::run() {
  std::optional<ReferenceKind> chosen = parseReferenceName(o.reference);
  if (!chosen)
    return fail("unknown --reference '" + o.reference + "' (tflite, armnn)");
  ref = *chosen;
  std::optional<ReferenceKind> targetRef = parseReferenceName(o.target);
  // Every target preset runs: natively (host) or on its QEMU board.
  bool compiled = mlir::nn::lookupTargetPreset(o.target) != nullptr;
  if (!targetRef && !compiled)
    return fail("unknown --target '" + o.target + "' (" +
                mlir::nn::getTargetPresetNames() + ", tflite, armnn)");
  if (compiled && !o.runCompiled)
    return fail("--target " + o.target + ": no runner for compiled networks");

  // A compiled target reads the signature from the model file, so the
  // reference starts once, running, concurrently with the compilation (a
  // Node.js + WebAssembly start-up just to ask for the signature cost a
  // third of validating person detection); a reference that rejects the
  // model is replaced after the fact. Cross-checking two references asks
  // the reference first, as either may reject the model.
  Expected<ReferenceInfo> info =
      compiled ? readModelSignature(o.model) : chooseReference();
  if (!info)
    return fail(toString(info.takeError()));
  if (targetRef && ref == *targetRef)
    return fail("the target and the reference are both " +
                getReferenceName(ref) +
                ": no independent reference can run this model" +
                (notes.empty() ? "" : " (" + notes.front() + ")"));

  SmallString<128> dir(o.workDir);
  bool removeDir = o.workDir.empty();
  if (removeDir) {
    if (std::error_code ec =
            sys::fs::createUniqueDirectory("nnc-validate", dir))
      return fail("cannot create a work folder: " + ec.message());
  } else if (std::error_code ec = sys::fs::create_directories(dir)) {
    return fail(o.workDir + ": " + ec.message());
  }
  scope_exit cleanup([&] {
    if (removeDir)
      sys::fs::remove_directories(dir);
  });

  std::vector<std::string> inputFiles = o.inputs;
  if (inputFiles.empty()) {
    for (auto [i, t] : enumerate(info->inputs)) {
      auto [lo, hi] = getDefaultRandomRange(t.dtype);
      NpyArray a =
          makeRandomInput(t.dtype, t.shape, o.samples, o.seed + i, lo, hi);
      inputFiles.push_back(join(dir, "input_" + Twine(i) + ".npy"));
      if (Error e = writeNpyFile(inputFiles.back(), a))
        return fail(toString(std::move(e)));
    }
  } else if (inputFiles.size() != info->inputs.size()) {
    return fail("the model has " + Twine(info->inputs.size()) +
                " input(s), --inputs gives " + Twine(inputFiles.size()));
  }

  auto dumpDir = [&](StringRef name) {
    return o.dumpActivationsDir.empty() ? std::string()
                                        : join(o.dumpActivationsDir, name);
  };
  auto timed = [](auto run) {
    auto start = std::chrono::steady_clock::now();
    auto result = run();
    if (result)
      result->wallMilliseconds = std::chrono::duration<double, std::milli>(
                                     std::chrono::steady_clock::now() - start)
                                     .count();
    return result;
  };
  auto runOn = [&](ReferenceKind kind, StringRef name) {
    ReferenceOptions options;
    options.dumpActivationsDir = dumpDir(name);
    return timed([&] {
      return runReference(kind, o.model, inputFiles, join(dir, name), options);
    });
  };
  // The reference (a process of its own) runs while the target compiles
  // and runs: they share only the input files, and validation then takes
  // the longer of the two instead of their sum.
  std::optional<Expected<ReferenceRun>> referenceResult;
  // Written by the reference's thread only, read after it joins.
  std::vector<std::string> referenceNotes;
  std::thread referenceThread([&] {
    referenceResult.emplace(runOn(ref, "reference"));
    if (!compiled || *referenceResult)
      return;
    std::string why;
    Error rest =
        handleErrors(referenceResult->takeError(),
                     [&](const ReferenceRejectedError &e) { why = e.message; });
    if (rest) {
      referenceResult.emplace(std::move(rest));
      return;
    }
    ReferenceKind other = ref == ReferenceKind::TFLite ? ReferenceKind::ArmNN
                                                       : ReferenceKind::TFLite;
    referenceNotes.push_back(
        getReferenceName(ref).str() + " rejected the model; using " +
        getReferenceName(other).str() + " as the reference (" + why + ")");
    ref = other;
    referenceResult.emplace(runOn(ref, "reference"));
    if (!*referenceResult)
      referenceResult.emplace(createStringError(
          inconvertibleErrorCode(),
          "no reference runtime can run " + o.model + ": " +
              toString(referenceResult->takeError()) +
              " (our own float evaluation is not implemented)"));
  });
  Expected<ReferenceRun> actual = [&]() -> Expected<ReferenceRun> {
    if (targetRef)
      return runOn(*targetRef, "target");
    CompiledRunRequest request;
    request.target = o.target;
    request.inputFiles = inputFiles;
    request.signature = &*info;
    request.outDir = join(dir, "target");
    request.dumpActivationsDir = dumpDir("target");
    return timed([&] { return o.runCompiled(request); });
  }();
  referenceThread.join();
  notes.insert(notes.begin(), referenceNotes.begin(), referenceNotes.end());
  Expected<ReferenceRun> expected = std::move(*referenceResult);
  if (!expected) {
    if (!actual)
      consumeError(actual.takeError());
    return fail(toString(expected.takeError()));
  }
  if (!expected->info.repairedTensors.empty())
    notes.push_back("quantized_dimension set to 0 on " +
                    std::to_string(expected->info.repairedTensors.size()) +
                    " 1-D tensor(s) so that the runtimes accept the model");
  // The signature the inputs were made from must be the one the reference
  // ran.
  auto sameTensors = [](ArrayRef<TensorSignature> a,
                        ArrayRef<TensorSignature> b) {
    return a.size() == b.size() && llvm::all_of(llvm::zip(a, b), [](auto pair) {
             auto &[x, y] = pair;
             return x.dtype == y.dtype && x.shape == y.shape;
           });
  };
  if (!sameTensors(info->inputs, expected->info.inputs) ||
      !sameTensors(info->outputs, expected->info.outputs)) {
    if (!actual)
      consumeError(actual.takeError());
    return fail("the " + getReferenceName(ref) +
                " reference sees other input or output types or shapes "
                "than the model file declares");
  }
  if (!actual)
    return fail("target " + o.target + ": " + toString(actual.takeError()));
  if (actual->outputFiles.size() != expected->outputFiles.size())
    return fail("the target and the reference disagree on the output count");
  notes.insert(notes.end(), actual->notes.begin(), actual->notes.end());
  bool classifier = o.classifier || actual->isClassifier;

  bool pass = true;
  json::Array outputsJson, layersJson;
  std::string text;
  raw_string_ostream os(text);
  for (size_t i = 0; i < expected->outputFiles.size(); ++i) {
    Expected<NpyArray> e = readNpyFile(expected->outputFiles[i]);
    if (!e)
      return fail(toString(e.takeError()));
    Expected<NpyArray> a = readNpyFile(actual->outputFiles[i]);
    if (!a)
      return fail(toString(a.takeError()));
    std::optional<Dequantization> dequantization;
    if (i < actual->outputDequantization.size())
      dequantization = actual->outputDequantization[i];
    Expected<Metrics> m = computeMetrics(*a, *e, dequantization, classifier);
    if (!m)
      return fail("output " + Twine(i) + ": " + toString(m.takeError()));
    std::vector<std::string> failures = checkThresholds(*m, o.thresholds);
    pass &= failures.empty();
    const TensorSignature &sig = expected->info.outputs[i];
    os << formatv("output {0} '{1}' ({2} {3}):\n", i, sig.name,
                  getNpyDTypeName(sig.dtype), formatShape(sig.shape));
    printMetrics(os, *m);
    os << "  " << (failures.empty() ? "PASS" : "FAIL");
    for (const std::string &f : failures)
      os << ": " << f;
    os << "\n";
    json::Object j = toJSON(*m, failures);
    j["name"] = sig.name;
    outputsJson.push_back(std::move(j));
  }
  if (!o.dumpActivationsDir.empty())
    compareActivations(*expected, *actual, os, layersJson);

  std::string samples =
      o.inputs.empty()
          ? formatv("{0} random (seed {1})", o.samples, o.seed).str()
          : "from --inputs";
  if (o.json) {
    json::Array notesJson;
    for (const std::string &n : notes)
      notesJson.push_back(n);
    json::Object j{{"model", o.model},
                   {"target", o.target},
                   {"target_runtime", actual->info.runtime},
                   {"reference", getReferenceName(ref)},
                   {"reference_runtime", expected->info.runtime},
                   {"inputs", samples},
                   {"reference_ms", expected->inferMilliseconds},
                   {"reference_wall_ms", expected->wallMilliseconds},
                   {"target_ms", actual->inferMilliseconds},
                   {"target_wall_ms", actual->wallMilliseconds},
                   {"compile_ms", actual->compileMilliseconds},
                   {"target_instructions", actual->instructionsPerInference},
                   {"notes", std::move(notesJson)},
                   {"outputs", std::move(outputsJson)},
                   {"layers", std::move(layersJson)},
                   {"first_divergence", firstDivergence
                                            ? json::Value(*firstDivergence)
                                            : json::Value(nullptr)},
                   {"pass", pass}};
    out << formatv("{0:2}", json::Value(std::move(j))) << "\n";
  } else {
    out << "model:     " << o.model << "\n";
    out << "target:    " << o.target << " (" << actual->info.runtime << ")\n";
    out << "reference: " << getReferenceName(ref) << " ("
        << expected->info.runtime << ")\n";
    out << "inputs:    " << samples << "\n";
    for (const std::string &n : notes)
      out << "note:      " << n << "\n";
    out << formatv("time:      reference {0:f0} ms (inference {1:f0} ms), "
                   "target {2:f0} ms",
                   expected->wallMilliseconds, expected->inferMilliseconds,
                   actual->wallMilliseconds);
    if (actual->compileMilliseconds > 0)
      out << formatv(" (compile {0:f0} ms", actual->compileMilliseconds)
          << (actual->instructionsPerInference > 0
                  ? formatv(", {0} instructions per inference)",
                            actual->instructionsPerInference)
                        .str()
                  : formatv(", inference {0:f1} ms)", actual->inferMilliseconds)
                        .str());
    out << "\n";
    out << text;
    out << (pass ? "PASS" : "FAIL") << "\n";
  }
  return pass ? 0 : 1;
}

int runValidation(const ValidateOptions &options, raw_ostream &out,
                  raw_ostream &err) {
  return Validation(options, out, err).run();
}

} // namespace nn
