//===- NNUtils.cpp - helpers shared by nn passes ----------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

using namespace mlir;

std::optional<int64_t> nn::getElementByteSize(Type elementType) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(elementType))
    elementType = quantized.getStorageType();
  if (auto integer = dyn_cast<IntegerType>(elementType))
    return (integer.getWidth() + 7) / 8;
  if (auto floating = dyn_cast<FloatType>(elementType))
    return (floating.getWidth() + 7) / 8;
  return std::nullopt;
}

std::optional<int64_t> nn::getByteSize(ShapedType type) {
  if (!type.hasStaticShape())
    return std::nullopt;
  std::optional<int64_t> elementSize =
      getElementByteSize(type.getElementType());
  if (!elementSize)
    return std::nullopt;
  return type.getNumElements() * *elementSize;
}

std::optional<std::string> nn::getLocationName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations())
      if (std::optional<std::string> name = getLocationName(inner))
        return name;
    return std::nullopt;
  }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc))
    return getLocationName(callSite.getCallee());
  return std::nullopt;
}
