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
    store (no accumulator tensor, no padded copy; a float 3x3 depthwise
    window is unrolled instead, summed column by column into two
    accumulators as XNNPACK does, so its rounding matches TFLite's); mean as a
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

    `requantization` picks how conv2d, depthwise_conv2d and fully_connected
    rescale their accumulators: `double-rounding` (default; TFLite Micro and
    TFLite's reference kernels), `single-rounding` (TFLite built with
    `TFLITE_SINGLE_ROUNDING`) or `fp32` (XNNPACK, TFLite's default CPU
    delegate: float(acc) * float scale rounded half to even).

    `arm-dsp` (set by `--nn-lower-to-llvm` for targets with the Arm DSP
    extension: cortex-m4, m7, m33, m55) computes the int8 inner products of
    conv2d and fully_connected over contiguous runs of input channels (a
    whole kernel row when the x dilation is 1 and there is one group) four
    operands at a time: a `vector<4xi8>` read bitcast to i32 for input and
    weights, `llvm.arm.sxtb16` on the word and on the word rotated by 8, and
    two `llvm.arm.smlad` dual multiply-accumulates, as CMSIS-NN does; the
    `length % 4` last products stay scalar. fully_connected and 1x1 convs
    fold the input zero point out of the inner loop; other single-group
    convs (and a depthwise conv of one input channel, as a conv) run blocks
    of four output channels over interior and border outputs, subtracting
    the zero point with `llvm.arm.sxtab16` and multiplying by weights
    widened at compile time to halfword pairs; depthwise convs with depth
    multiplier 1 run four channels per tap with `llvm.arm.smlabb` /
    `llvm.arm.smlatt`. The result is the same i32 as the portable loop's.

    `hybrid` picks how hybrid conv2d layers (float activations, int8 weights
    with one scale) compute: `dynamic-range` (default) as TFLite's hybrid
    kernel (conv.cc `EvalHybrid`): the input is quantized at run time to
    int8, symmetric, one scale per batch (`SymmetricQuantizeFloats`), the
    int8 products accumulate in int32, and each output is
    `float(acc) * (input scale * weight scale) + bias`; the int8 copy of the
    input and one float per batch are two more tensors, which the conv reads
    instead of its float input.
    `dequantize` dequantizes each weight in its register and accumulates in
    float. Other hybrid layers (depthwise, fully connected, per-channel
    weights) always dequantize.
  }];
  let options = [
    Option<"requantization", "requantization", "std::string",
           /*default=*/"\"double-rounding\"",
           "int8 requantization: double-rounding (TFLite Micro), single-rounding (TFLITE_SINGLE_ROUNDING) or fp32 (XNNPACK)">,
    Option<"hybrid", "hybrid", "std::string",
           /*default=*/"\"dynamic-range\"",
           "hybrid layers (float activations, int8 weights): dynamic-range (TFLite's hybrid kernels) or dequantize (float MACs)">,
    Option<"armDsp", "arm-dsp", "bool", /*default=*/"false",
           "int8 conv2d/fully_connected inner products with the Arm DSP extension (SXTB16 + SMLAD)">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def NNApproximateMathPass : Pass<"nn-approximate-math"> {
  let summary = "replace math library calls by inline polynomial approximations";
  let description = [{
    The generated code may call nothing beyond memcpy/memset, but
    `--convert-math-to-llvm` turns `math.exp`, `math.tanh`, ... into
    `llvm.intr.exp` and the like, which the back end emits as calls to
    libm's `expf`, `tanhf`. This pass rewrites them with upstream's
    polynomial approximations (`populateMathPolynomialApproximationPatterns`:
    Cephes-style range reduction plus a polynomial, about 1-2 ulp for f32
    exp) and then expands what those leave that is itself a call on some
    targets: f32 `math.floor` (no VRINTM on the Cortex-M4's FPv4) into
    `fptosi`/`sitofp` through i32, and `math.fma` into `arith.mulf` +
    `arith.addf` with the `contract` flag (LLVM fuses them where the FPU
    has a multiply-accumulate; `llvm.fma` is a call to `fmaf` on x86-64's
    baseline and on soft-float RV32). Leaves no op the LLVM back end would
    turn into a libm call; docs/numerics.md gives the measured accuracy.

    With `soft-float` (a target without an FPU, such as rv32imc) it also
    expands `arith.maximumf` and `arith.minimumf` (clamps, max pooling, the
    approximations' range limits) with upstream's arith expansion patterns
    into `arith.cmpf` + `arith.select`, NaN propagated: LLVM softens
    `llvm.maximum`/`llvm.minimum` into calls to libm's `fmaximumf` and
    `fminimumf` there. Other arith ops are left as they are.
  }];
  let options = [
    Option<"softFloat", "soft-float", "bool", /*default=*/"false",
           "The target has no FPU: also expand arith.maximumf/minimumf to "
           "compare and select">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
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

def NNConvertVectorToLLVMPass : Pass<"nn-convert-vector-to-llvm", "ModuleOp"> {
  let summary = "lower the vector reads of the arm-dsp kernels to LLVM with a given index width";
  let description = [{
    The `arm-dsp` lowering of `--convert-nn-to-linalg` reads four int8
    operands at a time with 1-D in-bounds `vector.transfer_read`s, bitcast
    to `vector<1xi32>` and extracted. This pass turns those into
    `vector.load` and lowers the vector ops to the LLVM dialect with
    `index-bitwidth`, like the other `--convert-*-to-llvm` passes of the
    pipeline: upstream's `--convert-vector-to-llvm` always converts `index`
    to i64, which does not reconcile with the i32 `index` of 32-bit targets.
    Leaves memrefs for `--finalize-memref-to-llvm`.
  }];
  let options = [
    Option<"indexBitwidth", "index-bitwidth", "unsigned", /*default=*/"0",
           "Bitwidth of the index type, 0 to use the data layout's">,
  ];
  let dependentDialects = [
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def NNOutlineLoopsPass : Pass<"nn-outline-loops", "ModuleOp"> {
  let summary = "move each top-level loop nest into its own function";
  let description = [{
    Runs on bufferized loops (after `--convert-linalg-to-loops`). In every
    function with a body, each top-level op with regions (a layer's loop
    nest or one of its row copies) moves into a new private function
    `<function>_loop<N>` (internal linkage, `no_inline` and LLVM's `noinline`), and a `func.call` takes its
    place. Pure ops without regions the nest uses (constants,
    `memref.get_global`, `memref.view`, subviews, reshapes) are cloned into
    the new function (and dropped from the caller where no longer used),
    so its arguments are only the caller's block
    arguments (input, output, arena) and other values the nest cannot
    recompute; it keeps their `llvm.*` argument attributes (`noalias`).
    LLVM then optimizes and generates code for one layer at a time: its
    superlinear passes (loop strength reduction, SCEV) no longer see every
    loop of the network in one function. A nest that would need an argument
    a bare pointer cannot pass (a memref with a non-identity layout or a
    dynamic shape) or that returns values stays where it is.
  }];
  let dependentDialects = [
    "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect",
  ];
}

def NNStridedCopyToLinalgPass
    : Pass<"nn-strided-copy-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "turn memref.copy between non-contiguous buffers into row copies or linalg.copy";
  let description = [{
    Bufferized `tensor.pad` and `tensor.insert_slice` copy into strided
    subviews. The LLVM lowering of such a `memref.copy` calls
    `memrefCopy` from MLIR's C runner library, which a microcontroller image
    does not have. Where the trailing dimensions are contiguous in both
    buffers and such a row holds at least 16 bytes, this pass emits
    `scf.for` loops over the outer dimensions around a `memref.copy` of one
    row (a 1-D contiguous view, which lowers to `llvm.memcpy`); other copies
    become `linalg.copy`, plain element loops. Copies between contiguous
    buffers stay `memref.copy` (an `llvm.memcpy`). Row copies also keep the
    LLVM back end from unrolling byte loops, which made loop strength
    reduction the largest share of compile time.
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

#endif // NN_CONVERSION_PASSES_TD
