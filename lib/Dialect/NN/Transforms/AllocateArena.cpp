//===- AllocateArena.cpp - place memref.alloc buffers in an arena -*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The memref-level twin of --nn-plan-memory: after bufferization, each
// top-level memref.alloc becomes a memref.view into one arena argument at the
// offset the planner core chose.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/MemoryPlanner.h"
#include "nn/Analysis/TensorMemoryPlan.h"
#include "nn/Dialect/NN/IR/NNUtils.h"
#include "nn/Dialect/NN/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNALLOCATEARENA
#include "nn/Dialect/NN/Transforms/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
/// An alloc to place, with the deallocs to drop once it lives in the arena.
struct ArenaBuffer {
  memref::AllocOp alloc;
  SmallVector<memref::DeallocOp> deallocs;
  memplan::Buffer record;
};

/// Liveness of `alloc` over the top-level ops of `block` (steps = op
/// positions). Every memref result of an op that uses the buffer (or one of
/// its aliases) may alias it, so such results are followed too: views,
/// casts, and anything unknown, which only lengthens the range. Fails when
/// the buffer escapes through the terminator.
LogicalResult computeAllocLiveness(memref::AllocOp alloc, Block &block,
                                   const DenseMap<Operation *, int64_t> &stepOf,
                                   ArenaBuffer &buffer) {
  int64_t last = stepOf.lookup(alloc);
  SmallVector<Value> worklist = {alloc.getResult()};
  DenseSet<Value> seen = {alloc.getResult()};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      Operation *top = block.findAncestorOpInBlock(*user);
      if (!top)
        continue;
      if (top == block.getTerminator())
        return failure();
      if (auto dealloc = dyn_cast<memref::DeallocOp>(user)) {
        buffer.deallocs.push_back(dealloc);
        continue;
      }
      last = std::max(last, stepOf.lookup(top));
      for (Value result : top->getResults())
        if (isa<BaseMemRefType>(result.getType()) && seen.insert(result).second)
          worklist.push_back(result);
    }
  }
  buffer.record.firstStep = stepOf.lookup(alloc);
  buffer.record.lastStep = last;
  return success();
}

struct AllocateArenaPass : nn::impl::NNAllocateArenaBase<AllocateArenaPass> {
  using Base::Base;

  LogicalResult placeFunction(func::FuncOp func, memplan::Strategy strategy) {
    if (!func.getBody().hasOneBlock())
      return func.emitOpError(
          "arena placement needs a function body with a single block");
    Block &block = func.getBody().front();
    DenseMap<Operation *, int64_t> stepOf;
    for (Operation &op : block)
      stepOf[&op] = stepOf.size();

    SmallVector<ArenaBuffer> buffers;
    for (Operation &op : block) {
      auto alloc = dyn_cast<memref::AllocOp>(op);
      if (!alloc)
        continue;
      MemRefType type = alloc.getType();
      std::optional<int64_t> size = getByteSize(type);
      if (!size || !type.getLayout().isIdentity() || type.getMemorySpace()) {
        alloc.emitWarning("not placed in the arena: needs a static shape, an "
                          "identity layout and the default memory space");
        continue;
      }
      ArenaBuffer buffer;
      buffer.alloc = alloc;
      buffer.record.size = *size;
      buffer.record.alignment =
          std::max<int64_t>(alignment, alloc.getAlignment().value_or(1));
      if (failed(computeAllocLiveness(alloc, block, stepOf, buffer))) {
        alloc.emitWarning("not placed in the arena: the buffer escapes "
                          "through the terminator (run "
                          "--buffer-results-to-out-params first)");
        continue;
      }
      buffers.push_back(std::move(buffer));
    }
    func.walk([&](memref::AllocOp alloc) {
      if (alloc->getBlock() != &block)
        alloc.emitWarning("not placed in the arena: allocated inside a region");
    });
    if (buffers.empty())
      return success();

    if (auto uses = SymbolTable::getSymbolUses(func, getOperation());
        uses && !uses->empty())
      return func.emitOpError("has callers; cannot add an arena argument to "
                              "it (inline it first)");

    SmallVector<memplan::Buffer> records;
    int64_t arenaAlignment = alignment;
    for (const ArenaBuffer &b : buffers) {
      records.push_back(b.record);
      arenaAlignment = std::max(arenaAlignment, b.record.alignment);
    }
    memplan::PlanOptions options;
    options.strategy = strategy;
    llvm::Expected<memplan::Plan> plan = memplan::planBuffers(records, options);
    if (!plan)
      return func.emitOpError("memory planning failed: ")
             << llvm::toString(plan.takeError());

    Builder b(func.getContext());
    auto arenaType = MemRefType::get({plan->arenaSize}, b.getI8Type());
    NamedAttribute argAttrs[] = {
        b.getNamedAttr("nn.arena", b.getUnitAttr()),
        b.getNamedAttr("llvm.align", b.getI64IntegerAttr(arenaAlignment))};
    unsigned arenaIndex = func.getNumArguments();
    if (failed(func.insertArgument(arenaIndex, arenaType,
                                   b.getDictionaryAttr(argAttrs),
                                   func.getLoc())))
      return func.emitOpError("cannot add the arena argument");
    Value arena = func.getArgument(arenaIndex);

    for (auto [buffer, offset] : llvm::zip(buffers, plan->offsets)) {
      OpBuilder builder(buffer.alloc);
      Location loc = buffer.alloc.getLoc();
      Value offsetValue = arith::ConstantIndexOp::create(builder, loc, offset);
      Value view = memref::ViewOp::create(builder, loc, buffer.alloc.getType(),
                                          arena, offsetValue, ValueRange{});
      buffer.alloc.replaceAllUsesWith(view);
      for (memref::DeallocOp dealloc : buffer.deallocs)
        dealloc.erase();
      buffer.alloc.erase();
    }
    func->setAttr(kArenaSizeAttr, b.getI64IntegerAttr(plan->arenaSize));
    func->setAttr(kLowerBoundAttr, b.getI64IntegerAttr(plan->lowerBound));
    func->setAttr(kStrategyAttr,
                  b.getStringAttr(memplan::getStrategyName(plan->strategy)));
    func->setAttr(kAlignmentAttr, b.getI64IntegerAttr(arenaAlignment));
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<memplan::Strategy> kind =
        checkPlannerOptions(module, alignment, strategy);
    if (failed(kind))
      return signalPassFailure();
    for (auto func : llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      if (!func.isExternal() && failed(placeFunction(func, *kind)))
        return signalPassFailure();
  }
};
} // namespace

void nn::buildBufferizePipeline(OpPassManager &pm,
                                const BufferizePipelineOptions &options) {
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  bufferize.unknownTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // Allocs carry the arena's alignment rather than upstream's 64 bytes,
  // which would waste RAM on a microcontroller.
  bufferize.bufferAlignment = options.alignment;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Loops that write a buffer in place (the arm-dsp matrix products carry
  // their output tensor as iter_args) pass it through as a result; folding
  // such results into the loop's init lets the returned alloc become the
  // out-parameter below.
  pm.addPass(createCanonicalizerPass());
  // Results become caller-provided buffers, so no alloc escapes the arena;
  // a static alloc that is returned is replaced by the out-parameter.
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  NNAllocateArenaOptions arena;
  arena.alignment = options.alignment;
  arena.strategy = options.strategy;
  pm.addPass(createNNAllocateArena(arena));
}

void nn::registerNNTransformsPipelines() {
  registerNNTransformsPasses();
  PassPipelineRegistration<BufferizePipelineOptions>(
      "nn-bufferize",
      "One-shot bufferization (function boundaries, identity layouts), "
      "results as out-parameters, then every buffer placed in one arena "
      "(--nn-allocate-arena)",
      buildBufferizePipeline);
}
