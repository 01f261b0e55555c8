//===- NNCostInterface.h - per-op cost model --------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The cost op interface and the checked arithmetic its implementations share.
// Counts are std::optional<int64_t>: std::nullopt means "undefined" (a dynamic
// dimension) or "would overflow 64 bits", and it propagates through every
// operation, so a cost is either exact or absent, never wrapped around.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNCOSTINTERFACE_H
#define NN_DIALECT_NN_IR_NNCOSTINTERFACE_H

#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/Value.h"
#include "nn/Dialect/NN/IR/NNAttrs.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace mlir::nn {

/// A cost figure: exact, or std::nullopt when undefined or out of range.
using Count = std::optional<int64_t>;

/// a + b and a * b, std::nullopt if either is or the result overflows.
Count addCounts(Count a, Count b);
Count mulCounts(Count a, Count b);

/// Elements of a statically shaped type; std::nullopt for a dynamic shape or
/// a type that is not shaped.
Count getNumElements(Type type);

/// MACC charged per element for the elementwise functions (STM32Cube.AI's
/// convention: ReLU-like 1, everything else a stated constant).
namespace macc_per_element {
/// relu, relu6, relu_n1_to_1, leaky_relu: one compare (and select) each.
constexpr int64_t kReluLike = 1;
/// hard_swish: x * relu6(x + 3) / 6, a clamp and a multiply.
constexpr int64_t kHardSwish = 2;
/// tanh, sigmoid: an exp-based approximation or a table plus interpolation.
constexpr int64_t kTanhSigmoid = 10;
/// softmax: max, exp, sum and one divide per element.
constexpr int64_t kSoftmax = 10;
/// quantize, dequantize: a multiply and an add (zero point) per element.
constexpr int64_t kQuantize = 2;
/// add, mul: one operation per output element.
constexpr int64_t kElementwise = 1;
} // namespace macc_per_element

/// MACC per output element of a fused activation (0 for none).
int64_t getFusedActivationMacc(FusedActivation activation);

/// The operands of `op` that `nn.constant` defines (its weights), each once.
llvm::SmallVector<Value> getConstantOperands(Operation *op);

/// Elements of `weights`.
Count getParamCount(ValueRange weights);

/// ROM one weight tensor takes in generated code: its storage bytes
/// (nn::getElementByteSize per element) plus, for a quantized tensor with a
/// storage type narrower than 32 bits, 8 bytes per quantization channel (the
/// int32 multiplier and int32 shift that requantize that channel; one
/// channel when quantized per tensor). i32 biases store no parameters: their
/// scale is input_scale * weight_scale, folded into the same multiplier.
Count getWeightRomBytes(Value weight);

/// Sum of getWeightRomBytes over `weights`.
Count getRomBytes(ValueRange weights);

/// Bytes of `op`'s results.
Count getResultBytes(Operation *op);

} // namespace mlir::nn

#include "nn/Dialect/NN/IR/NNCostInterface.h.inc"

#endif // NN_DIALECT_NN_IR_NNCOSTINTERFACE_H
