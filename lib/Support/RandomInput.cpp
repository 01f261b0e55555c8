//===- RandomInput.cpp - seeded random model inputs -----------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/RandomInput.h"

#include <cmath>
#include <random>

namespace nn {

std::pair<double, double> getDefaultRandomRange(NpyDType dtype) {
  switch (dtype) {
  case NpyDType::I8:
    return {-128, 127};
  case NpyDType::U8:
    return {0, 255};
  case NpyDType::I32:
    return {INT32_MIN, INT32_MAX};
  case NpyDType::F32:
    return {-1, 1};
  }
  llvm_unreachable("unknown dtype");
}

NpyArray makeRandomInput(NpyDType dtype, llvm::ArrayRef<int64_t> shape,
                         int64_t samples, uint64_t seed, double low,
                         double high) {
  std::vector<int64_t> stacked{samples};
  stacked.insert(stacked.end(), shape.begin(), shape.end());
  NpyArray array(dtype, stacked);
  std::mt19937_64 engine(seed);
  for (int64_t i = 0, e = array.getNumElements(); i < e; ++i) {
    // 53 random bits -> a double uniform in [0, 1).
    double u = static_cast<double>(engine() >> 11) * 0x1.0p-53;
    if (isNpyInteger(dtype))
      array.setFromDouble(
          i, std::min(high, low + std::floor(u * (high - low + 1))));
    else
      array.setFromDouble(i, low + u * (high - low));
  }
  return array;
}

} // namespace nn
