//===- Npy.cpp - NumPy .npy arrays ----------------------------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/Npy.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>

using namespace llvm;

namespace nn {

namespace {
struct DTypeInfo {
  NpyDType dtype;
  StringRef name;
  StringRef descriptor;
  int64_t size;
};
constexpr DTypeInfo kDTypes[] = {
    {NpyDType::I8, "i8", "|i1", 1},
    {NpyDType::U8, "u8", "|u1", 1},
    {NpyDType::I32, "i32", "<i4", 4},
    {NpyDType::F32, "f32", "<f4", 4},
};
const DTypeInfo &info(NpyDType dtype) {
  return kDTypes[static_cast<int>(dtype)];
}
} // namespace

StringRef getNpyDescriptor(NpyDType dtype) { return info(dtype).descriptor; }
StringRef getNpyDTypeName(NpyDType dtype) { return info(dtype).name; }
int64_t getNpyElementSize(NpyDType dtype) { return info(dtype).size; }
bool isNpyInteger(NpyDType dtype) { return dtype != NpyDType::F32; }

std::optional<NpyDType> parseNpyDTypeName(StringRef name) {
  for (const DTypeInfo &d : kDTypes)
    if (d.name == name)
      return d.dtype;
  return std::nullopt;
}

static int64_t product(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

NpyArray::NpyArray(NpyDType dtype, ArrayRef<int64_t> shape)
    : dtype(dtype), shape(shape.begin(), shape.end()),
      data(product(shape) * getNpyElementSize(dtype), 0) {}

int64_t NpyArray::getNumElements() const { return product(shape); }

double NpyArray::getAsDouble(int64_t i) const {
  const char *p = data.data() + i * getNpyElementSize(dtype);
  switch (dtype) {
  case NpyDType::I8:
    return static_cast<int8_t>(*p);
  case NpyDType::U8:
    return static_cast<uint8_t>(*p);
  case NpyDType::I32:
    return static_cast<int32_t>(support::endian::read32le(p));
  case NpyDType::F32: {
    uint32_t bits = support::endian::read32le(p);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  }
  llvm_unreachable("unknown dtype");
}

void NpyArray::setFromDouble(int64_t i, double value) {
  char *p = data.data() + i * getNpyElementSize(dtype);
  switch (dtype) {
  case NpyDType::I8:
    assert(value >= -128 && value <= 127 && "i8 value out of range");
    *p = static_cast<char>(static_cast<int8_t>(value));
    return;
  case NpyDType::U8:
    assert(value >= 0 && value <= 255 && "u8 value out of range");
    *p = static_cast<char>(static_cast<uint8_t>(value));
    return;
  case NpyDType::I32:
    assert(value >= INT32_MIN && value <= INT32_MAX && "i32 out of range");
    support::endian::write32le(
        p, static_cast<uint32_t>(static_cast<int32_t>(value)));
    return;
  case NpyDType::F32: {
    float f = static_cast<float>(value);
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    support::endian::write32le(p, bits);
    return;
  }
  }
}

std::string formatShape(ArrayRef<int64_t> shape) {
  std::string s;
  raw_string_ostream os(s);
  os << '[';
  interleaveComma(shape, os);
  os << ']';
  return s;
}

/// The value of `key` in the header's Python dict literal, up to the next
/// top-level comma or the closing brace.
static std::optional<StringRef> lookupKey(StringRef header, StringRef key) {
  std::string quoted = ("'" + key + "'").str();
  size_t at = header.find(quoted);
  if (at == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(at + quoted.size()).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  rest = rest.ltrim();
  if (rest.starts_with("(")) {
    size_t close = rest.find(')');
    return close == StringRef::npos ? std::nullopt
                                    : std::optional(rest.take_front(close + 1));
  }
  return rest.take_until([](char c) { return c == ',' || c == '}'; }).rtrim();
}

Expected<NpyArray> parseNpy(StringRef bytes, StringRef name) {
  auto fail = [&](const Twine &msg) {
    return createStringError(inconvertibleErrorCode(), name + ": " + msg);
  };
  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return fail("not a .npy file (bad magic)");
  unsigned major = static_cast<uint8_t>(bytes[6]);
  if (major < 1 || major > 3)
    return fail("unsupported .npy version " + Twine(major));
  size_t lenSize = major == 1 ? 2 : 4;
  if (bytes.size() < 8 + lenSize)
    return fail("truncated header");
  uint64_t headerLen = lenSize == 2
                           ? support::endian::read16le(bytes.data() + 8)
                           : support::endian::read32le(bytes.data() + 8);
  size_t start = 8 + lenSize;
  if (bytes.size() < start + headerLen)
    return fail("truncated header");
  StringRef header = bytes.substr(start, headerLen).trim();

  std::optional<StringRef> descr = lookupKey(header, "descr");
  std::optional<StringRef> fortran = lookupKey(header, "fortran_order");
  std::optional<StringRef> shapeText = lookupKey(header, "shape");
  if (!descr || !fortran || !shapeText || !header.starts_with("{"))
    return fail("malformed header '" + header + "'");
  if (*fortran != "False")
    return fail("Fortran-order arrays are not supported");
  StringRef d = descr->trim("'\"");
  // Single-byte types may be written with any byte-order mark.
  const DTypeInfo *dtype = nullptr;
  for (const DTypeInfo &t : kDTypes)
    if (d == t.descriptor || (t.size == 1 && d.size() == 3 &&
                              d.drop_front() == t.descriptor.drop_front()))
      dtype = &t;
  if (!dtype)
    return fail("unsupported dtype '" + d +
                "' (supported: int8, uint8, little-endian int32 and float32)");

  NpyArray array;
  array.dtype = dtype->dtype;
  SmallVector<StringRef> dims;
  shapeText->trim("()").split(dims, ',', -1, /*KeepEmpty=*/false);
  for (StringRef dim : dims) {
    int64_t v;
    if (dim.trim().getAsInteger(10, v) || v < 0)
      return fail("malformed shape '" + *shapeText + "'");
    array.shape.push_back(v);
  }
  uint64_t byteSize = array.getNumElements() * dtype->size;
  StringRef payload = bytes.drop_front(start + headerLen);
  if (payload.size() < byteSize)
    return fail("truncated data: shape " + formatShape(array.shape) +
                " needs " + Twine(byteSize) + " bytes, file has " +
                Twine(payload.size()));
  if (payload.size() > byteSize)
    return fail("trailing data after " + Twine(byteSize) + " bytes");
  array.data.assign(payload.begin(), payload.end());
  return array;
}

Expected<NpyArray> readNpyFile(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file =
      MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!file)
    return createStringError(file.getError(),
                             path + ": " + file.getError().message());
  return parseNpy((*file)->getBuffer(), path);
}

std::string printNpy(const NpyArray &array) {
  std::string shape = "(";
  for (int64_t d : array.shape)
    shape += std::to_string(d) + (array.shape.size() == 1 ? "," : ", ");
  if (array.shape.size() > 1)
    shape.resize(shape.size() - 2);
  shape += ")";
  std::string header = ("{'descr': '" + getNpyDescriptor(array.dtype) +
                        "', 'fortran_order': False, 'shape': " + shape + ", }")
                           .str();
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY\x01";
  out += '\0';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  out += header;
  out.append(array.data.begin(), array.data.end());
  return out;
}

Error writeNpyFile(StringRef path, const NpyArray &array) {
  std::error_code ec;
  raw_fd_ostream os(path, ec, sys::fs::OF_None);
  if (ec)
    return createStringError(ec, path + ": " + ec.message());
  os << printNpy(array);
  return Error::success();
}

} // namespace nn
