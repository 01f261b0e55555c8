//===- TFLiteImport.cpp - TFLite flatbuffer to nn dialect -------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Reads a .tflite flatbuffer with the flatc-generated API of our schema subset
// (schema/tflite_subset.fbs) and builds one func.func per subgraph with one nn
// op per TFLite operator. The flatbuffer is checked by flatbuffers::Verifier
// before anything is read; every index and size the verifier cannot check
// (tensor, buffer and opcode indices, buffer byte sizes, shapes) is checked
// here, so a malformed file gives a one-line error, never a crash.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/TFLite/TFLiteImport.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNUtils.h"
// flatc's generated switches have a default next to every case.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wcovered-switch-default"
#include "nn/Target/TFLite/tflite_subset_generated.h"
#pragma clang diagnostic pop

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::nn;

namespace {

/// Tensors larger than this are rejected before any shape arithmetic, so
/// element counts and byte sizes never overflow.
constexpr int64_t kMaxElements = int64_t(1) << 31;

/// The schema version every TFLite runtime requires.
constexpr uint32_t kSchemaVersion = 3;

/// The builtin code of an operator code: files written before builtin_code
/// existed only set deprecated_builtin_code (TFLite's GetBuiltinCode rule).
int32_t getBuiltinCode(const tflite::OperatorCode *code) {
  return std::max<int32_t>(code->builtin_code(),
                           code->deprecated_builtin_code());
}

std::string getBuiltinName(int32_t code) {
  const char *name = "";
  if (code >= tflite::BuiltinOperator_MIN &&
      code <= tflite::BuiltinOperator_MAX)
    name = tflite::EnumNameBuiltinOperator(
        static_cast<tflite::BuiltinOperator>(code));
  if (*name)
    return name;
  return "builtin operator " + std::to_string(code);
}

/// A resource blob key from a tensor name: TFLite names contain '/', ';' and
/// ':', which would need quoting in the printed IR, and the converter joins
/// the names of every fused TF op with ';', so keep only the first.
std::string getBlobKey(StringRef name, int32_t index) {
  name = name.split(';').first.take_back(64);
  if (name.empty())
    return "tensor" + std::to_string(index);
  std::string key = name.str();
  for (char &c : key)
    if (!llvm::isAlnum(c) && c != '_' && c != '.')
      c = '_';
  return key;
}

/// Converts one TFLite model into a module. Every error names the file, the
/// operator (index and builtin name) and the tensors involved.
class TFLiteImporter {
public:
  TFLiteImporter(const tflite::Model *model, StringRef fileName,
                 MLIRContext *ctx)
      : model(model), ctx(ctx), builder(ctx),
        fileLoc(FileLineColLoc::get(ctx, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> run();

private:
  //===--------------------------------------------------------------------===//
  // Diagnostics
  //===--------------------------------------------------------------------===//

  /// "operator 3 (CONV_2D)" or "subgraph 1 operator 3 (CONV_2D)".
  std::string describeOperator() const {
    std::string text;
    if (subgraphIndex != 0)
      text = "subgraph " + std::to_string(subgraphIndex) + " ";
    return text + "operator " + std::to_string(operatorIndex) + " (" +
           operatorName + ")";
  }

  /// An error on the file; inside an operator it starts with the operator.
  InFlightDiagnostic error() {
    InFlightDiagnostic diag = mlir::emitError(fileLoc);
    if (operatorIndex >= 0)
      diag << describeOperator() << ": ";
    else if (subgraph)
      diag << "subgraph " << subgraphIndex << ": ";
    return diag;
  }

  StringRef getTensorName(const tflite::Tensor *tensor) const {
    return tensor->name()
               ? StringRef(tensor->name()->c_str(), tensor->name()->size())
               : StringRef();
  }

  /// "tensor 'conv1/Relu' (#12)".
  std::string describeTensor(int32_t index) const {
    const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
    return "tensor '" + getTensorName(tensor).str() + "' (#" +
           std::to_string(index) + ")";
  }

  Location getTensorLoc(int32_t index) {
    const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
    StringRef name = getTensorName(tensor);
    std::string fallback;
    if (name.empty())
      name = fallback = "tensor" + std::to_string(index);
    return NameLoc::get(StringAttr::get(ctx, name), fileLoc);
  }

  //===--------------------------------------------------------------------===//
  // Tensors
  //===--------------------------------------------------------------------===//

  /// Checks a tensor index of the current subgraph.
  LogicalResult checkTensorIndex(int32_t index, StringRef what) {
    uint32_t count = subgraph->tensors() ? subgraph->tensors()->size() : 0;
    if (index < 0 || static_cast<uint32_t>(index) >= count)
      return error() << what << " refers to tensor " << index
                     << ", but the subgraph has " << count << " tensors";
    return success();
  }

  FailureOr<Type> getQuantizedType(int32_t index, ArrayRef<int64_t> shape,
                                   IntegerType storage, bool isSigned);
  FailureOr<Type> getElementType(int32_t index, ArrayRef<int64_t> shape);
  FailureOr<RankedTensorType> getTensorType(int32_t index);

  /// The data of the tensor's buffer (empty when it has none). Fails if the
  /// buffer index is out of range or the data lives outside the flatbuffer.
  FailureOr<ArrayRef<uint8_t>> getTensorData(int32_t index);

  FailureOr<Value> createConstant(int32_t index);
  FailureOr<SmallVector<int64_t>> readIntegerConstant(int32_t index,
                                                      StringRef role);

  //===--------------------------------------------------------------------===//
  // Operators
  //===--------------------------------------------------------------------===//

  LogicalResult expectInputs(unsigned min, unsigned max);
  /// The value of operator input `i`: an earlier result, a subgraph input or
  /// a constant (created on first use). A missing optional input (-1 or past
  /// the end) gives a null value; a missing required one is an error.
  FailureOr<Value> getOperand(unsigned i, StringRef role, bool required = true);
  FailureOr<Padding> convertPadding(tflite::Padding padding);
  FailureOr<FusedActivation>
  convertActivation(tflite::ActivationFunctionType activation);
  template <typename OptionsT>
  FailureOr<const OptionsT *> getOptions(bool required);

  /// Input, filter, bias and window options of CONV_2D / DEPTHWISE_CONV_2D.
  struct WindowOperands {
    Value input, filter, bias;
    Padding padding;
    FusedActivation activation;
    SmallVector<int64_t, 2> strides, dilations;
  };
  template <typename OptionsT> FailureOr<WindowOperands> getWindowOperands();
  /// Whether input `i` is present and a 1-D INT32/INT64 tensor with data
  /// (without emitting errors).
  bool isConstantShapeTensor(unsigned i);
  /// Input `i` as the integers of a constant INT32/INT64 tensor.
  FailureOr<SmallVector<int64_t>> getIntegerOperand(unsigned i, StringRef role);
  template <typename OpTy, typename... Attrs>
  FailureOr<Operation *> createUnary(Type resultType, Location loc,
                                     Attrs... attrs);
  template <typename OpTy>
  FailureOr<Operation *> createBinary(Type resultType, Location loc);
  FailureOr<Operation *> createOperation(int32_t code, Type resultType,
                                         Location loc);
  LogicalResult importOperator(int64_t index, const tflite::Operator *op);
  LogicalResult importSubgraph(unsigned index, ModuleOp module,
                               llvm::StringSet<> &names);
  /// Verifies `op` (and, if `recursive`, its regions); errors are prefixed
  /// with the current operator.
  LogicalResult verify(Operation *op, bool recursive);

  const tflite::Model *model;
  MLIRContext *ctx;
  OpBuilder builder;
  Location fileLoc;

  // The subgraph and operator being imported, for diagnostics.
  const tflite::SubGraph *subgraph = nullptr;
  unsigned subgraphIndex = 0;
  const tflite::Operator *currentOp = nullptr;
  int64_t operatorIndex = -1;
  std::string operatorName;

  /// Tensor index -> its SSA value in the current subgraph.
  std::vector<Value> values;
  /// 1-D per-axis tensors whose quantized_dimension is out of range, and
  /// that dimension (warned about once per subgraph).
  llvm::MapVector<int32_t, int64_t> misplacedAxes;
};

} // namespace

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

FailureOr<Type> TFLiteImporter::getQuantizedType(int32_t index,
                                                 ArrayRef<int64_t> shape,
                                                 IntegerType storage,
                                                 bool isSigned) {
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  const tflite::QuantizationParameters *q = tensor->quantization();
  if (q->details_type() != tflite::QuantizationDetails_NONE)
    return error() << describeTensor(index)
                   << " uses custom quantization, which is not supported";
  auto *scales = q->scale();
  auto *zeroPoints = q->zero_point();
  size_t count = scales->size();
  if (zeroPoints && zeroPoints->size() != 0 && zeroPoints->size() != count)
    return error() << describeTensor(index) << " has " << count
                   << " scales but " << zeroPoints->size() << " zero points";
  int64_t storageMin = isSigned ? llvm::minIntN(storage.getWidth()) : 0;
  int64_t storageMax = isSigned ? llvm::maxIntN(storage.getWidth())
                                : llvm::maxUIntN(storage.getWidth());
  SmallVector<double> scaleValues;
  SmallVector<int64_t> zeroPointValues;
  for (size_t i = 0; i < count; ++i) {
    double scale = scales->Get(i);
    if (!(scale > 0.0) || !std::isfinite(scale))
      return error() << describeTensor(index) << " has scale " << scale
                     << "; scales must be positive and finite";
    int64_t zeroPoint =
        zeroPoints && zeroPoints->size() ? zeroPoints->Get(i) : 0;
    if (zeroPoint < storageMin || zeroPoint > storageMax)
      return error() << describeTensor(index) << " has zero point " << zeroPoint
                     << " outside its storage range [" << storageMin << ", "
                     << storageMax << "]";
    scaleValues.push_back(scale);
    zeroPointValues.push_back(zeroPoint);
  }
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type expressed = Float32Type::get(ctx);
  auto emitTypeError = [&] { return error() << describeTensor(index) << ": "; };
  if (count == 1)
    return quant::UniformQuantizedType::getChecked(
        emitTypeError, flags, storage, expressed, scaleValues[0],
        zeroPointValues[0], storageMin, storageMax);

  // Per-axis: one scale per slice along quantized_dimension.
  int64_t rank = shape.size();
  int64_t axis = q->quantized_dimension();
  if (axis < 0 || axis >= rank) {
    // TFLite Micro accepts a per-channel 1-D tensor whose quantized_dimension
    // names the channel axis of the layer's filter (person_detect's biases
    // say 3): the only axis it can mean is 0.
    if (rank != 1 || shape[0] != static_cast<int64_t>(count))
      return error() << describeTensor(index) << " is quantized along axis "
                     << axis << ", but has rank " << rank;
    misplacedAxes.insert({index, axis});
    axis = 0;
  }
  if (shape[axis] != static_cast<int64_t>(count))
    return error() << describeTensor(index) << " has " << count
                   << " scales for dimension " << axis << " of size "
                   << shape[axis];
  return quant::UniformQuantizedPerAxisType::getChecked(
      emitTypeError, flags, storage, expressed, scaleValues, zeroPointValues,
      axis, storageMin, storageMax);
}

FailureOr<Type> TFLiteImporter::getElementType(int32_t index,
                                               ArrayRef<int64_t> shape) {
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  const tflite::QuantizationParameters *q = tensor->quantization();
  bool hasScales = q && q->scale() && q->scale()->size() > 0;
  switch (tensor->type()) {
  case tflite::TensorType_FLOAT32:
    return Type(Float32Type::get(ctx));
  case tflite::TensorType_INT8:
  case tflite::TensorType_UINT8: {
    if (!hasScales)
      return error() << describeTensor(index) << " has type "
                     << tflite::EnumNameTensorType(tensor->type())
                     << " without quantization parameters, which is not "
                        "supported";
    return getQuantizedType(index, shape, IntegerType::get(ctx, 8),
                            tensor->type() == tflite::TensorType_INT8);
  }
  case tflite::TensorType_INT32:
    // Quantized i32 is a bias; plain i32 a shape or axis operand.
    if (hasScales)
      return getQuantizedType(index, shape, IntegerType::get(ctx, 32), true);
    return Type(IntegerType::get(ctx, 32));
  case tflite::TensorType_INT64:
    return Type(IntegerType::get(ctx, 64));
  default:
    break;
  }
  const char *typeName = tflite::EnumNameTensorType(tensor->type());
  return error() << describeTensor(index) << " has unsupported type "
                 << (*typeName ? typeName : "<unknown>") << " ("
                 << static_cast<int>(tensor->type()) << ")";
}

FailureOr<RankedTensorType> TFLiteImporter::getTensorType(int32_t index) {
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  if (tensor->sparsity())
    return error() << describeTensor(index)
                   << " is sparse, which is not supported";
  SmallVector<int64_t> shape;
  int64_t elements = 1;
  if (auto *dims = tensor->shape()) {
    for (int32_t dim : *dims) {
      if (dim < 0)
        return error() << describeTensor(index) << " has dimension " << dim
                       << "; shapes must be static and non-negative";
      if (dim != 0 && elements > kMaxElements / dim)
        return error() << describeTensor(index) << " has more than "
                       << kMaxElements << " elements";
      elements *= dim;
      shape.push_back(dim);
    }
  }
  FailureOr<Type> element = getElementType(index, shape);
  if (failed(element))
    return failure();
  return RankedTensorType::get(shape, *element);
}

FailureOr<ArrayRef<uint8_t>> TFLiteImporter::getTensorData(int32_t index) {
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  uint32_t bufferIndex = tensor->buffer();
  if (bufferIndex == 0)
    return ArrayRef<uint8_t>();
  uint32_t count = model->buffers() ? model->buffers()->size() : 0;
  if (bufferIndex >= count)
    return error() << describeTensor(index) << " refers to buffer "
                   << bufferIndex << ", but the model has " << count
                   << " buffers";
  const tflite::Buffer *buffer = model->buffers()->Get(bufferIndex);
  if (buffer->offset() > 1)
    return error() << describeTensor(index)
                   << " keeps its data outside the flatbuffer (buffer "
                   << bufferIndex << "), which is not supported";
  if (!buffer->data())
    return ArrayRef<uint8_t>();
  return ArrayRef<uint8_t>(buffer->data()->data(), buffer->data()->size());
}

FailureOr<Value> TFLiteImporter::createConstant(int32_t index) {
  FailureOr<RankedTensorType> type = getTensorType(index);
  FailureOr<ArrayRef<uint8_t>> data = getTensorData(index);
  if (failed(type) || failed(data))
    return failure();
  // The attribute holds what is stored: i8/i32 for quantized tensors.
  Type storage = type->getElementType();
  if (auto q = dyn_cast<quant::QuantizedType>(storage))
    storage = q.getStorageType();
  auto storageType = RankedTensorType::get(type->getShape(), storage);
  std::optional<int64_t> bytes = getByteSize(storageType);
  std::optional<int64_t> elementBytes = getElementByteSize(storage);
  if (!bytes || !elementBytes)
    return error() << describeTensor(index) << " has an unsupported type "
                   << *type;
  if (static_cast<int64_t>(data->size()) != *bytes)
    return error() << describeTensor(index) << " of type " << *type << " needs "
                   << *bytes << " bytes, but its buffer has " << data->size();
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
      ArrayRef<char>(reinterpret_cast<const char *>(data->data()),
                     data->size()),
      *elementBytes);
  auto value = DenseResourceElementsAttr::get(
      storageType, getBlobKey(getTensorName(tensor), index), std::move(blob));
  auto constant =
      ConstantOp::create(builder, getTensorLoc(index), *type, value);
  values[index] = constant.getResult();
  return constant.getResult();
}

FailureOr<SmallVector<int64_t>>
TFLiteImporter::readIntegerConstant(int32_t index, StringRef role) {
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  unsigned width;
  if (tensor->type() == tflite::TensorType_INT32)
    width = 4;
  else if (tensor->type() == tflite::TensorType_INT64)
    width = 8;
  else
    return error() << role << " " << describeTensor(index)
                   << " must be INT32 or INT64";
  FailureOr<RankedTensorType> type = getTensorType(index);
  FailureOr<ArrayRef<uint8_t>> data = getTensorData(index);
  if (failed(type) || failed(data))
    return failure();
  if (data->empty() && type->getNumElements() != 0)
    return error() << role << " " << describeTensor(index)
                   << " must be a constant";
  if (static_cast<int64_t>(data->size()) != type->getNumElements() * width)
    return error() << role << " " << describeTensor(index) << " has "
                   << type->getNumElements() << " elements, but its buffer "
                   << data->size() << " bytes";
  SmallVector<int64_t> result;
  for (size_t offset = 0; offset < data->size(); offset += width) {
    if (width == 4) {
      int32_t v;
      std::memcpy(&v, data->data() + offset, 4);
      result.push_back(v);
    } else {
      int64_t v;
      std::memcpy(&v, data->data() + offset, 8);
      result.push_back(v);
    }
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

LogicalResult TFLiteImporter::expectInputs(unsigned min, unsigned max) {
  unsigned count = currentOp->inputs() ? currentOp->inputs()->size() : 0;
  if (count < min || count > max) {
    InFlightDiagnostic diag = error() << "expects ";
    if (min == max)
      diag << min;
    else if (max == ~0u)
      diag << "at least " << min;
    else
      diag << min << " to " << max;
    return diag << " inputs, got " << count;
  }
  return success();
}

FailureOr<Value> TFLiteImporter::getOperand(unsigned i, StringRef role,
                                            bool required) {
  auto *inputs = currentOp->inputs();
  int32_t index = inputs && i < inputs->size() ? inputs->Get(i) : -1;
  if (index == -1) {
    if (required)
      return error() << "has no " << role << " (input " << i << ")";
    return Value();
  }
  if (failed(checkTensorIndex(index, role)))
    return failure();
  if (values[index])
    return values[index];
  FailureOr<ArrayRef<uint8_t>> data = getTensorData(index);
  if (failed(data))
    return failure();
  if (data->empty())
    return error() << "reads " << role << " " << describeTensor(index)
                   << " before any operator writes it";
  return createConstant(index);
}

FailureOr<Padding> TFLiteImporter::convertPadding(tflite::Padding padding) {
  switch (padding) {
  case tflite::Padding_SAME:
    return Padding::Same;
  case tflite::Padding_VALID:
    return Padding::Valid;
  }
  return error() << "has unknown padding " << static_cast<int>(padding);
}

FailureOr<FusedActivation>
TFLiteImporter::convertActivation(tflite::ActivationFunctionType activation) {
  switch (activation) {
  case tflite::ActivationFunctionType_NONE:
    return FusedActivation::None;
  case tflite::ActivationFunctionType_RELU:
    return FusedActivation::Relu;
  case tflite::ActivationFunctionType_RELU_N1_TO_1:
    return FusedActivation::ReluN1To1;
  case tflite::ActivationFunctionType_RELU6:
    return FusedActivation::Relu6;
  case tflite::ActivationFunctionType_TANH:
    return FusedActivation::Tanh;
  case tflite::ActivationFunctionType_SIGN_BIT:
    break;
  }
  const char *name = tflite::EnumNameActivationFunctionType(activation);
  return error() << "has unsupported fused activation "
                 << (*name ? name : "<unknown>") << " ("
                 << static_cast<int>(activation) << ")";
}

template <typename OptionsT>
FailureOr<const OptionsT *> TFLiteImporter::getOptions(bool required) {
  const OptionsT *options = currentOp->builtin_options_as<OptionsT>();
  if (!options && required)
    return error() << "has no "
                   << tflite::EnumNameBuiltinOptions(
                          tflite::BuiltinOptionsTraits<OptionsT>::enum_value);
  return options;
}

template <typename OpTy, typename... Attrs>
FailureOr<Operation *>
TFLiteImporter::createUnary(Type resultType, Location loc, Attrs... attrs) {
  FailureOr<Value> input;
  if (failed(expectInputs(1, 1)) || failed(input = getOperand(0, "input")))
    return failure();
  return OpTy::create(builder, loc, resultType, *input, attrs...)
      .getOperation();
}

template <typename OptionsT>
FailureOr<TFLiteImporter::WindowOperands> TFLiteImporter::getWindowOperands() {
  WindowOperands w;
  FailureOr<Value> input, filter, bias;
  FailureOr<const OptionsT *> o;
  if (failed(expectInputs(2, 3)) || failed(input = getOperand(0, "input")) ||
      failed(filter = getOperand(1, "filter")) ||
      failed(bias = getOperand(2, "bias", /*required=*/false)) ||
      failed(o = getOptions<OptionsT>(true)))
    return failure();
  FailureOr<Padding> padding = convertPadding((*o)->padding());
  FailureOr<FusedActivation> act =
      convertActivation((*o)->fused_activation_function());
  if (failed(padding) || failed(act))
    return failure();
  w.input = *input;
  w.filter = *filter;
  w.bias = *bias;
  w.padding = *padding;
  w.activation = *act;
  w.strides = {(*o)->stride_h(), (*o)->stride_w()};
  w.dilations = {(*o)->dilation_h_factor(), (*o)->dilation_w_factor()};
  return w;
}

bool TFLiteImporter::isConstantShapeTensor(unsigned i) {
  auto *inputs = currentOp->inputs();
  if (!inputs || i >= inputs->size())
    return false;
  int32_t index = inputs->Get(i);
  if (index < 0 || index >= static_cast<int32_t>(subgraph->tensors()->size()))
    return false;
  const tflite::Tensor *tensor = subgraph->tensors()->Get(index);
  if (tensor->type() != tflite::TensorType_INT32 &&
      tensor->type() != tflite::TensorType_INT64)
    return false;
  if (!tensor->shape() || tensor->shape()->size() != 1)
    return false;
  // A bad buffer reference counts as constant: getOperand() reports it.
  uint32_t bufferIndex = tensor->buffer();
  if (bufferIndex == 0)
    return false;
  if (!model->buffers() || bufferIndex >= model->buffers()->size())
    return true;
  const tflite::Buffer *buffer = model->buffers()->Get(bufferIndex);
  return buffer->offset() > 1 || (buffer->data() && buffer->data()->size());
}

FailureOr<SmallVector<int64_t>>
TFLiteImporter::getIntegerOperand(unsigned i, StringRef role) {
  int32_t index = currentOp->inputs()->Get(i);
  if (failed(checkTensorIndex(index, role)))
    return failure();
  return readIntegerConstant(index, role);
}

template <typename OpTy>
FailureOr<Operation *> TFLiteImporter::createBinary(Type resultType,
                                                    Location loc) {
  FailureOr<Value> lhs, rhs;
  if (failed(expectInputs(2, 2)) || failed(lhs = getOperand(0, "lhs")) ||
      failed(rhs = getOperand(1, "rhs")))
    return failure();
  auto activation = tflite::ActivationFunctionType_NONE;
  if constexpr (std::is_same_v<OpTy, AddOp>) {
    if (auto *o = currentOp->builtin_options_as_AddOptions())
      activation = o->fused_activation_function();
  } else {
    if (auto *o = currentOp->builtin_options_as_MulOptions())
      activation = o->fused_activation_function();
  }
  FailureOr<FusedActivation> act = convertActivation(activation);
  if (failed(act))
    return failure();
  return OpTy::create(builder, loc, resultType, *lhs, *rhs, *act)
      .getOperation();
}

FailureOr<Operation *>
TFLiteImporter::createOperation(int32_t code, Type resultType, Location loc) {
  switch (code) {
  case tflite::BuiltinOperator_CONV_2D: {
    FailureOr<WindowOperands> w = getWindowOperands<tflite::Conv2DOptions>();
    if (failed(w))
      return failure();
    return Conv2DOp::create(builder, loc, resultType, w->input, w->filter,
                            w->bias, w->strides, w->dilations, w->padding,
                            /*explicit_padding=*/nullptr, w->activation)
        .getOperation();
  }
  case tflite::BuiltinOperator_DEPTHWISE_CONV_2D: {
    FailureOr<WindowOperands> w =
        getWindowOperands<tflite::DepthwiseConv2DOptions>();
    if (failed(w))
      return failure();
    // The filter (1HWO, O = C * multiplier) is what TFLite's kernels trust;
    // the depth_multiplier option is redundant and newer converters leave
    // it 0 or stale, so derive it from the shapes when they allow.
    int64_t multiplier = currentOp->builtin_options_as_DepthwiseConv2DOptions()
                             ->depth_multiplier();
    auto inputType = cast<RankedTensorType>(w->input.getType());
    auto filterType = cast<RankedTensorType>(w->filter.getType());
    if (inputType.getRank() == 4 && filterType.getRank() == 4) {
      int64_t inC = inputType.getDimSize(3), outC = filterType.getDimSize(3);
      if (inC > 0 && outC % inC == 0)
        multiplier = outC / inC;
    }
    return DepthwiseConv2DOp::create(
               builder, loc, resultType, w->input, w->filter, w->bias,
               builder.getI64IntegerAttr(multiplier),
               builder.getDenseI64ArrayAttr(w->strides),
               builder.getDenseI64ArrayAttr(w->dilations),
               PaddingAttr::get(ctx, w->padding), /*explicit_padding=*/nullptr,
               FusedActivationAttr::get(ctx, w->activation))
        .getOperation();
  }
  case tflite::BuiltinOperator_FULLY_CONNECTED: {
    FailureOr<Value> input, weights, bias;
    FailureOr<const tflite::FullyConnectedOptions *> o;
    if (failed(expectInputs(2, 3)) || failed(input = getOperand(0, "input")) ||
        failed(weights = getOperand(1, "weights")) ||
        failed(bias = getOperand(2, "bias", /*required=*/false)) ||
        failed(o = getOptions<tflite::FullyConnectedOptions>(false)))
      return failure();
    bool keepNumDims = false;
    auto activation = tflite::ActivationFunctionType_NONE;
    if (*o) {
      if ((*o)->weights_format() !=
          tflite::FullyConnectedOptionsWeightsFormat_DEFAULT)
        return error() << "has shuffled weights (weights_format "
                       << static_cast<int>((*o)->weights_format())
                       << "), which are not supported";
      keepNumDims = (*o)->keep_num_dims();
      activation = (*o)->fused_activation_function();
    }
    FailureOr<FusedActivation> act = convertActivation(activation);
    if (failed(act))
      return failure();
    return FullyConnectedOp::create(builder, loc, resultType, *input, *weights,
                                    *bias, keepNumDims, *act)
        .getOperation();
  }
  case tflite::BuiltinOperator_AVERAGE_POOL_2D:
  case tflite::BuiltinOperator_MAX_POOL_2D: {
    FailureOr<Value> input;
    FailureOr<const tflite::Pool2DOptions *> o;
    if (failed(expectInputs(1, 1)) || failed(input = getOperand(0, "input")) ||
        failed(o = getOptions<tflite::Pool2DOptions>(true)))
      return failure();
    FailureOr<Padding> padding = convertPadding((*o)->padding());
    FailureOr<FusedActivation> act =
        convertActivation((*o)->fused_activation_function());
    if (failed(padding) || failed(act))
      return failure();
    int64_t kernel[] = {(*o)->filter_height(), (*o)->filter_width()};
    int64_t strides[] = {(*o)->stride_h(), (*o)->stride_w()};
    if (code == tflite::BuiltinOperator_MAX_POOL_2D)
      return MaxPool2DOp::create(builder, loc, resultType, *input, kernel,
                                 strides, *padding, nullptr, *act)
          .getOperation();
    return AvgPool2DOp::create(builder, loc, resultType, *input, kernel,
                               strides, *padding, nullptr, *act)
        .getOperation();
  }
  case tflite::BuiltinOperator_MEAN: {
    FailureOr<Value> input;
    FailureOr<SmallVector<int64_t>> axes;
    if (failed(expectInputs(2, 2)) || failed(input = getOperand(0, "input")) ||
        failed(axes = getIntegerOperand(1, "axes")))
      return failure();
    bool keepDims = false;
    if (auto *o = currentOp->builtin_options_as_ReducerOptions())
      keepDims = o->keep_dims();
    return MeanOp::create(builder, loc, resultType, *input, *axes, keepDims)
        .getOperation();
  }
  case tflite::BuiltinOperator_ADD:
    return createBinary<AddOp>(resultType, loc);
  case tflite::BuiltinOperator_MUL:
    return createBinary<MulOp>(resultType, loc);
  case tflite::BuiltinOperator_CONCATENATION: {
    FailureOr<const tflite::ConcatenationOptions *> o;
    if (failed(expectInputs(1, ~0u)) ||
        failed(o = getOptions<tflite::ConcatenationOptions>(true)))
      return failure();
    SmallVector<Value> inputs;
    for (unsigned i = 0, e = currentOp->inputs()->size(); i < e; ++i) {
      FailureOr<Value> input = getOperand(i, "input");
      if (failed(input))
        return failure();
      inputs.push_back(*input);
    }
    FailureOr<FusedActivation> act =
        convertActivation((*o)->fused_activation_function());
    if (failed(act))
      return failure();
    return ConcatOp::create(builder, loc, resultType, inputs,
                            builder.getI64IntegerAttr((*o)->axis()),
                            FusedActivationAttr::get(ctx, *act))
        .getOperation();
  }
  case tflite::BuiltinOperator_RESHAPE: {
    // The output tensor's shape is the result; the optional shape operand
    // and ReshapeOptions.new_shape repeat it. A constant 1-D shape tensor is
    // kept as nn.reshape's shape operand: the model stores it, so it counts
    // as parameters and ROM. A computed one is dropped (the result type
    // already says the shape).
    FailureOr<Value> input;
    if (failed(expectInputs(1, 2)) || failed(input = getOperand(0, "input")))
      return failure();
    FailureOr<Value> shape = Value();
    if (isConstantShapeTensor(1) && failed(shape = getOperand(1, "shape")))
      return failure();
    return ReshapeOp::create(builder, loc, resultType, *input, *shape)
        .getOperation();
  }
  case tflite::BuiltinOperator_SQUEEZE:
    return createUnary<ReshapeOp>(resultType, loc);
  case tflite::BuiltinOperator_PAD: {
    // TFLite's [rank, 2] (before, after) rows are nn.pad's flat order.
    FailureOr<Value> input;
    FailureOr<SmallVector<int64_t>> paddings;
    if (failed(expectInputs(2, 2)) || failed(input = getOperand(0, "input")) ||
        failed(paddings = getIntegerOperand(1, "paddings")))
      return failure();
    return PadOp::create(builder, loc, resultType, *input, *paddings)
        .getOperation();
  }
  case tflite::BuiltinOperator_SOFTMAX: {
    FailureOr<const tflite::SoftmaxOptions *> o =
        getOptions<tflite::SoftmaxOptions>(true);
    if (failed(o))
      return failure();
    return createUnary<SoftmaxOp>(resultType, loc,
                                  builder.getF32FloatAttr((*o)->beta()));
  }
  case tflite::BuiltinOperator_LOGISTIC:
    return createUnary<SigmoidOp>(resultType, loc);
  case tflite::BuiltinOperator_TANH:
    return createUnary<TanhOp>(resultType, loc);
  case tflite::BuiltinOperator_RELU:
    return createUnary<ReluOp>(resultType, loc);
  case tflite::BuiltinOperator_RELU6:
    return createUnary<Relu6Op>(resultType, loc);
  case tflite::BuiltinOperator_HARD_SWISH:
    return createUnary<HardSwishOp>(resultType, loc);
  case tflite::BuiltinOperator_LEAKY_RELU: {
    FailureOr<const tflite::LeakyReluOptions *> o =
        getOptions<tflite::LeakyReluOptions>(true);
    if (failed(o))
      return failure();
    return createUnary<LeakyReluOp>(resultType, loc,
                                    builder.getF32FloatAttr((*o)->alpha()));
  }
  case tflite::BuiltinOperator_QUANTIZE:
    return createUnary<QuantizeOp>(resultType, loc);
  case tflite::BuiltinOperator_DEQUANTIZE:
    return createUnary<DequantizeOp>(resultType, loc);
  default:
    break;
  }
  return error() << "is not supported";
}

LogicalResult TFLiteImporter::importOperator(int64_t index,
                                             const tflite::Operator *op) {
  currentOp = op;
  operatorIndex = index;
  operatorName = "?";
  uint32_t codes =
      model->operator_codes() ? model->operator_codes()->size() : 0;
  if (op->opcode_index() >= codes)
    return error() << "refers to operator code " << op->opcode_index()
                   << ", but the model has " << codes;
  const tflite::OperatorCode *opcode =
      model->operator_codes()->Get(op->opcode_index());
  int32_t code = getBuiltinCode(opcode);
  operatorName = getBuiltinName(code);
  if (code == tflite::BuiltinOperator_CUSTOM) {
    operatorName = "CUSTOM";
    return error() << "custom operator '"
                   << (opcode->custom_code()
                           ? opcode->custom_code()->string_view()
                           : std::string_view())
                   << "' is not supported";
  }

  // Every supported operator writes one tensor.
  unsigned outputs = op->outputs() ? op->outputs()->size() : 0;
  if (outputs != 1)
    return error() << "has " << outputs << " outputs, expected 1";
  int32_t output = op->outputs()->Get(0);
  if (failed(checkTensorIndex(output, "output")))
    return failure();
  if (values[output])
    return error() << "writes " << describeTensor(output)
                   << ", which is already a subgraph input or written by an "
                      "earlier operator";
  FailureOr<RankedTensorType> resultType = getTensorType(output);
  if (failed(resultType))
    return failure();
  Location loc = getTensorLoc(output);
  FailureOr<Operation *> created = createOperation(code, *resultType, loc);
  if (failed(created))
    return failure();
  if (failed(verify(*created, /*recursive=*/false)))
    return failure();
  values[output] = (*created)->getResult(0);
  return success();
}

LogicalResult TFLiteImporter::importSubgraph(unsigned index, ModuleOp module,
                                             llvm::StringSet<> &names) {
  subgraph = model->subgraphs()->Get(index);
  subgraphIndex = index;
  operatorIndex = -1;
  values.assign(subgraph->tensors() ? subgraph->tensors()->size() : 0, Value());

  auto collect = [&](const flatbuffers::Vector<int32_t> *indices,
                     StringRef what, SmallVectorImpl<int32_t> &result,
                     SmallVectorImpl<Type> &types) -> LogicalResult {
    if (!indices)
      return success();
    for (int32_t i : *indices) {
      FailureOr<RankedTensorType> type;
      if (failed(checkTensorIndex(i, what)) || failed(type = getTensorType(i)))
        return failure();
      result.push_back(i);
      types.push_back(*type);
    }
    return success();
  };
  SmallVector<int32_t> inputs, outputs;
  SmallVector<Type> inputTypes, outputTypes;
  if (failed(
          collect(subgraph->inputs(), "subgraph input", inputs, inputTypes)) ||
      failed(collect(subgraph->outputs(), "subgraph output", outputs,
                     outputTypes)))
    return failure();

  // The subgraph's name when it has a unique one; the first is "main".
  std::string name = subgraph->name() ? subgraph->name()->str() : std::string();
  if (name.empty())
    name = index == 0 ? "main" : "subgraph" + std::to_string(index);
  std::string base = name;
  for (unsigned suffix = index; names.contains(name); ++suffix)
    name = base + "_" + std::to_string(suffix);
  names.insert(name);

  builder.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(
      builder, fileLoc, name, builder.getFunctionType(inputTypes, outputTypes));
  if (index != 0)
    func.setPrivate();
  Block *entry = func.addEntryBlock();
  for (auto [arg, tensor] : llvm::zip(entry->getArguments(), inputs)) {
    arg.setLoc(getTensorLoc(tensor));
    if (values[tensor])
      return error() << "lists " << describeTensor(tensor)
                     << " as an input twice";
    values[tensor] = arg;
  }
  builder.setInsertionPointToEnd(entry);

  if (auto *operators = subgraph->operators())
    for (auto [i, op] : llvm::enumerate(*operators))
      if (failed(importOperator(i, op)))
        return failure();
  operatorIndex = -1;

  SmallVector<Value> results;
  for (int32_t tensor : outputs) {
    Value value = values[tensor];
    if (!value) {
      FailureOr<ArrayRef<uint8_t>> data = getTensorData(tensor);
      if (failed(data))
        return failure();
      if (data->empty())
        return error() << "output " << describeTensor(tensor)
                       << " is never written";
      FailureOr<Value> constant = createConstant(tensor);
      if (failed(constant))
        return failure();
      value = *constant;
    }
    results.push_back(value);
  }
  func::ReturnOp::create(builder, fileLoc, results);

  if (!misplacedAxes.empty()) {
    auto [first, axis] = misplacedAxes.front();
    mlir::emitWarning(fileLoc)
        << misplacedAxes.size()
        << " 1-D per-axis quantized tensors (the first is "
        << describeTensor(first) << ") declare quantized_dimension " << axis
        << "; reading them along axis 0, as TFLite Micro does";
    misplacedAxes.clear();
  }
  return success();
}

LogicalResult TFLiteImporter::verify(Operation *op, bool recursive) {
  // Verifier errors name the nn op; start them with the TFLite operator.
  SmallVector<std::string> errors;
  LogicalResult result = success();
  std::string prefix = operatorIndex >= 0 ? describeOperator() + ": " : "";
  {
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
      if (diag.getSeverity() != DiagnosticSeverity::Error)
        return failure();
      errors.push_back(prefix + diag.str());
      return success();
    });
    result = mlir::verify(op, recursive);
  }
  for (const std::string &text : errors)
    mlir::emitError(fileLoc) << text;
  return result;
}

OwningOpRef<ModuleOp> TFLiteImporter::run() {
  if (model->version() != kSchemaVersion) {
    mlir::emitError(fileLoc)
        << "TFLite schema version " << model->version()
        << " is not supported (expected " << kSchemaVersion << ")";
    return nullptr;
  }
  if (!model->subgraphs() || model->subgraphs()->size() == 0) {
    mlir::emitError(fileLoc) << "the model has no subgraphs";
    return nullptr;
  }
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  llvm::StringSet<> names;
  for (unsigned i = 0, e = model->subgraphs()->size(); i < e; ++i)
    if (failed(importSubgraph(i, *module, names)))
      return nullptr;
  subgraph = nullptr;
  if (failed(verify(*module, /*recursive=*/true)))
    return nullptr;
  return module;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

OwningOpRef<ModuleOp>
mlir::nn::importTFLite(StringRef buffer, StringRef fileName, MLIRContext *ctx) {
  ctx->loadDialect<NNDialect, func::FuncDialect, quant::QuantDialect>();
  Location fileLoc = FileLineColLoc::get(ctx, fileName, 0, 0);

  // FlatBuffers reads scalars in place: give it 16-byte aligned bytes.
  std::unique_ptr<uint64_t[]> aligned;
  const uint8_t *data = reinterpret_cast<const uint8_t *>(buffer.data());
  if (reinterpret_cast<uintptr_t>(data) % 16 != 0) {
    aligned.reset(new uint64_t[(buffer.size() + 15) / 8]);
    std::memcpy(aligned.get(), buffer.data(), buffer.size());
    data = reinterpret_cast<const uint8_t *>(aligned.get());
  }

  // Root offset (4 bytes) + file identifier (4 bytes).
  if (buffer.size() < 8) {
    mlir::emitError(fileLoc) << "not a TFLite model: the file has only "
                             << buffer.size() << " bytes";
    return nullptr;
  }
  if (!tflite::ModelBufferHasIdentifier(data)) {
    std::string id;
    for (char c : buffer.substr(4, 4))
      id += llvm::isPrint(c) ? std::string(1, c)
                             : "\\x" + llvm::utohexstr(uint8_t(c), true, 2);
    mlir::emitError(fileLoc)
        << "not a TFLite model: the file identifier is '" << id
        << "', expected '" << tflite::ModelIdentifier() << "'";
    return nullptr;
  }
  if (buffer.size() >= FLATBUFFERS_MAX_BUFFER_SIZE) {
    mlir::emitError(fileLoc) << "the file is larger than the 2 GB a "
                                "flatbuffer can address";
    return nullptr;
  }
  flatbuffers::Verifier verifier(data, buffer.size());
  if (!tflite::VerifyModelBuffer(verifier)) {
    mlir::emitError(fileLoc)
        << "malformed TFLite flatbuffer: truncated, or an offset or size "
           "points outside the file (rejected by the FlatBuffers verifier)";
    return nullptr;
  }
  return TFLiteImporter(tflite::GetModel(data), fileName, ctx).run();
}

OwningOpRef<ModuleOp> mlir::nn::importTFLiteFile(StringRef path,
                                                 MLIRContext *ctx) {
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> file =
      openInputFile(path, /*alignment=*/llvm::Align(16), &message);
  if (!file) {
    mlir::emitError(FileLineColLoc::get(ctx, path, 0, 0))
        << "cannot read the model: " << message;
    return nullptr;
  }
  return importTFLite(file->getBuffer(), path, ctx);
}

void mlir::nn::registerTFLiteImportTranslation() {
  static bool registered = false;
  if (registered)
    return;
  registered = true;
  TranslateToMLIRRegistration registration(
      "import-tflite", "import a TensorFlow Lite model (.tflite) into nn",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *ctx) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *file =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        return importTFLite(file->getBuffer(), file->getBufferIdentifier(),
                            ctx);
      },
      [](DialectRegistry &registry) {
        registry.insert<NNDialect, func::FuncDialect, quant::QuantDialect>();
      },
      llvm::Align(16));
}
