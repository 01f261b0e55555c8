//===- Passes.td - passes on the lowered LLVM-dialect module -*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_LLVM_PASSES_TD
#define NN_TARGET_LLVM_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNCreateEntryPointPass : Pass<"nn-create-entry-point", "ModuleOp"> {
  let summary = "export the network as int <name>_run(input, output, activations)";
  let description = [{
    Runs on the LLVM-dialect module the lowering leaves: its one public
    `llvm.func` definition `@<name>` takes bare pointers (inputs, then
    outputs, then optionally the activation arena, marked with the argument
    attribute `nn.arena`) and returns nothing. The pass adds the C
    entry point the generated header declares,

        int <name>_run(const void *input, void *output, void *activations);

    which calls `@<name>` (passing the arena when it takes one) and returns
    0, and makes `@<name>` internal, so LLVM inlines it and its symbol (e.g.
    `main`, as TFLite names subgraphs) cannot collide with the user's code.
    A module without a single such function, or with a `<name>_run` symbol
    already, is an error.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // NN_TARGET_LLVM_PASSES_TD
