//===- Commands.h - nnc subcommands -----------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Each nnc subcommand lives in its own .cpp: a cl::SubCommand with its
// options, and a run function that returns the exit code. nnc.cpp lists them.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMMANDS_H
#define NNC_COMMANDS_H

#include "llvm/Support/CommandLine.h"

namespace nnc {

/// `nnc analyze MODEL [--json] [--plan=false] [-o FILE]`: the per-layer cost
/// report and the planned activation arena.
llvm::cl::SubCommand &getAnalyzeCommand();
int runAnalyze();

/// `nnc generate MODEL --target T [--name N] [--alignment A] -o DIR`: the
/// whole pipeline, writing <name>.o, .h, .ll and the report.
llvm::cl::SubCommand &getGenerateCommand();
int runGenerate();

/// `nnc validate MODEL ...`: compare a run with a reference runtime.
llvm::cl::SubCommand &getValidateCommand();
int runValidate();

} // namespace nnc

#endif // NNC_COMMANDS_H
