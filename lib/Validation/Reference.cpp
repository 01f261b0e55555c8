//===- Reference.cpp - reference runtimes for validation ------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Validation/Reference.h"
// flatc's generated switches have default labels.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wcovered-switch-default"
#include "nn/Target/TFLite/tflite_subset_generated.h"
#pragma clang diagnostic pop

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"

using namespace llvm;

namespace nn {

char ReferenceRejectedError::ID;

StringRef getReferenceName(ReferenceKind kind) {
  return kind == ReferenceKind::TFLite ? "tflite" : "armnn";
}

std::optional<ReferenceKind> parseReferenceName(StringRef name) {
  if (name == "tflite")
    return ReferenceKind::TFLite;
  if (name == "armnn")
    return ReferenceKind::ArmNN;
  return std::nullopt;
}

static Error makeError(const Twine &msg) {
  return createStringError(inconvertibleErrorCode(), msg);
}

/// The interpreter and script of a reference. NN_REFERENCE_DIR (the
/// environment variable) overrides the scripts' folder in the source tree.
static Expected<std::pair<std::string, std::string>>
getCommand(ReferenceKind kind) {
  std::string dir = NN_REFERENCE_DIR;
  if (std::optional<std::string> env = sys::Process::GetEnv("NN_REFERENCE_DIR"))
    dir = *env;
  if (kind == ReferenceKind::TFLite) {
    ErrorOr<std::string> node = sys::findProgramByName("node");
    if (!node)
      return makeError("the TFLite reference needs Node.js ('node' not found "
                       "on PATH); run scripts/setup.sh");
    return std::make_pair(*node, dir + "/tflite-reference.js");
  }
  return std::make_pair(std::string("/usr/bin/python3"),
                        dir + "/armnn-reference.py");
}

/// Runs the reference script with `args`; returns its standard output.
static Expected<std::string> runScript(ReferenceKind kind,
                                       ArrayRef<std::string> args) {
  auto command = getCommand(kind);
  if (!command)
    return command.takeError();
  SmallString<128> outFile, errFile;
  if (std::error_code ec =
          sys::fs::createTemporaryFile("nn-reference", "out", outFile))
    return makeError("cannot create a temporary file: " + ec.message());
  if (std::error_code ec =
          sys::fs::createTemporaryFile("nn-reference", "err", errFile))
    return makeError("cannot create a temporary file: " + ec.message());
  FileRemover removeOut(outFile), removeErr(errFile);

  std::vector<StringRef> argv{command->first, command->second};
  argv.insert(argv.end(), args.begin(), args.end());
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(outFile),
                                          StringRef(errFile)};
  std::string execError;
  int rc =
      sys::ExecuteAndWait(command->first, argv, std::nullopt, redirects,
                          /*SecondsToWait=*/0, /*MemoryLimit=*/0, &execError);
  auto read = [](StringRef path) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> b = MemoryBuffer::getFile(path);
    return b ? (*b)->getBuffer().str() : std::string();
  };
  std::string err = StringRef(read(errFile)).trim().str();
  if (rc == 2)
    return make_error<ReferenceRejectedError>(err);
  if (rc != 0)
    return makeError(getReferenceName(kind) + " reference failed" +
                     (execError.empty() ? "" : " (" + execError + ")") +
                     (err.empty() ? "" : ": " + err));
  return read(outFile);
}

static Expected<std::vector<TensorSignature>>
parseTensors(const json::Array *list) {
  std::vector<TensorSignature> tensors;
  if (!list)
    return makeError("reference info lacks a tensor list");
  for (const json::Value &v : *list) {
    const json::Object *o = v.getAsObject();
    if (!o)
      return makeError("malformed reference info");
    TensorSignature t;
    t.name = o->getString("name").value_or("").str();
    StringRef dtype = o->getString("dtype").value_or("");
    std::optional<NpyDType> d =
        dtype == "int8"      ? std::optional(NpyDType::I8)
        : dtype == "uint8"   ? std::optional(NpyDType::U8)
        : dtype == "int32"   ? std::optional(NpyDType::I32)
        : dtype == "float32" ? std::optional(NpyDType::F32)
                             : std::nullopt;
    if (!d)
      return makeError("tensor '" + t.name + "' has unsupported type '" +
                       dtype + "'");
    t.dtype = *d;
    if (const json::Array *shape = o->getArray("shape"))
      for (const json::Value &dim : *shape)
        t.shape.push_back(dim.getAsInteger().value_or(-1));
    tensors.push_back(std::move(t));
  }
  return tensors;
}

static Expected<ReferenceInfo> parseInfo(StringRef text) {
  Expected<json::Value> value = json::parse(text);
  if (!value)
    return value.takeError();
  const json::Object *o = value->getAsObject();
  if (!o)
    return makeError("malformed reference info");
  ReferenceInfo info;
  info.runtime = o->getString("runtime").value_or("").str();
  auto inputs = parseTensors(o->getArray("inputs"));
  if (!inputs)
    return inputs.takeError();
  auto outputs = parseTensors(o->getArray("outputs"));
  if (!outputs)
    return outputs.takeError();
  info.inputs = std::move(*inputs);
  info.outputs = std::move(*outputs);
  if (const json::Array *r = o->getArray("repaired_quantized_dimension"))
    for (const json::Value &v : *r)
      info.repairedTensors.push_back(v.getAsInteger().value_or(-1));
  return info;
}

static std::vector<std::string> commonArgs(StringRef model,
                                           const ReferenceOptions &options) {
  std::vector<std::string> args{model.str()};
  if (options.repairQuantizedDimension)
    args.push_back("--repair-quantized-dimension");
  return args;
}

/// One subgraph tensor list (inputs or outputs) of a verified model.
static Expected<std::vector<TensorSignature>>
readTensors(const tflite::SubGraph &graph,
            const flatbuffers::Vector<int32_t> *indices, StringRef what) {
  std::vector<TensorSignature> tensors;
  if (!indices)
    return tensors;
  for (int32_t index : *indices) {
    if (!graph.tensors() || index < 0 ||
        static_cast<uint32_t>(index) >= graph.tensors()->size())
      return makeError(what + " tensor index " + Twine(index) +
                       " is out of range");
    const tflite::Tensor *tensor = graph.tensors()->Get(index);
    TensorSignature t;
    t.name = tensor->name() ? tensor->name()->str() : std::string();
    switch (tensor->type()) {
    case tflite::TensorType_FLOAT32:
      t.dtype = NpyDType::F32;
      break;
    case tflite::TensorType_INT8:
      t.dtype = NpyDType::I8;
      break;
    case tflite::TensorType_UINT8:
      t.dtype = NpyDType::U8;
      break;
    case tflite::TensorType_INT32:
      t.dtype = NpyDType::I32;
      break;
    default:
      return makeError(what + " tensor '" + t.name + "' has type " +
                       tflite::EnumNameTensorType(tensor->type()) +
                       ", which validation does not support");
    }
    if (tensor->shape())
      t.shape.assign(tensor->shape()->begin(), tensor->shape()->end());
    tensors.push_back(std::move(t));
  }
  return tensors;
}

Expected<ReferenceInfo> readModelSignature(StringRef model) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file = MemoryBuffer::getFile(model);
  if (!file)
    return makeError(model + ": " + file.getError().message());
  const auto *data =
      reinterpret_cast<const uint8_t *>((*file)->getBufferStart());
  flatbuffers::Verifier verifier(data, (*file)->getBufferSize());
  if (!tflite::VerifyModelBuffer(verifier))
    return makeError(model + ": not a valid TFLite model (flatbuffer "
                             "verification failed)");
  const tflite::Model *m = tflite::GetModel(data);
  if (!m->subgraphs() || m->subgraphs()->size() == 0)
    return makeError(model + ": the model has no subgraph");
  const tflite::SubGraph &graph = *m->subgraphs()->Get(0);
  ReferenceInfo info;
  Expected<std::vector<TensorSignature>> inputs =
      readTensors(graph, graph.inputs(), "input");
  if (!inputs)
    return inputs.takeError();
  Expected<std::vector<TensorSignature>> outputs =
      readTensors(graph, graph.outputs(), "output");
  if (!outputs)
    return outputs.takeError();
  info.inputs = std::move(*inputs);
  info.outputs = std::move(*outputs);
  return info;
}

Expected<ReferenceInfo> getReferenceInfo(ReferenceKind kind, StringRef model,
                                         const ReferenceOptions &options) {
  std::vector<std::string> args = commonArgs(model, options);
  args.push_back("--info");
  Expected<std::string> out = runScript(kind, args);
  if (!out)
    return out.takeError();
  return parseInfo(*out);
}

Expected<ReferenceRun> runReference(ReferenceKind kind, StringRef model,
                                    ArrayRef<std::string> inputFiles,
                                    StringRef outDir,
                                    const ReferenceOptions &options) {
  std::vector<std::string> args = commonArgs(model, options);
  for (const std::string &f : inputFiles) {
    args.push_back("--input");
    args.push_back(f);
  }
  args.push_back("--out-dir");
  args.push_back(outDir.str());
  if (!options.dumpActivationsDir.empty()) {
    args.push_back("--dump-activations");
    args.push_back(options.dumpActivationsDir);
  }
  Expected<std::string> out = runScript(kind, args);
  if (!out)
    return out.takeError();
  SmallString<128> metaPath(outDir);
  sys::path::append(metaPath, "reference.json");
  ErrorOr<std::unique_ptr<MemoryBuffer>> meta = MemoryBuffer::getFile(metaPath);
  if (!meta)
    return makeError(metaPath + ": " + meta.getError().message());
  Expected<ReferenceInfo> info = parseInfo((*meta)->getBuffer());
  if (!info)
    return info.takeError();
  ReferenceRun run;
  run.info = std::move(*info);
  for (size_t i = 0; i < run.info.outputs.size(); ++i) {
    SmallString<128> p(outDir);
    sys::path::append(p, "output_" + std::to_string(i) + ".npy");
    run.outputFiles.push_back(p.str().str());
  }
  Expected<json::Value> v = json::parse((*meta)->getBuffer());
  if (!v)
    return v.takeError();
  if (const json::Object *o = v->getAsObject()) {
    run.inferMilliseconds = o->getNumber("infer_ms").value_or(0);
    if (const json::Array *acts = o->getArray("activations"))
      for (const json::Value &a : *acts)
        if (const json::Object *ao = a.getAsObject()) {
          SmallString<128> p(options.dumpActivationsDir);
          sys::path::append(p, ao->getString("file").value_or(""));
          run.activations.push_back({ao->getInteger("tensor").value_or(-1),
                                     ao->getString("name").value_or("").str(),
                                     p.str().str()});
        }
  }
  return run;
}

} // namespace nn
