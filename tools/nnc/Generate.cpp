//===- Generate.cpp - nnc generate ------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc generate MODEL --target T [--name NAME] [--alignment N] -o OUTDIR`:
// the whole pipeline in-process, import -> canonicalize -> analyze -> plan ->
// bufferize -> lower -> emit, writing <name>.o, <name>.h, <name>.ll and
// <name>_report.txt / .json, then printing the report's summary. Each stage
// is the library function or pass pipeline the other tools register.
//
//===----------------------------------------------------------------------===//

#include "Generate.h"
#include "Commands.h"
#include "Model.h"

#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/AllocationOpInterfaceImpl.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

#include "nn/Analysis/CostAnalysis.h"
#include "nn/Analysis/TensorMemoryPlan.h"
#include "nn/Conversion/Passes.h"
#include "nn/Target/CHeader/EmitCHeader.h"
#include "nn/Target/LLVM/EmitLLVM.h"
#include "nn/Target/TargetPresets.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::SubCommand
    generateCommand("generate",
                    "Compile a model to <name>.o, <name>.h, <name>.ll and a "
                    "report for a target");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("MODEL (.tflite or .mlir)"),
                                      cl::sub(generateCommand));
static cl::opt<std::string>
    targetName("target",
               cl::desc("cortex-m4, cortex-m7, cortex-m33, cortex-m55, "
                        "rv32imc or host"),
               cl::init("cortex-m4"), cl::sub(generateCommand));
static cl::opt<std::string>
    networkName("name",
                cl::desc("C name of the network (default: the model file's "
                         "stem): <name>_run, <NAME>_* macros, file names"),
                cl::sub(generateCommand));
static cl::opt<int64_t> alignment("alignment",
                                  cl::desc("Activation arena alignment"),
                                  cl::init(4), cl::sub(generateCommand));
static cl::opt<std::string> requantization(
    "requantization",
    cl::desc("int8 requantization: double-rounding (TFLite Micro, default), "
             "single-rounding (TFLITE_SINGLE_ROUNDING) or fp32 (XNNPACK, as "
             "TFLite's CPU delegate)"),
    cl::init(nnc::GenerateOptions().requantization), cl::sub(generateCommand));
static cl::opt<bool> outlineLoops(
    "outline-loops",
    cl::desc("One function per loop nest (<name>_loop<N>, not inlined): "
             "per-layer symbols in the object; smaller functions for LLVM"),
    cl::init(false), cl::sub(generateCommand));
static cl::opt<bool> verifyEach(
    "verify-each",
    cl::desc("Verify the IR after every lowering pass (debugging; default: "
             "once, after the lowering)"),
    cl::init(false), cl::sub(generateCommand));
static cl::opt<bool>
    timing("timing",
           cl::desc("Print the time of each stage (import, analysis, each "
                    "lowering pass, LLVM optimization, code generation) on "
                    "stderr"),
           cl::init(false), cl::sub(generateCommand));
static cl::opt<std::string> llvmPasses(
    "llvm-passes",
    cl::desc("LLVM IR optimization pipeline in `opt -passes=` syntax "
             "(default: LLVM's -O1 pipeline)"),
    cl::init(""), cl::Hidden, cl::sub(generateCommand));
static cl::opt<std::string> hybrid(
    "hybrid",
    cl::desc("hybrid layers (float activations, int8 weights): "
             "dynamic-range (TFLite's hybrid kernels: int8 input quantized "
             "at run time, default) or dequantize (float MACs)"),
    cl::init(nnc::GenerateOptions().hybrid), cl::sub(generateCommand));
static cl::opt<std::string> outputDir("o", cl::desc("Output directory"),
                                      cl::value_desc("dir"), cl::Required,
                                      cl::sub(generateCommand));

cl::SubCommand &nnc::getGenerateCommand() { return generateCommand; }

std::string nnc::getDefaultNetworkName(StringRef path) {
  std::string name = llvm::sys::path::stem(path).str();
  for (char &c : name)
    if (!llvm::isAlnum(c) && c != '_')
      c = '_';
  if (name.empty() || llvm::isDigit(name.front()))
    name.insert(0, "net_");
  return name;
}

static bool isCIdentifier(StringRef name) {
  return !name.empty() && !llvm::isDigit(name.front()) &&
         llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// The one public function with a body: the network the entry point wraps.
static FailureOr<func::FuncOp> findEntry(ModuleOp module) {
  func::FuncOp entry;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal() || func.isPrivate())
      continue;
    if (entry) {
      func.emitError("nnc generate compiles one public function; '")
          << entry.getSymName() << "' is public too";
      return failure();
    }
    entry = func;
  }
  if (!entry)
    return emitError(module.getLoc(), "the model has no public function");
  return entry;
}

/// Writes `text` to `dir/file`; reports and fails on I/O errors.
static LogicalResult writeFile(StringRef path,
                               function_ref<LogicalResult(raw_ostream &)> fn) {
  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &message);
  if (!file) {
    llvm::errs() << "nnc generate: " << message << "\n";
    return failure();
  }
  if (failed(fn(file->os())))
    return failure();
  file->keep();
  return success();
}

/// Records the entry's `nn.arena_size` after --nn-allocate-arena: the arena
/// the emitted code uses.
namespace {
class ArenaProbe : public PassInstrumentation {
public:
  explicit ArenaProbe(std::optional<int64_t> &arenaSize)
      : arenaSize(arenaSize) {}
  void runAfterPass(Pass *pass, Operation *op) override {
    auto module = dyn_cast<ModuleOp>(op);
    if (!module || pass->getArgument() != "nn-allocate-arena")
      return;
    for (auto func : module.getOps<func::FuncOp>())
      if (auto size =
              func->getAttrOfType<IntegerAttr>(nn::getArenaSizeAttrName()))
        arenaSize = size.getInt();
  }

private:
  std::optional<int64_t> &arenaSize;
};
} // namespace

int nnc::runGenerate() {
  GenerateOptions options;
  options.model = modelPath;
  options.target = targetName;
  options.name = networkName;
  options.alignment = alignment;
  options.requantization = requantization;
  options.hybrid = hybrid;
  options.outputDir = outputDir;
  options.outlineLoops = outlineLoops;
  options.verifyEach = verifyEach;
  options.timing = timing;
  options.llvmPasses = llvmPasses;
  return generate(options);
}

int nnc::generate(const GenerateOptions &options, GenerateResult *result) {
  const std::string &modelPath = options.model;
  const std::string &targetName = options.target;
  const std::string &outputDir = options.outputDir;
  int64_t alignment = options.alignment;
  if (!nn::lookupTargetPreset(targetName)) {
    llvm::errs() << "nnc generate: unknown target '" << targetName
                 << "' (cortex-m4, cortex-m7, cortex-m33, cortex-m55, "
                    "rv32imc, host)\n";
    return 1;
  }
  std::string name =
      options.name.empty() ? getDefaultNetworkName(modelPath) : options.name;
  if (!isCIdentifier(name)) {
    llvm::errs() << "nnc generate: --name '" << name
                 << "' is not a C identifier\n";
    return 1;
  }

  MLIRContext context;
  context.printOpOnDiagnostic(false);
  registerModelDialects(context);
  // What the lowering needs beyond the dialects its passes load: the
  // bufferization models of the ops nn lowers to, and LLVM IR translation.
  DialectRegistry registry;
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  // memref.alloc as an AllocationOpInterface: without it
  // --buffer-results-to-out-params copies a returned buffer into the output
  // instead of writing the output in place, and the arena holds the copy.
  memref::registerAllocationOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  // The arm-dsp kernels' vector.transfer_read.
  vector::registerBufferizableOpInterfaceExternalModels(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  context.appendDialectRegistry(registry);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(
      sourceMgr, &context,
      options.diagnostics ? *options.diagnostics : llvm::errs());

  // Wall time per stage (--timing), printed when `timingManager` dies.
  DefaultTimingManager timingManager;
  timingManager.setEnabled(options.timing);
  TimingScope rootTimer = timingManager.getRootScope();

  // Import.
  TimingScope importTimer = rootTimer.nest("import");
  OwningOpRef<ModuleOp> module = loadModel(modelPath, context, sourceMgr);
  if (!module)
    return 1;
  importTimer.stop();

  // Optimize: the nn folders and canonicalization patterns.
  TimingScope optimizeTimer = rootTimer.nest("optimize");
  PassManager optimize(&context);
  optimize.enableTiming(optimizeTimer);
  optimize.addPass(createCanonicalizerPass());
  if (failed(optimize.run(*module)))
    return 1;
  optimizeTimer.stop();
  FailureOr<func::FuncOp> entry = findEntry(*module);
  if (failed(entry))
    return 1;
  if (entry->getSymName() != name) {
    if (failed(SymbolTable::replaceAllSymbolUses(
            *entry, StringAttr::get(&context, name), *module)))
      return 1;
    SymbolTable::setSymbolName(*entry, name);
  }
  if (options.transform && failed(options.transform(*entry)))
    return 1;

  // The lowering works on a copy without the tensor-level plan's attributes;
  // the header describes the entry while it still has tensor types.
  OwningOpRef<ModuleOp> lowered = module->clone();

  // Analyze and plan at the tensor level, as `nnc analyze` reports it.
  TimingScope analyzeTimer = rootTimer.nest("analyze and plan");
  if (failed(nn::analyzeCost(*module)))
    return 1;
  nn::TensorPlanOptions planOptions;
  planOptions.alignment = alignment;
  if (failed(nn::checkPlannerOptions(*entry, alignment, "best")))
    return 1;
  FailureOr<nn::TensorPlan> plan = nn::planTensorMemory(*entry, planOptions);
  if (failed(plan))
    return 1;
  nn::annotateTensorPlan(*entry, *plan, alignment);
  // The tensor-level plan of the buffers the emitted code places (inputs
  // and outputs stay in the caller's buffers): the lowering shares storage
  // where this plan does, so the memref-level arena should equal it.
  nn::TensorPlanOptions intermediateOptions = planOptions;
  intermediateOptions.allocateInputs = false;
  intermediateOptions.allocateOutputs = false;
  FailureOr<nn::TensorPlan> intermediatePlan =
      nn::planTensorMemory(*entry, intermediateOptions);
  if (failed(intermediatePlan))
    return 1;
  int64_t plannedArena = intermediatePlan->plan.arenaSize;
  FailureOr<nn::ModuleCost> cost = nn::analyzeCost(*module);
  if (failed(cost))
    return 1;

  analyzeTimer.stop();

  // Bufferize into the arena and lower.
  TimingScope lowerTimer = rootTimer.nest("lower");
  PassManager lower(&context);
  lower.enableTiming(lowerTimer);
  nn::NNToLLVMPipelineOptions lowerOptions;
  lowerOptions.target = targetName;
  lowerOptions.alignment = alignment;
  lowerOptions.requantization = options.requantization;
  lowerOptions.outlineLoops = options.outlineLoops;
  lowerOptions.hybrid = options.hybrid;
  nn::buildNNToLLVMPipeline(lower, lowerOptions);
  // The arena the code uses: --nn-bufferize's buffer-level plan, read
  // before the function becomes an llvm.func.
  std::optional<int64_t> arenaSize;
  lower.addInstrumentation(std::make_unique<ArenaProbe>(arenaSize));
  // Verifying the whole module after each of the ~25 passes cost 0.1 s of
  // person detection's 0.4 s MLIR lowering; the passes' lit tests verify
  // after each pass, the driver once at the end.
  lower.enableVerifier(options.verifyEach);
  if (failed(lower.run(*lowered)))
    return 1;
  {
    TimingScope verifyTimer = lowerTimer.nest("verify");
    if (failed(verify(*lowered)))
      return 1;
  }
  lowerTimer.stop();
  // No arena: the network has no intermediate buffer (one layer reading the
  // input and writing the output, or only views), so it needs 0 bytes.
  if (!arenaSize)
    arenaSize = 0;

  // The header gets the emitted code's arena, not the tensor-level plan
  // (which also places the inputs and outputs).
  Builder b(&context);
  (*entry)->setAttr(nn::getArenaSizeAttrName(),
                    b.getI64IntegerAttr(*arenaSize));
  (*entry)->setAttr(nn::getAlignmentAttrName(), b.getI64IntegerAttr(alignment));

  if (std::error_code ec = llvm::sys::fs::create_directories(outputDir)) {
    llvm::errs() << "nnc generate: cannot create '" << outputDir
                 << "': " << ec.message() << "\n";
    return 1;
  }
  auto path = [&](StringRef suffix) {
    SmallString<128> p(outputDir);
    llvm::sys::path::append(p, name + suffix);
    return std::string(p);
  };
  if (failed(writeFile(path(".h"), [&](raw_ostream &os) {
        return nn::emitCHeader(*module, os);
      })))
    return 1;
  // The .ll and the .o from one translation and one LLVM optimization.
  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> llFile =
      openOutputFile(path(".ll"), &message);
  std::unique_ptr<llvm::ToolOutputFile> objectFile =
      llFile ? openOutputFile(path(".o"), &message) : nullptr;
  if (!objectFile) {
    llvm::errs() << "nnc generate: " << message << "\n";
    return 1;
  }
  nn::EmitOptions emitOptions;
  emitOptions.target = targetName;
  // The kernel pipeline before -O2 code generation, not LLVM's -O1: with
  // the DSP kernels -O1's full unrolling and general-purpose passes made
  // person detection compile in 1.6 s (docs/benchmarks.md); on the host it
  // keeps `nnc validate` fast. RV32IMC's portable loops keep -O1, whose
  // unrolling saves them 30% (micro_speech 2.05M instead of 2.88M
  // instructions).
  const nn::TargetPreset *preset = nn::lookupTargetPreset(targetName);
  if (preset->hasArmDsp() || preset->pointerBits == 64)
    emitOptions.kernelPipeline = true;
  else
    emitOptions.irOptLevel = 1;
  emitOptions.irPipeline = options.llvmPasses;
  TimingScope emitTimer = rootTimer.nest("emit");
  emitOptions.timing = &emitTimer;
  if (failed(
          nn::emitForTarget(*lowered, emitOptions,
                            {{nn::EmitFileKind::LLVMIR, &llFile->os()},
                             {nn::EmitFileKind::Object, &objectFile->os()}})))
    return 1;
  llFile->keep();
  objectFile->keep();
  emitTimer.stop();
  if (failed(writeFile(path("_report.txt"),
                       [&](raw_ostream &os) {
                         nn::printCostReport(*cost, os);
                         return success();
                       })) ||
      failed(writeFile(path("_report.json"), [&](raw_ostream &os) {
        nn::printCostReportJSON(*cost, os);
        return success();
      })))
    return 1;

  if (result) {
    result->entry = name + "_run";
    result->arenaSize = *arenaSize;
    result->alignment = alignment;
    result->inputBytes = cost->totals.inputBytes;
    result->outputBytes = cost->totals.outputBytes;
  }
  if (!options.printSummary)
    return 0;
  const nn::CostTotals &totals = cost->totals;
  llvm::outs() << "nnc generate: " << modelPath << " -> " << path(".o") << " ("
               << targetName << ")\n"
               << "  MACC:          " << nn::formatWithSeparators(totals.macc)
               << "\n"
               << "  weights ROM:   "
               << nn::formatWithSeparators(totals.weightsBytes) << " B\n"
               << "  arena:         " << nn::formatWithSeparators(*arenaSize)
               << " B (intermediate tensors; input "
               << nn::formatWithSeparators(totals.inputBytes) << " B, output "
               << nn::formatWithSeparators(totals.outputBytes)
               << " B in the caller's buffers)\n";
  llvm::outs() << "  planned:       " << nn::formatWithSeparators(plannedArena)
               << " B (tensor-level plan of the same buffers";
  if (*arenaSize > plannedArena)
    llvm::outs() << "; the arena exceeds it by "
                 << nn::formatWithSeparators(*arenaSize - plannedArena) << " B";
  llvm::outs() << ")\n";
  if (totals.arenaBytes && totals.lowerBoundBytes)
    llvm::outs() << "  tensor plan:   "
                 << nn::formatWithSeparators(*totals.arenaBytes)
                 << " B with inputs and outputs (lower bound "
                 << nn::formatWithSeparators(*totals.lowerBoundBytes)
                 << " B)\n";
  llvm::outs() << "  report:        " << path("_report.txt") << "\n";
  return 0;
}
