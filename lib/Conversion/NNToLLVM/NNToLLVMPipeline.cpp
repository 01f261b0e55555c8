//===- NNToLLVMPipeline.cpp - the --nn-lower-to-llvm pipeline -------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::nn;

std::optional<TargetInfo> mlir::nn::lookupTarget(StringRef name) {
  // Data layouts as clang emits them for these triples.
  static constexpr StringLiteral armLayout =
      "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64";
  return llvm::StringSwitch<std::optional<TargetInfo>>(name)
      .Case("host",
            TargetInfo{"x86_64-pc-linux-gnu",
                       "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-"
                       "f80:128-n8:16:32:64-S128",
                       "x86-64", 64})
      .Case("cortex-m4", TargetInfo{"thumbv7em-none-unknown-eabihf", armLayout,
                                    "cortex-m4", 32})
      .Case("cortex-m7", TargetInfo{"thumbv7em-none-unknown-eabihf", armLayout,
                                    "cortex-m7", 32})
      .Case("cortex-m33", TargetInfo{"thumbv8m.main-none-unknown-eabihf",
                                     armLayout, "cortex-m33", 32})
      .Case("cortex-m55", TargetInfo{"thumbv8.1m.main-none-unknown-eabihf",
                                     armLayout, "cortex-m55", 32})
      .Case("rv32imc",
            TargetInfo{"riscv32-unknown-unknown-elf",
                       "e-m:e-p:32:32-i64:64-n32-S128", "generic-rv32", 32})
      .Default(std::nullopt);
}

void mlir::nn::buildNNToLLVMPipeline(OpPassManager &pm,
                                     const NNToLLVMPipelineOptions &options) {
  std::optional<TargetInfo> target = lookupTarget(options.target);
  unsigned indexBitwidth = target ? target->indexBitwidth : 0;

  // nn -> linalg on tensors.
  pm.addPass(createConvertNNToLinalgPass());
  pm.addPass(createCanonicalizerPass());

  // Tensors -> buffers. Results become caller-provided out parameters so the
  // entry point writes straight into the user's output buffer.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  pm.addPass(createCanonicalizerPass());
  bufferization::buildBufferDeallocationPipeline(pm);

  // Buffers -> loops -> LLVM dialect.
  pm.addNestedPass<func::FuncOp>(createNNStridedCopyToLinalgPass());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(
      {/*useAlignedAlloc=*/false, indexBitwidth,
       /*useGenericFunctions=*/false}));
  pm.addPass(createArithToLLVMConversionPass({indexBitwidth}));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass({indexBitwidth}));
  pm.addPass(createConvertFuncToLLVMPass(
      {/*useBarePtrCallConv=*/true, indexBitwidth}));
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createNNAttachTargetPass({options.target}));
}

void mlir::nn::registerNNToLLVMPipeline() {
  PassPipelineRegistration<NNToLLVMPipelineOptions>(
      "nn-lower-to-llvm",
      "lower nn on tensors to the LLVM dialect for a target (host, cortex-m4, "
      "cortex-m7, cortex-m33, cortex-m55, rv32imc)",
      buildNNToLLVMPipeline);
}
