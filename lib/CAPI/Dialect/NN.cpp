//===- NN.cpp - C API of the nn dialect -------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn-c/Dialect/NN.h"

#include "mlir/CAPI/Registration.h"

#include "nn/Dialect/NN/IR/NNDialect.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(NN, nn, mlir::nn::NNDialect)
