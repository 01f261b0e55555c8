//===- NNToLLVMPipeline.cpp - the --nn-lower-to-llvm pipeline -------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/Transforms/Passes.h"
#include "nn/Target/LLVM/Passes.h"
#include "nn/Target/TargetPresets.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::nn;

void mlir::nn::buildNNToLLVMPipeline(OpPassManager &pm,
                                     const NNToLLVMPipelineOptions &options) {
  // An unknown target is reported by --nn-attach-target at the end.
  const TargetPreset *target = lookupTargetPreset(options.target);
  unsigned indexBitwidth = target ? target->pointerBits : 0;

  // nn -> linalg on tensors.
  ConvertNNToLinalgPassOptions lowering;
  lowering.requantization = options.requantization;
  lowering.hybrid = options.hybrid;
  lowering.armDsp = target && target->hasArmDsp();
  pm.addPass(createConvertNNToLinalgPass(lowering));

  // Tensors -> buffers: one-shot bufferization, results as out-parameters,
  // every intermediate buffer placed in one activation arena argument.
  pm.addPass(createCanonicalizerPass());
  BufferizePipelineOptions bufferize;
  bufferize.alignment = options.alignment;
  buildBufferizePipeline(pm, bufferize);

  // Buffers -> loops -> LLVM dialect.
  pm.addNestedPass<func::FuncOp>(createNNStridedCopyToLinalgPass());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  if (options.outlineLoops)
    pm.addPass(createNNOutlineLoopsPass());
  // exp & co. inline, and without an FPU float min/max too: the image may
  // not call libm.
  NNApproximateMathPassOptions math;
  math.softFloat = target && target->floatABI == FloatABI::Soft;
  pm.addPass(createNNApproximateMathPass(math));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  // Needed: without it the hybrid KWS runs 0.7% more instructions.
  pm.addPass(createCanonicalizerPass());
  if (lowering.armDsp)
    pm.addPass(createNNConvertVectorToLLVMPass({indexBitwidth}));
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(
      {/*useAlignedAlloc=*/false, indexBitwidth,
       /*useGenericFunctions=*/false}));
  pm.addPass(createArithToLLVMConversionPass({indexBitwidth}));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass({indexBitwidth}));
  pm.addPass(createConvertFuncToLLVMPass(
      {/*useBarePtrCallConv=*/true, indexBitwidth}));
  pm.addPass(createReconcileUnrealizedCastsPass());
  // The C entry point <name>_run(input, output, activations).
  // No canonicalization after it: LLVM's -O1 does the same folding; the
  // Cortex-M4 objects of person detection and the hybrid KWS stay
  // byte-identical without it.
  pm.addPass(createNNCreateEntryPointPass());
  pm.addPass(createNNAttachTargetPass({options.target}));
}

void mlir::nn::registerNNToLLVMPipeline() {
  PassPipelineRegistration<NNToLLVMPipelineOptions>(
      "nn-lower-to-llvm",
      "lower nn on tensors to the LLVM dialect for a target (host, cortex-m4, "
      "cortex-m7, cortex-m33, cortex-m55, rv32imc)",
      buildNNToLLVMPipeline);
}
