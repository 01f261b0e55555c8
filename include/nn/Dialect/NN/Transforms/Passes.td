//===- Passes.td - nn transformation passes ----------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_TRANSFORMS_PASSES_TD
#define NN_DIALECT_NN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNAllocateArena : Pass<"nn-allocate-arena", "ModuleOp"> {
  let summary = "Place a bufferized function's memref.alloc buffers in one arena";
  let description = [{
    Runs after one-shot bufferization. In every function with a body, takes
    each `memref.alloc` of the top-level op sequence (static shape, identity
    layout), follows its view-like aliases (`memref.subview`,
    `expand_shape`/`collapse_shape`, `memref.view`, casts, ...) to find its
    last use in the straight-line top-level order, plans all of them with the
    memory planner core (same options as `--nn-plan-memory`), and replaces
    each alloc with a `memref.view` into a new trailing function argument
    `memref<Nxi8>` (the arena, `{nn.arena, llvm.align = A}`), erasing the
    matching `memref.dealloc`s. The function gets `nn.arena_size`,
    `nn.lower_bound`, `nn.strategy` and `nn.arena_alignment`. Allocs inside regions,
    with dynamic shapes or layouts, or that escape through `func.return` stay
    heap allocations, with a warning. Functions that have callers are
    rejected: their signature would change under the call.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"4",
           "Arena alignment in bytes (a power of two): every buffer starts "
           "at a multiple of it and its size is rounded up to one">,
    Option<"strategy", "strategy", "std::string", /*default=*/"\"best\"",
           "Placement strategy: greedy-by-size, greedy-by-conflicts, "
           "best-fit, exact or best">,
  ];
}

def NNPlanMemory : Pass<"nn-plan-memory", "ModuleOp"> {
  let summary = "Place every activation of an nn tensor program in one arena";
  let description = [{
    Computes the liveness of every tensor of each function body (op results,
    the inputs and outputs unless kept in user buffers, and the per-layer
    scratch buffers ops request with `nn.scratch_bytes`), in the order the
    ops are scheduled, and assigns each an offset in one arena. A reshape
    (`NN_AliasesInput`) shares its input's storage; an op with
    `NN_MayWriteInPlace` (activations, add, mul, quantize) may take the
    storage of a same-sized input whose storage dies at that op.

    Leaves `nn.offset` / `nn.size` (reserved bytes, a multiple of the
    alignment) on each op and on each planned argument,
    `nn.scratch_offset` / `nn.scratch_size` on ops with scratch, and
    `nn.arena_size`, `nn.lower_bound`, `nn.strategy`, `nn.arena_alignment` on the
    function. Optionally writes the plan as JSON and as an SVG picture.
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"4",
           "Arena alignment in bytes (a power of two): every buffer starts "
           "at a multiple of it and its size is rounded up to one">,
    Option<"strategy", "strategy", "std::string", /*default=*/"\"best\"",
           "Placement strategy: greedy-by-size, greedy-by-conflicts, "
           "best-fit, exact or best">,
    Option<"allocateInputs", "allocate-inputs", "bool", /*default=*/"true",
           "Place the function's inputs in the arena">,
    Option<"allocateOutputs", "allocate-outputs", "bool", /*default=*/"true",
           "Place the function's outputs in the arena">,
    Option<"jsonFile", "json-file", "std::string", /*default=*/"\"\"",
           "Write the plan as JSON to this file ('-' for stdout)">,
    Option<"svgFile", "svg-file", "std::string", /*default=*/"\"\"",
           "Write a picture of the plan (SVG) to this file">,
  ];
}

def NNVerifyMemoryPlan : Pass<"nn-verify-memory-plan", "ModuleOp"> {
  let summary = "Check the arena plan left by --nn-plan-memory";
  let description = [{
    For every function with `nn.arena_size`, recomputes the liveness of its
    tensors and checks, from the `nn.offset` / `nn.size` attributes alone,
    that every offset is a multiple of `nn.arena_alignment`, every buffer ends
    inside the arena, each reserved size covers its tensor, and no two
    buffers alive at the same step overlap unless they share storage by an
    allowed alias at the same offset. Fails with an error naming the
    buffers otherwise. Leaves the IR unchanged.
  }];
}

#endif // NN_DIALECT_NN_TRANSFORMS_PASSES_TD
