//===- EmitCHeader.h - the C header of a compiled network -------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Writes `<name>.h`, the C interface of the object the pipeline emits: the
// entry point `int <name>_run(const void *input, void *output,
// void *activations)`, the arena size and alignment the caller allocates, the
// size, shape, element type and quantization of every input and output, and
// the bytes of weights the object keeps in ROM. It reads the entry function
// before lowering, while its signature still has tensor types:
//
//   - the public `func.func` with a body is the entry; `<name>` is its symbol;
//   - its arguments are the inputs, its results the outputs;
//   - `nn.arena_size` / `nn.alignment` (integers, from the memory
//     planner) give the activation arena;
//   - optional `nn.input_offsets` / `nn.output_offsets` (i64 arrays) mean the
//     planner placed the inputs/outputs inside the arena: the header then adds
//     their offsets and `<name>_run_in_arena(void *activations)`;
//   - the weights are the constant-like ops with tensor results in the entry.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_CHEADER_EMITCHEADER_H
#define NN_TARGET_CHEADER_EMITCHEADER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace mlir::nn {

/// Writes the C header of the entry function in `module` to `os`; reports an
/// error on the offending op and returns failure when the entry or one of its
/// attributes is missing or has a type C cannot describe.
LogicalResult emitCHeader(ModuleOp module, raw_ostream &os);

/// Registers --nn-to-c-header with mlir-translate.
void registerCHeaderTranslation();

/// Entry function attributes the header reads (set by the memory planner).
inline StringRef getArenaSizeAttrName() { return "nn.arena_size"; }
inline StringRef getAlignmentAttrName() { return "nn.alignment"; }
inline StringRef getInputOffsetsAttrName() { return "nn.input_offsets"; }
inline StringRef getOutputOffsetsAttrName() { return "nn.output_offsets"; }

} // namespace mlir::nn

#endif // NN_TARGET_CHEADER_EMITCHEADER_H
