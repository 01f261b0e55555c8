//===- NNCostModel.cpp - each nn op's cost formula --------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// CostOpInterface for every nn op: MACC in STM32Cube.AI's convention, and the
// pure multiply-accumulates of convolutions and fully connected layers.
// docs/cost-model.md states each formula with a worked example.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNCostInterface.h"
#include "nn/Dialect/NN/IR/NNOps.h"

using namespace mlir;
using namespace mlir::nn;
namespace per = mlir::nn::macc_per_element;

/// Dimension `index` of `value`'s shape, std::nullopt if dynamic.
static Count getDim(Value value, unsigned index) {
  auto type = cast<ShapedType>(value.getType());
  if (index >= type.getRank() || type.isDynamicDim(index))
    return std::nullopt;
  return type.getDimSize(index);
}

/// `perElement` MACC for every element of `value`.
static Count perElement(Value value, int64_t perElement) {
  return mulCounts(getNumElements(value.getType()), perElement);
}

/// The bias (one add per output channel) and the fused activation (its
/// cost per output element), added to a layer's pure MACs.
static Count addBiasAndActivation(Count pure, Value bias, Value output,
                                  FusedActivation activation) {
  Count macc = pure;
  if (bias)
    macc = addCounts(macc, getNumElements(bias.getType()));
  return addCounts(macc,
                   perElement(output, getFusedActivationMacc(activation)));
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

// A constant computes nothing and lives in ROM, charged to the layers that
// read it.
Count ConstantOp::getMacc() { return 0; }
Count ConstantOp::getActivationBytes() { return 0; }

//===----------------------------------------------------------------------===//
// Convolutions and fully connected layers
//===----------------------------------------------------------------------===//

// N * Ho * Wo * Co * Kh * Kw * (Ci / groups); the filter is OHWI, so its
// last dimension is Ci / groups.
Count Conv2DOp::getPureMacs() {
  Count macc = getNumElements(getOutput().getType());
  for (unsigned i : {1u, 2u, 3u})
    macc = mulCounts(macc, getDim(getFilter(), i));
  return macc;
}

Count Conv2DOp::getMacc() {
  return addBiasAndActivation(getPureMacs(), getBias(), getOutput(),
                              getFusedActivation());
}

// N * Ho * Wo * (C * M) * Kh * Kw: each output channel reads one input
// channel.
Count DepthwiseConv2DOp::getPureMacs() {
  Count macc = getNumElements(getOutput().getType());
  for (unsigned i : {1u, 2u})
    macc = mulCounts(macc, getDim(getFilter(), i));
  return macc;
}

Count DepthwiseConv2DOp::getMacc() {
  return addBiasAndActivation(getPureMacs(), getBias(), getOutput(),
                              getFusedActivation());
}

// batch * in * out = input elements * out.
Count FullyConnectedOp::getPureMacs() {
  return mulCounts(getNumElements(getInput().getType()),
                   getDim(getWeights(), 0));
}

Count FullyConnectedOp::getMacc() {
  return addBiasAndActivation(getPureMacs(), getBias(), getOutput(),
                              getFusedActivation());
}

//===----------------------------------------------------------------------===//
// Pooling and reductions
//===----------------------------------------------------------------------===//

/// Output elements * window size, plus the fused activation.
template <typename PoolOp> static Count getPoolMacc(PoolOp op) {
  ArrayRef<int64_t> kernel = op.getKernel();
  Count macc = getNumElements(op.getOutput().getType());
  for (int64_t size : kernel)
    macc = mulCounts(macc, size);
  return addBiasAndActivation(macc, Value(), op.getOutput(),
                              op.getFusedActivation());
}

Count MaxPool2DOp::getMacc() { return getPoolMacc(*this); }
Count AvgPool2DOp::getMacc() { return getPoolMacc(*this); }

// Output elements * the reduced window = input elements.
Count MeanOp::getMacc() { return getNumElements(getInput().getType()); }

//===----------------------------------------------------------------------===//
// Elementwise binary ops
//===----------------------------------------------------------------------===//

Count AddOp::getMacc() {
  return addBiasAndActivation(perElement(getOutput(), per::kElementwise),
                              Value(), getOutput(), getFusedActivation());
}

Count MulOp::getMacc() {
  return addBiasAndActivation(perElement(getOutput(), per::kElementwise),
                              Value(), getOutput(), getFusedActivation());
}

//===----------------------------------------------------------------------===//
// Data movement: free, except a fused activation
//===----------------------------------------------------------------------===//

Count ConcatOp::getMacc() {
  return addBiasAndActivation(0, Value(), getOutput(), getFusedActivation());
}

Count ReshapeOp::getMacc() { return 0; }
Count PadOp::getMacc() { return 0; }

//===----------------------------------------------------------------------===//
// Activations and quantization: a constant per element
//===----------------------------------------------------------------------===//

Count SoftmaxOp::getMacc() { return perElement(getOutput(), per::kSoftmax); }
Count ReluOp::getMacc() { return perElement(getOutput(), per::kReluLike); }
Count Relu6Op::getMacc() { return perElement(getOutput(), per::kReluLike); }
Count LeakyReluOp::getMacc() { return perElement(getOutput(), per::kReluLike); }
Count TanhOp::getMacc() { return perElement(getOutput(), per::kTanhSigmoid); }
Count SigmoidOp::getMacc() {
  return perElement(getOutput(), per::kTanhSigmoid);
}
Count HardSwishOp::getMacc() {
  return perElement(getOutput(), per::kHardSwish);
}
Count QuantizeOp::getMacc() { return perElement(getOutput(), per::kQuantize); }
Count DequantizeOp::getMacc() {
  return perElement(getOutput(), per::kQuantize);
}
