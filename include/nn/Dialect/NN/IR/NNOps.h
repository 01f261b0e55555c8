//===- NNOps.h - nn dialect operations --------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNOPS_H
#define NN_DIALECT_NN_IR_NNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "nn/Dialect/NN/IR/NNAttrs.h"
#include "nn/Dialect/NN/IR/NNCostInterface.h"
#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNTraits.h"

#define GET_OP_CLASSES
#include "nn/Dialect/NN/IR/NNOps.h.inc"

#endif // NN_DIALECT_NN_IR_NNOPS_H
