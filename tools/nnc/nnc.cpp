//===- nnc.cpp - the nn-mlir compiler driver --------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc <command> ...`: one subcommand per .cpp (see Commands.h); this file
// only parses the command line and dispatches.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace {
struct Command {
  llvm::cl::SubCommand &(*get)();
  int (*run)();
};
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  const Command commands[] = {
      {nnc::getAnalyzeCommand, nnc::runAnalyze},
      {nnc::getGenerateCommand, nnc::runGenerate},
      {nnc::getValidateCommand, nnc::runValidate},
  };
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "nn-mlir compiler driver\n\n"
      "  nnc analyze MODEL [--json] [--plan=false] [-o FILE] [--alignment N]\n"
      "      per-layer cost report and planned activation arena\n"
      "  nnc generate MODEL --target T [--name N] [--alignment A] -o DIR\n"
      "      <name>.o, <name>.h, <name>.ll and the report for a target\n"
      "  nnc validate MODEL [--target T] [--reference R] [--inputs F | "
      "--random N --seed S] [--json] [--dump-activations DIR]\n"
      "      compare a run with TensorFlow Lite or Arm NN\n");
  for (const Command &command : commands)
    if (command.get())
      return command.run();
  llvm::errs() << "nnc: no command given (try 'nnc --help')\n";
  return 1;
}
