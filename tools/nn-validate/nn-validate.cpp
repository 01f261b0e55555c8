//===- nn-validate.cpp - validate a model against a reference runtime ----===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Runs the same inputs through a target and a reference runtime and prints
// per output the metrics of nn/Support/Metrics.h; the exit status says
// whether every output passed the thresholds. The flags are those of
// `nnc validate`, which will call the same library code once compiled
// networks run: until then the targets are the reference runtimes themselves
// (`--target armnn` against `--reference tflite` cross-checks them);
// `--target host|cortex-m4` reports that compiled execution is not built yet.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/Metrics.h"
#include "nn/Support/RandomInput.h"
#include "nn/Support/ThresholdOptions.h"
#include "nn/Validation/Reference.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace nn;

static cl::OptionCategory toolCategory("nn-validate options");

static cl::opt<std::string> modelPath(cl::Positional,
                                      cl::desc("<model.tflite>"), cl::Required,
                                      cl::cat(toolCategory));
static cl::opt<std::string> target(
    "target",
    cl::desc("What runs the model under test: host, cortex-m4, or a reference "
             "runtime (tflite, armnn) to cross-check the references"),
    cl::init("host"), cl::cat(toolCategory));
static cl::opt<std::string>
    reference("reference",
              cl::desc("Reference runtime: tflite (default) or armnn"),
              cl::init("tflite"), cl::cat(toolCategory));
static cl::list<std::string>
    inputs("inputs",
           cl::desc("Input .npy files, one per model input (comma separated)"),
           cl::CommaSeparated, cl::cat(toolCategory));
static cl::opt<int64_t>
    randomSamples("random",
                  cl::desc("Number of random input samples (default 10)"),
                  cl::init(10), cl::cat(toolCategory));
static cl::opt<uint64_t> seed("seed", cl::desc("Seed of the random inputs"),
                              cl::init(1), cl::cat(toolCategory));
static cl::opt<bool> printJson("json", cl::desc("Print the results as JSON"),
                               cl::cat(toolCategory));
static cl::opt<std::string> dumpDir(
    "dump-activations",
    cl::desc("Write every intermediate tensor of both runs under this folder"),
    cl::cat(toolCategory));
static cl::opt<std::string>
    workDir("work-dir",
            cl::desc("Keep inputs and outputs in this folder "
                     "(default: a temporary one, removed)"),
            cl::cat(toolCategory));

static int fail(const Twine &msg) {
  WithColor::error(errs(), "nn-validate") << msg << "\n";
  return 1;
}

static std::string join(StringRef dir, const Twine &name) {
  SmallString<128> p(dir);
  sys::path::append(p, name);
  return p.str().str();
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  registerThresholdCLOptions();
  cl::HideUnrelatedOptions({&toolCategory, &getThresholdCLCategory()});
  cl::ParseCommandLineOptions(argc, argv, "nn-mlir validation\n");

  std::optional<ReferenceKind> ref = parseReferenceName(reference);
  if (!ref)
    return fail("unknown --reference '" + reference + "' (tflite, armnn)");
  std::optional<ReferenceKind> targetRef = parseReferenceName(target);
  if (!targetRef) {
    if (target != "host" && target != "cortex-m4")
      return fail("unknown --target '" + target +
                  "' (host, cortex-m4, tflite, armnn)");
    return fail("--target " + target +
                ": running compiled networks is not built yet (needs the "
                "lowering and the runtime harness); --target tflite|armnn "
                "cross-checks the references");
  }

  ReferenceOptions options;
  std::vector<std::string> notes;
  // The reference, falling back to the other runtime when it rejects the
  // model.
  Expected<ReferenceInfo> info = getReferenceInfo(*ref, modelPath, options);
  if (!info) {
    std::string why;
    handleAllErrors(info.takeError(),
                    [&](const ReferenceRejectedError &e) { why = e.message; });
    if (why.empty())
      return fail("cannot run the reference");
    ReferenceKind other = *ref == ReferenceKind::TFLite ? ReferenceKind::ArmNN
                                                        : ReferenceKind::TFLite;
    notes.push_back(
        getReferenceName(*ref).str() + " rejected the model; using " +
        getReferenceName(other).str() + " as the reference (" + why + ")");
    ref = other;
    info = getReferenceInfo(*ref, modelPath, options);
    if (!info)
      return fail("no reference runtime can run " + modelPath + ": " +
                  toString(info.takeError()) +
                  " (our own float evaluation is not implemented)");
  }
  if (*ref == *targetRef)
    return fail("the target and the reference are both " +
                getReferenceName(*ref) +
                ": no independent reference can run this model" +
                (notes.empty() ? "" : " (" + notes.front() + ")"));
  if (!info->repairedTensors.empty())
    notes.push_back("quantized_dimension set to 0 on " +
                    std::to_string(info->repairedTensors.size()) +
                    " 1-D tensor(s) so that the runtimes accept the model");

  SmallString<128> dir(workDir);
  bool removeDir = workDir.empty();
  if (removeDir) {
    if (std::error_code ec = sys::fs::createUniqueDirectory("nn-validate", dir))
      return fail("cannot create a work folder: " + ec.message());
  } else if (std::error_code ec = sys::fs::create_directories(dir)) {
    return fail(workDir + ": " + ec.message());
  }
  scope_exit cleanup([&] {
    if (removeDir)
      sys::fs::remove_directories(dir);
  });

  std::vector<std::string> inputFiles(inputs.begin(), inputs.end());
  if (inputFiles.empty()) {
    for (auto [i, t] : enumerate(info->inputs)) {
      auto [lo, hi] = getDefaultRandomRange(t.dtype);
      NpyArray a =
          makeRandomInput(t.dtype, t.shape, randomSamples, seed + i, lo, hi);
      inputFiles.push_back(join(dir, "input_" + Twine(i) + ".npy"));
      if (Error e = writeNpyFile(inputFiles.back(), a))
        return fail(toString(std::move(e)));
    }
  } else if (inputFiles.size() != info->inputs.size()) {
    return fail("the model has " + Twine(info->inputs.size()) +
                " input(s), --inputs gives " + Twine(inputFiles.size()));
  }

  auto run = [&](ReferenceKind kind, StringRef name) {
    ReferenceOptions o = options;
    if (!dumpDir.empty())
      o.dumpActivationsDir = join(dumpDir, name);
    return runReference(kind, modelPath, inputFiles, join(dir, name), o);
  };
  Expected<ReferenceRun> expected = run(*ref, "reference");
  if (!expected)
    return fail(toString(expected.takeError()));
  Expected<ReferenceRun> actual = run(*targetRef, "target");
  if (!actual)
    return fail("target " + target + ": " + toString(actual.takeError()));
  if (actual->outputFiles.size() != expected->outputFiles.size())
    return fail("the target and the reference disagree on the output count");

  Thresholds thresholds = getThresholdsFromCLOptions();

  bool pass = true;
  json::Array outputsJson;
  std::string text;
  raw_string_ostream os(text);
  for (size_t i = 0; i < expected->outputFiles.size(); ++i) {
    Expected<NpyArray> e = readNpyFile(expected->outputFiles[i]);
    if (!e)
      return fail(toString(e.takeError()));
    Expected<NpyArray> a = readNpyFile(actual->outputFiles[i]);
    if (!a)
      return fail(toString(a.takeError()));
    Expected<Metrics> m =
        computeMetrics(*a, *e, std::nullopt, isClassifierFromCLOptions());
    if (!m)
      return fail("output " + Twine(i) + ": " + toString(m.takeError()));
    std::vector<std::string> failures = checkThresholds(*m, thresholds);
    pass &= failures.empty();
    const TensorSignature &sig = expected->info.outputs[i];
    os << formatv("output {0} '{1}' ({2} {3}):\n", i, sig.name,
                  getNpyDTypeName(sig.dtype), formatShape(sig.shape));
    printMetrics(os, *m);
    os << "  " << (failures.empty() ? "PASS" : "FAIL");
    for (const std::string &f : failures)
      os << ": " << f;
    os << "\n";
    json::Object o = toJSON(*m, failures);
    o["name"] = sig.name;
    outputsJson.push_back(std::move(o));
  }

  // Layer by layer, in the reference's operator order (its outputs come
  // first in the list: skip them), the first tensor where the runs differ.
  json::Array layersJson;
  std::optional<std::string> firstDivergence;
  size_t numOutputs = expected->outputFiles.size();
  for (size_t i = numOutputs; i < expected->activations.size(); ++i) {
    const ReferenceRun::Activation &r = expected->activations[i];
    const ReferenceRun::Activation *t = nullptr;
    for (const ReferenceRun::Activation &c : actual->activations)
      if (c.tensor == r.tensor)
        t = &c;
    if (!t)
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
    bool same = m->isInteger ? m->maxLsbDifference == 0 : m->maxAbsError == 0;
    if (!same && !firstDivergence)
      firstDivergence = formatv("tensor {0} '{1}'", r.tensor, r.name).str();
    json::Object o = toJSON(*m);
    o["tensor"] = r.tensor;
    o["name"] = r.name;
    layersJson.push_back(std::move(o));
    os << formatv("  layer tensor {0,-4} {1,-60} ", r.tensor,
                  StringRef(r.name).take_front(60));
    if (m->isInteger)
      os << formatv("equal {0,7:f3}%  max {1} LSB\n", 100 * m->exactShare,
                    m->maxLsbDifference);
    else
      os << formatv("max abs {0:e}  l2 rel {1:e}\n", m->maxAbsError,
                    m->l2RelativeError);
  }
  if (!dumpDir.empty())
    os << "first divergence: "
       << (firstDivergence ? *firstDivergence : std::string("none")) << "\n";

  std::string samples = inputs.empty()
                            ? formatv("{0} random (seed {1})",
                                      randomSamples.getValue(), seed.getValue())
                                  .str()
                            : "from --inputs";
  if (printJson) {
    json::Array notesJson;
    for (const std::string &n : notes)
      notesJson.push_back(n);
    json::Object o{{"model", modelPath.getValue()},
                   {"target", target.getValue()},
                   {"target_runtime", actual->info.runtime},
                   {"reference", getReferenceName(*ref)},
                   {"reference_runtime", expected->info.runtime},
                   {"inputs", samples},
                   {"reference_ms", expected->inferMilliseconds},
                   {"target_ms", actual->inferMilliseconds},
                   {"notes", std::move(notesJson)},
                   {"outputs", std::move(outputsJson)},
                   {"layers", std::move(layersJson)},
                   {"first_divergence", firstDivergence
                                            ? json::Value(*firstDivergence)
                                            : json::Value(nullptr)},
                   {"pass", pass}};
    outs() << formatv("{0:2}", json::Value(std::move(o))) << "\n";
  } else {
    outs() << "model:     " << modelPath << "\n";
    outs() << "target:    " << target << " (" << actual->info.runtime << ")\n";
    outs() << "reference: " << getReferenceName(*ref) << " ("
           << expected->info.runtime << ")\n";
    outs() << "inputs:    " << samples << "\n";
    for (const std::string &n : notes)
      outs() << "note:      " << n << "\n";
    outs() << text;
    outs() << (pass ? "PASS" : "FAIL") << "\n";
  }
  return pass ? 0 : 1;
}
