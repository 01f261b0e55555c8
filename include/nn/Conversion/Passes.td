//===- Passes.td - nn conversion passes --------------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_CONVERSION_PASSES_TD
#define NN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNNToLinalgPass : Pass<"convert-nn-to-linalg", "ModuleOp"> {
  let summary = "lower nn ops on tensors to linalg, arith, math and tensor";
  let description = [{
    Rewrites every `nn` op into upstream ops on tensors: conv2d,
    depthwise_conv2d, fully_connected and pooling as one `linalg.generic`
    over the output whose body accumulates the window in an `scf.for`
    iter_arg (a register) over the unpadded taps and requantizes before the
    store (no accumulator tensor, no padded copy); mean as a
    `linalg.generic` reduction; elementwise `linalg.generic`s (activations,
    add/mul, quantize, requantize) that write over the operand the tensor
    memory planner lets them overwrite (`NN_MayWriteInPlace`);
    `tensor.pad`/`tensor.insert_slice`/reshapes for data movement, and
    `arith.constant` for `nn.constant`. One-shot bufferization then
    allocates exactly the buffers of the tensor-level memory plan.

    Quantized element types become their storage integers
    (`!quant.uniform<i8:...>` -> `i8`, biases `i32`), function signatures
    included. int8 layers follow TFLite's integer kernels exactly: int32
    accumulation with zero points, requantization by a fixed-point multiplier
    and shift computed here at compile time (TFLite's `QuantizeMultiplier`)
    and applied with `SaturatingRoundingDoublingHighMul` +
    `RoundingDivideByPOT`, written straight in `arith` (see docs/numerics.md).
    Leaves no `nn` op and no quantized type behind; unsupported cases are
    reported as errors at the op.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def NNAttachTargetPass : Pass<"nn-attach-target", "ModuleOp"> {
  let summary = "set the module's LLVM target triple and data layout";
  let description = [{
    Sets `llvm.target_triple`, `llvm.data_layout` and `nn.target` on the
    module from the target presets (include/nn/Target/TargetPresets.h), so
    the LLVM IR export and the object emission generate code for it.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"host\"",
           "host, cortex-m4, cortex-m7, cortex-m33, cortex-m55 or rv32imc">,
  ];
}

def NNStridedCopyToLinalgPass
    : Pass<"nn-strided-copy-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "turn memref.copy between non-contiguous buffers into linalg.copy";
  let description = [{
    Bufferized `tensor.pad` and `tensor.insert_slice` copy into strided
    subviews. The LLVM lowering of such a `memref.copy` calls
    `memrefCopy` from MLIR's C runner library, which a microcontroller image
    does not have; as `linalg.copy` it becomes plain loops. Copies between
    contiguous buffers stay `memref.copy` (an `llvm.memcpy`).
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

#endif // NN_CONVERSION_PASSES_TD
