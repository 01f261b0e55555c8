//===- Passes.cpp - C API to register the nn passes -------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn-c/Passes.h"

#include "nn/InitAllPasses.h"

void mlirRegisterNNPasses(void) { mlir::nn::registerAllPasses(); }
