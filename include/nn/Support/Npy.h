//===- Npy.h - NumPy .npy arrays ---------------------------------*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Reads and writes NumPy's .npy format (versions 1.0 to 3.0, little-endian,
// C order) for the element types a quantized network exchanges: i8, u8, i32
// and f32. Validation reads user samples and reference outputs with it and
// writes random inputs and dumped activations.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_NPY_H
#define NN_SUPPORT_NPY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nn {

enum class NpyDType { I8, U8, I32, F32 };

/// The .npy descriptor ("|i1", "<f4", ...) and a short name ("i8", "f32").
llvm::StringRef getNpyDescriptor(NpyDType dtype);
llvm::StringRef getNpyDTypeName(NpyDType dtype);
/// Parses a short name as printed by getNpyDTypeName.
std::optional<NpyDType> parseNpyDTypeName(llvm::StringRef name);
int64_t getNpyElementSize(NpyDType dtype);
bool isNpyInteger(NpyDType dtype);

/// An n-dimensional array in C order; `data` holds the raw little-endian
/// elements.
struct NpyArray {
  NpyDType dtype = NpyDType::F32;
  std::vector<int64_t> shape;
  std::vector<char> data;

  NpyArray() = default;
  NpyArray(NpyDType dtype, llvm::ArrayRef<int64_t> shape);

  int64_t getNumElements() const;
  /// Element `i` converted to double (exact for every supported dtype).
  double getAsDouble(int64_t i) const;
  /// Stores `value` into element `i`; integers must be in range.
  void setFromDouble(int64_t i, double value);
};

/// Parses the bytes of a .npy file; `name` labels errors.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef bytes, llvm::StringRef name);
llvm::Expected<NpyArray> readNpyFile(llvm::StringRef path);

/// Serializes to .npy version 1.0 (header padded to 64 bytes).
std::string printNpy(const NpyArray &array);
llvm::Error writeNpyFile(llvm::StringRef path, const NpyArray &array);

/// "[1, 49, 10, 1]".
std::string formatShape(llvm::ArrayRef<int64_t> shape);

} // namespace nn

#endif // NN_SUPPORT_NPY_H
