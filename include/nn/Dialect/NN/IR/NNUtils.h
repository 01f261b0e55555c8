//===- NNUtils.h - helpers shared by nn passes ------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Byte sizes of element and tensor types as the generated code stores them.
// The cost model, the memory planner and the emitters all size tensors
// through these functions, so they agree on every figure.
//
//===----------------------------------------------------------------------===//

#ifndef NN_DIALECT_NN_IR_NNUTILS_H
#define NN_DIALECT_NN_IR_NNUTILS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir::nn {

/// Bytes one element occupies in memory: a quantized type counts its storage
/// type (i8 = 1, i32 = 4), f32 = 4, an iN integer ceil(N / 8). Returns
/// std::nullopt for types we do not store (e.g. index).
std::optional<int64_t> getElementByteSize(Type elementType);

/// Bytes a statically shaped tensor or memref occupies, unaligned; std::nullopt
/// for dynamic shapes or unsized element types.
std::optional<int64_t> getByteSize(ShapedType type);

/// `size` rounded up to a multiple of `alignment` (a power of two).
inline int64_t alignTo(int64_t size, int64_t alignment) {
  return (size + alignment - 1) / alignment * alignment;
}

/// The first name a location carries (a NameLoc, possibly inside a fused or
/// call-site location): the TFLite importer names each op after its output
/// tensor, so reports and plans speak the model's names. std::nullopt when
/// the location has no name.
std::optional<std::string> getLocationName(Location loc);

} // namespace mlir::nn

#endif // NN_DIALECT_NN_IR_NNUTILS_H
