//===- CreateEntryPoint.cpp - export int <name>_run(...) ------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/LLVM/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNCREATEENTRYPOINTPASS
#include "nn/Target/LLVM/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
struct NNCreateEntryPointPass
    : nn::impl::NNCreateEntryPointPassBase<NNCreateEntryPointPass> {
  void runOnOperation() override;
};
} // namespace

/// The one public function with a body: the lowered network.
static FailureOr<LLVM::LLVMFuncOp> findNetwork(ModuleOp module) {
  LLVM::LLVMFuncOp network;
  for (auto function : module.getOps<LLVM::LLVMFuncOp>()) {
    if (function.isExternal() ||
        function.getLinkage() != LLVM::Linkage::External)
      continue;
    if (network)
      return emitError(function.getLoc(), "more than one public function ('")
             << network.getSymName() << "', '" << function.getSymName()
             << "'): cannot tell which is the network";
    network = function;
  }
  if (!network)
    return emitError(module.getLoc(),
                     "no public function: nothing to export as the entry");
  return network;
}

void NNCreateEntryPointPass::runOnOperation() {
  ModuleOp module = getOperation();
  FailureOr<LLVM::LLVMFuncOp> maybeNetwork = findNetwork(module);
  if (failed(maybeNetwork))
    return signalPassFailure();
  LLVM::LLVMFuncOp network = *maybeNetwork;
  std::string entryName = (network.getSymName() + "_run").str();
  if (SymbolTable::lookupSymbolIn(module, entryName)) {
    network.emitError("'") << entryName << "' exists already";
    return signalPassFailure();
  }

  LLVM::LLVMFunctionType type = network.getFunctionType();
  if (!isa<LLVM::LLVMVoidType>(type.getReturnType()) || type.isVarArg()) {
    network.emitError("the network function must return nothing, got ") << type;
    return signalPassFailure();
  }
  auto ptrType = LLVM::LLVMPointerType::get(&getContext());
  int64_t arenaIndex = -1;
  for (auto [i, argType] : llvm::enumerate(type.getParams())) {
    if (argType != ptrType) {
      network.emitError("argument ")
          << i << " is " << argType
          << ", not a bare pointer (lower with use-bare-ptr-memref-call-conv)";
      return signalPassFailure();
    }
    if (network.getArgAttr(i, getArenaArgAttrName())) {
      if (arenaIndex >= 0 || i + 1 != type.getNumParams()) {
        network.emitError("only the last argument may be the arena ('")
            << getArenaArgAttrName() << "')";
        return signalPassFailure();
      }
      arenaIndex = i;
    }
  }
  // The marker has done its job; LLVM IR export would warn about it.
  if (arenaIndex >= 0)
    network.removeArgAttr(arenaIndex, getArenaArgAttrName());
  unsigned numTensors = arenaIndex >= 0 ? arenaIndex : type.getNumParams();
  if (numTensors < 2) {
    network.emitError("the network needs an input and an output pointer");
    return signalPassFailure();
  }

  // int <name>_run(ptr tensors..., ptr activations) { <name>(...); return 0; }
  OpBuilder builder(module.getContext());
  builder.setInsertionPointAfter(network);
  Location loc = network.getLoc();
  SmallVector<Type> params(numTensors + 1, ptrType);
  auto i32Type = builder.getI32Type();
  auto entry = LLVM::LLVMFuncOp::create(
      builder, loc, entryName, LLVM::LLVMFunctionType::get(i32Type, params));
  Block *body = entry.addEntryBlock(builder);
  builder.setInsertionPointToStart(body);
  SmallVector<Value> operands(body->getArguments().take_front(numTensors));
  if (arenaIndex >= 0)
    operands.push_back(body->getArgument(numTensors));
  LLVM::CallOp::create(builder, loc, network, operands);
  Value zero = LLVM::ConstantOp::create(builder, loc, i32Type, 0);
  LLVM::ReturnOp::create(builder, loc, zero);

  network.setLinkage(LLVM::Linkage::Internal);
}
