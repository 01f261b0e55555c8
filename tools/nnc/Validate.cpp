//===- Validate.cpp - nnc validate ------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc validate MODEL [--target host|cortex-m4|...|rv32imc|tflite|armnn]
//  [--reference tflite|armnn] [--inputs f.npy | --random N --seed S] [--json]
//  [--dump-activations DIR]`: the command line of nn::runValidation, and the
// runner of compiled targets it calls. That runner compiles the model
// in-process with `nnc generate`'s pipeline (nnc::generate) and runs every
// sample in one process: for `host` the object loaded by ORC's JIT linker in
// a forked child, for the other targets linked with runtime/harness.c by
// runtime/run.sh and run in QEMU (mps2-an386 for `cortex-m4`, ..., virt for
// `rv32imc`). With
// --dump-activations it does the same for each prefix of the network, cut after
// one layer (whose output becomes the network's output), so every intermediate
// tensor of the compiled code is seen on the same target with the same
// lowering.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Generate.h"

#include "nn/Dialect/NN/IR/NNDialect.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNUtils.h"
#include "nn/Support/ThresholdOptions.h"
#include "nn/Target/TargetPresets.h"
#include "nn/Validation/Validate.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

// `nn` is the validation library's namespace; the dialect's is mlir::nn.
using llvm::dyn_cast;
using llvm::isa;
using mlir::DictionaryAttr;
using mlir::failure;
using mlir::FailureOr;
using mlir::FunctionType;
using mlir::LogicalResult;
using mlir::Operation;
using mlir::RankedTensorType;
using mlir::SmallString;
using mlir::success;
using mlir::Type;
using mlir::Value;
namespace func = mlir::func;
namespace quant = mlir::quant;
namespace cl = llvm::cl;

static cl::SubCommand validateCommand(
    "validate", "Run a model and a reference runtime (TensorFlow Lite, Arm NN) "
                "on the same inputs and compare the outputs");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("MODEL (.tflite)"),
                                      cl::sub(validateCommand));
static cl::opt<std::string> target(
    "target",
    cl::desc("What runs the model under test: a compiled target (host, "
             "cortex-m4, cortex-m7, cortex-m33, cortex-m55, rv32imc) or a "
             "reference runtime (tflite, armnn) to cross-check the "
             "references"),
    cl::init("host"), cl::sub(validateCommand));
static cl::opt<std::string>
    reference("reference", cl::desc("Reference runtime: tflite or armnn"),
              cl::init("tflite"), cl::sub(validateCommand));
static cl::list<std::string>
    inputs("inputs",
           cl::desc("Input .npy files, one per model input (comma separated); "
                    "each one sample or N samples stacked"),
           cl::CommaSeparated, cl::sub(validateCommand));
static cl::opt<int64_t>
    randomSamples("random", cl::desc("Number of random input samples"),
                  cl::init(10), cl::sub(validateCommand));
static cl::opt<uint64_t> seed("seed", cl::desc("Seed of the random inputs"),
                              cl::init(1), cl::sub(validateCommand));
static cl::opt<bool> jsonOutput("json", cl::desc("Print the results as JSON"),
                                cl::sub(validateCommand));
static cl::opt<std::string> dumpDir(
    "dump-activations",
    cl::desc("Write every intermediate tensor of both runs under this folder "
             "and report the first one that differs"),
    cl::sub(validateCommand));
static cl::opt<std::string>
    workDir("work-dir",
            cl::desc("Keep inputs and outputs in this folder (default: a "
                     "temporary one, removed)"),
            cl::sub(validateCommand));

static cl::opt<std::string> requantization(
    "requantization",
    cl::desc("Compiled targets: int8 requantization of the code under test "
             "(double-rounding, single-rounding or fp32; see nnc generate)"),
    cl::init(nnc::GenerateOptions().requantization), cl::sub(validateCommand));
static cl::opt<std::string> hybrid(
    "hybrid",
    cl::desc("Compiled targets: how hybrid layers of the code under test "
             "compute (dynamic-range or dequantize; see nnc generate)"),
    cl::init(nnc::GenerateOptions().hybrid), cl::sub(validateCommand));

static const bool thresholdsRegistered =
    (nn::registerThresholdCLOptions(validateCommand), true);

cl::SubCommand &nnc::getValidateCommand() { return validateCommand; }

//===----------------------------------------------------------------------===//
// Compiled targets
//===----------------------------------------------------------------------===//

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static std::string join(llvm::StringRef dir, const llvm::Twine &name) {
  SmallString<128> p(dir);
  llvm::sys::path::append(p, name);
  return p.str().str();
}

namespace {
/// Where runtime/run.sh runs a compiled target, and what it needs for it.
struct Board {
  llvm::StringRef target;
  /// The report's runtime line.
  llvm::StringRef runtime;
  /// The programs run.sh calls beyond bash and nm.
  std::vector<const char *> tools;
};
} // namespace

/// One entry per target preset (run.sh's boards).
static const Board *lookupBoard(llvm::StringRef target) {
  static const std::vector<const char *> arm{"arm-none-eabi-gcc",
                                             "qemu-system-arm"};
  static const Board boards[] = {
      {"host", "nnc, x86-64 host, object run in process (ORC JIT linker)", {}},
      {"cortex-m4", "nnc, Cortex-M4 in QEMU mps2-an386", arm},
      {"cortex-m7", "nnc, Cortex-M7 in QEMU mps2-an500", arm},
      {"cortex-m33", "nnc, Cortex-M33 in QEMU mps2-an505", arm},
      {"cortex-m55", "nnc, Cortex-M55 in QEMU mps3-an547", arm},
      // Float models also link libgcc (run.sh says when it is missing).
      {"rv32imc",
       "nnc, RV32IMC in QEMU virt (riscv32)",
       {"clang-22", "qemu-system-riscv32"}},
  };
  for (const Board &board : boards)
    if (board.target == target)
      return &board;
  return nullptr;
}

/// The tools a compiled target needs beyond nnc; an error names the first
/// one missing.
static llvm::Error checkTargetTools(llvm::StringRef target) {
  const Board *board = lookupBoard(target);
  if (!board)
    return makeError("--target " + target + ": no board runs it");
  std::vector<const char *> tools{"bash", "nm"};
  llvm::append_range(tools, board->tools);
  for (const char *tool : tools)
    if (!llvm::sys::findProgramByName(tool))
      return makeError("--target " + target + " needs '" + tool +
                       "', which is not on PATH (scripts/setup.sh installs "
                       "it)");
  return llvm::Error::success();
}

namespace {
/// What validation needs to know of one tensor the compiled network
/// returns: its name, .npy type and shape, and quantization.
struct TensorInfo {
  std::string name;
  nn::NpyDType dtype;
  std::vector<int64_t> shape;
  std::optional<nn::Dequantization> dequantization;
};

/// One layer of the network: an op of the entry that computes a tensor.
struct Layer {
  TensorInfo tensor;
  bool fromSoftmax = false;
};
} // namespace

static FailureOr<TensorInfo> describeTensor(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return failure();
  TensorInfo info;
  info.name = mlir::nn::getLocationName(value.getLoc()).value_or("");
  info.shape.assign(type.getShape().begin(), type.getShape().end());
  Type element = type.getElementType();
  if (auto q = dyn_cast<quant::UniformQuantizedType>(element))
    info.dequantization = nn::Dequantization{q.getScale(), q.getZeroPoint()};
  if (auto q = dyn_cast<quant::QuantizedType>(element))
    element = q.getStorageType();
  if (element.isF32())
    info.dtype = nn::NpyDType::F32;
  else if (element.isInteger(8))
    info.dtype =
        element.isUnsignedInteger() ? nn::NpyDType::U8 : nn::NpyDType::I8;
  else if (element.isInteger(32))
    info.dtype = nn::NpyDType::I32;
  else
    return failure();
  return info;
}

/// The layers of `entry` in execution order: every op with one result that
/// is not a constant.
static std::vector<Operation *> getLayerOps(func::FuncOp entry) {
  std::vector<Operation *> ops;
  for (Operation &op : entry.getBody().front().without_terminator())
    if (op.getNumResults() == 1 &&
        !op.hasTrait<mlir::OpTrait::ConstantLike>() &&
        isa<mlir::nn::NNDialect>(op.getDialect()))
      ops.push_back(&op);
  return ops;
}

/// Makes layer `index` the last one: its result becomes the entry's only
/// result and everything it does not need is erased.
static LogicalResult cutAfterLayer(func::FuncOp entry, size_t index) {
  std::vector<Operation *> layers = getLayerOps(entry);
  if (index >= layers.size())
    return mlir::emitError(entry.getLoc(), "no layer ") << index;
  Value result = layers[index]->getResult(0);
  Operation *terminator = entry.getBody().front().getTerminator();
  terminator->setOperands(result);
  entry.setType(FunctionType::get(entry.getContext(),
                                  entry.getFunctionType().getInputs(),
                                  {result.getType()}));
  if (entry.getNumResults() == 1 && entry.getResultAttrDict(0))
    entry.setResultAttrs(0, DictionaryAttr::get(entry.getContext()));
  // Last to first, so that each op's users are gone before it.
  std::vector<Operation *> ops;
  for (Operation &op : entry.getBody().front().without_terminator())
    ops.push_back(&op);
  for (Operation *op : llvm::reverse(ops))
    if (op->use_empty())
      op->erase();
  return success();
}

/// Reads the harness's "inference: N <unit>" lines.
static std::vector<uint64_t> parseInferenceCounts(llvm::StringRef text) {
  std::vector<uint64_t> counts;
  llvm::SmallVector<llvm::StringRef> lines;
  text.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    uint64_t n;
    if (line.consume_front("inference: ") &&
        !line.take_until([](char c) { return c == ' '; }).getAsInteger(10, n))
      counts.push_back(n);
  }
  return counts;
}

//===----------------------------------------------------------------------===//
// Host runs in process
//===----------------------------------------------------------------------===//

namespace {
/// One host run of a compiled network: what runtime/harness.c does, with
/// the object loaded by ORC's JIT linker instead of a C compiler and a
/// linker (which took 0.3-0.5 s of validating person detection).
struct HostRun {
  std::string objectPath;
  nnc::GenerateResult sizes;
  std::string inputPath, outputPath;
  int64_t samples = 1;
};
} // namespace

/// In the forked child: loads the object, runs every sample as the harness
/// does (the first twice, on differently filled arenas, to catch reads of
/// uninitialized memory), writes the outputs and "inference: N ns" lines to
/// `log`. Returns the exit status.
static int runHostChild(const HostRun &run, llvm::raw_ostream &log) {
  auto fail = [&](const llvm::Twine &message) {
    log << "harness: " << message << "\n";
    return 1;
  };
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  llvm::Expected<std::unique_ptr<llvm::orc::LLJIT>> jit =
      llvm::orc::LLJITBuilder().create();
  if (!jit)
    return fail("cannot create a JIT: " + llvm::toString(jit.takeError()));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> object =
      llvm::MemoryBuffer::getFile(run.objectPath);
  if (!object)
    return fail(run.objectPath + ": " + object.getError().message());
  // The generated code may call only memcpy/memset/memmove and compiler
  // helpers, never libc or libm (as runtime/run.sh checks with nm).
  auto allowed = [](const llvm::orc::SymbolStringPtr &symbol) {
    llvm::StringRef name = *symbol;
    return name == "memcpy" || name == "memset" || name == "memmove" ||
           name.starts_with("__");
  };
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      (*jit)->getDataLayout().getGlobalPrefix(), allowed);
  if (!process)
    return fail(llvm::toString(process.takeError()));
  (*jit)->getMainJITDylib().addGenerator(std::move(*process));
  if (llvm::Error e = (*jit)->addObjectFile(std::move(*object)))
    return fail(llvm::toString(std::move(e)));
  llvm::Expected<llvm::orc::ExecutorAddr> entry =
      (*jit)->lookup(run.sizes.entry);
  if (!entry)
    return fail("cannot link the network: " +
                llvm::toString(entry.takeError()));
  auto *network = entry->toPtr<int (*)(const void *, void *, void *)>();

  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> inputFile =
      llvm::MemoryBuffer::getFile(run.inputPath);
  if (!inputFile)
    return fail(run.inputPath + ": " + inputFile.getError().message());
  size_t inBytes = run.sizes.inputBytes, outBytes = run.sizes.outputBytes;
  if ((*inputFile)->getBufferSize() < inBytes * run.samples)
    return fail("the input file is shorter than the inputs");
  // Copies in buffers of exactly the header's sizes, as the harness has, so
  // that an out-of-bounds access is not hidden by a larger buffer.
  size_t align = std::max<int64_t>(run.sizes.alignment, 16);
  size_t arenaBytes = std::max<int64_t>(run.sizes.arenaSize, 1);
  arenaBytes = (arenaBytes + align - 1) / align * align;
  auto *arena = static_cast<uint8_t *>(std::aligned_alloc(align, arenaBytes));
  std::vector<uint8_t> input(inBytes), output(outBytes), first(outBytes),
      outputs(outBytes * run.samples);
  for (int64_t sample = 0; sample < run.samples; ++sample) {
    std::memcpy(input.data(), (*inputFile)->getBufferStart() + sample * inBytes,
                inBytes);
    if (sample == 0) {
      std::memset(arena, 0xA5, arenaBytes);
      if (network(input.data(), output.data(), arena))
        return fail("the first run returned non-zero");
      first = output;
      std::memset(arena, 0x5A, arenaBytes);
      std::fill(output.begin(), output.end(), 0);
    }
    auto start = std::chrono::steady_clock::now();
    int status = network(input.data(), output.data(), arena);
    auto end = std::chrono::steady_clock::now();
    if (status)
      return fail(sample ? "a run returned non-zero"
                         : "the second run returned non-zero");
    if (sample == 0 && output != first)
      return fail("two runs on different arena contents gave different "
                  "outputs");
    std::copy(output.begin(), output.end(),
              outputs.begin() + sample * outBytes);
    log << "inference: "
        << std::chrono::duration_cast<std::chrono::nanoseconds>(end - start)
               .count()
        << " ns\n";
  }
  std::free(arena);
  std::error_code ec;
  llvm::raw_fd_ostream os(run.outputPath, ec);
  if (ec)
    return fail(run.outputPath + ": " + ec.message());
  os.write(reinterpret_cast<const char *>(outputs.data()), outputs.size());
  os.close();
  return os.has_error() ? fail("cannot write the output file") : 0;
}

/// Runs `run` in a child process, so that a crash of the code under test is
/// reported instead of ending nnc. Returns the child's log.
static llvm::Expected<std::string> runHost(const HostRun &run,
                                           llvm::StringRef logPath) {
  llvm::outs().flush();
  llvm::errs().flush();
  pid_t pid = fork();
  if (pid < 0)
    return makeError(llvm::Twine("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    int status;
    {
      std::error_code ec;
      llvm::raw_fd_ostream log(logPath, ec);
      status = ec ? 1 : runHostChild(run, log);
    }
    // No atexit handlers or destructors of the parent's state.
    _exit(status);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return makeError(llvm::Twine("waitpid failed: ") + std::strerror(errno));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> log =
      llvm::MemoryBuffer::getFile(logPath);
  std::string text = log ? (*log)->getBuffer().str() : std::string();
  if (WIFSIGNALED(status))
    return makeError(
        "the compiled network crashed on the host (signal " +
        llvm::Twine(WTERMSIG(status)) + ", " + strsignal(WTERMSIG(status)) +
        ")" + (text.empty() ? "" : ":\n" + llvm::StringRef(text).trim()));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return makeError("the host run failed:\n" + llvm::StringRef(text).trim());
  return text;
}

namespace {
/// Compiles the model (or a prefix of it) and runs all samples on the
/// target: the host in process, the boards with runtime/run.sh.
class CompiledRunner {
public:
  CompiledRunner(const nn::CompiledRunRequest &request,
                 const std::string &model)
      : request(request), model(model) {}

  llvm::Expected<nn::ReferenceRun> run();

private:
  /// The samples as one raw file; sets `samples` and `stacked`.
  llvm::Error writeRawInput(llvm::StringRef path);
  /// Compiles (cut after `layer` if set) into `dir`, runs, and writes the
  /// output as `npyPath` with `info`'s type and shape (the reference's for
  /// the whole network).
  llvm::Error compileAndRun(std::optional<size_t> layer, llvm::StringRef dir,
                            llvm::StringRef npyPath, std::string &diagnostics);
  /// Writes the raw output `bytes` (read from `outRaw`) as `npyPath`.
  llvm::Error writeOutput(std::optional<size_t> layer, const std::string &bytes,
                          llvm::StringRef outRaw, llvm::StringRef npyPath);

  const nn::CompiledRunRequest &request;
  const std::string &model;
  std::string rawInput;
  int64_t samples = 1;
  bool stacked = false;
  /// Filled by the whole network's compilation.
  std::vector<Layer> layers;
  std::optional<TensorInfo> output;
  bool outputFromSoftmax = false;
  /// Of the last run.
  std::vector<uint64_t> counts;
  double compileMs = 0;
};
} // namespace

llvm::Error CompiledRunner::writeRawInput(llvm::StringRef path) {
  const nn::ReferenceInfo &sig = *request.signature;
  if (sig.inputs.size() != 1 || sig.outputs.size() != 1)
    return makeError("compiled networks run with one input and one output; "
                     "the model has " +
                     llvm::Twine(sig.inputs.size()) + " and " +
                     llvm::Twine(sig.outputs.size()));
  if (request.inputFiles.size() != 1)
    return makeError("one input file expected, " +
                     llvm::Twine(request.inputFiles.size()) + " given");
  const nn::TensorSignature &in = sig.inputs.front();
  llvm::Expected<nn::NpyArray> array =
      nn::readNpyFile(request.inputFiles.front());
  if (!array)
    return array.takeError();
  if (array->dtype != in.dtype)
    return makeError(request.inputFiles.front() + ": dtype " +
                     nn::getNpyDTypeName(array->dtype) + ", the input is " +
                     nn::getNpyDTypeName(in.dtype));
  llvm::ArrayRef<int64_t> shape(array->shape);
  stacked = shape.size() == in.shape.size() + 1 &&
            shape.drop_front() == llvm::ArrayRef(in.shape);
  if (!stacked && shape != llvm::ArrayRef(in.shape))
    return makeError(request.inputFiles.front() + ": shape " +
                     nn::formatShape(shape) + " is neither " +
                     nn::formatShape(in.shape) + " nor [N, ...]");
  samples = stacked ? shape.front() : 1;
  if (samples < 1)
    return makeError(request.inputFiles.front() + " holds no sample");
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError(path + ": " + ec.message());
  os.write(array->data.data(), array->data.size());
  return llvm::Error::success();
}

llvm::Error CompiledRunner::compileAndRun(std::optional<size_t> layer,
                                          llvm::StringRef dir,
                                          llvm::StringRef npyPath,
                                          std::string &diagnostics) {
  nnc::GenerateOptions generate;
  generate.model = model;
  generate.target = request.target;
  generate.requantization = requantization;
  generate.hybrid = hybrid;
  generate.name = nnc::getDefaultNetworkName(model);
  generate.outputDir = dir.str();
  generate.printSummary = false;
  llvm::raw_string_ostream diag(diagnostics);
  generate.diagnostics = &diag;
  generate.transform = [&](func::FuncOp entry) -> LogicalResult {
    if (layer)
      return cutAfterLayer(entry, *layer);
    // The whole network: remember its layers for the layer-by-layer runs.
    for (Operation *op : getLayerOps(entry)) {
      FailureOr<TensorInfo> t = describeTensor(op->getResult(0));
      if (failed(t))
        continue;
      layers.push_back({*t, isa<mlir::nn::SoftmaxOp>(op)});
    }
    auto results = entry.getBody().front().getTerminator()->getOperands();
    if (results.size() == 1) {
      FailureOr<TensorInfo> t = describeTensor(results.front());
      if (succeeded(t))
        output = *t;
      Operation *def = results.front().getDefiningOp();
      // A softmax, possibly reshaped, ends a classifier.
      while (def && isa<mlir::nn::ReshapeOp>(def))
        def = def->getOperand(0).getDefiningOp();
      outputFromSoftmax = def && isa<mlir::nn::SoftmaxOp>(def);
    }
    return success();
  };
  auto start = std::chrono::steady_clock::now();
  nnc::GenerateResult generated;
  int status = nnc::generate(generate, &generated);
  compileMs = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  if (status)
    return makeError(
        "cannot compile " + model + " for " + request.target +
        (layer ? " cut after layer " + llvm::Twine(*layer) : llvm::Twine()) +
        (diagnostics.empty() ? "" : ":\n" + diagnostics));

  std::string name = generate.name;
  std::string outRaw = join(dir, "output.bin");
  auto read = [](llvm::StringRef path) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> b =
        llvm::MemoryBuffer::getFile(path);
    return b ? (*b)->getBuffer().str() : std::string();
  };
  if (request.target == "host") {
    HostRun host{join(dir, name + ".o"), generated, rawInput, outRaw, samples};
    llvm::Expected<std::string> log = runHost(host, join(dir, "run.out"));
    if (!log)
      return log.takeError();
    counts = parseInferenceCounts(*log);
    return writeOutput(layer, read(outRaw), outRaw, npyPath);
  }
  std::string runScript = join(NN_RUNTIME_DIR, "run.sh");
  std::string samplesText = std::to_string(samples);
  std::string objectPath = join(dir, name + ".o");
  std::string headerPath = join(dir, name + ".h");
  std::string workPath = join(dir, "run");
  std::string stdoutPath = join(dir, "run.out");
  std::string stderrPath = join(dir, "run.err");
  llvm::ErrorOr<std::string> bash = llvm::sys::findProgramByName("bash");
  if (!bash)
    return makeError("'bash' is not on PATH");
  std::vector<llvm::StringRef> argv{
      *bash,       runScript,   "--target",   request.target,
      "--object",  objectPath,  "--header",   headerPath,
      "--input",   rawInput,    "--output",   outRaw,
      "--samples", samplesText, "--work-dir", workPath};
  std::optional<llvm::StringRef> redirects[] = {
      std::nullopt, llvm::StringRef(stdoutPath), llvm::StringRef(stderrPath)};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(*bash, argv, std::nullopt, redirects,
                                     /*SecondsToWait=*/0, /*MemoryLimit=*/0,
                                     &execError);
  std::string out = read(stdoutPath);
  if (rc != 0)
    return makeError("runtime/run.sh failed on " + request.target + " (exit " +
                     llvm::Twine(rc) + ")" +
                     (execError.empty() ? "" : ": " + execError) + ":\n" +
                     llvm::StringRef(read(stderrPath) + out).trim());
  counts = parseInferenceCounts(out);
  return writeOutput(layer, read(outRaw), outRaw, npyPath);
}

llvm::Error CompiledRunner::writeOutput(std::optional<size_t> layer,
                                        const std::string &bytes,
                                        llvm::StringRef outRaw,
                                        llvm::StringRef npyPath) {
  // The raw output -> .npy with the reference's (or the layer's) type.
  const TensorInfo *t = layer ? &layers[*layer].tensor : nullptr;
  nn::NpyDType dtype = t ? t->dtype : request.signature->outputs[0].dtype;
  std::vector<int64_t> shape =
      t ? t->shape : request.signature->outputs[0].shape;
  if (stacked)
    shape.insert(shape.begin(), samples);
  nn::NpyArray array(dtype, shape);
  if (bytes.size() != array.data.size())
    return makeError(outRaw + ": " + llvm::Twine(bytes.size()) +
                     " bytes, expected " + llvm::Twine(array.data.size()) +
                     " (" + nn::getNpyDTypeName(dtype) + " " +
                     nn::formatShape(shape) + ")");
  std::copy(bytes.begin(), bytes.end(), array.data.begin());
  return nn::writeNpyFile(npyPath, array);
}

llvm::Expected<nn::ReferenceRun> CompiledRunner::run() {
  if (std::error_code ec = llvm::sys::fs::create_directories(request.outDir))
    return makeError(request.outDir + ": " + ec.message());
  rawInput = join(request.outDir, "input.bin");
  if (llvm::Error e = writeRawInput(rawInput))
    return std::move(e);

  nn::ReferenceRun result;
  result.info = *request.signature;
  result.info.runtime = lookupBoard(request.target)->runtime.str();
  result.outputFiles.push_back(join(request.outDir, "output_0.npy"));
  std::string diagnostics;
  if (llvm::Error e = compileAndRun(std::nullopt, join(request.outDir, "net"),
                                    result.outputFiles.front(), diagnostics))
    return std::move(e);
  result.compileMilliseconds = compileMs;
  uint64_t total = 0;
  for (uint64_t c : counts)
    total += c;
  if (request.target == "host")
    result.inferMilliseconds = total / 1e6;
  else if (!counts.empty())
    result.instructionsPerInference = total / counts.size();
  if (output)
    result.outputDequantization.push_back(output->dequantization);
  result.isClassifier = outputFromSoftmax;

  if (request.dumpActivationsDir.empty())
    return result;
  // Layer by layer: each prefix of the network compiled and run alone.
  if (std::error_code ec =
          llvm::sys::fs::create_directories(request.dumpActivationsDir))
    return makeError(request.dumpActivationsDir + ": " + ec.message());
  for (size_t i = 0; i < layers.size(); ++i) {
    std::string file = llvm::formatv("layer_{0}.npy", i).str();
    std::string diag;
    llvm::Error e =
        compileAndRun(i, join(request.outDir, "layer_" + llvm::Twine(i)),
                      join(request.dumpActivationsDir, file), diag);
    if (e) {
      // The reason is the last diagnostic, without its location.
      std::string message = llvm::toString(std::move(e));
      llvm::StringRef reason = llvm::StringRef(message).trim();
      reason = reason.substr(reason.rfind('\n') + 1);
      size_t error = reason.find("error: ");
      if (error != llvm::StringRef::npos)
        reason = reason.drop_front(error + 7);
      result.notes.push_back(
          llvm::formatv("layer {0} '{1}' not dumped: it cannot run alone ({2})",
                        i, layers[i].tensor.name, reason)
              .str());
      continue;
    }
    result.activations.push_back(
        {-1, layers[i].tensor.name, join(request.dumpActivationsDir, file)});
  }
  return result;
}

int nnc::runValidate() {
  (void)thresholdsRegistered;
  nn::ValidateOptions options;
  options.model = modelPath;
  options.target = target;
  options.reference = reference;
  options.inputs.assign(inputs.begin(), inputs.end());
  options.samples = randomSamples;
  options.seed = seed;
  options.json = jsonOutput;
  options.dumpActivationsDir = dumpDir;
  options.workDir = workDir;
  options.thresholds = nn::getThresholdsFromCLOptions();
  options.classifier = nn::isClassifierFromCLOptions();
  if (randomSamples < 1) {
    llvm::errs() << "nnc validate: --random must be at least 1\n";
    return 1;
  }
  if (mlir::nn::lookupTargetPreset(target)) {
    // A missing tool is said before anything runs.
    if (llvm::Error e = checkTargetTools(target)) {
      llvm::WithColor::error(llvm::errs(), "nnc validate")
          << llvm::toString(std::move(e)) << "\n";
      return 1;
    }
    options.runCompiled = [&](const nn::CompiledRunRequest &request) {
      return CompiledRunner(request, options.model).run();
    };
  }
  return nn::runValidation(options, llvm::outs(), llvm::errs());
}
