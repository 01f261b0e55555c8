//===- NNOps.cpp - nn dialect operations ------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Verifiers, folders and custom printers of the nn ops. Verifiers never rely
// on MLIR's internal asserts (Debian's MLIR is a release build): every shape,
// rank and quantization rule is checked here with a message on the op.
//
//===----------------------------------------------------------------------===//

#include "nn/Dialect/NN/IR/NNOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/SmallSet.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::nn;

//===----------------------------------------------------------------------===//
// Element type helpers
//===----------------------------------------------------------------------===//

namespace {
/// What an activation tensor's element type is, for consistency checks.
enum class ElementKind { Float, Quantized, Other };
} // namespace

static ElementKind getElementKind(Type type) {
  Type element = getElementTypeOrSelf(type);
  if (element.isF32())
    return ElementKind::Float;
  if (isa<quant::QuantizedType>(element))
    return ElementKind::Quantized;
  return ElementKind::Other;
}

static quant::UniformQuantizedType getPerTensorQuant(Type type) {
  return dyn_cast<quant::UniformQuantizedType>(getElementTypeOrSelf(type));
}

static bool isNear(double a, double b, double relTol) {
  return std::abs(a - b) <= relTol * std::max(std::abs(a), std::abs(b));
}

/// Activations are f32, or per-tensor quantized with 8-bit storage expressed
/// in f32 (TFLite's int8 scheme).
static LogicalResult verifyActivationType(Operation *op, Type type,
                                          StringRef name) {
  Type element = getElementTypeOrSelf(type);
  if (element.isF32())
    return success();
  if (auto q = dyn_cast<quant::UniformQuantizedType>(element)) {
    if (q.getStorageTypeIntegralWidth() != 8)
      return op->emitOpError()
             << name << " must have 8-bit quantized storage, got " << element;
    if (!q.getExpressedType().isF32())
      return op->emitOpError()
             << name << " must be quantized from f32, got " << element;
    if (q.getScale() <= 0.0 || !std::isfinite(q.getScale()))
      return op->emitOpError()
             << name << " must have a positive finite scale, got " << element;
    return success();
  }
  if (isa<quant::QuantizedType>(element))
    return op->emitOpError()
           << name << " must be quantized per tensor, got " << element;
  return op->emitOpError() << name << " must be f32 or !quant.uniform<i8:f32>, "
                           << "got " << element;
}

/// Weights are f32 or 8-bit quantized, per tensor or per axis along
/// `channelAxis` (one scale per output channel).
static LogicalResult verifyWeightType(Operation *op, RankedTensorType type,
                                      int64_t channelAxis, StringRef name) {
  Type element = type.getElementType();
  if (element.isF32())
    return success();
  auto q = dyn_cast<quant::QuantizedType>(element);
  if (!q || q.getStorageTypeIntegralWidth() != 8 ||
      !q.getExpressedType().isF32())
    return op->emitOpError()
           << name << " must be f32 or 8-bit quantized, got " << element;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(q)) {
    if (perAxis.getQuantizedDimension() != channelAxis)
      return op->emitOpError()
             << name << " must be quantized along its output-channel axis "
             << channelAxis << ", got axis " << perAxis.getQuantizedDimension();
    int64_t channels = type.getDimSize(channelAxis);
    if (!ShapedType::isDynamic(channels) &&
        static_cast<int64_t>(perAxis.getScales().size()) != channels)
      return op->emitOpError()
             << name << " has " << perAxis.getScales().size()
             << " per-axis scales for " << channels << " output channels";
    return success();
  }
  if (!isa<quant::UniformQuantizedType>(q))
    return op->emitOpError()
           << name << " has unsupported quantization " << element;
  return success();
}

/// The scale of channel `c` of a per-tensor or per-axis quantized type.
static double getChannelScale(quant::QuantizedType q, int64_t c) {
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(q))
    return perAxis.getScales()[c];
  return cast<quant::UniformQuantizedType>(q).getScale();
}

/// A bias matches the layer's input and weights: f32 for float and hybrid
/// layers; for int8 layers i32 storage, zero point 0 and
/// scale[c] = input_scale * weight_scale[c] (TFLite's rule).
static LogicalResult verifyBias(Operation *op, Value bias, Type inputType,
                                RankedTensorType weightType,
                                int64_t weightChannelAxis,
                                int64_t outChannels) {
  if (!bias)
    return success();
  auto biasType = cast<RankedTensorType>(bias.getType());
  int64_t biasSize = biasType.getDimSize(0);
  if (!ShapedType::isDynamic(biasSize) && !ShapedType::isDynamic(outChannels) &&
      biasSize != outChannels)
    return op->emitOpError() << "bias has " << biasSize << " elements for "
                             << outChannels << " output channels";
  Type biasElement = biasType.getElementType();
  ElementKind inputKind = getElementKind(inputType);
  if (inputKind == ElementKind::Float) {
    if (!biasElement.isF32())
      return op->emitOpError()
             << "bias of a float layer must be f32, got " << biasElement;
    return success();
  }
  auto biasQ = dyn_cast<quant::QuantizedType>(biasElement);
  if (!biasQ || biasQ.getStorageTypeIntegralWidth() != 32)
    return op->emitOpError()
           << "bias of a quantized layer must be quantized with i32 storage, "
              "got "
           << biasElement;
  auto inputQ = getPerTensorQuant(inputType);
  auto weightQ = dyn_cast<quant::QuantizedType>(weightType.getElementType());
  if (!inputQ || !weightQ)
    return success();
  int64_t numScales = 1;
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(weightQ))
    numScales = perAxis.getScales().size();
  if (auto biasPerAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(biasQ)) {
    if (biasPerAxis.getQuantizedDimension() != 0)
      return op->emitOpError() << "per-axis bias must be quantized along axis "
                                  "0, got axis "
                               << biasPerAxis.getQuantizedDimension();
    if (static_cast<int64_t>(biasPerAxis.getScales().size()) != numScales)
      return op->emitOpError()
             << "bias has " << biasPerAxis.getScales().size()
             << " per-axis scales but the weights have " << numScales;
    for (int64_t zp : biasPerAxis.getZeroPoints())
      if (zp != 0)
        return op->emitOpError() << "bias zero point must be 0, got " << zp;
  } else if (auto biasUniform = dyn_cast<quant::UniformQuantizedType>(biasQ)) {
    if (numScales != 1)
      return op->emitOpError() << "bias must be quantized per axis when the "
                                  "weights are";
    if (biasUniform.getZeroPoint() != 0)
      return op->emitOpError()
             << "bias zero point must be 0, got " << biasUniform.getZeroPoint();
  }
  for (int64_t c = 0; c < numScales; ++c) {
    double expected = inputQ.getScale() * getChannelScale(weightQ, c);
    double actual = getChannelScale(biasQ, c);
    if (!isNear(expected, actual, 1e-5))
      return op->emitOpError()
             << "bias scale " << actual << " of channel " << c
             << " must equal input scale * weight scale = " << expected;
  }
  (void)weightChannelAxis;
  return success();
}

/// Input and output of a layer are both float or both quantized.
static LogicalResult verifySameKind(Operation *op, Type input, Type output) {
  if (getElementKind(input) != getElementKind(output))
    return op->emitOpError()
           << "input element type " << getElementTypeOrSelf(input)
           << " and output element type " << getElementTypeOrSelf(output)
           << " must both be float or both be quantized";
  return success();
}

/// Quantized input and output carry the same scale and zero point (ops that
/// move or select values without rescaling them).
static LogicalResult verifySameQuantization(Operation *op, Type input,
                                            Type output) {
  auto in = getPerTensorQuant(input);
  auto out = getPerTensorQuant(output);
  if (!in || !out)
    return success();
  if (in.getZeroPoint() != out.getZeroPoint() ||
      !isNear(in.getScale(), out.getScale(), 1e-6))
    return op->emitOpError() << "input and output must have the same "
                                "quantization, got "
                             << in << " and " << out;
  return success();
}

/// A quantized output with the fixed scale and zero point TFLite's int8
/// kernel requires (softmax, logistic, tanh).
static LogicalResult verifyFixedOutputQuant(Operation *op, Type output,
                                            double scale, int64_t zeroPoint) {
  auto q = getPerTensorQuant(output);
  if (!q)
    return success();
  if (q.getZeroPoint() != zeroPoint || !isNear(q.getScale(), scale, 1e-3))
    return op->emitOpError()
           << "quantized output must have scale " << scale << " and zero point "
           << zeroPoint << ", got " << q;
  return success();
}

//===----------------------------------------------------------------------===//
// Window geometry
//===----------------------------------------------------------------------===//

namespace {
/// The spatial parameters of a 2-D window op.
struct WindowGeometry {
  ArrayRef<int64_t> kernel;    // [kh, kw]
  ArrayRef<int64_t> strides;   // [sh, sw]
  ArrayRef<int64_t> dilations; // [dh, dw], empty means 1
  Padding padding;
  std::optional<ArrayRef<int64_t>>
      explicitPadding; // [top, bottom, left, right]
};
} // namespace

/// Window sizes, strides, dilations and pads are int32 in TFLite; bounding
/// them keeps the output size arithmetic free of int64 overflow.
static constexpr int64_t kMaxWindowValue = std::numeric_limits<int32_t>::max();

static LogicalResult verifyPositivePair(Operation *op, ArrayRef<int64_t> values,
                                        StringRef name) {
  if (values.size() != 2)
    return op->emitOpError()
           << name << " must have 2 elements, got " << values.size();
  if (values[0] < 1 || values[1] < 1)
    return op->emitOpError() << name << " must be positive, got [" << values[0]
                             << ", " << values[1] << "]";
  if (values[0] > kMaxWindowValue || values[1] > kMaxWindowValue)
    return op->emitOpError() << name << " must be at most " << kMaxWindowValue;
  return success();
}

/// Pads are non-negative and bounded like the other window values.
static LogicalResult verifyPads(Operation *op, ArrayRef<int64_t> pads,
                                StringRef name) {
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return op->emitOpError() << name << " must be non-negative";
  if (llvm::any_of(pads, [](int64_t p) { return p > kMaxWindowValue; }))
    return op->emitOpError() << name << " must be at most " << kMaxWindowValue;
  return success();
}

/// Checks the attributes and the output height/width of a window op whose
/// input and output are NHWC.
static LogicalResult verifyWindow(Operation *op, const WindowGeometry &g,
                                  RankedTensorType input,
                                  RankedTensorType output) {
  if (failed(verifyPositivePair(op, g.kernel, "kernel")) ||
      failed(verifyPositivePair(op, g.strides, "strides")) ||
      (!g.dilations.empty() &&
       failed(verifyPositivePair(op, g.dilations, "dilations"))))
    return failure();
  bool isExplicit = g.padding == Padding::Explicit;
  if (isExplicit != g.explicitPadding.has_value())
    return op->emitOpError() << "explicit_padding must be given exactly when "
                                "padding is explicit";
  if (isExplicit) {
    ArrayRef<int64_t> pads = *g.explicitPadding;
    if (pads.size() != 4)
      return op->emitOpError()
             << "explicit_padding must be [top, bottom, left, right], got "
             << pads.size() << " elements";
    if (failed(verifyPads(op, pads, "explicit_padding")))
      return failure();
  }
  static const char *const dimNames[] = {"height", "width"};
  for (int d = 0; d < 2; ++d) {
    int64_t in = input.getDimSize(1 + d);
    int64_t out = output.getDimSize(1 + d);
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(out))
      continue;
    int64_t dilation = g.dilations.empty() ? 1 : g.dilations[d];
    int64_t effectiveKernel = (g.kernel[d] - 1) * dilation + 1;
    int64_t expected;
    switch (g.padding) {
    case Padding::Same:
      expected = (in + g.strides[d] - 1) / g.strides[d];
      break;
    case Padding::Valid:
      expected =
          in >= effectiveKernel ? (in - effectiveKernel) / g.strides[d] + 1 : 0;
      break;
    case Padding::Explicit: {
      int64_t padded =
          in + (*g.explicitPadding)[2 * d] + (*g.explicitPadding)[2 * d + 1];
      expected = padded >= effectiveKernel
                     ? (padded - effectiveKernel) / g.strides[d] + 1
                     : 0;
      break;
    }
    }
    if (expected < 1)
      return op->emitOpError()
             << "window of " << effectiveKernel << " does not fit the input "
             << dimNames[d] << " " << in << " with padding "
             << stringifyPadding(g.padding);
    if (out != expected)
      return op->emitOpError()
             << "output " << dimNames[d] << " " << out << " does not match "
             << expected << " computed from input " << dimNames[d] << " " << in
             << ", kernel " << g.kernel[d] << ", stride " << g.strides[d]
             << ", dilation " << dilation << " and padding "
             << stringifyPadding(g.padding);
  }
  return success();
}

/// Batch of input and output agree.
static LogicalResult verifyBatch(Operation *op, RankedTensorType input,
                                 RankedTensorType output) {
  int64_t in = input.getDimSize(0), out = output.getDimSize(0);
  if (!ShapedType::isDynamic(in) && !ShapedType::isDynamic(out) && in != out)
    return op->emitOpError()
           << "output batch " << out << " does not match input batch " << in;
  return success();
}

static bool dimsDiffer(int64_t a, int64_t b) {
  return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

static ParseResult parseConstantValue(OpAsmParser &parser, ElementsAttr &value,
                                      Type &type) {
  Attribute attr;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseAttribute(attr))
    return failure();
  value = dyn_cast<ElementsAttr>(attr);
  if (!value)
    return parser.emitError(loc, "expected an elements attribute");
  type = value.getType();
  if (succeeded(parser.parseOptionalArrow()) && parser.parseType(type))
    return failure();
  return success();
}

static void printConstantValue(OpAsmPrinter &printer, Operation *,
                               ElementsAttr value, Type type) {
  printer.printAttribute(value);
  if (type != value.getType()) {
    printer << " -> ";
    printer.printType(type);
  }
}

LogicalResult ConstantOp::verify() {
  auto valueType = cast<ShapedType>(getValue().getType());
  auto outputType = cast<RankedTensorType>(getType());
  if (!valueType.hasRank() || valueType.getShape() != outputType.getShape())
    return emitOpError() << "value shape does not match result type "
                         << outputType;
  Type element = outputType.getElementType();
  if (auto q = dyn_cast<quant::QuantizedType>(element)) {
    auto storage = dyn_cast<IntegerType>(valueType.getElementType());
    if (!storage || storage.getWidth() != q.getStorageTypeIntegralWidth())
      return emitOpError() << "value of a quantized constant must hold "
                           << q.getStorageTypeIntegralWidth()
                           << "-bit integers, got "
                           << valueType.getElementType();
    return success();
  }
  if (valueType.getElementType() != element)
    return emitOpError() << "value element type " << valueType.getElementType()
                         << " does not match result element type " << element;
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

/// Element types shared by conv2d and depthwise_conv2d: activations f32 or
/// int8, the filter quantized along `channelAxis` when the layer is.
template <typename ConvOp>
static LogicalResult verifyConvTypes(ConvOp op, int64_t channelAxis) {
  RankedTensorType input = op.getInput().getType();
  RankedTensorType filter = op.getFilter().getType();
  RankedTensorType output = op.getOutput().getType();
  if (failed(verifyActivationType(op, input, "input")) ||
      failed(verifyActivationType(op, output, "output")) ||
      failed(verifyWeightType(op, filter, channelAxis, "filter")) ||
      failed(verifySameKind(op, input, output)))
    return failure();
  if (getElementKind(input) == ElementKind::Quantized &&
      getElementKind(filter) != ElementKind::Quantized)
    return op.emitOpError() << "a quantized " << op->getName().stripDialect()
                            << " needs a quantized filter";
  return success();
}

/// Batch, window geometry (kernel from the filter's dims 1 and 2) and bias
/// of a convolution with `outChannels` output channels.
template <typename ConvOp>
static LogicalResult verifyConvWindowAndBias(ConvOp op, int64_t channelAxis,
                                             int64_t outChannels) {
  RankedTensorType input = op.getInput().getType();
  RankedTensorType filter = op.getFilter().getType();
  RankedTensorType output = op.getOutput().getType();
  if (failed(verifyBatch(op, input, output)))
    return failure();
  SmallVector<int64_t, 2> kernel = {filter.getDimSize(1), filter.getDimSize(2)};
  if (ShapedType::isDynamic(kernel[0]) || ShapedType::isDynamic(kernel[1]))
    return op.emitOpError("filter must have a static kernel size");
  WindowGeometry g{kernel, op.getStrides(), op.getDilations(), op.getPadding(),
                   op.getExplicitPadding()};
  if (failed(verifyWindow(op, g, input, output)))
    return failure();
  return verifyBias(op, op.getBias(), input, filter, channelAxis, outChannels);
}

//===----------------------------------------------------------------------===//
// Conv2DOp
//===----------------------------------------------------------------------===//

LogicalResult Conv2DOp::verify() {
  if (failed(verifyConvTypes(*this, /*channelAxis=*/0)))
    return failure();
  RankedTensorType input = getInput().getType();
  RankedTensorType filter = getFilter().getType();
  RankedTensorType output = getOutput().getType();

  int64_t inC = input.getDimSize(3), outC = filter.getDimSize(0),
          filterC = filter.getDimSize(3);
  if (dimsDiffer(output.getDimSize(3), outC))
    return emitOpError() << "output channels " << output.getDimSize(3)
                         << " do not match filter output channels " << outC;
  if (!ShapedType::isDynamic(inC) && !ShapedType::isDynamic(filterC)) {
    if (filterC < 1 || inC % filterC != 0)
      return emitOpError() << "input channels " << inC
                           << " are not a multiple of filter input channels "
                           << filterC;
    int64_t groups = inC / filterC;
    if (!ShapedType::isDynamic(outC) && outC % groups != 0)
      return emitOpError() << "filter output channels " << outC
                           << " are not a multiple of the " << groups
                           << " groups";
  }
  return verifyConvWindowAndBias(*this, /*channelAxis=*/0, outC);
}

//===----------------------------------------------------------------------===//
// DepthwiseConv2DOp
//===----------------------------------------------------------------------===//

LogicalResult DepthwiseConv2DOp::verify() {
  if (failed(verifyConvTypes(*this, /*channelAxis=*/3)))
    return failure();
  RankedTensorType input = getInput().getType();
  RankedTensorType filter = getFilter().getType();
  RankedTensorType output = getOutput().getType();
  int64_t multiplier = getDepthMultiplier();
  if (multiplier < 1)
    return emitOpError() << "depth_multiplier must be positive, got "
                         << multiplier;
  if (dimsDiffer(filter.getDimSize(0), 1))
    return emitOpError() << "filter must have shape [1, kh, kw, channels], got "
                            "leading dimension "
                         << filter.getDimSize(0);
  int64_t inC = input.getDimSize(3), outC = filter.getDimSize(3);
  if (!ShapedType::isDynamic(inC) && dimsDiffer(outC, inC * multiplier))
    return emitOpError() << "filter channels " << outC
                         << " must be input channels " << inC
                         << " * depth_multiplier " << multiplier;
  if (dimsDiffer(output.getDimSize(3), outC))
    return emitOpError() << "output channels " << output.getDimSize(3)
                         << " do not match filter channels " << outC;
  return verifyConvWindowAndBias(*this, /*channelAxis=*/3, outC);
}

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType weights = getWeights().getType();
  RankedTensorType output = getOutput().getType();
  if (failed(verifyActivationType(*this, input, "input")) ||
      failed(verifyActivationType(*this, output, "output")) ||
      failed(verifySameKind(*this, input, output)))
    return failure();
  if (weights.getRank() != 2)
    return emitOpError() << "weights must be [out_features, in_features], got "
                            "rank "
                         << weights.getRank();
  if (failed(verifyWeightType(*this, weights, 0, "weights")))
    return failure();
  if (getElementKind(input) == ElementKind::Quantized &&
      getElementKind(weights) != ElementKind::Quantized)
    return emitOpError("a quantized fully_connected needs quantized weights");
  if (input.getRank() < 1)
    return emitOpError("input must have rank >= 1");
  int64_t outF = weights.getDimSize(0), inF = weights.getDimSize(1);
  if (input.hasStaticShape() && !ShapedType::isDynamic(inF)) {
    int64_t elements = input.getNumElements();
    if (inF < 1 || elements % inF != 0)
      return emitOpError() << "input of " << elements
                           << " elements is not a multiple of in_features "
                           << inF;
    SmallVector<int64_t> expected;
    if (getKeepNumDims()) {
      if (input.getShape().back() != inF)
        return emitOpError() << "with keep_num_dims the input's last "
                                "dimension must be in_features "
                             << inF;
      expected.assign(input.getShape().begin(), input.getShape().end());
      expected.back() = outF;
    } else {
      expected = {elements / inF, outF};
    }
    if (output.getShape() != ArrayRef<int64_t>(expected)) {
      std::string text;
      llvm::raw_string_ostream os(text);
      llvm::interleave(expected, os, "x");
      return emitOpError() << "output shape must be " << text << ", got "
                           << output;
    }
  }
  return verifyBias(*this, getBias(), input, weights, 0, outF);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

template <typename PoolOp> static LogicalResult verifyPool(PoolOp op) {
  RankedTensorType input = op.getInput().getType();
  RankedTensorType output = op.getOutput().getType();
  if (failed(verifyActivationType(op, input, "input")) ||
      failed(verifyActivationType(op, output, "output")) ||
      failed(verifySameKind(op, input, output)) ||
      failed(verifySameQuantization(op, input, output)) ||
      failed(verifyBatch(op, input, output)))
    return failure();
  if (dimsDiffer(input.getDimSize(3), output.getDimSize(3)))
    return op.emitOpError()
           << "output channels " << output.getDimSize(3)
           << " do not match input channels " << input.getDimSize(3);
  WindowGeometry g{op.getKernel(),
                   op.getStrides(),
                   {},
                   op.getPadding(),
                   op.getExplicitPadding()};
  return verifyWindow(op, g, input, output);
}

LogicalResult MaxPool2DOp::verify() { return verifyPool(*this); }
LogicalResult AvgPool2DOp::verify() { return verifyPool(*this); }

//===----------------------------------------------------------------------===//
// MeanOp
//===----------------------------------------------------------------------===//

LogicalResult MeanOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (failed(verifyActivationType(*this, input, "input")) ||
      failed(verifyActivationType(*this, output, "output")) ||
      failed(verifySameKind(*this, input, output)))
    return failure();
  int64_t rank = input.getRank();
  llvm::SmallSet<int64_t, 4> reduced;
  for (int64_t axis : getAxes()) {
    if (axis < -rank || axis >= rank)
      return emitOpError() << "axis " << axis << " is out of range for rank "
                           << rank;
    if (!reduced.insert(axis < 0 ? axis + rank : axis).second)
      return emitOpError() << "axis " << axis << " is repeated";
  }
  if (reduced.empty())
    return emitOpError("axes must not be empty");
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    if (!reduced.contains(d))
      expected.push_back(input.getDimSize(d));
    else if (getKeepDims())
      expected.push_back(1);
  }
  if (output.getRank() != static_cast<int64_t>(expected.size()))
    return emitOpError() << "output rank " << output.getRank()
                         << " does not match " << expected.size()
                         << " expected from axes and keep_dims";
  for (auto [d, e] : llvm::enumerate(expected))
    if (dimsDiffer(output.getDimSize(d), e))
      return emitOpError() << "output dimension " << d << " is "
                           << output.getDimSize(d) << ", expected " << e;
  return success();
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

template <typename BinaryOp> static LogicalResult verifyBinary(BinaryOp op) {
  Type lhs = op.getLhs().getType(), rhs = op.getRhs().getType(),
       output = op.getOutput().getType();
  if (failed(verifyActivationType(op, lhs, "lhs")) ||
      failed(verifyActivationType(op, rhs, "rhs")) ||
      failed(verifyActivationType(op, output, "output")) ||
      failed(verifySameKind(op, lhs, output)) ||
      failed(verifySameKind(op, rhs, output)))
    return failure();
  SmallVector<int64_t> broadcast;
  if (!OpTrait::util::getBroadcastedShape(cast<ShapedType>(lhs).getShape(),
                                          cast<ShapedType>(rhs).getShape(),
                                          broadcast))
    return op.emitOpError() << "operand shapes " << lhs << " and " << rhs
                            << " are not broadcast compatible";
  auto outputType = cast<RankedTensorType>(output);
  if (outputType.getRank() != static_cast<int64_t>(broadcast.size()))
    return op.emitOpError()
           << "output rank " << outputType.getRank()
           << " does not match broadcast rank " << broadcast.size();
  for (auto [d, e] : llvm::enumerate(broadcast))
    if (dimsDiffer(outputType.getDimSize(d), e))
      return op.emitOpError()
             << "output dimension " << d << " is " << outputType.getDimSize(d)
             << ", broadcast gives " << e;
  return success();
}

LogicalResult AddOp::verify() { return verifyBinary(*this); }
LogicalResult MulOp::verify() { return verifyBinary(*this); }

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::verify() {
  RankedTensorType output = getOutput().getType();
  if (getInputs().empty())
    return emitOpError("needs at least one input");
  if (failed(verifyActivationType(*this, output, "output")))
    return failure();
  int64_t rank = output.getRank();
  int64_t axis = getAxis();
  if (axis < -rank || axis >= rank)
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << rank;
  if (axis < 0)
    axis += rank;
  int64_t axisSize = 0;
  for (auto [i, value] : llvm::enumerate(getInputs())) {
    auto type = cast<RankedTensorType>(value.getType());
    if (failed(verifyActivationType(*this, type, "input")) ||
        failed(verifySameKind(*this, type, output)))
      return failure();
    if (type.getRank() != rank)
      return emitOpError() << "input " << i << " has rank " << type.getRank()
                           << ", output has rank " << rank;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis)
        continue;
      if (dimsDiffer(type.getDimSize(d), output.getDimSize(d)))
        return emitOpError()
               << "input " << i << " dimension " << d << " is "
               << type.getDimSize(d) << ", output has " << output.getDimSize(d);
    }
    if (axisSize != ShapedType::kDynamic) {
      int64_t size = type.getDimSize(axis);
      axisSize =
          ShapedType::isDynamic(size) ? ShapedType::kDynamic : axisSize + size;
    }
  }
  if (dimsDiffer(output.getDimSize(axis), axisSize))
    return emitOpError() << "output dimension " << axis << " is "
                         << output.getDimSize(axis) << ", the inputs add up to "
                         << axisSize;
  return success();
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

/// The values of a constant 1-D integer tensor (nn.constant or any other
/// constant-like op, dense or dense_resource), std::nullopt when `value` is
/// not constant or its data is not available.
static std::optional<SmallVector<int64_t>> getConstantIntegers(Value value) {
  ElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto toVector = [](auto range) {
    return SmallVector<int64_t>(range.begin(), range.end());
  };
  if (auto dense = dyn_cast<DenseIntElementsAttr>(attr)) {
    SmallVector<int64_t> result;
    for (const APInt &v : dense.getValues<APInt>())
      result.push_back(v.getSExtValue());
    return result;
  }
  if (auto blob = dyn_cast<DenseI32ResourceElementsAttr>(attr))
    if (std::optional<ArrayRef<int32_t>> data = blob.tryGetAsArrayRef())
      return toVector(*data);
  if (auto blob = dyn_cast<DenseI64ResourceElementsAttr>(attr))
    if (std::optional<ArrayRef<int64_t>> data = blob.tryGetAsArrayRef())
      return toVector(*data);
  return std::nullopt;
}

LogicalResult ReshapeOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (failed(verifyActivationType(*this, input, "input")))
    return failure();
  if (input.getElementType() != output.getElementType())
    return emitOpError() << "element type " << output.getElementType()
                         << " differs from the input's "
                         << input.getElementType();
  if (input.hasStaticShape() && output.hasStaticShape() &&
      input.getNumElements() != output.getNumElements())
    return emitOpError() << "output has " << output.getNumElements()
                         << " elements, the input " << input.getNumElements();
  if (!getShape())
    return success();
  auto shapeType = cast<RankedTensorType>(getShape().getType());
  if (!shapeType.isDynamicDim(0) && shapeType.getDimSize(0) != output.getRank())
    return emitOpError() << "shape has " << shapeType.getDimSize(0)
                         << " elements, the output rank is "
                         << output.getRank();
  std::optional<SmallVector<int64_t>> shape = getConstantIntegers(getShape());
  if (!shape)
    return success();
  if (static_cast<int64_t>(shape->size()) != output.getRank())
    return emitOpError() << "shape has " << shape->size()
                         << " elements, the output rank is "
                         << output.getRank();
  // Each value is the output dimension, except one -1 that stands for it.
  bool wildcard = false;
  for (auto [i, value] : llvm::enumerate(*shape)) {
    if (value == -1) {
      if (wildcard)
        return emitOpError() << "shape has more than one -1";
      wildcard = true;
      continue;
    }
    if (value < 0)
      return emitOpError() << "shape[" << i << "] is " << value
                           << "; only -1 may be negative";
    if (!output.isDynamicDim(i) && value != output.getDimSize(i))
      return emitOpError() << "shape[" << i << "] is " << value
                           << ", the output dimension is "
                           << output.getDimSize(i);
  }
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // reshape(reshape(x)) -> reshape(x): only the final shape matters.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    if (getType().hasStaticShape())
      return dense.reshape(dense.getType().clone(getType().getShape()));
  return {};
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

LogicalResult PadOp::verify() {
  RankedTensorType input = getInput().getType();
  RankedTensorType output = getOutput().getType();
  if (failed(verifyActivationType(*this, input, "input")) ||
      failed(verifyActivationType(*this, output, "output")) ||
      failed(verifySameKind(*this, input, output)) ||
      failed(verifySameQuantization(*this, input, output)))
    return failure();
  int64_t rank = input.getRank();
  ArrayRef<int64_t> padding = getPadding();
  if (static_cast<int64_t>(padding.size()) != 2 * rank)
    return emitOpError() << "padding must have 2 * rank = " << 2 * rank
                         << " elements, got " << padding.size();
  if (failed(verifyPads(*this, padding, "padding")))
    return failure();
  if (output.getRank() != rank)
    return emitOpError() << "output rank " << output.getRank()
                         << " differs from input rank " << rank;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t in = input.getDimSize(d);
    if (ShapedType::isDynamic(in))
      continue;
    int64_t expected = in + padding[2 * d] + padding[2 * d + 1];
    if (dimsDiffer(output.getDimSize(d), expected))
      return emitOpError() << "output dimension " << d << " is "
                           << output.getDimSize(d) << ", expected " << expected;
  }
  return success();
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType() &&
      llvm::all_of(getPadding(), [](int64_t p) { return p == 0; }))
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

static LogicalResult verifyUnary(Operation *op) {
  Type input = op->getOperand(0).getType();
  Type output = op->getResult(0).getType();
  if (failed(verifyActivationType(op, input, "input")) ||
      failed(verifyActivationType(op, output, "output")))
    return failure();
  return verifySameKind(op, input, output);
}

LogicalResult SoftmaxOp::verify() {
  if (failed(verifyUnary(*this)))
    return failure();
  if (getInput().getType().getRank() < 1)
    return emitOpError("input must have rank >= 1");
  if (!(getBeta().convertToFloat() > 0.0f))
    return emitOpError("beta must be positive");
  return verifyFixedOutputQuant(*this, getType(), 1.0 / 256, -128);
}

LogicalResult ReluOp::verify() { return verifyUnary(*this); }
LogicalResult Relu6Op::verify() { return verifyUnary(*this); }
LogicalResult HardSwishOp::verify() { return verifyUnary(*this); }

LogicalResult TanhOp::verify() {
  if (failed(verifyUnary(*this)))
    return failure();
  return verifyFixedOutputQuant(*this, getType(), 1.0 / 128, 0);
}

LogicalResult SigmoidOp::verify() {
  if (failed(verifyUnary(*this)))
    return failure();
  return verifyFixedOutputQuant(*this, getType(), 1.0 / 256, -128);
}

LogicalResult LeakyReluOp::verify() {
  if (failed(verifyUnary(*this)))
    return failure();
  if (!std::isfinite(getAlpha().convertToFloat()))
    return emitOpError("alpha must be finite");
  return success();
}

LogicalResult QuantizeOp::verify() {
  if (failed(verifyActivationType(*this, getInput().getType(), "input")) ||
      failed(verifyActivationType(*this, getType(), "output")))
    return failure();
  if (getElementKind(getType()) != ElementKind::Quantized)
    return emitOpError() << "output must be quantized, got "
                         << getType().getElementType();
  return success();
}

LogicalResult DequantizeOp::verify() {
  // The input may be per-axis quantized: hybrid models dequantize weights.
  auto q =
      dyn_cast<quant::QuantizedType>(getInput().getType().getElementType());
  if (!q || q.getStorageTypeIntegralWidth() != 8)
    return emitOpError() << "input must be 8-bit quantized, got "
                         << getInput().getType().getElementType();
  if (!getType().getElementType().isF32())
    return emitOpError() << "output must be f32, got "
                         << getType().getElementType();
  return success();
}

#define GET_OP_CLASSES
#include "nn/Dialect/NN/IR/NNOps.cpp.inc"
