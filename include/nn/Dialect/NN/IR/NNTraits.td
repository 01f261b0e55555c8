//===- NNTraits.td - nn op traits for the memory planner ---*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNTRAITS_TD
#define NN_DIALECT_NN_IR_NNTRAITS_TD

include "mlir/IR/OpBase.td"

class NN_OpTrait<string name> : NativeOpTrait<name> {
  let cppNamespace = "::mlir::OpTrait::nn";
}

// The result is the input's bytes reinterpreted (reshape, squeeze, flatten):
// the memory planner gives it the input's storage, at no cost.
def NN_AliasesInput : NN_OpTrait<"AliasesInput">;

// Each output element depends only on the input elements at the same index,
// so the result may be written over an input of the same byte size that dies
// at this op (in-place activation or elementwise op).
def NN_MayWriteInPlace : NN_OpTrait<"MayWriteInPlace">;

#endif // NN_DIALECT_NN_IR_NNTRAITS_TD
