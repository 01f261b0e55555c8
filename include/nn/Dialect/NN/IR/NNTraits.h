//===- NNTraits.h - nn op traits for the memory planner ---------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Marker traits (declared in NNTraits.td) that tell the memory planner which
// results may share storage with an operand.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNTRAITS_H
#define NN_DIALECT_NN_IR_NNTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace mlir::OpTrait::nn {

/// The result reinterprets operand 0's bytes (a view): same storage.
template <typename ConcreteType>
class AliasesInput : public TraitBase<ConcreteType, AliasesInput> {};

/// The result may overwrite a same-sized operand that dies at this op.
template <typename ConcreteType>
class MayWriteInPlace : public TraitBase<ConcreteType, MayWriteInPlace> {};

} // namespace mlir::OpTrait::nn

#endif // NN_DIALECT_NN_IR_NNTRAITS_H
