//===- OutlineLoops.cpp - one function per top-level loop nest ------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNOUTLINELOOPSPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

/// Whether a value of `type` can be a function argument after
/// `--convert-func-to-llvm` with bare pointers: scalars, and memrefs whose
/// pointer alone describes them.
static bool isBarePointerArgument(Type type) {
  if (auto memref = dyn_cast<MemRefType>(type))
    return memref.hasStaticShape() && memref.getLayout().isIdentity();
  return type.isIntOrIndexOrFloat();
}

namespace {
/// What the outlined function of one nest needs: the ops to clone in front
/// of it (in block order) and the values it takes as arguments.
struct NestInputs {
  SetVector<Operation *> clones;
  SetVector<Value> arguments;
};
} // namespace

/// Collects what `nest` (a top-level op of `block`) uses from `block`;
/// fails if some argument cannot be passed.
static FailureOr<NestInputs> collectInputs(Operation *nest) {
  SetVector<Value> used;
  getUsedValuesDefinedAbove(nest->getRegions(), used);
  used.insert(nest->operand_begin(), nest->operand_end());

  NestInputs inputs;
  SmallVector<Value> worklist(used.begin(), used.end());
  DenseSet<Value> seen(used.begin(), used.end());
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    Operation *def = value.getDefiningOp();
    // Recompute pure, region-free definitions inside the new function: the
    // layer's views keep their constant offsets from one base pointer, so
    // LLVM's alias analysis sees them as before.
    if (def && def->getNumRegions() == 0 && isMemoryEffectFree(def)) {
      if (inputs.clones.insert(def))
        for (Value operand : def->getOperands())
          if (seen.insert(operand).second)
            worklist.push_back(operand);
      continue;
    }
    if (!isBarePointerArgument(value.getType()))
      return failure();
    inputs.arguments.insert(value);
  }
  // Clone in block order so every definition precedes its uses.
  SmallVector<Operation *> ordered = inputs.clones.takeVector();
  llvm::sort(ordered,
             [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
  inputs.clones.insert(ordered.begin(), ordered.end());
  // Arguments in a stable order: block arguments by position first.
  SmallVector<Value> arguments = inputs.arguments.takeVector();
  llvm::sort(arguments, [](Value a, Value b) {
    auto argA = dyn_cast<BlockArgument>(a), argB = dyn_cast<BlockArgument>(b);
    if (argA && argB)
      return argA.getArgNumber() < argB.getArgNumber();
    if (argA || argB)
      return bool(argA);
    Operation *defA = a.getDefiningOp(), *defB = b.getDefiningOp();
    if (defA == defB)
      return cast<OpResult>(a).getResultNumber() <
             cast<OpResult>(b).getResultNumber();
    return defA->isBeforeInBlock(defB);
  });
  inputs.arguments.insert(arguments.begin(), arguments.end());
  return inputs;
}

/// Moves `nest` into a new private function named `name` and calls it.
/// The new function goes after `previous`, which then becomes it.
static void outlineNest(func::FuncOp caller, Operation *nest, StringRef name,
                        const NestInputs &inputs, SymbolTable &symbols,
                        Operation *&previous) {
  OpBuilder builder(caller);
  builder.setInsertionPointAfter(previous);
  Location loc = nest->getLoc();
  SmallVector<Type> argumentTypes;
  for (Value argument : inputs.arguments)
    argumentTypes.push_back(argument.getType());
  auto callee = func::FuncOp::create(
      builder, loc, name, builder.getFunctionType(argumentTypes, {}));
  callee.setPrivate();
  // Internal to the object: --convert-func-to-llvm would otherwise export it
  // (it reads the linkage from this attribute).
  callee->setAttr(
      "llvm.linkage",
      LLVM::LinkageAttr::get(builder.getContext(), LLVM::Linkage::Internal));
  // LLVM's inliner would put the nests back together. --convert-func-to-llvm
  // drops func.func's own no_inline but passes `passthrough` on.
  callee.setNoInline(true);
  callee->setAttr("passthrough",
                  builder.getArrayAttr(builder.getStringAttr("noinline")));
  symbols.insert(callee);
  previous = callee;

  // The caller's LLVM argument attributes (noalias) hold for the callee's
  // copies of its block arguments.
  for (auto [i, argument] : llvm::enumerate(inputs.arguments)) {
    auto blockArgument = dyn_cast<BlockArgument>(argument);
    if (!blockArgument || blockArgument.getOwner() != &caller.front())
      continue;
    DictionaryAttr attrs = caller.getArgAttrDict(blockArgument.getArgNumber());
    if (!attrs)
      continue;
    for (NamedAttribute attr : attrs)
      if (attr.getName().getValue().starts_with("llvm."))
        callee.setArgAttr(i, attr.getName(), attr.getValue());
  }

  Block *body = callee.addEntryBlock();
  builder.setInsertionPointToStart(body);
  IRMapping mapping;
  mapping.map(inputs.arguments.getArrayRef(), body->getArguments());
  for (Operation *op : inputs.clones)
    builder.clone(*op, mapping);
  builder.clone(*nest, mapping);
  func::ReturnOp::create(builder, loc);

  builder.setInsertionPoint(nest);
  func::CallOp::create(builder, loc, callee, inputs.arguments.getArrayRef());
  nest->erase();
}

namespace {
struct NNOutlineLoopsPass
    : nn::impl::NNOutlineLoopsPassBase<NNOutlineLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    for (auto caller : llvm::to_vector(module.getOps<func::FuncOp>())) {
      if (caller.isExternal() || !caller.getBody().hasOneBlock())
        continue;
      SmallVector<Operation *> nests;
      for (Operation &op : caller.front().without_terminator())
        if (op.getNumRegions() > 0 && op.getNumResults() == 0)
          nests.push_back(&op);
      unsigned index = 0;
      Operation *previous = caller;
      SetVector<Operation *> cloned;
      for (Operation *nest : nests) {
        FailureOr<NestInputs> inputs = collectInputs(nest);
        if (failed(inputs))
          continue;
        cloned.insert(inputs->clones.begin(), inputs->clones.end());
        // SymbolTable::insert would rename a clash; pick a free name so the
        // numbering stays in order.
        std::string name;
        do
          name = (caller.getSymName() + "_loop" + Twine(index++)).str();
        while (symbols.lookup(name));
        outlineNest(caller, nest, name, *inputs, symbols, previous);
      }
      // The caller's copies of what the callees recompute, now unused: in
      // reverse block order, so a view goes before the value it reads.
      SmallVector<Operation *> dead = cloned.takeVector();
      llvm::sort(dead, [](Operation *a, Operation *b) {
        return b->isBeforeInBlock(a);
      });
      for (Operation *op : dead)
        if (op->use_empty())
          op->erase();
    }
  }
};
} // namespace
