//===- ThresholdOptions.h - command-line pass/fail limits -------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The flags that set validation thresholds (--max-lsb, --max-l2-rel,
// --min-cosine, --min-top1, --classifier), shared by every tool that compares
// outputs so they read the same everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_THRESHOLDOPTIONS_H
#define NN_SUPPORT_THRESHOLDOPTIONS_H

#include "nn/Support/Metrics.h"

#include "llvm/Support/CommandLine.h"

namespace nn {

/// Registers the flags, once, in `sub` (the tool's own options by default, or
/// a subcommand); call before llvm::cl::ParseCommandLineOptions.
void registerThresholdCLOptions(
    llvm::cl::SubCommand &sub = llvm::cl::SubCommand::getTopLevel());

/// Their category, for llvm::cl::HideUnrelatedOptions.
llvm::cl::OptionCategory &getThresholdCLCategory();

/// The thresholds the flags set (defaults: bit-exact integers, 1e-5 relative
/// L2 error for floats, cosine and top-1 unchecked).
Thresholds getThresholdsFromCLOptions();

/// Whether outputs are class scores (--classifier, or implied by --min-top1).
bool isClassifierFromCLOptions();

/// The metrics with the verdict: "pass" and the "failures" list.
llvm::json::Object toJSON(const Metrics &metrics,
                          llvm::ArrayRef<std::string> failures);

} // namespace nn

#endif // NN_SUPPORT_THRESHOLDOPTIONS_H
