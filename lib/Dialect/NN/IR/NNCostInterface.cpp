//===- NNCostInterface.cpp - cost interface and shared counting -*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNCostInterface.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace mlir::nn;

#include "nn/Dialect/NN/IR/NNCostInterface.cpp.inc"

Count nn::addCounts(Count a, Count b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedAdd(*a, *b);
}

Count nn::mulCounts(Count a, Count b) {
  if (!a || !b)
    return std::nullopt;
  return llvm::checkedMul(*a, *b);
}

Count nn::getNumElements(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return std::nullopt;
  Count count = 1;
  for (int64_t dim : shaped.getShape())
    count = mulCounts(count, dim);
  return count;
}

int64_t nn::getFusedActivationMacc(FusedActivation activation) {
  switch (activation) {
  case FusedActivation::None:
    return 0;
  case FusedActivation::Relu:
  case FusedActivation::Relu6:
  case FusedActivation::ReluN1To1:
    return macc_per_element::kReluLike;
  case FusedActivation::Tanh:
    return macc_per_element::kTanhSigmoid;
  }
  llvm_unreachable("unknown fused activation");
}

SmallVector<Value> nn::getConstantOperands(Operation *op) {
  SmallVector<Value> weights;
  llvm::SmallPtrSet<Value, 4> seen;
  for (Value operand : op->getOperands())
    if (operand.getDefiningOp<ConstantOp>() && seen.insert(operand).second)
      weights.push_back(operand);
  return weights;
}

Count nn::getParamCount(ValueRange weights) {
  Count count = 0;
  for (Value weight : weights)
    count = addCounts(count, getNumElements(weight.getType()));
  return count;
}

/// Channels with their own requantization parameters: the per-axis scales,
/// or one for a per-tensor quantized tensor.
static int64_t getQuantChannels(quant::QuantizedType type) {
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type))
    return perAxis.getScales().size();
  return 1;
}

Count nn::getWeightRomBytes(Value weight) {
  Type elementType = getElementTypeOrSelf(weight.getType());
  std::optional<int64_t> elementBytes = getElementByteSize(elementType);
  if (!elementBytes)
    return std::nullopt;
  Count bytes = mulCounts(getNumElements(weight.getType()), *elementBytes);
  auto quantized = dyn_cast<quant::QuantizedType>(elementType);
  if (quantized && quantized.getStorageTypeIntegralWidth() < 32) {
    // An int32 multiplier and an int32 shift per channel.
    constexpr int64_t kBytesPerChannel = 8;
    bytes = addCounts(bytes, kBytesPerChannel * getQuantChannels(quantized));
  }
  return bytes;
}

Count nn::getRomBytes(ValueRange weights) {
  Count bytes = 0;
  for (Value weight : weights)
    bytes = addCounts(bytes, getWeightRomBytes(weight));
  return bytes;
}

Count nn::getResultBytes(Operation *op) {
  Count bytes = 0;
  for (Type type : op->getResultTypes()) {
    std::optional<int64_t> elementBytes =
        getElementByteSize(getElementTypeOrSelf(type));
    if (!elementBytes)
      return std::nullopt;
    bytes = addCounts(bytes, mulCounts(getNumElements(type), *elementBytes));
  }
  return bytes;
}
