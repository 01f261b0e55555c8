//===- EntryPoint.cpp - the C entry point <name>_run ----------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNENTRYPOINTPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
struct NNEntryPointPass : nn::impl::NNEntryPointPassBase<NNEntryPointPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<LLVM::LLVMFuncOp> networks;
    for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
      LLVM::LLVMFunctionType type = func.getFunctionType();
      bool allPointers = llvm::all_of(type.getParams(), [](Type t) {
        return isa<LLVM::LLVMPointerType>(t);
      });
      if (!func.isExternal() && !func.isPrivate() &&
          func.getLinkage() == LLVM::Linkage::External &&
          isa<LLVM::LLVMVoidType>(type.getReturnType()) && allPointers &&
          !func.getName().ends_with("_run"))
        networks.push_back(func);
    }
    MLIRContext *ctx = module.getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);
    for (LLVM::LLVMFuncOp network : networks) {
      std::string name = (network.getName() + "_run").str();
      if (module.lookupSymbol(name)) {
        network.emitError()
            << "cannot add the entry point '" << name << "': the symbol exists";
        return signalPassFailure();
      }
      // After --nn-bufferize the network's last argument is the arena
      // (`nn.arena`); it becomes the entry's `activations`.
      unsigned numParams = network.getNumArguments();
      bool takesArena =
          numParams > 0 && network.getArgAttr(numParams - 1, "nn.arena");
      if (takesArena)
        network.removeArgAttr(numParams - 1, "nn.arena");
      SmallVector<Type> params(network.getFunctionType().getParams());
      if (!takesArena)
        params.push_back(ptr); // activations
      OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
      Location loc = network.getLoc();
      auto entry = LLVM::LLVMFuncOp::create(
          b, loc, name, LLVM::LLVMFunctionType::get(i32, params));
      Block *block = entry.addEntryBlock(b);
      b.setInsertionPointToStart(block);
      LLVM::CallOp::create(b, loc, network,
                           takesArena ? block->getArguments()
                                      : block->getArguments().drop_back());
      Value zero = LLVM::ConstantOp::create(b, loc, i32, 0);
      LLVM::ReturnOp::create(b, loc, zero);
      network.setLinkage(LLVM::Linkage::Internal);
    }
  }
};
} // namespace
