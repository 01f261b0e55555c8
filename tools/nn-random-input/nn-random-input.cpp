//===- nn-random-input.cpp - seeded random .npy inputs --------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Writes `--samples N` random arrays of `--shape` stacked as [N, ...shape]
// into a .npy file, reproducibly from `--seed`: the inputs of
// `nnc validate --random N --seed S` and of the reference tests.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/RandomInput.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"

#include <cmath>

using namespace llvm;
using namespace nn;

static cl::OptionCategory toolCategory("nn-random-input options");

static cl::opt<std::string>
    dtypeName("dtype", cl::desc("Element type: i8, u8, i32 or f32"),
              cl::Required, cl::cat(toolCategory));
static cl::opt<std::string>
    shapeText("shape", cl::desc("Shape of one sample, e.g. 1,49,10,1"),
              cl::Required, cl::cat(toolCategory));
static cl::opt<int64_t> samples("samples", cl::desc("Number of samples"),
                                cl::init(1), cl::cat(toolCategory));
static cl::opt<uint64_t> seed("seed", cl::desc("Random seed"), cl::init(0),
                              cl::cat(toolCategory));
static cl::opt<double>
    low("low",
        cl::desc("Smallest value (default: the type's range, [-1, 1) for f32)"),
        cl::cat(toolCategory));
static cl::opt<double> high("high",
                            cl::desc("Largest value (inclusive for integers)"),
                            cl::cat(toolCategory));
static cl::opt<std::string> output("o", cl::desc("Output .npy file"),
                                   cl::Required, cl::cat(toolCategory));

static int fail(const Twine &msg) {
  WithColor::error(errs(), "nn-random-input") << msg << "\n";
  return 1;
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(toolCategory);
  cl::ParseCommandLineOptions(argc, argv, "nn-mlir random inputs\n");
  std::optional<NpyDType> dtype = parseNpyDTypeName(dtypeName);
  if (!dtype)
    return fail("unknown --dtype '" + dtypeName + "' (i8, u8, i32, f32)");
  SmallVector<StringRef> parts;
  StringRef(shapeText).split(parts, ',');
  SmallVector<int64_t> shape;
  for (StringRef p : parts) {
    int64_t d;
    if (p.trim().getAsInteger(10, d) || d < 1)
      return fail("malformed --shape '" + shapeText + "'");
    shape.push_back(d);
  }
  if (samples < 1)
    return fail("--samples must be at least 1");
  auto [lo, hi] = getDefaultRandomRange(*dtype);
  if (low.getNumOccurrences())
    lo = low;
  if (high.getNumOccurrences())
    hi = high;
  auto [typeLo, typeHi] = getDefaultRandomRange(*dtype);
  if (isNpyInteger(*dtype) && (lo != std::floor(lo) || hi != std::floor(hi) ||
                               lo < typeLo || hi > typeHi))
    return fail("--low/--high must be integers within the range of " +
                dtypeName);
  if (!(lo <= hi))
    return fail("--low must not exceed --high");
  NpyArray array = makeRandomInput(*dtype, shape, samples, seed, lo, hi);
  if (Error e = writeNpyFile(output, array))
    return fail(toString(std::move(e)));
  return 0;
}
