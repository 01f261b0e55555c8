//===- NNOps.td - nn dialect operations --------------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNOPS_TD
#define NN_DIALECT_NN_IR_NNOPS_TD

include "mlir/Dialect/Quant/IR/QuantBase.td"
include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "nn/Dialect/NN/IR/NNDialect.td"
include "nn/Dialect/NN/IR/NNAttrs.td"
include "nn/Dialect/NN/IR/NNTraits.td"

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

// Activations and weights: f32, or quantized with an i8 storage type. The op
// verifiers check the finer rules (storage width, scales, per-axis axes).
def NN_ElementType : AnyTypeOf<[F32, quant_QuantizedType]>;
// Biases may also be plain i32 or f32.
def NN_BiasElementType : AnyTypeOf<[F32, I32, quant_QuantizedType]>;

def NN_Tensor : RankedTensorOf<[NN_ElementType]>;
def NN_Tensor4D : 4DTensorOf<[NN_ElementType]>;
def NN_BiasTensor : 1DTensorOf<[NN_BiasElementType]>;
def NN_WeightTensor : RankedTensorOf<[F32, quant_QuantizedType]>;
// A shape operand (nn.reshape), as TFLite and TOSA store it.
def NN_ShapeTensor : 1DTensorOf<[I32, I64]>;

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def NN_ConstantOp : NN_Op<"constant", [ConstantLike, Pure,
    DeclareOpInterfaceMethods<NN_CostOpInterface, ["getActivationBytes"]>]> {
  let summary = "weights, biases and other constant tensors";
  let description = [{
    A constant tensor. The `value` attribute holds the stored elements: for a
    float tensor it has the result type; for a quantized tensor it holds the
    storage integers (`i8` weights, `i32` biases) and the result type carries
    the scales and zero points. `value` may be a `dense_resource` blob, which
    keeps megabytes of weights out of the textual IR.

    The result type is printed only when it differs from the value's type:

    ```mlir
    %b = nn.constant dense<[0.5, -1.0]> : tensor<2xf32>
    %w = nn.constant dense<[[1, -2]]> : tensor<1x2xi8>
           -> tensor<1x2x!quant.uniform<i8<-127:127>:f32, 0.05>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyRankedTensor:$output);
  let assemblyFormat = "custom<ConstantValue>($value, type($output)) attr-dict";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Convolutions and fully connected layers
//===----------------------------------------------------------------------===//

// Arguments shared by the 2-D window ops.
class NN_WindowOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits, [Pure])> {
  let hasVerifier = 1;
}

def NN_Conv2DOp : NN_WindowOp<"conv2d", [NN_CountsPureMacs]> {
  let summary = "2-D convolution (NHWC input, OHWI filter)";
  let description = [{
    `output[n, y, x, o] = bias[o] + sum(input[n, y*sh + i*dh - pt, x*sw + j*dw - pl, g*Cg + c] * filter[o, i, j, c])`
    where `g = o / (O / groups)` and `groups = C_in / filter_channels`;
    then the fused activation. Out-of-range input reads are the padding value
    (0, or the input zero point when quantized).

    `padding` is `valid`, `same` (TFLite's rule: output size `ceil(in / stride)`,
    the extra pad at the bottom/right), or `explicit` with
    `explicit_padding = [top, bottom, left, right]`.

    ```mlir
    %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>,
                               fused_activation = #nn.fused_activation<relu6>}
        : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x16x16x8xf32>
    ```
  }];
  let arguments = (ins NN_Tensor4D:$input, NN_Tensor4D:$filter,
      Optional<NN_BiasTensor>:$bias,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
      NN_PaddingAttr:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$explicit_padding,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor4D:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

def NN_DepthwiseConv2DOp : NN_WindowOp<"depthwise_conv2d", [NN_CountsPureMacs]> {
  let summary = "depthwise 2-D convolution (NHWC input, 1HWO filter)";
  let description = [{
    Each input channel `c` is convolved with `depth_multiplier` filters of its
    own: `output[n, y, x, c*M + m] = bias[c*M + m] + sum(input[n, .., .., c] * filter[0, i, j, c*M + m])`.
    Padding, strides and dilations are as for `nn.conv2d`.
  }];
  let arguments = (ins NN_Tensor4D:$input, NN_Tensor4D:$filter,
      Optional<NN_BiasTensor>:$bias,
      DefaultValuedAttr<I64Attr, "1">:$depth_multiplier,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
      NN_PaddingAttr:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$explicit_padding,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor4D:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

def NN_FullyConnectedOp : NN_Op<"fully_connected", [Pure, NN_CountsPureMacs]> {
  let summary = "fully connected layer (weights [out, in])";
  let description = [{
    The input is viewed as `[batch, in]` with `batch = num_elements / in`
    (TFLite's rule) and `output[b, o] = bias[o] + sum_i input[b, i] * weights[o, i]`,
    then the fused activation. With `keep_num_dims` the output keeps the
    input's leading dimensions (`[..., out]`); otherwise it is `[batch, out]`.
  }];
  let arguments = (ins NN_Tensor:$input, NN_WeightTensor:$weights,
      Optional<NN_BiasTensor>:$bias,
      DefaultValuedAttr<BoolAttr, "false">:$keep_num_dims,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weights (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

class NN_Pool2DOp<string mnemonic, string what> : NN_WindowOp<mnemonic> {
  let summary = "2-D " # what # " pooling (NHWC)";
  let description = [{
    Pools each channel over a `kernel = [kh, kw]` window moved by `strides`.
    Padded positions are excluded from the window (average pooling divides by
    the number of valid elements, as TFLite does). Quantized input and output
    share their scale and zero point.
  }];
  let arguments = (ins NN_Tensor4D:$input,
      DenseI64ArrayAttr:$kernel,
      DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
      NN_PaddingAttr:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$explicit_padding,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor4D:$output);
  let assemblyFormat = [{
    $input attr-dict `:` functional-type(operands, results)
  }];
}

def NN_MaxPool2DOp : NN_Pool2DOp<"max_pool2d", "max">;
def NN_AvgPool2DOp : NN_Pool2DOp<"avg_pool2d", "average">;

def NN_MeanOp : NN_Op<"mean", [Pure]> {
  let summary = "mean over axes (global average pooling)";
  let description = [{
    Averages the input over `axes` (e.g. `[1, 2]` of an NHWC tensor for
    global average pooling). With `keep_dims` the reduced axes stay as size 1.
    A quantized mean may rescale: the output has its own scale and zero point.
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$axes,
      DefaultValuedAttr<BoolAttr, "false">:$keep_dims);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Elementwise binary ops
//===----------------------------------------------------------------------===//

class NN_BinaryOp<string mnemonic, string what>
    : NN_Op<mnemonic, [Pure, NN_MayWriteInPlace]> {
  let summary = "elementwise " # what # " with broadcasting";
  let description = [{
    Elementwise }] # what # [{ of two tensors with numpy-style broadcasting,
    then the fused activation. Quantized operands each keep their own scale;
    the output is requantized to its own.
  }];
  let arguments = (ins NN_Tensor:$lhs, NN_Tensor:$rhs,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_AddOp : NN_BinaryOp<"add", "addition">;
def NN_MulOp : NN_BinaryOp<"mul", "multiplication">;

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def NN_ConcatOp : NN_Op<"concat", [Pure]> {
  let summary = "concatenation along an axis";
  let description = [{
    Concatenates the inputs along `axis` (negative counts from the end).
    Quantized inputs may have their own scales; each is requantized to the
    output's.
  }];
  let arguments = (ins Variadic<NN_Tensor>:$inputs, I64Attr:$axis,
      NN_DefaultFusedActivation:$fused_activation);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_ReshapeOp : NN_Op<"reshape", [Pure, NN_AliasesInput]> {
  let summary = "reshape (also TFLite's SQUEEZE and flatten)";
  let description = [{
    Reinterprets the input's elements, in row-major order, with the result
    shape. Element type (and quantization) are unchanged. Costs nothing: the
    memory planner lets the result alias its input.

    The optional `shape` operand is the 1-D integer tensor TFLite's RESHAPE
    (and TOSA's reshape) carry: the result shape, where one element may be
    -1 (the dimension that makes the element counts agree). The result type
    is what counts; `shape` only repeats it, and the verifier checks that
    its values, when constant, agree with the result type. It is kept
    because the model stores it: the cost model counts its elements as
    parameters and its bytes as ROM. Lowering ignores it.

    ```mlir
    %s = nn.constant dense<[-1, 64]> : tensor<2xi32>
    %y = nn.reshape %x, %s : (tensor<1x1x1x64xf32>, tensor<2xi32>) -> tensor<1x64xf32>
    %z = nn.reshape %x : (tensor<1x1x1x64xf32>) -> tensor<64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, Optional<NN_ShapeTensor>:$shape);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input (`,` $shape^)? attr-dict `:` functional-type(operands, results)
  }];
  let builders = [
    // Without the shape operand: the result type alone says the shape.
    OpBuilder<(ins "Type":$output, "Value":$input), [{
      build($_builder, $_state, output, input, /*shape=*/Value());
    }]>
  ];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def NN_PadOp : NN_Op<"pad", [Pure]> {
  let summary = "constant padding";
  let description = [{
    Pads each dimension `d` with `padding[2d]` elements before and
    `padding[2d+1]` after. The pad value is 0 (the zero point when quantized).
  }];
  let arguments = (ins NN_Tensor:$input, DenseI64ArrayAttr:$padding);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

class NN_UnaryOp<string mnemonic, list<Trait> traits = []>
    : NN_Op<mnemonic, !listconcat(traits, [Pure, SameOperandsAndResultShape])> {
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = [{
    $input attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def NN_SoftmaxOp : NN_UnaryOp<"softmax"> {
  let summary = "softmax over the last axis";
  let description = [{
    `output = exp(beta * x_i) / sum_j exp(beta * x_j)` over the last axis.
    A quantized output has scale 1/256 and zero point -128 (TFLite's rule).
  }];
  let arguments = (ins NN_Tensor:$input,
      DefaultValuedAttr<F32Attr, "1.0f">:$beta);
}

def NN_ReluOp : NN_UnaryOp<"relu", [NN_MayWriteInPlace]> {
  let summary = "rectified linear unit, max(x, 0)";
}
def NN_Relu6Op : NN_UnaryOp<"relu6", [NN_MayWriteInPlace]> {
  let summary = "rectified linear unit clipped at 6, min(max(x, 0), 6)";
}
def NN_TanhOp : NN_UnaryOp<"tanh", [NN_MayWriteInPlace]> {
  let summary = "hyperbolic tangent";
  let description = [{
    A quantized output has scale 1/128 and zero point 0 (TFLite's rule).
  }];
}
def NN_SigmoidOp : NN_UnaryOp<"sigmoid", [NN_MayWriteInPlace]> {
  let summary = "logistic sigmoid, 1 / (1 + exp(-x))";
  let description = [{
    TFLite's LOGISTIC. A quantized output has scale 1/256 and zero point -128.
  }];
}
def NN_HardSwishOp : NN_UnaryOp<"hard_swish", [NN_MayWriteInPlace]> {
  let summary = "hard swish, x * relu6(x + 3) / 6";
}
def NN_LeakyReluOp : NN_UnaryOp<"leaky_relu", [NN_MayWriteInPlace]> {
  let summary = "leaky rectified linear unit, x < 0 ? alpha * x : x";
  let arguments = (ins NN_Tensor:$input, F32Attr:$alpha);
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

def NN_QuantizeOp : NN_UnaryOp<"quantize", [NN_MayWriteInPlace]> {
  let summary = "quantize a float tensor, or requantize a quantized one";
  let description = [{
    `q = clamp(round(x / scale) + zero_point)`; a quantized input is first
    dequantized (TFLite's QUANTIZE doubles as a requantize).
  }];
}

def NN_DequantizeOp : NN_UnaryOp<"dequantize"> {
  let summary = "dequantize to f32, (q - zero_point) * scale";
}

#endif // NN_DIALECT_NN_IR_NNOPS_TD
