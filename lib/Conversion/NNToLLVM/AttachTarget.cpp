//===- AttachTarget.cpp - set the module's LLVM target --------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"
#include "nn/Target/TargetPresets.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNATTACHTARGETPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
struct NNAttachTargetPass
    : nn::impl::NNAttachTargetPassBase<NNAttachTargetPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    const TargetPreset *info = lookupTargetPreset(target);
    if (!info) {
      module.emitError() << "unknown target '" << target
                         << "' (expected one of " << getTargetPresetNames()
                         << ")";
      return signalPassFailure();
    }
    Builder b(module.getContext());
    module->setAttr(LLVM::LLVMDialect::getTargetTripleAttrName(),
                    b.getStringAttr(info->triple));
    module->setAttr(LLVM::LLVMDialect::getDataLayoutAttrName(),
                    b.getStringAttr(info->dataLayout));
    module->setAttr(getTargetAttrName(), b.getStringAttr(info->name));
  }
};
} // namespace
