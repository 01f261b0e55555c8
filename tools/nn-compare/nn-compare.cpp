//===- nn-compare.cpp - compare two .npy arrays ---------------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Prints the validation metrics of ACTUAL against EXPECTED (the reference)
// and exits non-zero when they fail the thresholds: the comparison
// `nnc validate` makes per output, usable on any pair of .npy files.
// `--describe FILE` prints an array's dtype, shape and value range instead.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/Metrics.h"
#include "nn/Support/Npy.h"
#include "nn/Support/ThresholdOptions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace nn;

static cl::OptionCategory toolCategory("nn-compare options");

static cl::list<std::string> files(cl::Positional,
                                   cl::desc("<actual.npy> <expected.npy>"),
                                   cl::cat(toolCategory));
static cl::opt<bool>
    describe("describe",
             cl::desc("Print dtype, shape and value range of one file"),
             cl::cat(toolCategory));
static cl::opt<bool> printJson("json", cl::desc("Print the metrics as JSON"),
                               cl::cat(toolCategory));
static cl::opt<double> scale("scale",
                             cl::desc("Dequantization scale of integer values"),
                             cl::init(1.0), cl::cat(toolCategory));
static cl::opt<int64_t>
    zeroPoint("zero-point",
              cl::desc("Dequantization zero point of integer values"),
              cl::init(0), cl::cat(toolCategory));

static int fail(const Twine &msg) {
  WithColor::error(errs(), "nn-compare") << msg << "\n";
  return 1;
}

static int runDescribe() {
  if (files.size() != 1)
    return fail("--describe takes one file");
  Expected<NpyArray> a = readNpyFile(files[0]);
  if (!a)
    return fail(toString(a.takeError()));
  double lo = 0, hi = 0, sum = 0;
  for (int64_t i = 0, e = a->getNumElements(); i < e; ++i) {
    double v = a->getAsDouble(i);
    lo = i ? std::min(lo, v) : v;
    hi = i ? std::max(hi, v) : v;
    sum += v;
  }
  int64_t n = a->getNumElements();
  outs() << formatv("{0}: {1} {2}, min {3}, max {4}, mean {5:f4}\n", files[0],
                    getNpyDTypeName(a->dtype), formatShape(a->shape), lo, hi,
                    n ? sum / n : 0.0);
  return 0;
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  registerThresholdCLOptions();
  cl::HideUnrelatedOptions({&toolCategory, &getThresholdCLCategory()});
  cl::ParseCommandLineOptions(argc, argv, "nn-mlir .npy comparison\n");
  if (describe)
    return runDescribe();
  if (files.size() != 2)
    return fail("expected two files: <actual.npy> <expected.npy>");
  Expected<NpyArray> actual = readNpyFile(files[0]);
  if (!actual)
    return fail(toString(actual.takeError()));
  Expected<NpyArray> expected = readNpyFile(files[1]);
  if (!expected)
    return fail(toString(expected.takeError()));

  std::optional<Dequantization> deq;
  if (scale.getNumOccurrences() || zeroPoint.getNumOccurrences())
    deq = Dequantization{scale, zeroPoint};
  Expected<Metrics> metrics =
      computeMetrics(*actual, *expected, deq, isClassifierFromCLOptions());
  if (!metrics)
    return fail(files[0] + " vs " + files[1] + ": " +
                toString(metrics.takeError()));

  Thresholds thresholds = getThresholdsFromCLOptions();
  std::vector<std::string> failures = checkThresholds(*metrics, thresholds);

  if (printJson) {
    json::Object o = toJSON(*metrics, failures);
    outs() << formatv("{0:2}", json::Value(std::move(o))) << "\n";
  } else {
    outs() << formatv("{0} vs {1} ({2} {3})\n", files[0], files[1],
                      getNpyDTypeName(actual->dtype),
                      formatShape(actual->shape));
    printMetrics(outs(), *metrics);
    outs() << (failures.empty() ? "PASS" : "FAIL");
    for (const std::string &f : failures)
      outs() << ": " << f;
    outs() << "\n";
  }
  return failures.empty() ? 0 : 1;
}
