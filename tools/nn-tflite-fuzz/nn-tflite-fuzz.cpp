//===- nn-tflite-fuzz.cpp - mutation fuzzing of the TFLite importer -------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Feeds the TFLite importer mutated models and checks that it never crashes,
// that every rejected input got an error diagnostic, and that every accepted
// input gives a module that verifies.
//
// Built two ways from this one file:
//  * nn-tflite-fuzz: a deterministic mutator for the lit suite. Given seed
//    .tflite files it applies seeded random mutations (bit flips, byte
//    overwrites with boundary values, 32-bit overwrites that hit offsets and
//    indices, truncation, chunk copies and insertions) N times.
//  * nn-tflite-libfuzzer (with NN_LIBFUZZER, -fsanitize=fuzzer,address):
//    a libFuzzer target over the same check.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/TFLite/TFLiteImport.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace mlir;

namespace {
enum class Outcome { Imported, Rejected };

/// Imports `data` in a fresh context. Aborts (so the fuzzer reports it) if
/// the importer breaks its contract: a failure without an error, or a
/// module that does not verify.
Outcome importOnce(llvm::StringRef data) {
  MLIRContext ctx(MLIRContext::Threading::DISABLED);
  unsigned errors = 0;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error)
      ++errors;
    return success();
  });
  OwningOpRef<ModuleOp> module = nn::importTFLite(data, "fuzz.tflite", &ctx);
  if (!module) {
    if (errors == 0) {
      llvm::errs() << "importer failed without an error diagnostic\n";
      std::abort();
    }
    return Outcome::Rejected;
  }
  if (failed(verify(*module))) {
    llvm::errs() << "importer returned a module that does not verify\n";
    std::abort();
  }
  return Outcome::Imported;
}
} // namespace

#ifdef NN_LIBFUZZER

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  importOnce(llvm::StringRef(reinterpret_cast<const char *>(data), size));
  return 0;
}

#else

namespace {
/// Applies 1-4 random mutations to `bytes`.
void mutate(std::string &bytes, std::mt19937_64 &rng) {
  auto pick = [&](uint64_t n) { return n ? rng() % n : 0; };
  static const uint8_t boundary[] = {0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff};
  static const uint32_t words[] = {
      0u, 1u, 0x7fffffffu, 0x80000000u, 0xffffffffu, 0xfffffff0u, 0x10000u, 3u};
  unsigned count = 1 + pick(4);
  for (unsigned m = 0; m < count && !bytes.empty(); ++m) {
    size_t at = pick(bytes.size());
    switch (pick(6)) {
    case 0: // flip a bit
      bytes[at] ^= static_cast<char>(1u << pick(8));
      break;
    case 1: // a boundary byte
      bytes[at] = static_cast<char>(boundary[pick(sizeof(boundary))]);
      break;
    case 2: { // a 32-bit word: offsets, lengths, indices
      uint32_t word = pick(2) ? words[pick(sizeof(words) / sizeof(*words))]
                              : static_cast<uint32_t>(rng());
      at &= ~size_t(3);
      for (unsigned i = 0; i < 4 && at + i < bytes.size(); ++i)
        bytes[at + i] = static_cast<char>(word >> (8 * i));
      break;
    }
    case 3: // truncate
      bytes.resize(at);
      break;
    case 4: { // copy a chunk over another place
      size_t from = pick(bytes.size());
      size_t len = std::min<size_t>(1 + pick(16), bytes.size() - from);
      len = std::min(len, bytes.size() - at);
      bytes.replace(at, len, bytes.substr(from, len));
      break;
    }
    case 5: // insert random bytes
      bytes.insert(at, std::string(1 + pick(8), static_cast<char>(rng())));
      break;
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  llvm::cl::list<std::string> seeds(llvm::cl::Positional, llvm::cl::OneOrMore,
                                    llvm::cl::desc("<seed .tflite files>"));
  llvm::cl::opt<unsigned> iterations(
      "iterations", llvm::cl::init(1000),
      llvm::cl::desc("mutants to import (spread over the seeds)"));
  llvm::cl::opt<uint64_t> seed("seed", llvm::cl::init(1),
                               llvm::cl::desc("random seed"));
  llvm::cl::ParseCommandLineOptions(
      argc, argv, "deterministic mutation fuzzing of the TFLite importer\n");

  std::vector<std::string> inputs;
  for (const std::string &path : seeds) {
    auto file = llvm::MemoryBuffer::getFile(path);
    if (!file) {
      llvm::errs() << "cannot read " << path << ": "
                   << file.getError().message() << "\n";
      return 1;
    }
    inputs.push_back((*file)->getBuffer().str());
    // The seeds themselves must import.
    if (importOnce(inputs.back()) != Outcome::Imported) {
      llvm::errs() << "seed " << path << " does not import\n";
      return 1;
    }
  }

  std::mt19937_64 rng(seed);
  unsigned imported = 0, rejected = 0;
  for (unsigned i = 0; i < iterations; ++i) {
    std::string bytes = inputs[i % inputs.size()];
    mutate(bytes, rng);
    if (importOnce(bytes) == Outcome::Imported)
      ++imported;
    else
      ++rejected;
  }
  llvm::outs() << iterations << " mutants of " << inputs.size()
               << " seeds: " << imported << " imported, " << rejected
               << " rejected with an error, 0 crashes\n";
  return 0;
}

#endif
