//===- ThresholdOptions.cpp - command-line pass/fail limits ---------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/ThresholdOptions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ManagedStatic.h"

using namespace llvm;

namespace nn {

namespace {
struct Options {
  cl::OptionCategory category{"Validation thresholds"};
  cl::opt<int64_t> maxLsb{
      "max-lsb",
      cl::desc("Largest tolerated difference of integer values, in LSB"),
      cl::init(0), cl::cat(category)};
  cl::opt<double> maxL2Rel{
      "max-l2-rel",
      cl::desc("Largest tolerated relative L2 error of float values"),
      cl::init(1e-5), cl::cat(category)};
  cl::opt<double> minCosine{
      "min-cosine",
      cl::desc("Smallest tolerated cosine similarity (unchecked if unset)"),
      cl::cat(category)};
  cl::opt<bool> classifier{
      "classifier",
      cl::desc("The last axis holds class scores: report top-1 agreement"),
      cl::cat(category)};
  cl::opt<double> minTop1{
      "min-top1",
      cl::desc("Smallest tolerated top-1 agreement (implies --classifier)"),
      cl::cat(category)};
};
ManagedStatic<Options> options;
} // namespace

void registerThresholdCLOptions() { *options; }

cl::OptionCategory &getThresholdCLCategory() { return options->category; }

Thresholds getThresholdsFromCLOptions() {
  Thresholds t;
  t.maxLsbDifference = options->maxLsb;
  t.maxL2RelativeError = options->maxL2Rel;
  if (options->minCosine.getNumOccurrences())
    t.minCosineSimilarity = options->minCosine;
  if (options->minTop1.getNumOccurrences())
    t.minTop1Agreement = options->minTop1;
  return t;
}

bool isClassifierFromCLOptions() {
  return options->classifier || options->minTop1.getNumOccurrences();
}

json::Object toJSON(const Metrics &metrics, ArrayRef<std::string> failures) {
  json::Object o = toJSON(metrics);
  o["pass"] = failures.empty();
  json::Array reasons;
  for (const std::string &f : failures)
    reasons.push_back(f);
  o["failures"] = std::move(reasons);
  return o;
}

} // namespace nn
