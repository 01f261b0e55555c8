//===- EmitCHeader.cpp - the C header of a compiled network ---------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/CHeader/EmitCHeader.h"

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include "llvm/ADT/StringExtras.h"

#include <cstdio>

using namespace mlir;
using namespace mlir::nn;

namespace {
/// One input or output as the header describes it.
struct TensorInfo {
  /// Macro infix: INPUT, OUTPUT, or INPUT0, INPUT1, ... when there are several.
  std::string macro;
  /// Parameter name in the prototype: input, output, input0, ...
  std::string param;
  ShapedType type;
  std::string cType;
  int64_t bytes = 0;
  quant::UniformQuantizedType quantized;
  std::optional<int64_t> arenaOffset;
};
} // namespace

/// The C type of an element as the generated code stores it.
static FailureOr<std::string> getCType(Type type) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(type)) {
    if (!isa<quant::UniformQuantizedType>(quantized))
      return failure();
    return getCType(IntegerType::get(
        type.getContext(), quantized.getStorageTypeIntegralWidth(),
        quantized.isSigned() ? IntegerType::Signless : IntegerType::Unsigned));
  }
  if (type.isF32())
    return std::string("float");
  if (type.isF64())
    return std::string("double");
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    if (width != 8 && width != 16 && width != 32 && width != 64)
      return failure();
    return (integer.isUnsigned() ? "uint" : "int") + std::to_string(width) +
           "_t";
  }
  return failure();
}

/// A float literal C reads back to the same value.
static std::string formatFloat(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.9g", value);
  std::string text = buffer;
  if (text.find_first_of(".en") == std::string::npos)
    text += ".0";
  return text + "f";
}

static FailureOr<TensorInfo> describe(func::FuncOp entry, Type type,
                                      StringRef role, unsigned index,
                                      unsigned count) {
  TensorInfo info;
  info.macro = role.upper();
  info.param = role.str();
  if (count > 1) {
    info.macro += std::to_string(index);
    info.param += std::to_string(index);
  }
  auto shaped = dyn_cast<ShapedType>(type);
  std::optional<int64_t> bytes;
  if (shaped && shaped.hasStaticShape())
    bytes = getByteSize(shaped);
  if (!bytes)
    return emitError(entry.getLoc(), "C header: ")
           << role << " " << index << " has type " << type
           << "; expected a statically shaped tensor";
  info.type = shaped;
  info.bytes = *bytes;
  Type element = shaped.getElementType();
  if (isa<quant::QuantizedType>(element)) {
    info.quantized = dyn_cast<quant::UniformQuantizedType>(element);
    if (!info.quantized)
      return emitError(entry.getLoc(), "C header: ")
             << role << " " << index
             << " is not per-tensor quantized; a header can only describe "
                "one scale and zero point";
  }
  FailureOr<std::string> cType = getCType(element);
  if (failed(cType))
    return emitError(entry.getLoc(), "C header: ")
           << role << " " << index << " has element type " << element
           << ", which has no C type";
  info.cType = *cType;
  return info;
}

/// Reads an optional array of arena offsets, one per tensor.
static LogicalResult readOffsets(func::FuncOp entry, StringRef attrName,
                                 MutableArrayRef<TensorInfo> tensors) {
  Attribute attr = entry->getAttr(attrName);
  if (!attr)
    return success();
  auto offsets = dyn_cast<DenseI64ArrayAttr>(attr);
  if (!offsets || offsets.size() != static_cast<int64_t>(tensors.size()))
    return emitError(entry.getLoc(), "C header: '")
           << attrName << "' must be an array<i64> with " << tensors.size()
           << " offsets";
  for (auto [info, offset] : llvm::zip(tensors, offsets.asArrayRef()))
    info.arenaOffset = offset;
  return success();
}

static FailureOr<int64_t> readPositiveInt(func::FuncOp entry,
                                          StringRef attrName) {
  auto attr = entry->getAttrOfType<IntegerAttr>(attrName);
  if (!attr)
    return emitError(entry.getLoc(), "C header: entry has no integer '")
           << attrName << "' attribute; run the memory planner first";
  if (attr.getInt() < 0)
    return emitError(entry.getLoc(), "C header: '")
           << attrName << "' is negative";
  return attr.getInt();
}

static FailureOr<func::FuncOp> findEntry(ModuleOp module) {
  func::FuncOp entry;
  for (auto function : module.getOps<func::FuncOp>()) {
    if (function.isPrivate() || function.isDeclaration())
      continue;
    if (entry)
      return emitError(function.getLoc(),
                       "C header: more than one public function "
                       "(also '")
             << entry.getSymName() << "'); the entry must be unique";
    entry = function;
  }
  if (!entry)
    return emitError(module.getLoc(),
                     "C header: no public function with a body");
  return entry;
}

static void writeTensorMacros(raw_ostream &os, StringRef prefix,
                              const TensorInfo &info) {
  std::string name = (prefix + "_" + info.macro).str();
  os << "/* " << info.param << ": " << info.cType << " [";
  llvm::interleaveComma(info.type.getShape(), os);
  os << "]";
  if (info.quantized)
    os << ", scale " << formatFloat(info.quantized.getScale())
       << ", zero point " << info.quantized.getZeroPoint();
  os << " */\n";
  os << "#define " << name << "_TYPE " << info.cType << "\n";
  os << "#define " << name << "_SIZE " << info.bytes << "\n";
  os << "#define " << name << "_ELEMENTS " << info.type.getNumElements()
     << "\n";
  os << "#define " << name << "_RANK " << info.type.getRank() << "\n";
  os << "#define " << name << "_SHAPE {";
  llvm::interleaveComma(info.type.getShape(), os);
  os << "}\n";
  if (info.quantized) {
    os << "#define " << name << "_SCALE "
       << formatFloat(info.quantized.getScale()) << "\n";
    int64_t zeroPoint = info.quantized.getZeroPoint();
    os << "#define " << name << "_ZERO_POINT ";
    if (zeroPoint < 0)
      os << "(" << zeroPoint << ")\n";
    else
      os << zeroPoint << "\n";
  }
  if (info.arenaOffset)
    os << "#define " << name << "_OFFSET " << *info.arenaOffset << "\n";
}

LogicalResult mlir::nn::emitCHeader(ModuleOp module, raw_ostream &os) {
  FailureOr<func::FuncOp> maybeEntry = findEntry(module);
  if (failed(maybeEntry))
    return failure();
  func::FuncOp entry = *maybeEntry;
  StringRef name = entry.getSymName();
  if (!llvm::isAlpha(name.front()) && name.front() != '_')
    return emitError(entry.getLoc(), "C header: '")
           << name << "' is no C identifier";
  if (!llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; }))
    return emitError(entry.getLoc(), "C header: '")
           << name << "' is no C identifier";
  std::string prefix = name.upper();

  FailureOr<int64_t> arenaSize = readPositiveInt(entry, getArenaSizeAttrName());
  if (failed(arenaSize))
    return failure();
  FailureOr<int64_t> arenaAlignment =
      readPositiveInt(entry, getAlignmentAttrName());
  if (failed(arenaAlignment))
    return failure();
  if (!llvm::isPowerOf2_64(*arenaAlignment))
    return emitError(entry.getLoc(), "C header: '")
           << getAlignmentAttrName() << "' is not a power of two";

  FunctionType type = entry.getFunctionType();
  SmallVector<TensorInfo> inputs, outputs;
  auto describeAll = [&](TypeRange types, StringRef role,
                         SmallVectorImpl<TensorInfo> &infos) {
    for (auto [i, tensorType] : llvm::enumerate(types)) {
      FailureOr<TensorInfo> info =
          describe(entry, tensorType, role, i, types.size());
      if (failed(info))
        return failure();
      infos.push_back(*info);
    }
    return success();
  };
  if (failed(describeAll(type.getInputs(), "input", inputs)) ||
      failed(describeAll(type.getResults(), "output", outputs)))
    return failure();
  if (inputs.empty() || outputs.empty())
    return emitError(entry.getLoc(),
                     "C header: the entry needs an input and an output");
  if (failed(readOffsets(entry, getInputOffsetsAttrName(), inputs)) ||
      failed(readOffsets(entry, getOutputOffsetsAttrName(), outputs)))
    return failure();

  // Weights: every constant tensor the entry materializes lives in ROM.
  int64_t weightBytes = 0;
  WalkResult walk = entry.walk([&](Operation *op) {
    if (!op->hasTrait<OpTrait::ConstantLike>())
      return WalkResult::advance();
    for (Type result : op->getResultTypes()) {
      auto tensor = dyn_cast<RankedTensorType>(result);
      if (!tensor)
        continue;
      std::optional<int64_t> bytes = getByteSize(tensor);
      if (!bytes) {
        op->emitError("C header: constant of unknown size");
        return WalkResult::interrupt();
      }
      weightBytes += *bytes;
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  std::string guard = prefix + "_H";
  os << "/* " << name << ".h: C interface of the network '" << name
     << "', generated by nn-mlir. Do not edit. */\n";
  os << "#ifndef " << guard << "\n#define " << guard << "\n\n";
  os << "#include <stdint.h>\n\n";
  os << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  os << "/* The caller owns the activation arena, e.g.\n"
     << " *   static uint8_t act[" << prefix << "_ACTIVATIONS_SIZE]\n"
     << " *       __attribute__((aligned(" << prefix
     << "_ACTIVATIONS_ALIGN))); */\n";
  os << "#define " << prefix << "_ACTIVATIONS_SIZE " << *arenaSize << "\n";
  os << "#define " << prefix << "_ACTIVATIONS_ALIGN " << *arenaAlignment
     << "\n";
  os << "/* Bytes of constant weights in the object's read-only data. */\n";
  os << "#define " << prefix << "_WEIGHTS_SIZE " << weightBytes << "\n\n";
  os << "#define " << prefix << "_NUM_INPUTS " << inputs.size() << "\n";
  for (const TensorInfo &info : inputs)
    writeTensorMacros(os, prefix, info);
  os << "\n#define " << prefix << "_NUM_OUTPUTS " << outputs.size() << "\n";
  for (const TensorInfo &info : outputs)
    writeTensorMacros(os, prefix, info);

  os << "\n/* Runs one inference and returns 0. Reads the inputs, writes the "
        "outputs,\n * uses `activations` ("
     << prefix << "_ACTIVATIONS_SIZE bytes, aligned to " << prefix
     << "_ACTIVATIONS_ALIGN)\n * as its only scratch memory: no heap, no "
        "global state, reentrant with\n * distinct arenas. */\n";
  os << "int " << name << "_run(";
  for (const TensorInfo &info : inputs)
    os << "const void *" << info.param << ", ";
  for (const TensorInfo &info : outputs)
    os << "void *" << info.param << ", ";
  os << "void *activations);\n";

  bool inArena = llvm::all_of(inputs,
                              [](const TensorInfo &info) {
                                return info.arenaOffset.has_value();
                              }) &&
                 llvm::all_of(outputs, [](const TensorInfo &info) {
                   return info.arenaOffset.has_value();
                 });
  if (inArena) {
    os << "\n/* The planner placed the inputs and outputs inside the arena: "
          "write the\n * inputs at their _OFFSET in `activations`, run, read "
          "the outputs there. */\n";
    os << "static inline int " << name
       << "_run_in_arena(void *activations) {\n";
    os << "  uint8_t *arena = (uint8_t *)activations;\n";
    os << "  return " << name << "_run(";
    for (const TensorInfo &info : inputs)
      os << "arena + " << prefix << "_" << info.macro << "_OFFSET, ";
    for (const TensorInfo &info : outputs)
      os << "arena + " << prefix << "_" << info.macro << "_OFFSET, ";
    os << "activations);\n}\n";
  }
  os << "\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
  return success();
}

void mlir::nn::registerCHeaderTranslation() {
  TranslateFromMLIRRegistration(
      "nn-to-c-header", "C header of the network's entry function",
      [](ModuleOp module, raw_ostream &os) { return emitCHeader(module, os); },
      [](DialectRegistry &registry) {
        registry.insert<NNDialect, arith::ArithDialect, func::FuncDialect,
                        memref::MemRefDialect, quant::QuantDialect,
                        tensor::TensorDialect>();
      });
}
