//===- NNCostInterface.td - per-op cost model --------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNCOSTINTERFACE_TD
#define NN_DIALECT_NN_IR_NNCOSTINTERFACE_TD

include "mlir/IR/OpBase.td"

def NN_CostOpInterface : OpInterface<"CostOpInterface"> {
  let cppNamespace = "::mlir::nn";
  let description = [{
    What one layer costs per inference, in the units STM32Cube.AI's reports
    use, so that the figures line up with what embedded engineers already
    read. Each op states its own MACC formula next to its C++ code
    (lib/Dialect/NN/IR/NNCostModel.cpp); parameters, ROM and activation
    bytes have defaults that every layer shares. See docs/cost-model.md.

    Every method returns `std::nullopt` when the figure is undefined: a
    dynamic dimension, or a count that would overflow 64 bits.
  }];

  let methods = [
    InterfaceMethod<[{
        Multiply-accumulates per inference (STM32Cube.AI's MACC): the main
        arithmetic, the bias (once per output channel), and the cost of a
        fused activation.
      }],
      "std::optional<int64_t>", "getMacc">,
    InterfaceMethod<[{
        Pure multiply-accumulates of a convolution or fully connected layer
        (no bias, no activation): the figure papers publish. 0 for other ops.
      }],
      "std::optional<int64_t>", "getPureMacs", (ins), [{}],
      [{ return int64_t(0); }]>,
    InterfaceMethod<[{
        The operands that are weights: values defined by `nn.constant`.
      }],
      "::llvm::SmallVector<::mlir::Value>", "getWeightValues", (ins), [{}],
      [{ return ::mlir::nn::getConstantOperands($_op); }]>,
    InterfaceMethod<[{
        Parameters: elements of the weight operands.
      }],
      "std::optional<int64_t>", "getParamCount", (ins), [{}],
      [{ return ::mlir::nn::getParamCount($_op.getWeightValues()); }]>,
    InterfaceMethod<[{
        Bytes of ROM the weight operands take in generated code (storage
        bytes plus the requantization parameters of quantized weights).
      }],
      "std::optional<int64_t>", "getRomBytes", (ins), [{}],
      [{ return ::mlir::nn::getRomBytes($_op.getWeightValues()); }]>,
    InterfaceMethod<[{
        Bytes of the op's results (its output activations).
      }],
      "std::optional<int64_t>", "getActivationBytes", (ins), [{}],
      [{ return ::mlir::nn::getResultBytes($_op); }]>,
  ];
}

// Added to the ops that multiply-accumulate (convolutions, fully connected),
// which state their pure MACs; NN_Op attaches the interface to every op.
def NN_CountsPureMacs
    : DeclareOpInterfaceMethods<NN_CostOpInterface, ["getPureMacs"]>;

#endif // NN_DIALECT_NN_IR_NNCOSTINTERFACE_TD
