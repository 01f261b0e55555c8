//===- NNDialect.td - nn dialect definition ----------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNDIALECT_TD
#define NN_DIALECT_NN_IR_NNDIALECT_TD

include "mlir/IR/OpBase.td"
include "nn/Dialect/NN/IR/NNCostInterface.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let cppNamespace = "::mlir::nn";
  let summary = "Neural-network layers for microcontroller deployment";
  let description = [{
    The `nn` dialect represents a trained neural network as a sequence of
    layer-level operations on ranked tensors, the granularity at which
    TensorFlow Lite, STM32Cube.AI and embedded engineers reason about a model.

    Conventions:

    * Activations are NHWC, as in TensorFlow Lite.
    * Convolution filters are OHWI (`[out_channels, kh, kw, in_channels]`),
      depthwise filters are 1HWO (`[1, kh, kw, in_channels * multiplier]`),
      fully connected weights are `[out_features, in_features]`.
    * Element types are `f32`, or `i8` quantized as `!quant.uniform<i8:f32, ...>`
      (per tensor, or per axis along the output channel for weights), with
      `i32`-quantized biases whose scale is `input_scale * weight_scale`.
    * Weights are `nn.constant` ops: unlike `arith.constant`, they can carry a
      quantized result type over an integer storage attribute (including
      `dense_resource` blobs that keep large weights out of the textual IR).
    * Activation functions are separate ops (`nn.relu`, `nn.tanh`, ...), one
      per TFLite operator, so that each op states its own cost and numerics.
      Layers that TFLite fuses an activation into carry a
      `fused_activation` attribute instead.
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

// Every nn op states its cost (NNCostInterface.td); ops whose pure MACs or
// weights differ from the defaults also list the interface with those methods.
class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic,
         !listconcat(traits, [DeclareOpInterfaceMethods<NN_CostOpInterface>])>;

#endif // NN_DIALECT_NN_IR_NNDIALECT_TD
