//===- Passes.h - nn conversion passes and the LLVM pipeline ----*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_CONVERSION_PASSES_H
#define NN_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

#include <optional>
#include <string>

namespace mlir::nn {

#define GEN_PASS_DECL
#include "nn/Conversion/Passes.h.inc"

struct NNToLLVMPipelineOptions
    : public PassPipelineOptions<NNToLLVMPipelineOptions> {
  PassOptions::Option<std::string> target{
      *this, "target",
      llvm::cl::desc("host, cortex-m4, cortex-m7, cortex-m33, cortex-m55 or "
                     "rv32imc"),
      llvm::cl::init("host")};
  PassOptions::Option<int64_t> alignment{
      *this, "alignment", llvm::cl::desc("Activation arena alignment in bytes"),
      llvm::cl::init(4)};
  PassOptions::Option<std::string> requantization{
      *this, "requantization",
      llvm::cl::desc("int8 requantization: double-rounding (TFLite Micro), "
                     "single-rounding or fp32 (XNNPACK)"),
      llvm::cl::init("double-rounding")};
  PassOptions::Option<bool> outlineLoops{
      *this, "outline-loops",
      llvm::cl::desc("One function per top-level loop nest "
                     "(--nn-outline-loops): per-layer symbols, smaller "
                     "functions for LLVM"),
      llvm::cl::init(false)};
  PassOptions::Option<std::string> hybrid{
      *this, "hybrid",
      llvm::cl::desc("hybrid layers: dynamic-range (TFLite's hybrid kernels) "
                     "or dequantize (float MACs)"),
      llvm::cl::init("dynamic-range")};
};

/// nn on tensors -> linalg -> buffers -> loops -> LLVM dialect for `target`:
/// the one list `nn-opt --nn-lower-to-llvm` and the driver both run.
void buildNNToLLVMPipeline(OpPassManager &pm,
                           const NNToLLVMPipelineOptions &options);

/// Registers `--nn-lower-to-llvm`.
void registerNNToLLVMPipeline();

#define GEN_PASS_REGISTRATION
#include "nn/Conversion/Passes.h.inc"

} // namespace mlir::nn

#endif // NN_CONVERSION_PASSES_H
