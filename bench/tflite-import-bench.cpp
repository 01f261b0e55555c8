//===- tflite-import-bench.cpp - TFLite import speed ------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Times the TFLite importer in-process (no process start-up, no file I/O):
// for each model, the median over --repeat runs of importTFLite (verification
// included) and of printing the module with its resource blobs.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/TFLite/TFLiteImport.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <vector>

using namespace mlir;

static double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int main(int argc, char **argv) {
  llvm::cl::list<std::string> files(llvm::cl::Positional, llvm::cl::OneOrMore,
                                    llvm::cl::desc("<.tflite files>"));
  llvm::cl::opt<unsigned> repeat("repeat", llvm::cl::init(20),
                                 llvm::cl::desc("runs per model"));
  llvm::cl::opt<double> maxMs(
      "max-ms", llvm::cl::init(0),
      llvm::cl::desc("fail if a median import takes longer (0: no limit)"));
  llvm::cl::ParseCommandLineOptions(argc, argv, "TFLite import benchmark\n");

  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
  };
  bool tooSlow = false;
  llvm::outs() << llvm::format("%-34s %9s %7s %10s %10s\n", "model", "bytes",
                               "nn ops", "import ms", "print ms");
  for (const std::string &path : files) {
    auto file =
        llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false,
                                    /*IsVolatile=*/false, llvm::Align(16));
    if (!file) {
      llvm::errs() << "cannot read " << path << "\n";
      return 1;
    }
    std::vector<double> importTimes, printTimes;
    size_t ops = 0;
    for (unsigned i = 0; i < repeat; ++i) {
      MLIRContext ctx(MLIRContext::Threading::DISABLED);
      auto start = Clock::now();
      OwningOpRef<ModuleOp> module =
          nn::importTFLite((*file)->getBuffer(), path, &ctx);
      auto imported = Clock::now();
      if (!module)
        return 1;
      std::string text;
      llvm::raw_string_ostream os(text);
      module->print(os);
      auto printed = Clock::now();
      importTimes.push_back(ms(imported - start));
      printTimes.push_back(ms(printed - imported));
      ops = 0;
      module->walk([&](Operation *op) {
        if (op->getDialect() && op->getDialect()->getNamespace() == "nn")
          ++ops;
      });
    }
    double importMs = median(importTimes);
    tooSlow |= maxMs > 0 && importMs > maxMs;
    llvm::outs() << llvm::format("%-34s %9zu %7zu %10.2f %10.2f\n",
                                 llvm::sys::path::filename(path).str().c_str(),
                                 (*file)->getBufferSize(), ops, importMs,
                                 median(printTimes));
  }
  if (tooSlow) {
    llvm::errs() << "an import took longer than " << maxMs << " ms\n";
    return 1;
  }
  return 0;
}
