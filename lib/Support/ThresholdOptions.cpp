//===- ThresholdOptions.cpp - command-line pass/fail limits ---------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/ThresholdOptions.h"

#include "llvm/Support/CommandLine.h"

using namespace llvm;

namespace nn {

namespace {
struct Options {
  explicit Options(cl::SubCommand &sub)
      : maxLsb("max-lsb",
               cl::desc("Largest tolerated difference of integer values, in "
                        "LSB"),
               cl::init(0), cl::cat(category), cl::sub(sub)),
        maxL2Rel("max-l2-rel",
                 cl::desc("Largest tolerated relative L2 error of float "
                          "values"),
                 cl::init(1e-5), cl::cat(category), cl::sub(sub)),
        minCosine("min-cosine",
                  cl::desc("Smallest tolerated cosine similarity (unchecked "
                           "if unset)"),
                  cl::cat(category), cl::sub(sub)),
        classifier("classifier",
                   cl::desc("The last axis holds class scores: report top-1 "
                            "agreement"),
                   cl::cat(category), cl::sub(sub)),
        minTop1("min-top1",
                cl::desc("Smallest tolerated top-1 agreement (implies "
                         "--classifier)"),
                cl::cat(category), cl::sub(sub)) {}
  cl::OptionCategory category{"Validation thresholds"};
  cl::opt<int64_t> maxLsb;
  cl::opt<double> maxL2Rel;
  cl::opt<double> minCosine;
  cl::opt<bool> classifier;
  cl::opt<double> minTop1;
};

Options &getOptions(cl::SubCommand *sub = nullptr) {
  static Options options(sub ? *sub : cl::SubCommand::getTopLevel());
  return options;
}
} // namespace

void registerThresholdCLOptions(cl::SubCommand &sub) { getOptions(&sub); }

cl::OptionCategory &getThresholdCLCategory() { return getOptions().category; }

Thresholds getThresholdsFromCLOptions() {
  Options &options = getOptions();
  Thresholds t;
  t.maxLsbDifference = options.maxLsb;
  t.maxL2RelativeError = options.maxL2Rel;
  if (options.minCosine.getNumOccurrences())
    t.minCosineSimilarity = options.minCosine;
  if (options.minTop1.getNumOccurrences())
    t.minTop1Agreement = options.minTop1;
  return t;
}

bool isClassifierFromCLOptions() {
  return getOptions().classifier || getOptions().minTop1.getNumOccurrences();
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
