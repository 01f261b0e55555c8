//===- TensorLiveness.cpp - buffers of an nn tensor program -----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/TensorLiveness.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNUtils.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace mlir::nn;

StringRef nn::getBufferKindName(BufferKind kind) {
  switch (kind) {
  case BufferKind::Activation:
    return "activation";
  case BufferKind::Input:
    return "input";
  case BufferKind::Output:
    return "output";
  case BufferKind::Scratch:
    return "scratch";
  }
  llvm_unreachable("unknown buffer kind");
}

DenseMap<Operation *, int64_t> nn::getExecutionSteps(Block &body) {
  DenseMap<Operation *, int64_t> stepOf;
  int64_t steps = 0;
  for (Operation &op : body)
    if (!op.hasTrait<mlir::OpTrait::ConstantLike>())
      stepOf[&op] = steps++;
  return stepOf;
}

FailureOr<SmallVector<TensorBuffer>>
nn::computeTensorLiveness(func::FuncOp func,
                          const TensorLivenessOptions &options) {
  if (!func.getBody().hasOneBlock())
    return func.emitOpError(
        "memory planning needs a function body with a single block");
  Block &body = func.getBody().front();
  auto isConstant = [](Operation *op) {
    return op->hasTrait<mlir::OpTrait::ConstantLike>();
  };

  DenseMap<Operation *, int64_t> stepOf = getExecutionSteps(body);
  Operation *terminator = body.getTerminator();
  DenseSet<Value> returned(terminator->operand_begin(),
                           terminator->operand_end());

  SmallVector<TensorBuffer> buffers;
  DenseMap<Value, int64_t> bufferOf;
  auto addBuffer = [&](Value value, Operation *owner, BufferKind kind,
                       std::string name, Location loc,
                       int64_t step) -> LogicalResult {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (!type)
      return success(); // not data the arena holds (index, tokens, ...)
    std::optional<int64_t> size = getByteSize(type);
    if (!size)
      return emitError(loc) << "cannot plan memory for " << type
                            << ": needs a static shape and a sized element "
                               "type";
    memplan::Buffer record;
    record.size = *size;
    record.alignment = options.alignment;
    record.firstStep = step;
    record.lastStep = step;
    for (OpOperand &use : value.getUses()) {
      Operation *user = body.findAncestorOpInBlock(*use.getOwner());
      if (user && stepOf.count(user))
        record.lastStep = std::max(record.lastStep, stepOf[user]);
    }
    bufferOf[value] = buffers.size();
    buffers.push_back({kind, value, owner, std::move(name), record});
    return success();
  };
  auto inArena = [&](Value v) {
    return !options.isInArena || options.isInArena(v);
  };

  // Values whose storage is not in the arena.
  DenseSet<Value> outside;
  for (Operation &op : body)
    if (isConstant(&op))
      outside.insert(op.result_begin(), op.result_end());
  for (BlockArgument arg : func.getArguments()) {
    if (!inArena(arg)) {
      outside.insert(arg);
      continue;
    }
    std::string name =
        getLocationName(arg.getLoc())
            .value_or("arg" + std::to_string(arg.getArgNumber()));
    if (failed(
            addBuffer(arg, nullptr, BufferKind::Input, name, arg.getLoc(), 0)))
      return failure();
  }

  // The representative of a buffer's alias group.
  auto groupOf = [&](int64_t i) {
    while (buffers[i].record.aliasOf >= 0)
      i = buffers[i].record.aliasOf;
    return i;
  };

  for (Operation &op : body) {
    if (isConstant(&op) || &op == terminator)
      continue;
    int64_t step = stepOf[&op];
    std::string base = getLocationName(op.getLoc())
                           .value_or(op.getName().stripDialect().str() + "_" +
                                     std::to_string(step));
    // Placements are attributes of the op, one per op.
    if (llvm::count_if(op.getResultTypes(), llvm::IsaPred<RankedTensorType>) >
        1)
      return op.emitOpError(
          "has several tensor results; the memory planner needs one per op");
    // A view (reshape) of a value held outside the arena (a caller's input
    // or output buffer, or a constant in flash) is a view of that storage:
    // it takes no arena bytes either.
    if (op.hasTrait<OpTrait::nn::AliasesInput>() && op.getNumOperands() &&
        outside.contains(op.getOperand(0))) {
      outside.insert(op.result_begin(), op.result_end());
      continue;
    }
    for (OpResult result : op.getResults()) {
      bool isOutput = returned.contains(result);
      if (isOutput && !inArena(result)) {
        outside.insert(result);
        continue;
      }
      std::string name =
          op.getNumResults() == 1
              ? base
              : base + "#" + std::to_string(result.getResultNumber());
      size_t before = buffers.size();
      if (failed(
              addBuffer(result, &op,
                        isOutput ? BufferKind::Output : BufferKind::Activation,
                        name, op.getLoc(), step)))
        return failure();
      if (buffers.size() == before || op.getNumOperands() == 0)
        continue;
      TensorBuffer &buffer = buffers.back();
      if (isOutput)
        buffer.record.lastStep = stepOf[terminator];

      // Storage sharing. A view shares its input's storage outright.
      if (op.hasTrait<OpTrait::nn::AliasesInput>()) {
        auto it = bufferOf.find(op.getOperand(0));
        if (it != bufferOf.end() &&
            buffers[it->second].record.size == buffer.record.size)
          buffer.record.aliasOf = it->second;
        continue;
      }
      // An in-place op may take the storage of a same-sized operand whose
      // whole alias group dies here.
      if (!options.inPlace || !op.hasTrait<OpTrait::nn::MayWriteInPlace>())
        continue;
      for (Value operand : op.getOperands()) {
        auto it = bufferOf.find(operand);
        if (it == bufferOf.end() ||
            buffers[it->second].record.size != buffer.record.size)
          continue;
        int64_t group = groupOf(it->second);
        int64_t last = 0;
        for (const TensorBuffer &b : buffers)
          if (&b != &buffer && groupOf(&b - buffers.data()) == group)
            last = std::max(last, b.record.lastStep);
        if (last != step)
          continue;
        buffer.record.aliasOf = it->second;
        break;
      }
    }
    // Per-layer scratch: live during this op only.
    if (auto bytes = op.getAttrOfType<IntegerAttr>(kScratchBytesAttr)) {
      if (bytes.getInt() < 0)
        return op.emitOpError()
               << "'" << kScratchBytesAttr << "' must be non-negative";
      memplan::Buffer record{bytes.getInt(), options.alignment, step, step};
      buffers.push_back({BufferKind::Scratch,
                         op.getNumResults() ? op.getResult(0) : Value(), &op,
                         base + ".scratch", record});
    }
  }
  return buffers;
}

SmallVector<int64_t> nn::getLiveBytesPerStep(ArrayRef<TensorBuffer> buffers) {
  SmallVector<memplan::Buffer> records;
  int64_t steps = 0;
  for (const TensorBuffer &b : buffers) {
    records.push_back(b.record);
    steps = std::max(steps, b.record.lastStep + 1);
  }
  std::vector<int64_t> group = memplan::getAliasGroups(records);
  // Per step, each alias group counts once with its largest member.
  SmallVector<int64_t> live(steps, 0);
  DenseMap<int64_t, std::pair<int64_t, int64_t>> range; // group -> first,last
  DenseMap<int64_t, int64_t> size;
  for (auto [i, r] : llvm::enumerate(records)) {
    auto [it, inserted] = range.try_emplace(group[i], r.firstStep, r.lastStep);
    if (!inserted) {
      it->second.first = std::min(it->second.first, r.firstStep);
      it->second.second = std::max(it->second.second, r.lastStep);
    }
    size[group[i]] = std::max(size[group[i]], memplan::getReservedSize(r));
  }
  for (auto &[g, r] : range)
    for (int64_t s = r.first; s <= r.second; ++s)
      live[s] += size[g];
  return live;
}
