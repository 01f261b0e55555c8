//===- NNToLinalg.cpp - lower nn ops to linalg on tensors -----------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// --convert-nn-to-linalg. Every layer becomes linalg.generic ops on tensors.
// Window and matrix layers compute each output element in a register (an
// scf.for reduction inside a generic over the output) and apply the
// epilogue (bias, requantization, activation clamp) before the store, so
// bufferization allocates no accumulator; elementwise layers write over the
// input the memory plan lets them overwrite. Quantized
// tensors become tensors of their storage integers. The integer formulas are
// TFLite's (see docs/numerics.md); QuantMath.h holds the fixed-point parts.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "ArmDsp.h"
#include "QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"

#include "nn/Analysis/TensorLiveness.h"
#include "nn/Dialect/NN/IR/NNOps.h"

#include <cmath>
#include <limits>

namespace mlir::nn {
#define GEN_PASS_DEF_CONVERTNNTOLINALGPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

//===----------------------------------------------------------------------===//
// Quantization parameters
//===----------------------------------------------------------------------===//

namespace {
/// Scales and zero points of a tensor type: one entry when per-tensor, one
/// per channel of `axis` when per-axis. Empty `scales` means float.
struct QuantParams {
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int32_t axis = -1;
  int32_t storageMin = 0, storageMax = 0;

  bool isQuantized() const { return !scales.empty(); }
  double scale(int64_t c = 0) const {
    return scales.size() == 1 ? scales[0] : scales[c];
  }
  int32_t zeroPoint(int64_t c = 0) const {
    return zeroPoints.size() == 1 ? zeroPoints[0] : zeroPoints[c];
  }
};
} // namespace

static QuantParams getQuantParams(Type type) {
  QuantParams p;
  Type element = getElementTypeOrSelf(type);
  if (auto q = dyn_cast<quant::UniformQuantizedType>(element)) {
    p.scales = {q.getScale()};
    p.zeroPoints = {q.getZeroPoint()};
  } else if (auto q = dyn_cast<quant::UniformQuantizedPerAxisType>(element)) {
    p.scales.assign(q.getScales().begin(), q.getScales().end());
    p.zeroPoints.assign(q.getZeroPoints().begin(), q.getZeroPoints().end());
    p.axis = q.getQuantizedDimension();
  } else {
    return p;
  }
  auto q = cast<quant::QuantizedType>(element);
  // TFLite clamps to the full range of the C type (int8: [-128, 127]), not to
  // a narrow storage range.
  unsigned width = q.getStorageTypeIntegralWidth();
  p.storageMin = static_cast<int32_t>(-(1LL << (width - 1)));
  p.storageMax = static_cast<int32_t>((1LL << (width - 1)) - 1);
  return p;
}

/// The [min, max] clamp of an output after a fused activation, as TFLite's
/// CalculateActivationRange(Quantized) computes it. Float bounds come back as
/// +-infinity when unbounded.
namespace {
struct ActivationRange {
  int32_t qmin = 0, qmax = 0;
  float fmin = -std::numeric_limits<float>::infinity();
  float fmax = std::numeric_limits<float>::infinity();
};
} // namespace

static FailureOr<ActivationRange>
getActivationRange(Operation *op, FusedActivation act, const QuantParams &out) {
  ActivationRange r;
  switch (act) {
  case FusedActivation::None:
    break;
  case FusedActivation::Relu:
    r.fmin = 0;
    break;
  case FusedActivation::Relu6:
    r.fmin = 0;
    r.fmax = 6;
    break;
  case FusedActivation::ReluN1To1:
    r.fmin = -1;
    r.fmax = 1;
    break;
  case FusedActivation::Tanh:
    return op->emitOpError("fused tanh activation is not supported by the "
                           "lowering");
  }
  if (out.isQuantized()) {
    float scale = static_cast<float>(out.scale());
    r.qmin = out.storageMin;
    r.qmax = out.storageMax;
    if (!std::isinf(r.fmin))
      r.qmin = std::max(r.qmin, quantizeFloat(r.fmin, scale, out.zeroPoint()));
    if (!std::isinf(r.fmax))
      r.qmax = std::min(r.qmax, quantizeFloat(r.fmax, scale, out.zeroPoint()));
  }
  return r;
}

//===----------------------------------------------------------------------===//
// IR building helpers
//===----------------------------------------------------------------------===//

using BodyFn = function_ref<void(OpBuilder &, Location, ValueRange)>;

static AffineMap identityMap(unsigned rank, MLIRContext *ctx) {
  return AffineMap::getMultiDimIdentityMap(rank, ctx);
}

/// linalg.generic over `init`'s type whose first `numParallel` loops are
/// parallel and the rest reductions.
static Value buildGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                          Value init, ArrayRef<AffineMap> maps,
                          unsigned numParallel, BodyFn body) {
  unsigned numLoops = maps.front().getNumDims();
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::reduction);
  for (unsigned i = 0; i < numParallel; ++i)
    iterators[i] = utils::IteratorType::parallel;
  return linalg::GenericOp::create(b, loc, TypeRange{init.getType()}, inputs,
                                   ValueRange{init}, maps, iterators, body)
      .getResult(0);
}

static Value emptyTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                         Type elementType) {
  return tensor::EmptyOp::create(b, loc, shape, elementType);
}

static Value filledTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                          TypedAttr value) {
  Value init = emptyTensor(b, loc, shape, value.getType());
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{init})
      .getResult(0);
}

/// A 1-D i32 constant tensor.
static Value i32Vector(OpBuilder &b, Location loc, ArrayRef<int32_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    b.getI32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, values));
}

/// Reshapes a static tensor (row-major, like nn.reshape) by collapsing it to
/// 1-D and expanding it to `shape`.
static Value reshapeTo(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  if (type.getRank() != 1) {
    ReassociationIndices all;
    for (int64_t d = 0; d < type.getRank(); ++d)
      all.push_back(d);
    value = tensor::CollapseShapeOp::create(
        b, loc, value, ArrayRef<ReassociationIndices>{all});
  }
  if (shape.size() == 1)
    return value;
  ReassociationIndices all;
  for (size_t d = 0; d < shape.size(); ++d)
    all.push_back(d);
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      ArrayRef<ReassociationIndices>{all});
}

/// Pads a tensor with a constant: `low`/`high` per dimension.
static Value padTensor(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                       Value padValue) {
  if (llvm::all_of(low, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(high, [](int64_t v) { return v == 0; }))
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<OpFoldResult> lowOfr, highOfr;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    shape.push_back(type.getDimSize(d) + low[d] + high[d]);
    lowOfr.push_back(b.getIndexAttr(low[d]));
    highOfr.push_back(b.getIndexAttr(high[d]));
  }
  return tensor::PadOp::create(b, loc, type.clone(shape), value, lowOfr,
                               highOfr, padValue);
}

static Value extend(OpBuilder &b, Location loc, Value v) {
  return arith::ExtSIOp::create(b, loc, b.getI32Type(), v);
}

static Value constIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// Float clamp to an activation range (skipping infinite bounds).
static Value clampF32(OpBuilder &b, Location loc, Value x,
                      const ActivationRange &r) {
  if (!std::isinf(r.fmin))
    x = arith::MaximumFOp::create(b, loc, x, constF32(b, loc, r.fmin));
  if (!std::isinf(r.fmax))
    x = arith::MinimumFOp::create(b, loc, x, constF32(b, loc, r.fmax));
  return x;
}

/// The pass's `requantization` option, which the type converter carries.
static RequantizationMode
getRequantizationMode(const ConversionPattern &pattern);
/// The pass's `hybrid` option, likewise.
static HybridMode getHybridMode(const ConversionPattern &pattern);

/// The pass's `arm-dsp` option, which the type converter carries.
static bool useArmDsp(const ConversionPattern &pattern);

/// Requantization of an i32 accumulator to the output's storage type:
/// clamp(rescale(acc) + zp, range), rescaled as `mode` says (emitRequantize).
static Value requantize(OpBuilder &b, Location loc, RequantizationMode mode,
                        Value acc, Value multiplier, Value shift, Value scale,
                        int32_t outputZp, const ActivationRange &range,
                        Type storage) {
  Value scaled = emitRequantize(b, loc, mode, acc, multiplier, shift, scale,
                                outputZp, range.qmin, range.qmax);
  return arith::TruncIOp::create(b, loc, storage, scaled);
}

/// TFLite's reference requantization (double rounding), for the elementwise
/// ops every requantization mode computes as TFLite's reference kernels do.
static Value requantize(OpBuilder &b, Location loc, Value acc, Value multiplier,
                        Value shift, int32_t outputZp,
                        const ActivationRange &range, Type storage) {
  return requantize(b, loc, RequantizationMode::DoubleRounding, acc, multiplier,
                    shift, Value(), outputZp, range, storage);
}

/// A layer's output computed element by element: a linalg.generic whose only
/// operand is `init` (every loop parallel) and whose body yields
/// `fn(indices)`. The body reads its inputs with tensor.extract and keeps a
/// reduction in scf.for iter_args, i.e. in a register: no accumulator tensor
/// and no padded copy of the input exist, so bufferization allocates the
/// output alone, as the tensor-level memory plan assumes.
static Value
buildPerElement(OpBuilder &b, Location loc, Value init,
                function_ref<Value(OpBuilder &, Location, ValueRange)> fn) {
  unsigned rank = cast<RankedTensorType>(init.getType()).getRank();
  return buildGeneric(b, loc, {}, init, {identityMap(rank, b.getContext())},
                      rank, [&](OpBuilder &nb, Location nl, ValueRange) {
                        SmallVector<Value> indices;
                        for (unsigned d = 0; d < rank; ++d)
                          indices.push_back(linalg::IndexOp::create(nb, nl, d));
                        linalg::YieldOp::create(nb, nl, fn(nb, nl, indices));
                      });
}

/// Which operand of an in-place op (nn's MayWriteInPlace) the op overwrites.
using InPlaceOperands = DenseMap<Operation *, unsigned>;

/// The input `op` overwrites, if the memory plan lets it and the storage
/// types match: the index into `inputs`.
static std::optional<unsigned> getOverwritten(const InPlaceOperands &inPlace,
                                              Operation *op, ValueRange inputs,
                                              RankedTensorType resultType) {
  auto it = inPlace.find(op);
  if (it == inPlace.end())
    return std::nullopt;
  auto type = cast<RankedTensorType>(inputs[it->second].getType());
  if (type.getElementType() != resultType.getElementType() ||
      type.getNumElements() != resultType.getNumElements())
    return std::nullopt;
  return it->second;
}

/// An elementwise linalg.generic writing `resultType`. With `overwritten`,
/// that input (reshaped to the result's shape if needed) is the generic's
/// `outs` instead of a fresh tensor.empty, so one-shot bufferization writes
/// the result over it, as the tensor-level plan does; the body still sees
/// its arguments in the order of `inputs`, then the output.
static Value buildElementwise(OpBuilder &b, Location loc, ValueRange inputs,
                              ArrayRef<AffineMap> inputMaps,
                              RankedTensorType resultType,
                              std::optional<unsigned> overwritten,
                              BodyFn body) {
  unsigned rank = resultType.getRank();
  AffineMap id = identityMap(rank, b.getContext());
  if (!overwritten) {
    SmallVector<AffineMap> maps(inputMaps);
    maps.push_back(id);
    Value init =
        emptyTensor(b, loc, resultType.getShape(), resultType.getElementType());
    return buildGeneric(b, loc, inputs, init, maps, rank, body);
  }
  Value dest = inputs[*overwritten];
  SmallVector<Value> ins;
  SmallVector<AffineMap> maps;
  for (auto [input, map] : llvm::zip(inputs, inputMaps))
    if (input != dest) {
      ins.push_back(input);
      maps.push_back(map);
    }
  maps.push_back(id);
  SmallVector<Value> all(inputs);
  return buildGeneric(
      b, loc, ins, reshapeTo(b, loc, dest, resultType.getShape()), maps, rank,
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        SmallVector<Value> ordered;
        unsigned next = 0;
        for (Value input : all)
          ordered.push_back(input == dest ? args.back() : args[next++]);
        ordered.push_back(args.back());
        body(nb, nl, ordered);
      });
}

/// A reduction kept in registers: scf.for loops over [lbs, ubs) with `init`
/// as the iter_arg; `step(b, loc, ivs, acc)` returns the next value.
static Value buildReduction(
    OpBuilder &b, Location loc, ArrayRef<Value> lbs, ArrayRef<Value> ubs,
    Value init,
    function_ref<Value(OpBuilder &, Location, ValueRange, Value)> step) {
  SmallVector<Value> steps(lbs.size(), constIndex(b, loc, 1));
  scf::LoopNest nest =
      scf::buildLoopNest(b, loc, lbs, ubs, steps, ValueRange{init},
                         [&](OpBuilder &nb, Location nl, ValueRange ivs,
                             ValueRange acc) -> scf::ValueVector {
                           return {step(nb, nl, ivs, acc[0])};
                         });
  return nest.results[0];
}

/// The taps [lo, hi) of a window along one spatial dimension whose input
/// coordinate `origin + k * dilation` (origin = out * stride - pad) lies in
/// [0, size): padded taps are skipped rather than read from a padded copy
/// (they add nothing: the zero point cancels, max ignores the lowest value).
/// Constant when no window of this dimension reaches the padding.
namespace {
struct WindowRange {
  Value origin, lo, hi;
};
} // namespace

/// Whether every window of a dimension lies inside the input (no padded
/// taps): then the taps are the constant range [0, kernel).
static bool windowFits(int64_t stride, int64_t pad, int64_t kernel,
                       int64_t dilation, int64_t size, int64_t outSize) {
  return pad == 0 && (outSize - 1) * stride + (kernel - 1) * dilation < size;
}

static WindowRange getWindowRange(OpBuilder &b, Location l, Value out,
                                  int64_t stride, int64_t pad, int64_t kernel,
                                  int64_t dilation, int64_t size,
                                  int64_t outSize, bool inside = false) {
  WindowRange r;
  r.origin = arith::SubIOp::create(
      b, l, arith::MulIOp::create(b, l, out, constIndex(b, l, stride)),
      constIndex(b, l, pad));
  if (inside || windowFits(stride, pad, kernel, dilation, size, outSize)) {
    r.lo = constIndex(b, l, 0);
    r.hi = constIndex(b, l, kernel);
    return r;
  }
  Value zero = constIndex(b, l, 0);
  auto ceilDiv = [&](Value nonNegative) -> Value {
    if (dilation == 1)
      return nonNegative;
    return arith::DivUIOp::create(
        b, l,
        arith::AddIOp::create(b, l, nonNegative,
                              constIndex(b, l, dilation - 1)),
        constIndex(b, l, dilation));
  };
  r.lo = ceilDiv(arith::MaxSIOp::create(
      b, l, arith::SubIOp::create(b, l, zero, r.origin), zero));
  r.hi = arith::MinSIOp::create(
      b, l,
      ceilDiv(arith::MaxSIOp::create(
          b, l, arith::SubIOp::create(b, l, constIndex(b, l, size), r.origin),
          zero)),
      constIndex(b, l, kernel));
  return r;
}

/// The outputs [lo, hi) of a dimension whose windows lie inside the input.
static std::pair<int64_t, int64_t>
getInteriorRange(int64_t stride, int64_t pad, int64_t kernel, int64_t dilation,
                 int64_t size, int64_t outSize) {
  int64_t lo = (pad + stride - 1) / stride;
  int64_t last = size - 1 - (kernel - 1) * dilation + pad;
  int64_t hi = last < 0 ? 0 : std::min(last / stride + 1, outSize);
  return {std::min(lo, hi), hi};
}

/// `base + iv * scale` on indices.
static Value affineIndex(OpBuilder &b, Location l, Value base, Value iv,
                         int64_t scale) {
  Value scaled = scale == 1
                     ? iv
                     : arith::MulIOp::create(b, l, iv, constIndex(b, l, scale))
                           .getResult();
  return arith::AddIOp::create(b, l, base, scaled);
}

/// Multiply-accumulate shared by conv, depthwise and fully connected:
/// float `acc + x * w`, or int8 `acc + (x - xZp) * w` in i32.
static Value emitMac(OpBuilder &b, Location l, Value acc, Value x, Value w,
                     bool quantized, int32_t inputZp) {
  if (!quantized)
    return arith::AddFOp::create(b, l, acc, arith::MulFOp::create(b, l, x, w));
  Value xv = extend(b, l, x);
  if (inputZp)
    xv = arith::SubIOp::create(b, l, xv, constI32(b, l, inputZp));
  return arith::AddIOp::create(
      b, l, acc, arith::MulIOp::create(b, l, xv, extend(b, l, w)));
}

/// A 1-D per-channel i32 operand read inside a body: a scalar constant when
/// every channel has the same value, else an element of a constant vector.
namespace {
struct ChannelValues {
  Value vector;
  int32_t uniform = 0;
  static ChannelValues get(OpBuilder &b, Location loc,
                           ArrayRef<int32_t> values) {
    ChannelValues c;
    if (llvm::all_equal(values))
      c.uniform = values.empty() ? 0 : values.front();
    else
      c.vector = i32Vector(b, loc, values);
    return c;
  }
  Value read(OpBuilder &b, Location l, Value channel) const {
    if (!vector)
      return constI32(b, l, uniform);
    return tensor::ExtractOp::create(b, l, vector, ValueRange{channel});
  }
};

/// The epilogue of a layer, applied to each accumulator in its register: adds
/// the bias of channel c, then either clamps (float) or requantizes with the
/// channel's fixed-point multiplier (int8) to the output's storage type.
struct Epilogue {
  Value bias;
  bool quantized = false;
  RequantizationMode mode = RequantizationMode::DoubleRounding;
  /// Fixed-point multipliers and the single-rounding mode's shifts; for the
  /// fp32 mode the f32 scales, as their bit patterns.
  ChannelValues multipliers, shifts, scaleBits;
  /// The double-rounding mode's shifts split at compile time into
  /// max(shift, 0) and max(-shift, 0); nothing when every channel's is 0,
  /// so the shift costs nothing there (most layers only shift right).
  std::optional<ChannelValues> leftShifts, rightShifts;
  /// Whether some multiplier is INT32_MIN, the one value for which the
  /// doubling high multiply can overflow (quantizeMultiplier never makes it).
  bool multiplierMayBeIntMin = true;
  /// -zp_in * sum(w) per channel when the input zero point is folded out of
  /// the multiply-accumulate (see foldInputZeroPoint).
  std::optional<ChannelValues> zeroPointTerm;
  /// The constant bias plus zeroPointTerm, one i32 per channel, so the
  /// epilogue loads and adds one value instead of two.
  std::optional<ChannelValues> biasPlusZeroPointTerm;
  int32_t outputZp = 0;
  ActivationRange range;
  Type storage;

  static Epilogue get(OpBuilder &b, Location loc, Value bias, Type storage,
                      const QuantParams &out, ArrayRef<RequantScale> scales,
                      const ActivationRange &range, int64_t channels,
                      RequantizationMode mode) {
    Epilogue e;
    e.bias = bias;
    e.mode = mode;
    e.quantized = out.isQuantized();
    e.range = range;
    e.storage = storage;
    if (!e.quantized)
      return e;
    SmallVector<int32_t> multipliers, shifts, scaleBits, lefts, rights;
    for (int64_t c = 0; c < channels; ++c) {
      const RequantScale &scale = scales.size() == 1 ? scales[0] : scales[c];
      if (mode == RequantizationMode::Fp32) {
        scaleBits.push_back(llvm::bit_cast<int32_t>(scale.fp32));
        continue;
      }
      QuantizedMultiplier qm = quantizeMultiplier(scale.real);
      multipliers.push_back(qm.multiplier);
      shifts.push_back(qm.shift);
      lefts.push_back(std::max(qm.shift, 0));
      rights.push_back(std::max(-qm.shift, 0));
    }
    e.multipliers = ChannelValues::get(b, loc, multipliers);
    if (mode == RequantizationMode::SingleRounding)
      e.shifts = ChannelValues::get(b, loc, shifts);
    e.scaleBits = ChannelValues::get(b, loc, scaleBits);
    e.multiplierMayBeIntMin =
        llvm::is_contained(multipliers, std::numeric_limits<int32_t>::min());
    auto isZero = [](int32_t v) { return v == 0; };
    if (mode == RequantizationMode::DoubleRounding) {
      if (!llvm::all_of(lefts, isZero))
        e.leftShifts = ChannelValues::get(b, loc, lefts);
      if (!llvm::all_of(rights, isZero))
        e.rightShifts = ChannelValues::get(b, loc, rights);
    }
    e.outputZp = out.zeroPoint();
    return e;
  }

  Value emit(OpBuilder &b, Location l, Value acc, Value channel) const {
    Value v = acc;
    if (biasPlusZeroPointTerm)
      v = arith::AddIOp::create(b, l, v,
                                biasPlusZeroPointTerm->read(b, l, channel));
    else if (zeroPointTerm)
      v = arith::AddIOp::create(b, l, v, zeroPointTerm->read(b, l, channel));
    if (bias && !biasPlusZeroPointTerm) {
      Value bv = tensor::ExtractOp::create(b, l, bias, ValueRange{channel});
      v = quantized ? arith::AddIOp::create(b, l, v, bv).getResult()
                    : arith::AddFOp::create(b, l, v, bv).getResult();
    }
    if (!quantized)
      return clampF32(b, l, v, range);
    if (mode == RequantizationMode::Fp32)
      return requantize(b, l, mode, v, Value(), Value(),
                        arith::BitcastOp::create(b, l, b.getF32Type(),
                                                 scaleBits.read(b, l, channel)),
                        outputZp, range, storage);
    if (mode == RequantizationMode::DoubleRounding) {
      Value multiplier = multipliers.read(b, l, channel);
      Value left = leftShifts ? leftShifts->read(b, l, channel) : Value();
      Value right = rightShifts ? rightShifts->read(b, l, channel) : Value();
      Value scaled = emitMultiplyByQuantizedMultiplier(
          b, l, v, multiplier, left, right, multiplierMayBeIntMin);
      scaled = arith::AddIOp::create(b, l, scaled, constI32(b, l, outputZp));
      return arith::TruncIOp::create(
          b, l, storage, emitClampI32(b, l, scaled, range.qmin, range.qmax));
    }
    return requantize(b, l, mode, v, multipliers.read(b, l, channel),
                      shifts.read(b, l, channel), Value(), outputZp, range,
                      storage);
  }
};

/// The values of a constant int8 or i32 tensor (dense or dense_resource, an
/// nn or arith constant), or nothing when they cannot be read at compile time.
static std::optional<SmallVector<int32_t>>
getConstantIntValues(Value value, unsigned width) {
  while (auto cast = value.getDefiningOp<UnrealizedConversionCastOp>())
    value = cast.getInputs().front();
  Attribute attr;
  if (auto constant = value.getDefiningOp<ConstantOp>())
    attr = constant.getValue();
  else if (auto constant = value.getDefiningOp<arith::ConstantOp>())
    attr = constant.getValue();
  else
    return std::nullopt;
  SmallVector<int32_t> values;
  if (auto dense = dyn_cast<DenseIntElementsAttr>(attr)) {
    if (dense.getElementType().getIntOrFloatBitWidth() != width)
      return std::nullopt;
    for (const APInt &v : dense.getValues<APInt>())
      values.push_back(static_cast<int32_t>(v.getSExtValue()));
    return values;
  }
  if (width == 8)
    if (auto blob = dyn_cast<DenseI8ResourceElementsAttr>(attr))
      if (std::optional<ArrayRef<int8_t>> data = blob.tryGetAsArrayRef()) {
        values.assign(data->begin(), data->end());
        return values;
      }
  if (width == 32)
    if (auto blob = dyn_cast<DenseI32ResourceElementsAttr>(attr))
      if (std::optional<ArrayRef<int32_t>> data = blob.tryGetAsArrayRef()) {
        values.assign(data->begin(), data->end());
        return values;
      }
  return std::nullopt;
}

/// Folds the input zero point out of an int8 layer's inner loop: when every
/// output element reads all taps of its window (no padding reached),
/// sum((x - zp) * w) = sum(x * w) - zp * sum(w), and the second term is a
/// per-channel constant computed here from the weights, added in the
/// epilogue (CMSIS-NN does the same). Exact: i32 addition wraps the same in
/// any order. `weightsOf(c)` lists the flat weight indices of channel c.
/// Returns false (nothing folded) when the weights cannot be read.
static bool foldInputZeroPoint(
    OpBuilder &b, Location loc, Value weights, int32_t inputZp,
    int64_t channels,
    function_ref<void(int64_t, function_ref<void(int64_t)>)> weightsOf,
    Epilogue &epilogue) {
  std::optional<SmallVector<int32_t>> values = getConstantIntValues(weights, 8);
  if (!values)
    return false;
  SmallVector<int32_t> terms;
  for (int64_t c = 0; c < channels; ++c) {
    int64_t sum = 0;
    bool inRange = true;
    weightsOf(c, [&](int64_t i) {
      if (i < 0 || i >= static_cast<int64_t>(values->size()))
        inRange = false;
      else
        sum += (*values)[i];
    });
    if (!inRange)
      return false;
    terms.push_back(static_cast<int32_t>(
        static_cast<uint32_t>(-static_cast<int64_t>(inputZp) * sum)));
  }
  epilogue.zeroPointTerm = ChannelValues::get(b, loc, terms);
  if (!epilogue.quantized || !epilogue.bias)
    return true;
  std::optional<SmallVector<int32_t>> bias =
      getConstantIntValues(epilogue.bias, 32);
  if (!bias || bias->size() != terms.size())
    return true;
  SmallVector<int32_t> sums;
  for (auto [t, c] : llvm::zip_equal(terms, *bias)) // wraps like the i32 add
    sums.push_back(static_cast<int32_t>(static_cast<uint32_t>(t) +
                                        static_cast<uint32_t>(c)));
  epilogue.biasPlusZeroPointTerm = ChannelValues::get(b, loc, sums);
  return true;
}

/// Reads one weight inside a body. For a hybrid layer (float activations,
/// int8 weights) the weight is dequantized in its register as
/// `(w - zp[c]) * scale[c]` along the quantized axis (the formula of
/// dequantizeWeights), so no float copy of the weights takes RAM.
struct WeightReader {
  Value weights;
  bool dequantize = false;
  int64_t axis = -1; // -1: per tensor
  Value scales, zeroPoints;
  float scale = 0;
  int32_t zeroPoint = 0;

  static WeightReader get(OpBuilder &b, Location loc, Value weights,
                          const QuantParams &q, bool dequantize) {
    WeightReader r;
    r.weights = weights;
    r.dequantize = dequantize;
    if (!dequantize)
      return r;
    if (q.scales.size() == 1) {
      r.scale = static_cast<float>(q.scale());
      r.zeroPoint = q.zeroPoint();
      return r;
    }
    r.axis = q.axis < 0 ? 0 : q.axis;
    SmallVector<float> scales;
    SmallVector<int32_t> zps;
    for (size_t c = 0; c < q.scales.size(); ++c) {
      scales.push_back(static_cast<float>(q.scale(c)));
      zps.push_back(q.zeroPoint(c));
    }
    r.scales = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(
            RankedTensorType::get({static_cast<int64_t>(scales.size())},
                                  b.getF32Type()),
            ArrayRef<float>(scales)));
    r.zeroPoints = i32Vector(b, loc, zps);
    return r;
  }

  Value read(OpBuilder &b, Location l, ValueRange indices) const {
    Value w = tensor::ExtractOp::create(b, l, weights, indices);
    if (!dequantize)
      return w;
    Value zp, s;
    if (axis < 0) {
      zp = constI32(b, l, zeroPoint);
      s = constF32(b, l, scale);
    } else {
      zp = tensor::ExtractOp::create(b, l, zeroPoints,
                                     ValueRange{indices[axis]});
      s = tensor::ExtractOp::create(b, l, scales, ValueRange{indices[axis]});
    }
    Value v = arith::SubIOp::create(b, l, extend(b, l, w), zp);
    Value f = arith::SIToFPOp::create(b, l, b.getF32Type(), v);
    return arith::MulFOp::create(b, l, f, s);
  }
};
} // namespace

/// Dequantizes constant weights for a hybrid layer (float activations, int8
/// weights): `(w - zp[c]) * scale[c]` along the quantized axis.
static Value dequantizeWeights(OpBuilder &b, Location loc, Value weights,
                               const QuantParams &q) {
  auto type = cast<RankedTensorType>(weights.getType());
  MLIRContext *ctx = b.getContext();
  unsigned rank = type.getRank();
  int64_t axis = q.axis < 0 ? 0 : q.axis;
  int64_t channels = q.scales.size() == 1 ? 1 : type.getDimSize(axis);
  SmallVector<float> scales;
  SmallVector<int32_t> zps;
  for (int64_t c = 0; c < channels; ++c) {
    scales.push_back(static_cast<float>(q.scale(c)));
    zps.push_back(q.zeroPoint(c));
  }
  Value scaleVec = arith::ConstantOp::create(
      b, loc,
      DenseElementsAttr::get(RankedTensorType::get({channels}, b.getF32Type()),
                             ArrayRef<float>(scales)));
  Value zpVec = i32Vector(b, loc, zps);
  AffineMap id = identityMap(rank, ctx);
  AffineExpr c = channels == 1 ? getAffineConstantExpr(0, ctx)
                               : getAffineDimExpr(axis, ctx);
  AffineMap channel = AffineMap::get(rank, 0, c, ctx);
  Value init = emptyTensor(b, loc, type.getShape(), b.getF32Type());
  return buildGeneric(
      b, loc, {weights, scaleVec, zpVec}, init, {id, channel, channel, id},
      rank, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value v =
            arith::SubIOp::create(nb, nloc, extend(nb, nloc, args[0]), args[2]);
        Value f = arith::SIToFPOp::create(nb, nloc, nb.getF32Type(), v);
        linalg::YieldOp::create(
            nb, nloc, arith::MulFOp::create(nb, nloc, f, args[1]).getResult());
      });
}

/// Whether `op` is a hybrid conv2d that TFLite runs through conv.cc's
/// EvalHybrid (float input and output; int8 weights with one scale and no
/// groups; TFLite ignores the weight zero point there, so we take only 0),
/// which `hybrid=dynamic-range` emulates.
static bool isDynamicRangeConv(Operation *op) {
  auto conv = dyn_cast<Conv2DOp>(op);
  if (!conv)
    return false;
  auto inType = dyn_cast<RankedTensorType>(conv.getInput().getType());
  auto filterType = dyn_cast<RankedTensorType>(conv.getFilter().getType());
  if (!inType || !filterType || !inType.hasStaticShape() ||
      inType.getRank() != 4 || filterType.getRank() != 4 ||
      filterType.getDimSize(3) != inType.getDimSize(3))
    return false;
  QuantParams qIn = getQuantParams(inType), qW = getQuantParams(filterType),
              qOut = getQuantParams(conv.getType());
  return !qIn.isQuantized() && !qOut.isQuantized() && qW.scales.size() == 1 &&
         qW.zeroPoint() == 0 && qW.storageMin < 0;
}

namespace {
/// The run-time quantized input of a hybrid layer in `dynamic-range` mode,
/// as TFLite's hybrid conv (conv.cc EvalHybrid) makes it with
/// tensor_utils::SymmetricQuantizeFloats per batch: range = max |x|,
/// q = clamp(round(x * (127 / range)), -127, 127), and the accumulator of
/// batch n is scaled by (range / 127) * weight scale, all in f32 (a range of
/// 0 gives q = 0 and scale 1).
struct DynamicRangeInput {
  Value quantized; // i8, the input's shape
  Value ranges;    // f32 [batch]: max |x| of each batch
  float weightScale = 0;

  static DynamicRangeInput get(OpBuilder &b, Location loc, Value input,
                               float weightScale) {
    auto type = cast<RankedTensorType>(input.getType());
    MLIRContext *ctx = b.getContext();
    unsigned rank = type.getRank();
    int64_t batch = type.getDimSize(0);
    AffineMap id = identityMap(rank, ctx);
    AffineMap toBatch = AffineMap::get(rank, 0, getAffineDimExpr(0, ctx), ctx);
    DynamicRangeInput r;
    r.weightScale = weightScale;
    r.ranges = buildGeneric(
        b, loc, {input}, filledTensor(b, loc, {batch}, b.getF32FloatAttr(0)),
        {id, toBatch}, 1, [&](OpBuilder &nb, Location nl, ValueRange args) {
          // A compare and select, not arith.maximumf: its NaN and signed
          // zero rules cost a dozen instructions without VMAXNM (FPv4).
          Value a = math::AbsFOp::create(nb, nl, args[0]);
          Value greater = arith::CmpFOp::create(
              nb, nl, arith::CmpFPredicate::OGT, a, args[1]);
          linalg::YieldOp::create(
              nb, nl,
              arith::SelectOp::create(nb, nl, greater, a, args[1]).getResult());
        });
    r.quantized = buildGeneric(
        b, loc, {input, r.ranges},
        emptyTensor(b, loc, type.getShape(), b.getI8Type()), {id, toBatch, id},
        rank, [&](OpBuilder &nb, Location nl, ValueRange args) {
          Value zero = constF32(nb, nl, 0);
          Value isZero = arith::CmpFOp::create(
              nb, nl, arith::CmpFPredicate::OEQ, args[1], zero);
          Value inv = arith::SelectOp::create(
              nb, nl, isZero, zero,
              arith::DivFOp::create(nb, nl, constF32(nb, nl, 127), args[1]));
          // TfLiteRound: halves away from zero.
          Value q = emitRoundToI32(nb, nl,
                                   arith::MulFOp::create(nb, nl, args[0], inv));
          q = arith::MaxSIOp::create(nb, nl, q, constI32(nb, nl, -127));
          q = arith::MinSIOp::create(nb, nl, q, constI32(nb, nl, 127));
          linalg::YieldOp::create(
              nb, nl,
              arith::TruncIOp::create(nb, nl, nb.getI8Type(), q).getResult());
        });
    return r;
  }

  /// float(acc) * ((range[n] / 127) * weight scale), TFLite's order.
  Value rescale(OpBuilder &b, Location l, Value acc, Value n) const {
    Value range = tensor::ExtractOp::create(b, l, ranges, ValueRange{n});
    Value isZero = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, range,
                                         constF32(b, l, 0));
    Value scale = arith::SelectOp::create(
        b, l, isZero, constF32(b, l, 1),
        arith::DivFOp::create(b, l, range, constF32(b, l, 127)));
    scale = arith::MulFOp::create(b, l, scale, constF32(b, l, weightScale));
    return arith::MulFOp::create(
        b, l, arith::SIToFPOp::create(b, l, b.getF32Type(), acc), scale);
  }
};
} // namespace

/// A float depthwise 3x3 output element summed as XNNPACK's f32 dwconv
/// 9p1c "acc2" kernel does (what TFLite's CPU delegate runs for it): taps in
/// column-major order (kx outer, ky inner), two accumulators, acc0 = bias +
/// taps 0, 2, 4, 6, 8 and acc1 = taps 1, 3, 5, 7, then acc0 + acc1. A padded
/// tap adds 0 (XNNPACK reads a zero row), through a select on a clamped read.
static Value emitXnnpackDepthwise3x3(OpBuilder &b, Location l, Value input,
                                     const WeightReader &filter, Value bias,
                                     ValueRange idx, Value inChannel,
                                     ArrayRef<int64_t> strides,
                                     ArrayRef<int64_t> dilations,
                                     ArrayRef<int64_t> pads,
                                     ArrayRef<int64_t> inShape) {
  Value zero = constF32(b, l, 0);
  Value acc[2] = {
      bias ? tensor::ExtractOp::create(b, l, bias, ValueRange{idx[3]})
                 .getResult()
           : zero,
      zero};
  auto coordinate = [&](int d, int64_t k, Value &clamped) -> Value {
    // out * stride - pad_before + k * dilation, and whether it is inside.
    Value pos = arith::AddIOp::create(
        b, l,
        arith::MulIOp::create(b, l, idx[1 + d], constIndex(b, l, strides[d])),
        constIndex(b, l, k * dilations[d] - pads[2 * d]));
    clamped = arith::MaxSIOp::create(
        b, l, constIndex(b, l, 0),
        arith::MinSIOp::create(b, l, pos,
                               constIndex(b, l, inShape[1 + d] - 1)));
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, pos, clamped);
  };
  int tap = 0;
  for (int64_t kx = 0; kx < 3; ++kx)
    for (int64_t ky = 0; ky < 3; ++ky, ++tap) {
      Value iy, ix;
      Value inside = arith::AndIOp::create(b, l, coordinate(0, ky, iy),
                                           coordinate(1, kx, ix));
      Value x = tensor::ExtractOp::create(
          b, l, input, ValueRange{idx[0], iy, ix, inChannel});
      Value w = filter.read(b, l,
                            {constIndex(b, l, 0), constIndex(b, l, ky),
                             constIndex(b, l, kx), idx[3]});
      Value product = arith::SelectOp::create(
          b, l, inside, arith::MulFOp::create(b, l, x, w), zero);
      acc[tap % 2] = arith::AddFOp::create(b, l, acc[tap % 2], product);
    }
  return arith::AddFOp::create(b, l, acc[0], acc[1]);
}

/// TFLite's padding of a 2-D window op: [top, bottom, left, right], the
/// bottom/right amounts trimmed to what the output actually reads.
static SmallVector<int64_t, 4>
computePadding(Padding padding, std::optional<ArrayRef<int64_t>> explicitPads,
               ArrayRef<int64_t> inHW, ArrayRef<int64_t> outHW,
               ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
               ArrayRef<int64_t> dilations) {
  SmallVector<int64_t, 4> pads(4, 0);
  for (int d = 0; d < 2; ++d) {
    int64_t dilation = dilations.empty() ? 1 : dilations[d];
    int64_t effective = (kernel[d] - 1) * dilation + 1;
    int64_t before = 0;
    if (padding == Padding::Same) {
      int64_t total = std::max<int64_t>(
          (outHW[d] - 1) * strides[d] + effective - inHW[d], 0);
      before = total / 2;
    } else if (padding == Padding::Explicit) {
      before = (*explicitPads)[2 * d];
    }
    int64_t needed = (outHW[d] - 1) * strides[d] + effective;
    pads[2 * d] = before;
    pads[2 * d + 1] = std::max<int64_t>(needed - inHW[d] - before, 0);
  }
  return pads;
}

static LogicalResult requireStatic(Operation *op) {
  for (Type t : llvm::concat<Type>(op->getOperandTypes(), op->getResultTypes()))
    if (auto shaped = dyn_cast<ShapedType>(t);
        shaped && !shaped.hasStaticShape())
      return op->emitOpError("lowering needs static shapes, got ") << t;
  return success();
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValue());
    Type converted = getTypeConverter()->convertType(op.getType());
    if (!value || value.getType() != converted)
      return op.emitOpError("value of type ")
             << (value ? value.getType() : Type())
             << " does not match the storage type " << converted;
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, value);
    return success();
  }
};

struct ReshapeLowering : OpConversionPattern<ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    rewriter.replaceOp(op, reshapeTo(rewriter, op.getLoc(), adaptor.getInput(),
                                     op.getType().getShape()));
    return success();
  }
};

/// conv2d and depthwise_conv2d: per output element, the window's
/// multiply-accumulate in a register (padded taps skipped), then the
/// epilogue before the store.
template <typename OpTy> struct WindowConvLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;
  static constexpr bool isDepthwise = std::is_same_v<OpTy, DepthwiseConv2DOp>;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto filterType = cast<RankedTensorType>(op.getFilter().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType), qW = getQuantParams(filterType),
                qOut = getQuantParams(outType);
    bool quantized = qIn.isQuantized();
    FailureOr<ActivationRange> range =
        getActivationRange(op, op.getFusedActivation(), qOut);
    if (failed(range))
      return failure();
    if (quantized && llvm::any_of(qW.zeroPoints, [](int64_t z) { return z; }))
      return op.emitOpError("int8 lowering expects weight zero points of 0 "
                            "(TFLite's int8 scheme)");

    Value input = adaptor.getInput();
    ArrayRef<int64_t> inShape = inType.getShape();
    ArrayRef<int64_t> fShape = filterType.getShape();
    bool hybrid = !quantized && qW.isQuantized();
    std::optional<DynamicRangeInput> dynamicRange;
    if (isDynamicRangeConv(op) &&
        getHybridMode(*this) == HybridMode::DynamicRange) {
      dynamicRange = DynamicRangeInput::get(rewriter, loc, input,
                                            static_cast<float>(qW.scale()));
      input = dynamicRange->quantized;
    }
    // int32 multiply-accumulate: int8 layers and dynamic-range hybrid ones.
    bool intMac = quantized || dynamicRange;
    WeightReader filter = WeightReader::get(rewriter, loc, adaptor.getFilter(),
                                            qW, hybrid && !dynamicRange);
    ArrayRef<int64_t> outShape = outType.getShape();
    SmallVector<int64_t> kernel{fShape[1], fShape[2]};
    ArrayRef<int64_t> strides = op.getStrides();
    ArrayRef<int64_t> dilations = op.getDilations();
    SmallVector<int64_t, 4> pads = computePadding(
        op.getPadding(), op.getExplicitPadding(), inShape.slice(1, 2),
        outShape.slice(1, 2), kernel, strides, dilations);

    SmallVector<RequantScale> realScales;
    if (quantized)
      for (int64_t c = 0; c < outShape[3]; ++c)
        realScales.push_back(
            RequantScale::get(qIn.scale(), qW.scale(c), qOut.scale()));
    Type storage =
        this->getTypeConverter()->convertType(outType.getElementType());
    // Float depthwise 3x3: XNNPACK's summation order, the bias first.
    bool xnnpackOrder = isDepthwise && !quantized && !hybrid &&
                        kernel[0] == 3 && kernel[1] == 3;
    Epilogue epilogue = Epilogue::get(
        rewriter, loc, xnnpackOrder ? Value() : adaptor.getBias(), storage,
        qOut, realScales, *range, outShape[3], getRequantizationMode(*this));
    TypedAttr zeroAcc = intMac ? TypedAttr(rewriter.getI32IntegerAttr(0))
                               : TypedAttr(rewriter.getF32FloatAttr(0));
    int32_t inZp = quantized ? qIn.zeroPoint() : 0;
    // Grouped conv: output channel o belongs to group o / (O / groups) and
    // reads that group's filter-channels input channels. Depthwise: output
    // channel o reads input channel o / depth_multiplier.
    int64_t groupChannels = fShape[3];
    int64_t groups = isDepthwise ? 1 : inShape[3] / groupChannels;
    int64_t outPerGroup = fShape[0] / std::max<int64_t>(groups, 1);
    int64_t multiplier = 1;
    if constexpr (isDepthwise)
      multiplier = op.getDepthMultiplier();
    // Outputs whose windows lie inside the input (all of them when no
    // window reaches the padding) read every tap: constant loop bounds, and
    // the input zero point leaves the inner loop. The others ("border") run
    // over their valid taps with (x - zp) * w and subtract the folded term
    // again, so the epilogue can add it to every output.
    bool fitsY = windowFits(strides[0], pads[0], kernel[0], dilations[0],
                            inShape[1], outShape[1]);
    bool fitsX = windowFits(strides[1], pads[2], kernel[1], dilations[1],
                            inShape[2], outShape[2]);
    std::pair<int64_t, int64_t> yInterior = getInteriorRange(
        strides[0], pads[0], kernel[0], dilations[0], inShape[1], outShape[1]);
    std::pair<int64_t, int64_t> xInterior = getInteriorRange(
        strides[1], pads[2], kernel[1], dilations[1], inShape[2], outShape[2]);
    bool split = !(fitsY && fitsX) && yInterior.first < yInterior.second &&
                 xInterior.first < xInterior.second;
    // Depthwise int8 on DSP targets, depth multiplier 1: four channels per
    // tap with SXTB16 + SMLABB/SMLATT (the channels are contiguous in input
    // and filter), interior and border alike. SXTAB16 subtracts the input
    // zero point at no cost, so it is not folded and border outputs need no
    // correction; channels past the last multiple of four stay scalar.
    bool depthwiseDsp = isDepthwise && quantized && !dynamicRange &&
                        multiplier == 1 && outShape[3] >= 4 && useArmDsp(*this);
    // A depthwise conv of a single input channel (person detection's and
    // micro_speech's first layers) is a conv of one group: on DSP targets it
    // takes the conv kernels with its filter transposed at compile time to
    // [O, KH, KW, 1].
    Value convFilter = adaptor.getFilter();
    int64_t convChannels = groupChannels;
    SmallVector<int8_t> convValues; // [O, KH, KW, I] when known
    bool depthwiseAsConv = false;
    if (isDepthwise && quantized && !dynamicRange && inShape[3] == 1 &&
        outShape[3] >= 4 && useArmDsp(*this))
      if (std::optional<SmallVector<int32_t>> values =
              getConstantIntValues(op.getFilter(), 8)) {
        int64_t taps = kernel[0] * kernel[1], channels = outShape[3];
        SmallVector<int8_t> transposed(channels * taps);
        for (int64_t o = 0; o < channels; ++o)
          for (int64_t t = 0; t < taps; ++t)
            transposed[o * taps + t] =
                static_cast<int8_t>((*values)[t * channels + o]);
        convFilter = arith::ConstantOp::create(
            rewriter, loc,
            DenseElementsAttr::get(
                RankedTensorType::get({channels, kernel[0], kernel[1], 1},
                                      rewriter.getI8Type()),
                ArrayRef<int8_t>(transposed)));
        convChannels = 1;
        depthwiseAsConv = true;
        convValues.assign(transposed.begin(), transposed.end());
      }
    // On DSP targets, int8 runs multiply with SMLAD: a whole kernel row
    // (kx, ic), contiguous in input and filter when the x dilation is 1 and
    // there is one group, else the channels of one tap. Views with (x, c)
    // collapsed let one read cross the pixels of a row.
    bool rowRun = groups == 1 && dilations[1] == 1;
    int64_t run = rowRun ? kernel[1] * convChannels : convChannels;
    bool armDsp = !isDepthwise && quantized && run >= 4 && useArmDsp(*this);
    // A 1x1 convolution over every pixel (stride 1, no padding) is a matrix
    // product of the pixels' channels by the filter, in register blocks.
    bool matmul = armDsp && fitsY && fitsX && kernel[0] == 1 &&
                  kernel[1] == 1 && strides[0] == 1 && strides[1] == 1 &&
                  groups == 1 && outShape[1] == inShape[1] &&
                  outShape[2] == inShape[2];
    // Other single-group int8 convs on DSP targets: blocks of four output
    // channels sharing each loaded (and split) input word or value, interior
    // and border alike, the zero point subtracted by SXTAB16 (not folded);
    // the border's partial kernel rows are scalar.
    bool convDsp = (depthwiseAsConv ||
                    (!isDepthwise && quantized && !dynamicRange &&
                     groups == 1 && outShape[3] >= 4 && useArmDsp(*this))) &&
                   !matmul;
    depthwiseDsp = depthwiseDsp && !depthwiseAsConv;
    if (convDsp && !depthwiseAsConv)
      if (std::optional<SmallVector<int32_t>> values =
              getConstantIntValues(op.getFilter(), 8))
        for (int32_t v : *values)
          convValues.push_back(static_cast<int8_t>(v));
    int32_t borderZp = inZp;
    if (inZp && !depthwiseDsp && !convDsp && (split || (fitsY && fitsX)) &&
        foldInputZeroPoint(
            rewriter, loc, op.getFilter(), inZp, outShape[3],
            [&](int64_t o, function_ref<void(int64_t)> each) {
              if (isDepthwise) { // filter [1, KH, KW, O]
                for (int64_t t = 0; t < kernel[0] * kernel[1]; ++t)
                  each(t * fShape[3] + o);
                return;
              }
              int64_t block = kernel[0] * kernel[1] * groupChannels;
              for (int64_t i = 0; i < block; ++i) // filter [O, KH, KW, I]
                each(o * block + i);
            },
            epilogue))
      inZp = 0;

    if (matmul && inZp == 0) {
      int64_t pixels = outShape[0] * outShape[1] * outShape[2];
      Value result = buildArmDspMatmul(
          rewriter, loc, reshapeTo(rewriter, loc, input, {pixels, inShape[3]}),
          reshapeTo(rewriter, loc, adaptor.getFilter(), {fShape[0], fShape[3]}),
          emptyTensor(rewriter, loc, {pixels, outShape[3]}, storage),
          [&](OpBuilder &b, Location l, Value acc, Value channel) {
            return epilogue.emit(b, l, acc, channel);
          });
      rewriter.replaceOp(op, reshapeTo(rewriter, loc, result, outShape));
      return success();
    }
    Value dspInput, dspFilter;
    if (armDsp || convDsp) {
      dspInput = reshapeTo(rewriter, loc, input,
                           {inShape[0], inShape[1], inShape[2] * inShape[3]});
      ArrayRef<int64_t> cShape =
          cast<RankedTensorType>(convFilter.getType()).getShape();
      dspFilter = reshapeTo(rewriter, loc, convFilter,
                            {cShape[0], cShape[1], cShape[2] * cShape[3]});
    }

    // Whether `v` lies in [range.first, range.second).
    auto inRange = [](OpBuilder &b, Location l, Value v,
                      std::pair<int64_t, int64_t> range) -> Value {
      return arith::AndIOp::create(
          b, l,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, v,
                                constIndex(b, l, range.first)),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, v,
                                constIndex(b, l, range.second)));
    };
    // Whether output (y, x) reads every tap of its window.
    // The taps of the window of output (y, x) = (idx[1], idx[2]) that read
    // the input, along y and x; constant [0, kernel) along a dimension the
    // window is known to stay inside.
    auto windowRanges = [&](OpBuilder &b, Location l, ValueRange idx,
                            bool insideY, bool insideX) {
      return std::make_pair(
          getWindowRange(b, l, idx[1], strides[0], pads[0], kernel[0],
                         dilations[0], inShape[1], outShape[1], insideY),
          getWindowRange(b, l, idx[2], strides[1], pads[2], kernel[1],
                         dilations[1], inShape[2], outShape[2], insideX));
    };
    auto isInterior = [&](OpBuilder &b, Location l, Value y, Value x) -> Value {
      return arith::AndIOp::create(b, l, inRange(b, l, y, yInterior),
                                   inRange(b, l, x, xInterior));
    };
    Value init = emptyTensor(rewriter, loc, outShape, storage);
    auto element = [&](OpBuilder &b, Location l, ValueRange idx) -> Value {
      Value n = idx[0], o = idx[3];
      Value channelBase = o;
      if (isDepthwise && multiplier != 1) {
        channelBase =
            arith::DivUIOp::create(b, l, o, constIndex(b, l, multiplier));
      } else if (!isDepthwise) {
        channelBase = groups == 1
                          ? constIndex(b, l, 0)
                          : arith::MulIOp::create(
                                b, l,
                                arith::DivUIOp::create(
                                    b, l, o, constIndex(b, l, outPerGroup)),
                                constIndex(b, l, groupChannels))
                                .getResult();
      }
      if (xnnpackOrder)
        return epilogue.emit(b, l,
                             emitXnnpackDepthwise3x3(b, l, input, filter,
                                                     adaptor.getBias(), idx,
                                                     channelBase, strides,
                                                     dilations, pads, inShape),
                             o);
      // The window's multiply-accumulate over the taps of ry x rx.
      auto reduce = [&](OpBuilder &b, Location l, bool inside,
                        int32_t zp) -> Value {
        WindowRange ry, rx;
        std::tie(ry, rx) = windowRanges(b, l, idx, inside, inside);
        if (armDsp && inside && zp == 0) {
          SmallVector<Value> lbs{ry.lo}, ubs{ry.hi};
          if (!rowRun) {
            lbs.push_back(rx.lo);
            ubs.push_back(rx.hi);
          }
          return buildReduction(
              b, l, lbs, ubs, arith::ConstantOp::create(b, l, zeroAcc),
              [&](OpBuilder &rb, Location rl, ValueRange ivs, Value acc) {
                Value iy = affineIndex(rb, rl, ry.origin, ivs[0], dilations[0]);
                Value kx = rowRun ? constIndex(rb, rl, 0) : ivs[1];
                Value ix = affineIndex(rb, rl, rx.origin, kx, dilations[1]);
                Value xColumn = arith::AddIOp::create(
                    rb, rl,
                    arith::MulIOp::create(rb, rl, ix,
                                          constIndex(rb, rl, inShape[3])),
                    channelBase);
                Value wColumn = arith::MulIOp::create(
                    rb, rl, kx, constIndex(rb, rl, groupChannels));
                return buildArmDspDotProduct(rb, rl, acc, dspInput,
                                             {n, iy, xColumn}, dspFilter,
                                             {o, ivs[0], wColumn}, run);
              });
        }
        SmallVector<Value> lbs{ry.lo, rx.lo}, ubs{ry.hi, rx.hi};
        if (!isDepthwise) {
          lbs.push_back(constIndex(b, l, 0));
          ubs.push_back(constIndex(b, l, groupChannels));
        }
        return buildReduction(
            b, l, lbs, ubs, arith::ConstantOp::create(b, l, zeroAcc),
            [&](OpBuilder &rb, Location rl, ValueRange ivs, Value acc) {
              Value iy = affineIndex(rb, rl, ry.origin, ivs[0], dilations[0]);
              Value ix = affineIndex(rb, rl, rx.origin, ivs[1], dilations[1]);
              Value ic =
                  isDepthwise
                      ? channelBase
                      : arith::AddIOp::create(rb, rl, channelBase, ivs[2])
                            .getResult();
              Value x = tensor::ExtractOp::create(rb, rl, input,
                                                  ValueRange{n, iy, ix, ic});
              Value w =
                  isDepthwise
                      ? filter.read(rb, rl,
                                    {constIndex(rb, rl, 0), ivs[0], ivs[1], o})
                      : filter.read(rb, rl, {o, ivs[0], ivs[1], ivs[2]});
              return emitMac(rb, rl, acc, x, w, intMac, zp);
            });
      };
      // A border output: exact sum over its valid taps, minus the
      // folded zero-point term the epilogue adds.
      auto border = [&](OpBuilder &b, Location l) -> Value {
        Value acc = reduce(b, l, /*inside=*/false, borderZp);
        if (epilogue.zeroPointTerm)
          acc = arith::SubIOp::create(b, l, acc,
                                      epilogue.zeroPointTerm->read(b, l, o));
        return acc;
      };
      Value acc;
      if (fitsY && fitsX) {
        acc = reduce(b, l, /*inside=*/true, inZp);
      } else if (!split) {
        acc = border(b, l);
      } else {
        Value inside = isInterior(b, l, idx[1], idx[2]);
        acc = scf::IfOp::create(
                  b, l, inside,
                  [&](OpBuilder &tb, Location tl) {
                    scf::YieldOp::create(tb, tl,
                                         reduce(tb, tl, /*inside=*/true, inZp));
                  },
                  [&](OpBuilder &eb, Location el) {
                    scf::YieldOp::create(eb, el, border(eb, el));
                  })
                  .getResult(0);
      }
      if (dynamicRange)
        acc = dynamicRange->rescale(b, l, acc, n);
      return epilogue.emit(b, l, acc, o);
    };
    if (!depthwiseDsp && !convDsp) {
      rewriter.replaceOp(op, buildPerElement(rewriter, loc, init, element));
      return success();
    }
    // Conv weights widened at compile time for the SMLAD runs: per output
    // channel, kernel row and run (the whole row, or one tap's channels),
    // word k of the run as the halfword pairs (w_4k, w_4k+2) and
    // (w_4k+1, w_4k+3): [O, KH, 1 or KW, 2 * (run / 4)].
    Value wideConv;
    int64_t runs = rowRun ? 1 : kernel[1];
    if (convDsp && run >= 4 &&
        static_cast<int64_t>(convValues.size()) ==
            outShape[3] * kernel[0] * kernel[1] * convChannels) {
      int64_t rowLength = kernel[1] * convChannels, words = run / 4;
      SmallVector<int32_t> wide;
      for (int64_t o = 0; o < outShape[3]; ++o)
        for (int64_t ky = 0; ky < kernel[0]; ++ky)
          for (int64_t r = 0; r < runs; ++r)
            for (int64_t k = 0; k < words; ++k)
              for (int64_t j = 0; j < 2; ++j) {
                int64_t at = (o * kernel[0] + ky) * rowLength +
                             (rowRun ? 0 : r * convChannels) + 4 * k + j;
                wide.push_back(
                    packHalfwords(convValues[at], convValues[at + 2]));
              }
      wideConv = arith::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(
              RankedTensorType::get({outShape[3], kernel[0], runs, 2 * words},
                                    rewriter.getI32Type()),
              ArrayRef<int32_t>(wide)));
    }
    // Conv: the four accumulators of output channels [c, c + 4) at
    // (n, y, x), each input word or value read once for the four.
    auto convTaps = [&](OpBuilder &b, Location l, ValueRange idx, Value c,
                        bool insideY, bool insideX) -> SmallVector<Value> {
      WindowRange ry, rx;
      std::tie(ry, rx) = windowRanges(b, l, idx, insideY, insideX);
      SmallVector<Value> inits(4, arith::ConstantOp::create(b, l, zeroAcc));
      auto channel = [&](OpBuilder &nb, Location nl, int64_t j) -> Value {
        return j ? arith::AddIOp::create(nb, nl, c, constIndex(nb, nl, j))
                       .getResult()
                 : c;
      };
      // SMLAD over whole kernel rows (all their x taps valid) or over the
      // channels of each valid tap.
      auto dspRuns = [&](OpBuilder &db, Location dl) -> SmallVector<Value> {
        SmallVector<Value> lbs{ry.lo}, ubs{ry.hi};
        if (!rowRun) {
          lbs.push_back(rx.lo);
          ubs.push_back(rx.hi);
        }
        SmallVector<Value> steps(lbs.size(), constIndex(db, dl, 1));
        return scf::buildLoopNest(
                   db, dl, lbs, ubs, steps, inits,
                   [&](OpBuilder &nb, Location nl, ValueRange ivs,
                       ValueRange accs) -> scf::ValueVector {
                     Value iy =
                         affineIndex(nb, nl, ry.origin, ivs[0], dilations[0]);
                     Value kx = rowRun ? constIndex(nb, nl, 0) : ivs[1];
                     Value ix =
                         affineIndex(nb, nl, rx.origin, kx, dilations[1]);
                     Value xColumn = arith::MulIOp::create(
                         nb, nl, ix, constIndex(nb, nl, inShape[3]));
                     Value wColumn = arith::MulIOp::create(
                         nb, nl, kx, constIndex(nb, nl, convChannels));
                     SmallVector<SmallVector<Value>> wRows, wideRows;
                     for (int64_t j = 0; j < 4; ++j) {
                       Value o = channel(nb, nl, j);
                       wRows.push_back({o, ivs[0], wColumn});
                       wideRows.push_back({o, ivs[0], kx});
                     }
                     SmallVector<Value> next =
                         wideConv
                             ? buildArmDspWideDotProducts(
                                   nb, nl, accs, dspInput,
                                   {idx[0], iy, xColumn}, inZp, wideConv,
                                   wideRows, dspFilter, wRows, run)
                             : buildArmDspDotProducts(nb, nl, accs, dspInput,
                                                      {idx[0], iy, xColumn},
                                                      inZp, dspFilter, wRows,
                                                      run);
                     return scf::ValueVector(next.begin(), next.end());
                   })
            .results;
      };
      if (insideX || !rowRun)
        return dspRuns(b, l);
      // A border output's partial kernel rows: one product at a time, each
      // input value shared by the four channels.
      auto scalarTaps = [&](OpBuilder &sb, Location sl) -> SmallVector<Value> {
        return scf::buildLoopNest(
                   sb, sl, {ry.lo, rx.lo, constIndex(sb, sl, 0)},
                   {ry.hi, rx.hi, constIndex(sb, sl, convChannels)},
                   {constIndex(sb, sl, 1), constIndex(sb, sl, 1),
                    constIndex(sb, sl, 1)},
                   inits,
                   [&](OpBuilder &nb, Location nl, ValueRange ivs,
                       ValueRange accs) -> scf::ValueVector {
                     Value iy =
                         affineIndex(nb, nl, ry.origin, ivs[0], dilations[0]);
                     Value ix =
                         affineIndex(nb, nl, rx.origin, ivs[1], dilations[1]);
                     Value xv = extend(nb, nl,
                                       tensor::ExtractOp::create(
                                           nb, nl, input,
                                           ValueRange{idx[0], iy, ix, ivs[2]}));
                     if (inZp)
                       xv = arith::SubIOp::create(nb, nl, xv,
                                                  constI32(nb, nl, inZp));
                     scf::ValueVector next;
                     for (int64_t j = 0; j < 4; ++j) {
                       Value w = tensor::ExtractOp::create(
                           nb, nl, convFilter,
                           ValueRange{channel(nb, nl, j), ivs[0], ivs[1],
                                      ivs[2]});
                       next.push_back(arith::AddIOp::create(
                           nb, nl, accs[j],
                           arith::MulIOp::create(nb, nl, xv,
                                                 extend(nb, nl, w))));
                     }
                     return next;
                   })
            .results;
      };
      return scalarTaps(b, l);
    };
    // Depthwise weights widened at compile time to the halfword pairs the
    // multiplies take: per tap and block of four channels, the words
    // (w_0, w_2) and (w_1, w_3), so a tap loads two words instead of
    // loading and splitting one.
    Value wideFilter;
    int64_t wideBlocks = outShape[3] / 4;
    if (depthwiseDsp)
      if (std::optional<SmallVector<int32_t>> values =
              getConstantIntValues(op.getFilter(), 8)) {
        int64_t taps = kernel[0] * kernel[1], channels = outShape[3];
        SmallVector<int32_t> words;
        for (int64_t t = 0; t < taps; ++t)
          for (int64_t blk = 0; blk < wideBlocks; ++blk)
            for (int64_t j = 0; j < 2; ++j) {
              int64_t at = t * channels + blk * 4 + j;
              words.push_back(packHalfwords((*values)[at], (*values)[at + 2]));
            }
        wideFilter = arith::ConstantOp::create(
            rewriter, loc,
            DenseElementsAttr::get(
                RankedTensorType::get({kernel[0], kernel[1], 2 * wideBlocks},
                                      rewriter.getI32Type()),
                ArrayRef<int32_t>(words)));
      }
    // Depthwise: the four accumulators of channels [c, c + 4) at (n, y, x):
    // the valid taps' products, the zero point subtracted in the halfwords.
    auto depthwiseTaps = [&](OpBuilder &b, Location l, ValueRange idx, Value c,
                             bool insideY, bool insideX) -> SmallVector<Value> {
      WindowRange ry, rx;
      std::tie(ry, rx) = windowRanges(b, l, idx, insideY, insideX);
      Value zero = arith::ConstantOp::create(b, l, zeroAcc);
      SmallVector<Value> inits(4, zero);
      return scf::buildLoopNest(
                 b, l, {ry.lo, rx.lo}, {ry.hi, rx.hi},
                 {constIndex(b, l, 1), constIndex(b, l, 1)}, inits,
                 [&](OpBuilder &nb, Location nl, ValueRange ivs,
                     ValueRange accs) -> scf::ValueVector {
                   Value iy =
                       affineIndex(nb, nl, ry.origin, ivs[0], dilations[0]);
                   Value ix =
                       affineIndex(nb, nl, rx.origin, ivs[1], dilations[1]);
                   Value w02, w13;
                   if (wideFilter) {
                     Value column = arith::DivUIOp::create(
                         nb, nl, c, constIndex(nb, nl, 2));
                     w02 = tensor::ExtractOp::create(
                         nb, nl, wideFilter,
                         ValueRange{ivs[0], ivs[1], column});
                     w13 = tensor::ExtractOp::create(
                         nb, nl, wideFilter,
                         ValueRange{ivs[0], ivs[1],
                                    arith::AddIOp::create(nb, nl, column,
                                                          constIndex(nb, nl, 1))
                                        .getResult()});
                   } else {
                     std::tie(w02, w13) = buildArmDspSplitWord(
                         nb, nl, adaptor.getFilter(),
                         {constIndex(nb, nl, 0), ivs[0], ivs[1], c});
                   }
                   SmallVector<Value, 4> next = buildArmDspDepthwiseTap(
                       nb, nl, accs, input, {idx[0], iy, ix, c}, inZp, w02,
                       w13);
                   return scf::ValueVector(next.begin(), next.end());
                 })
          .results;
    };
    int64_t channels = outShape[3], blockEnd = channels / 4 * 4;
    auto index = [&](int64_t v) { return constIndex(rewriter, loc, v); };
    // One pixel's blocks of four channels, each block's accumulators from
    // `taps`, then their epilogues and stores.
    auto blockLoop =
        [&](OpBuilder &b, Location l, ValueRange idx, Value out,
            function_ref<SmallVector<Value>(OpBuilder &, Location, Value)> taps)
        -> Value {
      return scf::ForOp::create(
                 b, l, constIndex(b, l, 0), constIndex(b, l, blockEnd),
                 constIndex(b, l, 4), ValueRange{out},
                 [&](OpBuilder &cb, Location cl, Value c, ValueRange outs) {
                   SmallVector<Value> accs = taps(cb, cl, c);
                   Value next = outs[0];
                   for (int64_t j = 0; j < 4; ++j) {
                     Value channel = arith::AddIOp::create(
                         cb, cl, c, constIndex(cb, cl, j));
                     Value v = epilogue.emit(cb, cl, accs[j], channel);
                     next = tensor::InsertOp::create(
                         cb, cl, v, next,
                         ValueRange{idx[0], idx[1], idx[2], channel});
                   }
                   scf::YieldOp::create(cb, cl, next);
                 })
          .getResult(0);
    };
    // `then` or `otherwise` of the output tensor on `cond`.
    auto choose = [&](OpBuilder &b, Location l, Value cond,
                      function_ref<Value(OpBuilder &, Location)> then,
                      function_ref<Value(OpBuilder &, Location)> otherwise) {
      return scf::IfOp::create(
                 b, l, cond,
                 [&](OpBuilder &tb, Location tl) {
                   scf::YieldOp::create(tb, tl, then(tb, tl));
                 },
                 [&](OpBuilder &eb, Location el) {
                   scf::YieldOp::create(eb, el, otherwise(eb, el));
                 })
          .getResult(0);
    };
    // Per pixel, whether its window leaves the input is decided once, for
    // all its channel blocks. A border output keeps constant tap bounds
    // along the dimension its window does not leave (most border outputs of
    // a narrow map are interior along y), and a conv's whole kernel rows
    // (SMLAD) when its window does not leave the input along x.
    auto pixel = [&](OpBuilder &b, Location l, ValueRange idx,
                     Value out) -> Value {
      auto leaf = [&](OpBuilder &lb, Location ll, bool insideY,
                      bool insideX) -> Value {
        return blockLoop(
            lb, ll, idx, out, [&](OpBuilder &tb, Location tl, Value c) {
              return convDsp ? convTaps(tb, tl, idx, c, insideY, insideX)
                             : depthwiseTaps(tb, tl, idx, c, insideY, insideX);
            });
      };
      if (fitsY && fitsX)
        return leaf(b, l, true, true);
      auto alongX = [&](OpBuilder &xb, Location xl, bool insideY) -> Value {
        if (fitsX || xInterior.first >= xInterior.second)
          return leaf(xb, xl, insideY, fitsX);
        return choose(
            xb, xl, inRange(xb, xl, idx[2], xInterior),
            [&](OpBuilder &tb, Location tl) {
              return leaf(tb, tl, insideY, true);
            },
            [&](OpBuilder &eb, Location el) {
              return leaf(eb, el, insideY, false);
            });
      };
      if (fitsY || yInterior.first >= yInterior.second)
        return alongX(b, l, fitsY);
      return choose(
          b, l, inRange(b, l, idx[1], yInterior),
          [&](OpBuilder &tb, Location tl) { return alongX(tb, tl, true); },
          [&](OpBuilder &eb, Location el) { return alongX(eb, el, false); });
    };
    scf::LoopNest pixels = scf::buildLoopNest(
        rewriter, loc, {index(0), index(0), index(0)},
        {index(outShape[0]), index(outShape[1]), index(outShape[2])},
        {index(1), index(1), index(1)}, ValueRange{init},
        [&](OpBuilder &b, Location l, ValueRange idx,
            ValueRange args) -> scf::ValueVector {
          Value out = pixel(b, l, idx, args[0]);
          if (blockEnd < channels)
            out =
                scf::ForOp::create(
                    b, l, constIndex(b, l, blockEnd),
                    constIndex(b, l, channels), constIndex(b, l, 1),
                    ValueRange{out},
                    [&](OpBuilder &cb, Location cl, Value c, ValueRange outs) {
                      SmallVector<Value> at{idx[0], idx[1], idx[2], c};
                      scf::YieldOp::create(
                          cb, cl,
                          tensor::InsertOp::create(cb, cl, element(cb, cl, at),
                                                   outs[0], at)
                              .getResult());
                    })
                    .getResult(0);
          return {out};
        });
    rewriter.replaceOp(op, pixels.results[0]);
    return success();
  }
};

/// fully_connected: per output element, the dot product in a register, then
/// the epilogue before the store.
struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType inType = op.getInput().getType();
    RankedTensorType wType = op.getWeights().getType();
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType), qW = getQuantParams(wType),
                qOut = getQuantParams(outType);
    bool quantized = qIn.isQuantized();
    FailureOr<ActivationRange> range =
        getActivationRange(op, op.getFusedActivation(), qOut);
    if (failed(range))
      return failure();
    if (quantized && llvm::any_of(qW.zeroPoints, [](int64_t z) { return z; }))
      return op.emitOpError("int8 lowering expects weight zero points of 0 "
                            "(TFLite's int8 scheme)");

    int64_t outF = wType.getDimSize(0), inF = wType.getDimSize(1);
    int64_t batch = inType.getNumElements() / inF;
    Value input = reshapeTo(rewriter, loc, adaptor.getInput(), {batch, inF});
    WeightReader weights =
        WeightReader::get(rewriter, loc, adaptor.getWeights(), qW,
                          !quantized && qW.isQuantized());
    SmallVector<RequantScale> realScales;
    if (quantized)
      for (int64_t c = 0; c < outF; ++c)
        realScales.push_back(
            RequantScale::get(qIn.scale(), qW.scale(c), qOut.scale()));
    Type storage = getTypeConverter()->convertType(outType.getElementType());
    Epilogue epilogue =
        Epilogue::get(rewriter, loc, adaptor.getBias(), storage, qOut,
                      realScales, *range, outF, getRequantizationMode(*this));
    TypedAttr zeroAcc = quantized ? TypedAttr(rewriter.getI32IntegerAttr(0))
                                  : TypedAttr(rewriter.getF32FloatAttr(0));
    int32_t inZp = quantized ? qIn.zeroPoint() : 0;
    if (inZp && foldInputZeroPoint(
                    rewriter, loc, op.getWeights(), inZp, outF,
                    [&](int64_t o, function_ref<void(int64_t)> each) {
                      for (int64_t i = 0; i < inF; ++i)
                        each(o * inF + i);
                    },
                    epilogue))
      inZp = 0;
    Value init = emptyTensor(rewriter, loc, {batch, outF}, storage);
    // Raw int8 x int8 products (zero point folded or 0) on DSP targets:
    // SMLAD in register blocks (1 x 4 for batch 1).
    if (quantized && inZp == 0 && useArmDsp(*this)) {
      Value result = buildArmDspMatmul(
          rewriter, loc, input, adaptor.getWeights(), init,
          [&](OpBuilder &b, Location l, Value acc, Value channel) {
            return epilogue.emit(b, l, acc, channel);
          });
      rewriter.replaceOp(op,
                         reshapeTo(rewriter, loc, result, outType.getShape()));
      return success();
    }
    Value result = buildPerElement(
        rewriter, loc, init, [&](OpBuilder &b, Location l, ValueRange idx) {
          Value acc = buildReduction(
              b, l, {constIndex(b, l, 0)}, {constIndex(b, l, inF)},
              arith::ConstantOp::create(b, l, zeroAcc),
              [&](OpBuilder &rb, Location rl, ValueRange ivs, Value acc) {
                Value x = tensor::ExtractOp::create(rb, rl, input,
                                                    ValueRange{idx[0], ivs[0]});
                Value w = weights.read(rb, rl, {idx[1], ivs[0]});
                return emitMac(rb, rl, acc, x, w, quantized, inZp);
              });
          return epilogue.emit(b, l, acc, idx[1]);
        });
    rewriter.replaceOp(op,
                       reshapeTo(rewriter, loc, result, outType.getShape()));
    return success();
  }
};

/// max_pool2d and avg_pool2d: per output element, the window's max or sum in
/// a register over its valid (unpadded) taps; average pooling divides by
/// their count.
template <typename OpTy> struct PoolLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;
  static constexpr bool isAverage = std::is_same_v<OpTy, AvgPool2DOp>;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams q = getQuantParams(outType);
    bool quantized = q.isQuantized();
    FailureOr<ActivationRange> range =
        getActivationRange(op, op.getFusedActivation(), q);
    if (failed(range))
      return failure();
    ArrayRef<int64_t> inShape = inType.getShape();
    ArrayRef<int64_t> outShape = outType.getShape();
    ArrayRef<int64_t> kernel = op.getKernel();
    ArrayRef<int64_t> strides = op.getStrides();
    SmallVector<int64_t, 4> pads = computePadding(
        op.getPadding(), op.getExplicitPadding(), inShape.slice(1, 2),
        outShape.slice(1, 2), kernel, strides, {});
    Value input = adaptor.getInput();
    Type storage = cast<RankedTensorType>(input.getType()).getElementType();
    Type accElem = quantized
                       ? (isAverage ? Type(rewriter.getI32Type()) : storage)
                       : Type(rewriter.getF32Type());
    TypedAttr initAttr;
    if (isAverage)
      initAttr = rewriter.getZeroAttr(accElem);
    else if (quantized)
      initAttr = rewriter.getIntegerAttr(storage, q.storageMin);
    else
      initAttr =
          rewriter.getF32FloatAttr(-std::numeric_limits<float>::infinity());
    ActivationRange r = *range;
    Value init = emptyTensor(rewriter, loc, outShape, storage);
    Value result = buildPerElement(
        rewriter, loc, init, [&](OpBuilder &b, Location l, ValueRange idx) {
          WindowRange ry =
              getWindowRange(b, l, idx[1], strides[0], pads[0], kernel[0], 1,
                             inShape[1], outShape[1]);
          WindowRange rx =
              getWindowRange(b, l, idx[2], strides[1], pads[2], kernel[1], 1,
                             inShape[2], outShape[2]);
          Value v = buildReduction(
              b, l, {ry.lo, rx.lo}, {ry.hi, rx.hi},
              arith::ConstantOp::create(b, l, initAttr),
              [&](OpBuilder &rb, Location rl, ValueRange ivs, Value a) {
                Value x = tensor::ExtractOp::create(
                    rb, rl, input,
                    ValueRange{idx[0],
                               arith::AddIOp::create(rb, rl, ry.origin, ivs[0]),
                               arith::AddIOp::create(rb, rl, rx.origin, ivs[1]),
                               idx[3]});
                if (!isAverage)
                  return quantized
                             ? arith::MaxSIOp::create(rb, rl, a, x).getResult()
                             : arith::MaximumFOp::create(rb, rl, a, x)
                                   .getResult();
                return quantized
                           ? arith::AddIOp::create(rb, rl, a, extend(rb, rl, x))
                                 .getResult()
                           : arith::AddFOp::create(rb, rl, a, x).getResult();
              });
          if (!isAverage)
            return quantized ? Value(arith::TruncIOp::create(
                                   b, l, storage,
                                   emitClampI32(b, l, extend(b, l, v), r.qmin,
                                                r.qmax)))
                             : clampF32(b, l, v, r);
          // count = valid rows * valid columns of this output's window.
          auto extent = [&](const WindowRange &w) {
            return arith::IndexCastOp::create(
                b, l, b.getI32Type(), arith::SubIOp::create(b, l, w.hi, w.lo));
          };
          Value count = arith::MulIOp::create(b, l, extent(ry), extent(rx));
          if (!quantized) {
            v = arith::DivFOp::create(
                b, l, v, arith::SIToFPOp::create(b, l, b.getF32Type(), count));
            return clampF32(b, l, v, r);
          }
          // TFLite: acc > 0 ? (acc + n/2) / n : (acc - n/2) / n.
          Value half = arith::DivSIOp::create(b, l, count, constI32(b, l, 2));
          Value positive = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::sgt, v, constI32(b, l, 0));
          Value biased = arith::SelectOp::create(
              b, l, positive, arith::AddIOp::create(b, l, v, half),
              arith::SubIOp::create(b, l, v, half));
          v = arith::DivSIOp::create(b, l, biased, count);
          v = emitClampI32(b, l, v, r.qmin, r.qmax);
          return Value(arith::TruncIOp::create(b, l, storage, v));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Builds a 256-entry table over the int8 inputs [-128, 127] whose entry i is
/// `fn(i - 128)` (input index offset by 128).
template <typename T>
static Value buildTable(OpBuilder &b, Location loc, Type elementType,
                        function_ref<T(int32_t)> fn) {
  SmallVector<T> values;
  for (int32_t q = -128; q <= 127; ++q)
    values.push_back(fn(q));
  auto type = RankedTensorType::get({256}, elementType);
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, ArrayRef<T>(values)));
}

/// Reads table[x + 128] for an i8 `x` inside a linalg body.
static Value lookup(OpBuilder &b, Location loc, Value table, Value x) {
  Value index = arith::IndexCastOp::create(
      b, loc, b.getIndexType(),
      arith::AddIOp::create(b, loc, extend(b, loc, x), constI32(b, loc, 128)));
  return tensor::ExtractOp::create(b, loc, table, ValueRange{index});
}

/// Softmax over the last axis. Float: TFLite's reference (max, exp of the
/// shifted inputs, sum, divide). int8: TFLite's integer kernel (gemmlowp
/// fixed point, as TFLM runs it): the input differences q - max lie in
/// [-255, 0], so exp_on_negative_values of each rescaled difference is a
/// 256-entry table computed here; the run time sums the Q12.19 table entries,
/// takes GetReciprocal of the sum and scales each exp by it.
struct SoftmaxLowering : OpConversionPattern<SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  static constexpr int kScaledDiffIntegerBits = 5;
  static constexpr int kAccumulationIntegerBits = 12;

  LogicalResult
  matchAndRewrite(SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType);
    bool quantized = qIn.isQuantized();
    int64_t depth = inType.getShape().back();
    int64_t rows = inType.getNumElements() / depth;
    Value input = reshapeTo(rewriter, loc, adaptor.getInput(), {rows, depth});
    Type storage = cast<RankedTensorType>(input.getType()).getElementType();
    double beta = op.getBeta().convertToDouble();

    AffineMap id = identityMap(2, ctx);
    AffineMap row = AffineMap::get(2, 0, getAffineDimExpr(0, ctx), ctx);
    TypedAttr lowest = quantized
                           ? TypedAttr(rewriter.getIntegerAttr(storage, -128))
                           : TypedAttr(rewriter.getF32FloatAttr(
                                 -std::numeric_limits<float>::infinity()));
    Value max = filledTensor(rewriter, loc, {rows}, lowest);
    max = buildGeneric(
        rewriter, loc, {input}, max, {id, row}, 1,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value m =
              quantized
                  ? arith::MaxSIOp::create(b, l, args[0], args[1]).getResult()
                  : arith::MaximumFOp::create(b, l, args[0], args[1])
                        .getResult();
          linalg::YieldOp::create(b, l, m);
        });
    Value result = quantized
                       ? lowerInt8(rewriter, loc, input, max, qIn.scale(), beta)
                       : lowerFloat(rewriter, loc, input, max, beta);
    rewriter.replaceOp(op,
                       reshapeTo(rewriter, loc, result, outType.getShape()));
    return success();
  }

  static Value lowerFloat(OpBuilder &rewriter, Location loc, Value input,
                          Value max, double beta) {
    MLIRContext *ctx = rewriter.getContext();
    auto shape = cast<RankedTensorType>(input.getType()).getShape();
    AffineMap id = identityMap(2, ctx);
    AffineMap row = AffineMap::get(2, 0, getAffineDimExpr(0, ctx), ctx);
    Value exps = emptyTensor(rewriter, loc, shape, rewriter.getF32Type());
    exps = buildGeneric(
        rewriter, loc, {input, max}, exps, {id, row, id}, 2,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value shifted = arith::SubFOp::create(b, l, args[0], args[1]);
          linalg::YieldOp::create(
              b, l,
              math::ExpOp::create(
                  b, l,
                  arith::MulFOp::create(b, l, shifted, constF32(b, l, beta)))
                  .getResult());
        });
    Value sum =
        filledTensor(rewriter, loc, {shape[0]}, rewriter.getF32FloatAttr(0));
    sum = buildGeneric(
        rewriter, loc, {exps}, sum, {id, row}, 1,
        [&](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(
              b, l, arith::AddFOp::create(b, l, args[1], args[0]).getResult());
        });
    Value init = emptyTensor(rewriter, loc, shape, rewriter.getF32Type());
    return buildGeneric(
        rewriter, loc, {exps, sum}, init, {id, row, id}, 2,
        [&](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(
              b, l, arith::DivFOp::create(b, l, args[0], args[1]).getResult());
        });
  }

  static Value lowerInt8(OpBuilder &rewriter, Location loc, Value input,
                         Value max, double inputScale, double beta) {
    MLIRContext *ctx = rewriter.getContext();
    auto shape = cast<RankedTensorType>(input.getType()).getShape();
    Type storage = cast<RankedTensorType>(input.getType()).getElementType();
    AffineMap id = identityMap(2, ctx);
    AffineMap row = AffineMap::get(2, 0, getAffineDimExpr(0, ctx), ctx);

    // PreprocessSoftmaxScaling and CalculateInputRadius.
    double real =
        std::min(beta * inputScale * (1LL << (31 - kScaledDiffIntegerBits)),
                 (1LL << 31) - 1.0);
    QuantizedMultiplier qm = quantizeMultiplier(real);
    int leftShift = std::max(qm.shift, 0);
    int64_t diffMin = -static_cast<int64_t>(std::floor(
        1.0 * ((1 << kScaledDiffIntegerBits) - 1) *
        (1LL << (31 - kScaledDiffIntegerBits)) / (1LL << leftShift)));
    // exp(diff) in Q0.31 and its Q12.19 rescale, for diff = i - 255; 0 for
    // the differences TFLite skips (below diff_min), whose output is -128.
    SmallVector<int32_t> exps, accs;
    for (int32_t diff = -255; diff <= 0; ++diff) {
      int32_t e = 0;
      if (diff >= diffMin) {
        auto shifted =
            static_cast<int32_t>(static_cast<uint32_t>(diff) << leftShift);
        e = expOnNegativeValues(
            saturatingRoundingDoublingHighMul(shifted, qm.multiplier),
            kScaledDiffIntegerBits);
      }
      exps.push_back(e);
      accs.push_back(roundingDivideByPOT(e, kAccumulationIntegerBits));
    }
    Value expTable = i32Vector(rewriter, loc, exps);
    Value accTable = i32Vector(rewriter, loc, accs);
    auto tableIndex = [](OpBuilder &b, Location l, Value q, Value m) {
      Value diff =
          arith::SubIOp::create(b, l, extend(b, l, q), extend(b, l, m));
      return arith::IndexCastOp::create(
          b, l, b.getIndexType(),
          arith::AddIOp::create(b, l, diff, constI32(b, l, 255)));
    };

    Value sum =
        filledTensor(rewriter, loc, {shape[0]}, rewriter.getI32IntegerAttr(0));
    sum = buildGeneric(
        rewriter, loc, {input, max}, sum, {id, row, row}, 1,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value e = tensor::ExtractOp::create(
              b, l, accTable, ValueRange{tableIndex(b, l, args[0], args[1])});
          linalg::YieldOp::create(
              b, l, arith::AddIOp::create(b, l, args[2], e).getResult());
        });
    Value init = emptyTensor(rewriter, loc, shape, storage);
    return buildGeneric(
        rewriter, loc, {input, max, sum}, init, {id, row, row, id}, 2,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value reciprocal, bitsOverUnit;
          emitGetReciprocal(b, l, args[2], kAccumulationIntegerBits, reciprocal,
                            bitsOverUnit);
          Value e = tensor::ExtractOp::create(
              b, l, expTable, ValueRange{tableIndex(b, l, args[0], args[1])});
          Value v = emitRoundingDivideByPOT(
              b, l, emitSaturatingRoundingDoublingHighMul(b, l, reciprocal, e),
              arith::AddIOp::create(b, l, bitsOverUnit,
                                    constI32(b, l, 31 - 8)));
          v = arith::SubIOp::create(b, l, v, constI32(b, l, 128));
          v = emitClampI32(b, l, v, -128, 127);
          linalg::YieldOp::create(
              b, l, arith::TruncIOp::create(b, l, storage, v).getResult());
        });
  }
};

/// Elementwise unary ops. Float: the formula on each element. int8: relu,
/// relu6 and quantize/requantize rescale with TFLite's fixed-point
/// multiplier; the curved activations (tanh, sigmoid, hard_swish,
/// leaky_relu) read a 256-entry table computed here from the float formula,
/// as TFLite's int8 LUT kernels do.
template <typename OpTy> struct UnaryLowering : OpConversionPattern<OpTy> {
  UnaryLowering(const TypeConverter &converter, MLIRContext *ctx,
                const InPlaceOperands &inPlace)
      : OpConversionPattern<OpTy>(converter, ctx), inPlace(inPlace) {}
  const InPlaceOperands &inPlace;
  using OpAdaptor = typename OpTy::Adaptor;

  /// The float formula, for the float lowering and the int8 tables.
  static float reference(OpTy op, float x) {
    if constexpr (std::is_same_v<OpTy, ReluOp>)
      return std::max(x, 0.0f);
    else if constexpr (std::is_same_v<OpTy, Relu6Op>)
      return std::min(std::max(x, 0.0f), 6.0f);
    else if constexpr (std::is_same_v<OpTy, TanhOp>)
      return std::tanh(x);
    else if constexpr (std::is_same_v<OpTy, SigmoidOp>)
      return 1.0f / (1.0f + std::exp(-x));
    else if constexpr (std::is_same_v<OpTy, HardSwishOp>)
      return x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
    else if constexpr (std::is_same_v<OpTy, LeakyReluOp>)
      return x < 0 ? op.getAlpha().convertToFloat() * x : x;
    else
      return x;
  }

  static Value emitFloat(OpTy op, OpBuilder &b, Location l, Value x) {
    auto c = [&](float v) { return constF32(b, l, v); };
    if constexpr (std::is_same_v<OpTy, ReluOp>)
      return arith::MaximumFOp::create(b, l, x, c(0));
    else if constexpr (std::is_same_v<OpTy, Relu6Op>)
      return arith::MinimumFOp::create(
          b, l, arith::MaximumFOp::create(b, l, x, c(0)), c(6));
    else if constexpr (std::is_same_v<OpTy, TanhOp>)
      // 1 - 2 / (exp(2x) + 1): only exp needs a library call.
      return arith::SubFOp::create(
          b, l, c(1),
          arith::DivFOp::create(
              b, l, c(2),
              arith::AddFOp::create(
                  b, l,
                  math::ExpOp::create(b, l,
                                      arith::MulFOp::create(b, l, x, c(2))),
                  c(1))));
    else if constexpr (std::is_same_v<OpTy, SigmoidOp>)
      return arith::DivFOp::create(
          b, l, c(1),
          arith::AddFOp::create(
              b, l, c(1),
              math::ExpOp::create(b, l, arith::NegFOp::create(b, l, x))));
    else if constexpr (std::is_same_v<OpTy, HardSwishOp>) {
      Value r6 = arith::MinimumFOp::create(
          b, l, c(6),
          arith::MaximumFOp::create(b, l, c(0),
                                    arith::AddFOp::create(b, l, x, c(3))));
      return arith::DivFOp::create(b, l, arith::MulFOp::create(b, l, x, r6),
                                   c(6));
    } else if constexpr (std::is_same_v<OpTy, LeakyReluOp>) {
      Value negative =
          arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x, c(0));
      return arith::SelectOp::create(
          b, l, negative,
          arith::MulFOp::create(b, l, x, c(op.getAlpha().convertToFloat())), x);
    } else {
      return x;
    }
  }

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType), qOut = getQuantParams(outType);
    Value input = adaptor.getInput();
    auto convertedOut =
        cast<RankedTensorType>(this->getTypeConverter()->convertType(outType));
    Type storage = convertedOut.getElementType();
    AffineMap id = identityMap(inType.getRank(), op.getContext());
    if (qIn.isQuantized() != qOut.isQuantized() || qIn.scales.size() > 1 ||
        qOut.scales.size() > 1)
      return op.emitOpError("unsupported mix of quantized and float types");

    std::optional<unsigned> overwritten =
        getOverwritten(inPlace, op, {input}, convertedOut);
    auto body = [&](auto fn) {
      return buildElementwise(
          rewriter, loc, {input}, {id}, convertedOut, overwritten,
          [&](OpBuilder &b, Location l, ValueRange args) {
            linalg::YieldOp::create(b, l, fn(b, l, args[0]));
          });
    };
    Value result;
    if (!qIn.isQuantized()) {
      result = body([&](OpBuilder &b, Location l, Value x) {
        return emitFloat(op, b, l, x);
      });
    } else if constexpr (std::is_same_v<OpTy, ReluOp> ||
                         std::is_same_v<OpTy, Relu6Op>) {
      // TFLite's ReluQuantized: rescale (x - zp_in) to the output, clamp to
      // the activation range.
      FailureOr<ActivationRange> range = getActivationRange(
          op,
          std::is_same_v<OpTy, ReluOp> ? FusedActivation::Relu
                                       : FusedActivation::Relu6,
          qOut);
      if (failed(range))
        return failure();
      QuantizedMultiplier qm = quantizeMultiplier(qIn.scale() / qOut.scale());
      int32_t inZp = qIn.zeroPoint(), outZp = qOut.zeroPoint();
      result = body([&](OpBuilder &b, Location l, Value x) {
        Value v =
            arith::SubIOp::create(b, l, extend(b, l, x), constI32(b, l, inZp));
        return requantize(b, l, v, constI32(b, l, qm.multiplier),
                          constI32(b, l, qm.shift), outZp, *range, storage);
      });
    } else {
      double inScale = qIn.scale(), outScale = qOut.scale();
      int32_t inZp = qIn.zeroPoint(), outZp = qOut.zeroPoint();
      int32_t qmin = qOut.storageMin, qmax = qOut.storageMax;
      Value table =
          buildTable<int8_t>(rewriter, loc, storage, [&](int32_t q) -> int8_t {
            // TFLite's int8 hard_swish is fixed point, not a rounded float.
            if constexpr (std::is_same_v<OpTy, HardSwishOp>)
              if (std::optional<int32_t> r =
                      hardSwishInt8(q, static_cast<float>(inScale), inZp,
                                    static_cast<float>(outScale), outZp))
                return static_cast<int8_t>(std::clamp(*r, qmin, qmax));
            float x = static_cast<float>(inScale * (q - inZp));
            float y = reference(op, x);
            int32_t r = quantizeFloat(y, static_cast<float>(outScale), outZp);
            return static_cast<int8_t>(std::clamp(r, qmin, qmax));
          });
      result = body([&](OpBuilder &b, Location l, Value x) {
        return lookup(b, l, table, x);
      });
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// quantize (float -> int8, or int8 -> int8 requantize) and dequantize.
struct QuantizeLowering : OpConversionPattern<QuantizeOp> {
  QuantizeLowering(const TypeConverter &converter, MLIRContext *ctx,
                   const InPlaceOperands &inPlace)
      : OpConversionPattern(converter, ctx), inPlace(inPlace) {}
  const InPlaceOperands &inPlace;
  LogicalResult
  matchAndRewrite(QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType), qOut = getQuantParams(outType);
    if (!qOut.isQuantized() || qOut.scales.size() > 1 || qIn.scales.size() > 1)
      return op.emitOpError("expects a per-tensor quantized output");
    Type storage = getTypeConverter()->convertType(outType.getElementType());
    AffineMap id = identityMap(inType.getRank(), op.getContext());
    auto resultType = RankedTensorType::get(outType.getShape(), storage);
    int32_t outZp = qOut.zeroPoint(), qmin = qOut.storageMin,
            qmax = qOut.storageMax;
    float outScale = static_cast<float>(qOut.scale());
    QuantizedMultiplier qm;
    int32_t inZp = 0;
    if (qIn.isQuantized()) {
      qm = quantizeMultiplier(qIn.scale() / qOut.scale());
      inZp = qIn.zeroPoint();
    }
    bool requant = qIn.isQuantized();
    Value result = buildElementwise(
        rewriter, loc, {adaptor.getInput()}, {id}, resultType,
        getOverwritten(inPlace, op, {adaptor.getInput()}, resultType),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value q;
          if (requant) {
            // TFLite's Requantize: MultiplyByQuantizedMultiplier(x - zp_in).
            Value v = arith::SubIOp::create(b, l, extend(b, l, args[0]),
                                            constI32(b, l, inZp));
            q = emitMultiplyByQuantizedMultiplier(b, l, v,
                                                  constI32(b, l, qm.multiplier),
                                                  constI32(b, l, qm.shift));
          } else {
            // TFLite's AffineQuantize: round(x / scale) in float.
            q = emitRoundToI32(
                b, l,
                arith::DivFOp::create(b, l, args[0], constF32(b, l, outScale)));
          }
          q = arith::AddIOp::create(b, l, q, constI32(b, l, outZp));
          q = emitClampI32(b, l, q, qmin, qmax);
          linalg::YieldOp::create(
              b, l, arith::TruncIOp::create(b, l, storage, q).getResult());
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLowering : OpConversionPattern<DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    QuantParams q = getQuantParams(op.getInput().getType());
    if (!q.isQuantized())
      return op.emitOpError("expects a quantized input");
    rewriter.replaceOp(
        op, dequantizeWeights(rewriter, op.getLoc(), adaptor.getInput(), q));
    return success();
  }
};

/// add and mul with numpy broadcasting. int8 as TFLite: add rescales both
/// inputs to a common scale with 20 bits of headroom, then to the output;
/// mul rescales the product of the offset inputs.
template <typename OpTy> struct BinaryLowering : OpConversionPattern<OpTy> {
  BinaryLowering(const TypeConverter &converter, MLIRContext *ctx,
                 const InPlaceOperands &inPlace)
      : OpConversionPattern<OpTy>(converter, ctx), inPlace(inPlace) {}
  const InPlaceOperands &inPlace;
  using OpAdaptor = typename OpTy::Adaptor;
  static constexpr bool isAdd = std::is_same_v<OpTy, AddOp>;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams q1 = getQuantParams(op.getLhs().getType()),
                q2 = getQuantParams(op.getRhs().getType()),
                qo = getQuantParams(outType);
    if (q1.scales.size() > 1 || q2.scales.size() > 1 || qo.scales.size() > 1)
      return op.emitOpError("per-axis quantized operands are not supported");
    FailureOr<ActivationRange> range =
        getActivationRange(op, op.getFusedActivation(), qo);
    if (failed(range))
      return failure();
    unsigned rank = outType.getRank();
    auto broadcastMap = [&](Type t) {
      auto type = cast<RankedTensorType>(t);
      SmallVector<AffineExpr> exprs;
      int64_t offset = rank - type.getRank();
      for (int64_t d = 0; d < type.getRank(); ++d)
        exprs.push_back(type.getDimSize(d) == 1 &&
                                outType.getDimSize(d + offset) != 1
                            ? getAffineConstantExpr(0, ctx)
                            : getAffineDimExpr(d + offset, ctx));
      return AffineMap::get(rank, 0, exprs, ctx);
    };
    Type storage =
        this->getTypeConverter()->convertType(outType.getElementType());
    auto resultType = RankedTensorType::get(outType.getShape(), storage);
    SmallVector<AffineMap> maps{broadcastMap(op.getLhs().getType()),
                                broadcastMap(op.getRhs().getType())};
    SmallVector<Value> inputs{adaptor.getLhs(), adaptor.getRhs()};
    ActivationRange r = *range;
    bool quantized = qo.isQuantized();
    QuantizedMultiplier m1, m2, mo;
    const int leftShift = 20;
    if (quantized && isAdd) {
      double twiceMax = 2 * std::max(q1.scale(), q2.scale());
      m1 = quantizeMultiplier(q1.scale() / twiceMax);
      m2 = quantizeMultiplier(q2.scale() / twiceMax);
      mo = quantizeMultiplier(twiceMax / ((1 << leftShift) * qo.scale()));
    } else if (quantized) {
      mo = quantizeMultiplier(q1.scale() * q2.scale() / qo.scale());
    }
    Value result = buildElementwise(
        rewriter, loc, inputs, maps, resultType,
        getOverwritten(inPlace, op, inputs, resultType),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value v;
          if (!quantized) {
            v = isAdd
                    ? arith::AddFOp::create(b, l, args[0], args[1]).getResult()
                    : arith::MulFOp::create(b, l, args[0], args[1]).getResult();
            linalg::YieldOp::create(b, l, clampF32(b, l, v, r));
            return;
          }
          Value x1 = arith::SubIOp::create(b, l, extend(b, l, args[0]),
                                           constI32(b, l, q1.zeroPoint()));
          Value x2 = arith::SubIOp::create(b, l, extend(b, l, args[1]),
                                           constI32(b, l, q2.zeroPoint()));
          if (isAdd) {
            auto scaleInput = [&](Value x, QuantizedMultiplier m) {
              Value shifted =
                  arith::ShLIOp::create(b, l, x, constI32(b, l, leftShift));
              return emitMultiplyByQuantizedMultiplier(
                  b, l, shifted, constI32(b, l, m.multiplier),
                  constI32(b, l, m.shift));
            };
            v = arith::AddIOp::create(b, l, scaleInput(x1, m1),
                                      scaleInput(x2, m2));
          } else {
            v = arith::MulIOp::create(b, l, x1, x2);
          }
          v = requantize(b, l, v, constI32(b, l, mo.multiplier),
                         constI32(b, l, mo.shift), qo.zeroPoint(), r, storage);
          linalg::YieldOp::create(b, l, v);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Constant padding with 0 (the zero point when quantized).
struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStatic(op)))
      return failure();
    Location loc = op.getLoc();
    QuantParams q = getQuantParams(op.getInput().getType());
    Type storage =
        cast<RankedTensorType>(adaptor.getInput().getType()).getElementType();
    TypedAttr padAttr =
        q.isQuantized()
            ? TypedAttr(rewriter.getIntegerAttr(storage, q.zeroPoint()))
            : TypedAttr(rewriter.getZeroAttr(storage));
    SmallVector<int64_t> low, high;
    ArrayRef<int64_t> padding = op.getPadding();
    for (size_t d = 0; d < padding.size() / 2; ++d) {
      low.push_back(padding[2 * d]);
      high.push_back(padding[2 * d + 1]);
    }
    Value padValue = arith::ConstantOp::create(rewriter, loc, padAttr);
    rewriter.replaceOp(
        op, padTensor(rewriter, loc, adaptor.getInput(), low, high, padValue));
    return success();
  }
};

/// Mean over axes. Float: sum / count. int8: TFLite's integer Mean:
/// MultiplyByQuantizedMultiplier(sum(x - zp_in), s_in / s_out), divided by
/// the count with rounding, plus zp_out, clamped.
struct MeanLowering : OpConversionPattern<MeanOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MeanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    auto inType = cast<RankedTensorType>(op.getInput().getType());
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qIn = getQuantParams(inType), qOut = getQuantParams(outType);
    bool quantized = qIn.isQuantized();
    int64_t rank = inType.getRank();
    SmallVector<bool> reduced(rank, false);
    for (int64_t axis : op.getAxes())
      reduced[axis < 0 ? axis + rank : axis] = true;
    SmallVector<int64_t> keptShape;
    SmallVector<AffineExpr> keptExprs;
    SmallVector<utils::IteratorType> iterators;
    int64_t count = 1;
    for (int64_t d = 0; d < rank; ++d) {
      if (reduced[d]) {
        count *= inType.getDimSize(d);
        iterators.push_back(utils::IteratorType::reduction);
      } else {
        keptShape.push_back(inType.getDimSize(d));
        keptExprs.push_back(getAffineDimExpr(d, ctx));
        iterators.push_back(utils::IteratorType::parallel);
      }
    }
    Type accElem =
        quantized ? Type(rewriter.getI32Type()) : Type(rewriter.getF32Type());
    Value acc =
        filledTensor(rewriter, loc, keptShape, rewriter.getZeroAttr(accElem));
    int32_t inZp = quantized ? qIn.zeroPoint() : 0;
    acc = linalg::GenericOp::create(
              rewriter, loc, TypeRange{acc.getType()},
              ValueRange{adaptor.getInput()}, ValueRange{acc},
              ArrayRef<AffineMap>{identityMap(rank, ctx),
                                  AffineMap::get(rank, 0, keptExprs, ctx)},
              iterators,
              [&](OpBuilder &b, Location l, ValueRange args) {
                Value r;
                if (quantized)
                  r = arith::AddIOp::create(
                      b, l, args[1],
                      arith::SubIOp::create(b, l, extend(b, l, args[0]),
                                            constI32(b, l, inZp)));
                else
                  r = arith::AddFOp::create(b, l, args[1], args[0]);
                linalg::YieldOp::create(b, l, r);
              })
              .getResult(0);
    Type storage = getTypeConverter()->convertType(outType.getElementType());
    Value init = emptyTensor(rewriter, loc, keptShape, storage);
    AffineMap id = identityMap(keptShape.size(), ctx);
    QuantizedMultiplier qm;
    int32_t outZp = 0, qmin = 0, qmax = 0;
    if (quantized) {
      qm = quantizeMultiplier(qIn.scale() / qOut.scale());
      outZp = qOut.zeroPoint();
      qmin = qOut.storageMin;
      qmax = qOut.storageMax;
    }
    Value result = buildGeneric(
        rewriter, loc, {acc}, init, {id, id}, keptShape.size(),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value v = args[0];
          if (!quantized) {
            v = arith::DivFOp::create(b, l, v, constF32(b, l, count));
          } else {
            v = emitMultiplyByQuantizedMultiplier(b, l, v,
                                                  constI32(b, l, qm.multiplier),
                                                  constI32(b, l, qm.shift));
            Value positive = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::sgt, v, constI32(b, l, 0));
            Value half = constI32(b, l, count / 2);
            Value biased = arith::SelectOp::create(
                b, l, positive, arith::AddIOp::create(b, l, v, half),
                arith::SubIOp::create(b, l, v, half));
            v = arith::DivSIOp::create(b, l, biased, constI32(b, l, count));
            v = arith::AddIOp::create(b, l, v, constI32(b, l, outZp));
            v = emitClampI32(b, l, v, qmin, qmax);
            v = arith::TruncIOp::create(b, l, storage, v);
          }
          linalg::YieldOp::create(b, l, v);
        });
    rewriter.replaceOp(op,
                       reshapeTo(rewriter, loc, result, outType.getShape()));
    return success();
  }
};

/// Concatenation: each input is inserted into the output at its offset along
/// the axis. A quantized input with other parameters than the output is
/// first rescaled as TFLite's ConcatenationWithScaling does (in float).
struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = cast<RankedTensorType>(op.getType());
    QuantParams qOut = getQuantParams(outType);
    int64_t rank = outType.getRank();
    // The I64Attr getter is unsigned: read the attribute as signed.
    int64_t axis = op.getAxisAttr().getValue().getSExtValue();
    if (axis < 0)
      axis += rank;
    Type storage = getTypeConverter()->convertType(outType.getElementType());
    Value result = emptyTensor(rewriter, loc, outType.getShape(), storage);
    int64_t offset = 0;
    for (auto [original, converted] :
         llvm::zip(op.getInputs(), adaptor.getInputs())) {
      auto inType = cast<RankedTensorType>(original.getType());
      QuantParams qIn = getQuantParams(inType);
      Value piece = converted;
      if (qIn.isQuantized() && (qIn.scale() != qOut.scale() ||
                                qIn.zeroPoint() != qOut.zeroPoint())) {
        float scale =
            static_cast<float>(qIn.scale()) / static_cast<float>(qOut.scale());
        float bias = -qIn.zeroPoint() * scale;
        int32_t outZp = qOut.zeroPoint(), qmin = qOut.storageMin,
                qmax = qOut.storageMax;
        AffineMap id = identityMap(rank, op.getContext());
        piece = buildGeneric(
            rewriter, loc, {converted},
            emptyTensor(rewriter, loc, inType.getShape(), storage), {id, id},
            rank, [&](OpBuilder &b, Location l, ValueRange args) {
              Value x = arith::SIToFPOp::create(b, l, b.getF32Type(), args[0]);
              Value v = arith::AddFOp::create(
                  b, l, arith::MulFOp::create(b, l, x, constF32(b, l, scale)),
                  constF32(b, l, bias));
              Value q = arith::AddIOp::create(b, l, emitRoundToI32(b, l, v),
                                              constI32(b, l, outZp));
              q = emitClampI32(b, l, q, qmin, qmax);
              linalg::YieldOp::create(
                  b, l, arith::TruncIOp::create(b, l, storage, q).getResult());
            });
      }
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0)), sizes,
          strides(rank, rewriter.getIndexAttr(1));
      offsets[axis] = rewriter.getIndexAttr(offset);
      for (int64_t d = 0; d < rank; ++d)
        sizes.push_back(rewriter.getIndexAttr(inType.getDimSize(d)));
      result = tensor::InsertSliceOp::create(rewriter, loc, piece, result,
                                             offsets, sizes, strides);
      offset += inType.getDimSize(axis);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// What the lowering supports
//===----------------------------------------------------------------------===//

/// Reports, at the op, what the patterns cannot lower, so that the user sees
/// the reason rather than a bare "failed to legalize".
static LogicalResult checkLowerable(Operation *op) {
  if (failed(requireStatic(op)))
    return failure();
  if (auto act = op->getAttrOfType<FusedActivationAttr>("fused_activation")) {
    if (act.getValue() == FusedActivation::Tanh)
      return op->emitOpError("fused tanh activation is not supported by the "
                             "lowering");
    if (isa<ConcatOp>(op) && act.getValue() != FusedActivation::None)
      return op->emitOpError("fused activations on concat are not supported "
                             "by the lowering");
  }
  auto isPerTensor = [](Type t) {
    return getQuantParams(t).scales.size() <= 1;
  };
  auto isQuantized = [](Type t) { return getQuantParams(t).isQuantized(); };
  if (isa<Conv2DOp, DepthwiseConv2DOp, FullyConnectedOp>(op) &&
      isQuantized(op->getOperand(0).getType()) &&
      llvm::any_of(getQuantParams(op->getOperand(1).getType()).zeroPoints,
                   [](int64_t z) { return z != 0; }))
    return op->emitOpError("int8 lowering expects weight zero points of 0 "
                           "(TFLite's int8 scheme)");
  if (isa<AddOp, MulOp, ConcatOp, MeanOp, SoftmaxOp, QuantizeOp, ReluOp,
          Relu6Op, TanhOp, SigmoidOp, HardSwishOp, LeakyReluOp, MaxPool2DOp,
          AvgPool2DOp>(op) &&
      !llvm::all_of(
          llvm::concat<Type>(op->getOperandTypes(), op->getResultTypes()),
          isPerTensor))
    return op->emitOpError("per-axis quantized activations are not supported "
                           "by the lowering");
  if (isa<QuantizeOp>(op) && !isQuantized(op->getResult(0).getType()))
    return op->emitOpError("expects a quantized output");
  if (isa<DequantizeOp>(op) && !isQuantized(op->getOperand(0).getType()))
    return op->emitOpError("expects a quantized input");
  if (isa<ReluOp, Relu6Op, TanhOp, SigmoidOp, HardSwishOp, LeakyReluOp,
          SoftmaxOp, MeanOp>(op) &&
      isQuantized(op->getOperand(0).getType()) !=
          isQuantized(op->getResult(0).getType()))
    return op->emitOpError("mixes quantized and float types, which the "
                           "lowering does not support");
  return success();
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

/// The operand each in-place op overwrites: the tensor planner's own choice
/// (computeTensorLiveness, with the function's inputs and outputs in the
/// caller's buffers as in the generated code), so that one-shot
/// bufferization shares storage exactly where the tensor-level plan does.
static InPlaceOperands findInPlaceOperands(ModuleOp module) {
  InPlaceOperands result;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal() || !func.getBody().hasOneBlock())
      continue;
    Operation *terminator = func.getBody().front().getTerminator();
    auto isInArena = [&](Value v) {
      return !isa<BlockArgument>(v) &&
             !llvm::is_contained(terminator->getOperands(), v);
    };
    TensorLivenessOptions options;
    options.isInArena = isInArena;
    // IR the planner cannot handle gets no in-place reuse; reporting it is
    // the lowering's job.
    ScopedDiagnosticHandler quiet(module.getContext(),
                                  [](Diagnostic &) { return success(); });
    FailureOr<SmallVector<TensorBuffer>> buffers =
        computeTensorLiveness(func, options);
    if (failed(buffers))
      continue;
    for (const TensorBuffer &buffer : *buffers) {
      if (buffer.kind != BufferKind::Activation || buffer.record.aliasOf < 0 ||
          !buffer.owner ||
          !buffer.owner->hasTrait<OpTrait::nn::MayWriteInPlace>())
        continue;
      Value overwritten = (*buffers)[buffer.record.aliasOf].value;
      for (OpOperand &operand : buffer.owner->getOpOperands())
        if (operand.get() == overwritten) {
          result[buffer.owner] = operand.getOperandNumber();
          break;
        }
    }
  }
  return result;
}

namespace {
/// Quantized tensors become tensors of their storage type. Carries the
/// pass's requantization and hybrid modes and arm-dsp option to the patterns.
struct StorageTypeConverter : TypeConverter {
  RequantizationMode requantization = RequantizationMode::DoubleRounding;
  HybridMode hybrid = HybridMode::DynamicRange;
  bool armDsp = false;
  StorageTypeConverter() {
    addConversion([](Type type) { return type; });
    addConversion([](quant::QuantizedType type) -> Type {
      return type.getStorageType();
    });
    addConversion([](RankedTensorType type) -> Type {
      if (auto q = dyn_cast<quant::QuantizedType>(type.getElementType()))
        return type.clone(q.getStorageType());
      return type;
    });
    auto materialize = [](OpBuilder &b, Type type, ValueRange inputs,
                          Location loc) -> Value {
      return UnrealizedConversionCastOp::create(b, loc, type, inputs)
          .getResult(0);
    };
    addSourceMaterialization(materialize);
    addTargetMaterialization(materialize);
  }
};

struct ConvertNNToLinalgPass
    : nn::impl::ConvertNNToLinalgPassBase<ConvertNNToLinalgPass> {
  using ConvertNNToLinalgPassBase::ConvertNNToLinalgPassBase;
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    StorageTypeConverter converter;
    std::optional<RequantizationMode> mode =
        parseRequantizationMode(requantization);
    if (!mode) {
      getOperation().emitError()
          << "unknown requantization '" << requantization
          << "' (expected double-rounding, single-rounding or fp32)";
      return signalPassFailure();
    }
    converter.requantization = *mode;
    converter.armDsp = armDsp;
    std::optional<HybridMode> hybridMode = parseHybridMode(hybrid);
    if (!hybridMode) {
      getOperation().emitError() << "unknown hybrid '" << hybrid
                                 << "' (expected dynamic-range or dequantize)";
      return signalPassFailure();
    }
    converter.hybrid = *hybridMode;
    ConversionTarget target(*ctx);
    target
        .addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                         LLVM::LLVMDialect, math::MathDialect, scf::SCFDialect,
                         tensor::TensorDialect, vector::VectorDialect>();
    target.addIllegalDialect<NNDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    bool unsupported = false;
    getOperation().walk([&](Operation *op) {
      if (isa<NNDialect>(op->getDialect()) && failed(checkLowerable(op)))
        unsupported = true;
    });
    if (unsupported)
      return signalPassFailure();

    InPlaceOperands inPlace = findInPlaceOperands(getOperation());
    RewritePatternSet patterns(ctx);
    patterns
        .add<ConstantLowering, ReshapeLowering, WindowConvLowering<Conv2DOp>,
             WindowConvLowering<DepthwiseConv2DOp>, FullyConnectedLowering,
             PoolLowering<MaxPool2DOp>, PoolLowering<AvgPool2DOp>,
             SoftmaxLowering, DequantizeLowering, PadLowering, MeanLowering,
             ConcatLowering>(converter, ctx);
    patterns
        .add<UnaryLowering<ReluOp>, UnaryLowering<Relu6Op>,
             UnaryLowering<TanhOp>, UnaryLowering<SigmoidOp>,
             UnaryLowering<HardSwishOp>, UnaryLowering<LeakyReluOp>,
             QuantizeLowering, BinaryLowering<AddOp>, BinaryLowering<MulOp>>(
            converter, ctx, inPlace);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

static RequantizationMode
getRequantizationMode(const ConversionPattern &pattern) {
  return pattern.getTypeConverter<StorageTypeConverter>()->requantization;
}

static bool useArmDsp(const ConversionPattern &pattern) {
  return pattern.getTypeConverter<StorageTypeConverter>()->armDsp;
}

static HybridMode getHybridMode(const ConversionPattern &pattern) {
  return pattern.getTypeConverter<StorageTypeConverter>()->hybrid;
}
