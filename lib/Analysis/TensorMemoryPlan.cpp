//===- TensorMemoryPlan.cpp - arena plan of an nn tensor program -*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/TensorMemoryPlan.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::nn;

FailureOr<memplan::Strategy>
nn::checkPlannerOptions(Operation *op, int64_t alignment, StringRef strategy) {
  if (alignment <= 0 || !llvm::isPowerOf2_64(alignment))
    return op->emitError() << "alignment must be a power of two, got "
                           << alignment;
  std::optional<memplan::Strategy> kind = memplan::parseStrategy(strategy);
  if (!kind)
    return op->emitError() << "unknown strategy '" << strategy
                           << "'; expected one of "
                           << memplan::getStrategyNames();
  return *kind;
}

FailureOr<TensorPlan> nn::planTensorMemory(func::FuncOp func,
                                           const TensorPlanOptions &options) {
  Operation *terminator =
      func.getBody().empty() ? nullptr : func.getBody().front().getTerminator();
  auto isInArena = [&](Value v) {
    if (isa<BlockArgument>(v))
      return options.allocateInputs;
    if (terminator && llvm::is_contained(terminator->getOperands(), v))
      return options.allocateOutputs;
    return true;
  };
  TensorLivenessOptions livenessOptions;
  livenessOptions.alignment = options.alignment;
  livenessOptions.isInArena = isInArena;
  FailureOr<SmallVector<TensorBuffer>> buffers =
      computeTensorLiveness(func, livenessOptions);
  if (failed(buffers))
    return failure();
  SmallVector<memplan::Buffer> records;
  for (const TensorBuffer &b : *buffers)
    records.push_back(b.record);
  llvm::Expected<memplan::Plan> plan =
      memplan::planBuffers(records, options.planner);
  if (!plan)
    return func.emitOpError("memory planning failed: ")
           << llvm::toString(plan.takeError());
  return TensorPlan{std::move(*buffers), std::move(*plan)};
}

void nn::annotateTensorPlan(func::FuncOp func, const TensorPlan &plan,
                            int64_t alignment) {
  Builder b(func.getContext());
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    func.removeArgAttr(i, kOffsetAttr);
    func.removeArgAttr(i, kSizeAttr);
  }
  func.walk([](Operation *op) {
    for (StringRef name : {kOffsetAttr.data(), kSizeAttr.data(),
                           kScratchOffsetAttr.data(), kScratchSizeAttr.data()})
      op->removeAttr(name);
  });
  for (auto [buffer, offset] : llvm::zip(plan.buffers, plan.plan.offsets)) {
    auto offsetAttr = b.getI64IntegerAttr(offset);
    auto sizeAttr =
        b.getI64IntegerAttr(memplan::getReservedSize(buffer.record));
    if (buffer.kind == BufferKind::Scratch) {
      buffer.owner->setAttr(kScratchOffsetAttr, offsetAttr);
      buffer.owner->setAttr(kScratchSizeAttr, sizeAttr);
    } else if (auto arg = dyn_cast<BlockArgument>(buffer.value)) {
      func.setArgAttr(arg.getArgNumber(), kOffsetAttr, offsetAttr);
      func.setArgAttr(arg.getArgNumber(), kSizeAttr, sizeAttr);
    } else {
      buffer.owner->setAttr(kOffsetAttr, offsetAttr);
      buffer.owner->setAttr(kSizeAttr, sizeAttr);
    }
  }
  // Offsets of the inputs and outputs, for code that fills and reads them.
  DenseMap<Value, int64_t> offsetOf;
  for (auto [buffer, offset] : llvm::zip(plan.buffers, plan.plan.offsets))
    if (buffer.kind != BufferKind::Scratch)
      offsetOf[buffer.value] = offset;
  auto setOffsets = [&](StringRef name, ValueRange values) {
    func->removeAttr(name);
    SmallVector<int64_t> offsets;
    for (Value v : values) {
      auto it = offsetOf.find(v);
      if (it == offsetOf.end())
        return; // kept in a user buffer
      offsets.push_back(it->second);
    }
    func->setAttr(name, b.getDenseI64ArrayAttr(offsets));
  };
  setOffsets(kInputOffsetsAttr, func.getArguments());
  setOffsets(kOutputOffsetsAttr,
             func.getBody().front().getTerminator()->getOperands());
  func->setAttr(kArenaSizeAttr, b.getI64IntegerAttr(plan.plan.arenaSize));
  func->setAttr(kLowerBoundAttr, b.getI64IntegerAttr(plan.plan.lowerBound));
  func->setAttr(kStrategyAttr,
                b.getStringAttr(memplan::getStrategyName(plan.plan.strategy)));
  func->setAttr(kAlignmentAttr, b.getI64IntegerAttr(alignment));
}

memplan::FunctionReport
nn::makeReport(func::FuncOp func, const TensorPlan &plan, int64_t alignment) {
  memplan::FunctionReport report;
  report.function = func.getSymName().str();
  report.arenaSize = plan.plan.arenaSize;
  report.lowerBound = plan.plan.lowerBound;
  report.alignment = alignment;
  report.strategy = memplan::getStrategyName(plan.plan.strategy).str();
  for (int64_t bytes : getLiveBytesPerStep(plan.buffers))
    report.liveBytes.push_back(bytes);
  for (auto [buffer, offset] : llvm::zip(plan.buffers, plan.plan.offsets))
    report.buffers.push_back({buffer.name, getBufferKindName(buffer.kind).str(),
                              buffer.record, offset});
  return report;
}
