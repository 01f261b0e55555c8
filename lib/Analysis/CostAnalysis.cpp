//===- CostAnalysis.cpp - per-layer cost of an nn model ---------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostAnalysis.h"
#include "nn/Analysis/TensorLiveness.h"
#include "nn/Dialect/NN/IR/NNCostInterface.h"
#include "nn/Dialect/NN/IR/NNUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CheckedArithmetic.h"

using namespace mlir;
using namespace mlir::nn;

/// "1x5x5x4 i8": the shape and the element type as stored (quantized types
/// show their storage type).
static std::string describeOutput(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      op->getResultTypes(), os,
      [&](Type type) {
        auto shaped = dyn_cast<ShapedType>(type);
        if (!shaped) {
          os << type;
          return;
        }
        llvm::interleave(shaped.getShape(), os, "x");
        if (shaped.getRank() == 0)
          os << "scalar";
        Type element = shaped.getElementType();
        if (auto quantized = dyn_cast<quant::QuantizedType>(element))
          element = quantized.getStorageType();
        os << " " << element;
      },
      ", ");
  return text;
}

/// An error unless every operand and result of `op` has a static shape.
static LogicalResult checkStaticShapes(Operation *op) {
  auto check = [&](Type type, StringRef what, unsigned index) -> LogicalResult {
    auto shaped = dyn_cast<ShapedType>(type);
    if (!shaped || shaped.hasStaticShape())
      return success();
    return op->emitOpError() << "cost is undefined: " << what << " #" << index
                             << " has a dynamic shape (" << type << ")";
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand", i)))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, "result", i)))
      return failure();
  return success();
}

/// `part` as a percentage of `total`; exactly 100 when they are equal.
static double getPercent(int64_t part, int64_t total) {
  if (total == 0)
    return 0;
  return static_cast<double>(part) / static_cast<double>(total) * 100.0;
}

/// Bytes of a value's type, or 0 for an unsized one.
static Count getValueBytes(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return 0;
  std::optional<int64_t> elementBytes =
      getElementByteSize(shaped.getElementType());
  if (!elementBytes)
    return 0;
  return mulCounts(nn::getNumElements(shaped), *elementBytes);
}

static std::optional<int64_t> getIntAttr(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<IntegerAttr>(name))
    return attr.getInt();
  return std::nullopt;
}

/// Whether the memory planner gave `value` a place in the arena.
static bool hasArenaOffset(func::FuncOp func, Value value) {
  if (auto arg = dyn_cast<BlockArgument>(value))
    return arg.getOwner()->isEntryBlock() &&
           func.getArgAttr(arg.getArgNumber(), kOffsetAttr);
  Operation *def = value.getDefiningOp();
  return def && def->hasAttr(kOffsetAttr);
}

/// Each layer's live bytes per the memory plan `func` carries (nothing when
/// it has none), and the peak layer. The liveness is the planner's: same
/// alignment, the same tensors in the arena (those with an offset).
static LogicalResult addLiveBytes(FunctionCost &cost) {
  auto func = dyn_cast<func::FuncOp>(cost.func.getOperation());
  if (!func || !func->hasAttr(kArenaSizeAttr))
    return success();
  TensorLivenessOptions options;
  options.alignment = getIntAttr(func, kAlignmentAttr).value_or(4);
  auto isInArena = [&](Value v) { return hasArenaOffset(func, v); };
  options.isInArena = isInArena; // a function_ref: the lambda must outlive it
  FailureOr<SmallVector<TensorBuffer>> buffers =
      computeTensorLiveness(func, options);
  if (failed(buffers))
    return failure();
  SmallVector<int64_t> live = getLiveBytesPerStep(*buffers);
  DenseMap<Operation *, int64_t> stepOf =
      getExecutionSteps(func.getBody().front());
  for (LayerCost &layer : cost.layers) {
    auto it = stepOf.find(layer.op);
    if (it == stepOf.end())
      continue; // nested in a region: no step of its own
    layer.liveBytes =
        it->second < static_cast<int64_t>(live.size()) ? live[it->second] : 0;
    CostTotals &totals = cost.totals;
    if (!totals.peakLiveBytes || *layer.liveBytes > *totals.peakLiveBytes) {
      totals.peakLiveBytes = layer.liveBytes;
      totals.peakLayer = layer.name;
    }
  }
  return success();
}

FailureOr<FunctionCost> nn::analyzeCost(FunctionOpInterface func) {
  FunctionCost result;
  result.func = func;
  result.name = func.getName().str();
  CostTotals &totals = result.totals;
  Count macc = 0, pureMacs = 0, params = 0, rom = 0, largest = 0;

  // Weights read by an earlier layer: a shared weight counts once.
  llvm::DenseSet<Value> countedWeights;
  llvm::StringMap<unsigned> typeCounts;
  WalkResult walk = func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    auto costOp = dyn_cast<CostOpInterface>(op);
    if (!costOp || op->hasTrait<OpTrait::ConstantLike>())
      return WalkResult::advance();
    if (failed(checkStaticShapes(op)))
      return WalkResult::interrupt();
    LayerCost layer;
    layer.op = op;
    layer.type = op->getName().stripDialect().str();
    layer.name = getLocationName(op->getLoc()).value_or("");
    unsigned &typeIndex = typeCounts[layer.type];
    if (layer.name.empty())
      layer.name = layer.type + "_" + std::to_string(typeIndex);
    ++typeIndex;
    layer.output = describeOutput(op);

    Count layerMacc = costOp.getMacc();
    Count layerPure = costOp.getPureMacs();
    Count layerParams = costOp.getParamCount();
    Count layerRom = costOp.getRomBytes();
    Count layerActivation = costOp.getActivationBytes();
    for (Value weight : costOp.getWeightValues()) {
      if (countedWeights.insert(weight).second)
        continue;
      Count sharedParams = nn::getNumElements(weight.getType());
      Count sharedRom = getWeightRomBytes(weight);
      layerParams = addCounts(layerParams, mulCounts(sharedParams, -1));
      layerRom = addCounts(layerRom, mulCounts(sharedRom, -1));
    }
    if (!layerMacc || !layerPure || !layerParams || !layerRom ||
        !layerActivation) {
      op->emitOpError("cost overflows a 64-bit counter");
      return WalkResult::interrupt();
    }
    layer.macc = *layerMacc;
    layer.pureMacs = *layerPure;
    layer.params = *layerParams;
    layer.romBytes = *layerRom;
    layer.activationBytes = *layerActivation;
    macc = addCounts(macc, layer.macc);
    pureMacs = addCounts(pureMacs, layer.pureMacs);
    params = addCounts(params, layer.params);
    rom = addCounts(rom, layer.romBytes);
    for (Type type : op->getResultTypes())
      if (Count bytes = getValueBytes(type))
        largest = std::max(*largest, *bytes);
    if (!macc || !pureMacs || !params || !rom) {
      op->emitOpError("the model's total cost overflows a 64-bit counter");
      return WalkResult::interrupt();
    }
    result.layers.push_back(std::move(layer));
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // Checked after the layers, so that a dynamic shape is reported at the
  // first op that reads it.
  Count inputBytes = 0, outputBytes = 0;
  for (Type type : func.getArgumentTypes()) {
    Count bytes = getValueBytes(type);
    inputBytes = addCounts(inputBytes, bytes);
    if (bytes)
      largest = std::max(*largest, *bytes);
  }
  for (Type type : func.getResultTypes())
    outputBytes = addCounts(outputBytes, getValueBytes(type));
  if (!inputBytes || !outputBytes)
    return func.emitError("cost is undefined: a function input or output "
                          "has a dynamic shape or is too large");

  totals.macc = *macc;
  totals.pureMacs = *pureMacs;
  totals.params = *params;
  totals.weightsBytes = *rom;
  totals.largestActivationBytes = *largest;
  totals.inputBytes = *inputBytes;
  totals.outputBytes = *outputBytes;
  totals.arenaBytes = getIntAttr(func, kArenaSizeAttr);
  totals.lowerBoundBytes = getIntAttr(func, kLowerBoundAttr);

  // Running sums cannot overflow: each is at most its checked total.
  int64_t cumulativeMacc = 0, cumulativeRom = 0;
  for (LayerCost &layer : result.layers) {
    cumulativeMacc += layer.macc;
    cumulativeRom += layer.romBytes;
    layer.maccShare = getPercent(layer.macc, totals.macc);
    layer.cumulativeMacc = getPercent(cumulativeMacc, totals.macc);
    layer.romShare = getPercent(layer.romBytes, totals.weightsBytes);
    layer.cumulativeRom = getPercent(cumulativeRom, totals.weightsBytes);
  }
  if (failed(addLiveBytes(result)))
    return failure();
  return result;
}

/// The largest of two optional sizes.
static std::optional<int64_t> maxOf(std::optional<int64_t> a,
                                    std::optional<int64_t> b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return std::max(*a, *b);
}

FailureOr<ModuleCost> nn::analyzeCost(ModuleOp module) {
  ModuleCost result;
  CostTotals &totals = result.totals;
  for (auto func : module.getOps<FunctionOpInterface>()) {
    if (func.isExternal())
      continue;
    FailureOr<FunctionCost> cost = analyzeCost(func);
    if (failed(cost))
      return failure();
    const CostTotals &part = cost->totals;
    std::optional<int64_t> sums[] = {
        llvm::checkedAdd(totals.macc, part.macc),
        llvm::checkedAdd(totals.pureMacs, part.pureMacs),
        llvm::checkedAdd(totals.params, part.params),
        llvm::checkedAdd(totals.weightsBytes, part.weightsBytes),
        llvm::checkedAdd(totals.inputBytes, part.inputBytes),
        llvm::checkedAdd(totals.outputBytes, part.outputBytes)};
    if (llvm::any_of(sums, [](auto sum) { return !sum; }))
      return module.emitError("the model's total cost overflows a 64-bit "
                              "counter");
    totals.macc = *sums[0];
    totals.pureMacs = *sums[1];
    totals.params = *sums[2];
    totals.weightsBytes = *sums[3];
    totals.inputBytes = *sums[4];
    totals.outputBytes = *sums[5];
    totals.largestActivationBytes =
        std::max(totals.largestActivationBytes, part.largestActivationBytes);
    totals.arenaBytes = maxOf(totals.arenaBytes, part.arenaBytes);
    totals.lowerBoundBytes =
        maxOf(totals.lowerBoundBytes, part.lowerBoundBytes);
    if (part.peakLiveBytes && (!totals.peakLiveBytes ||
                               *part.peakLiveBytes > *totals.peakLiveBytes)) {
      totals.peakLiveBytes = part.peakLiveBytes;
      // Qualified when several functions could hold it.
      totals.peakLayer = "@" + cost->name + " " + *part.peakLayer;
    }
    result.functions.push_back(std::move(*cost));
  }
  if (result.functions.size() == 1)
    totals.peakLayer = result.functions.front().totals.peakLayer;
  return result;
}
