//===- RandomInput.h - seeded random model inputs ---------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Random inputs for validation, reproducible from a seed on every platform:
// std::mt19937_64 is specified exactly by the C++ standard, and the mapping
// to values below does not use the (implementation-defined) distributions.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_RANDOMINPUT_H
#define NN_SUPPORT_RANDOMINPUT_H

#include "nn/Support/Npy.h"

#include <optional>

namespace nn {

/// The default range of random values: the whole stored range of an integer
/// type (an int8 input's quantized range is [-128, 127]) and [-1, 1) for f32.
std::pair<double, double> getDefaultRandomRange(NpyDType dtype);

/// `samples` random arrays of `shape` stacked along a new leading axis
/// ([samples, ...shape]). Integers are uniform over [low, high] inclusive,
/// floats over [low, high).
NpyArray makeRandomInput(NpyDType dtype, llvm::ArrayRef<int64_t> shape,
                         int64_t samples, uint64_t seed, double low,
                         double high);

} // namespace nn

#endif // NN_SUPPORT_RANDOMINPUT_H
