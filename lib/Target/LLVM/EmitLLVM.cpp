//===- EmitLLVM.cpp - LLVM IR, assembly and objects for a target ----------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/LLVM/EmitLLVM.h"
#include "nn/Target/TargetPresets.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <mutex>

using namespace mlir;
using namespace mlir::nn;

/// Registers the three LLVM back ends our presets use, once (the assembly
/// parsers too: object emission assembles inline asm with them).
static void initializeTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeARMTargetInfo();
    LLVMInitializeARMTarget();
    LLVMInitializeARMTargetMC();
    LLVMInitializeARMAsmPrinter();
    LLVMInitializeARMAsmParser();
    LLVMInitializeRISCVTargetInfo();
    LLVMInitializeRISCVTarget();
    LLVMInitializeRISCVTargetMC();
    LLVMInitializeRISCVAsmPrinter();
    LLVMInitializeRISCVAsmParser();
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeX86AsmParser();
  });
}

/// The preset `options` or the module's `nn.target` attribute names.
static const TargetPreset *resolveTarget(ModuleOp module,
                                         const EmitOptions &options) {
  StringRef name = options.target;
  auto attr = module->getAttrOfType<StringAttr>(getTargetAttrName());
  if (name.empty()) {
    if (!attr) {
      emitError(module.getLoc(), "no target: pass --target=<")
          << getTargetPresetNames() << "> or lower with a target";
      return nullptr;
    }
    name = attr.getValue();
  } else if (attr && attr.getValue() != name) {
    emitError(module.getLoc(), "module was lowered for target '")
        << attr.getValue() << "' but emission asks for '" << name << "'";
    return nullptr;
  }
  const TargetPreset *preset = lookupTargetPreset(name);
  if (!preset)
    emitError(module.getLoc(), "unknown target '")
        << name << "'; known targets: " << getTargetPresetNames();
  return preset;
}

static std::unique_ptr<llvm::TargetMachine>
createTargetMachine(ModuleOp module, const TargetPreset &preset,
                    unsigned optLevel) {
  initializeTargets();
  llvm::Triple triple(preset.triple);
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) {
    emitError(module.getLoc(), "LLVM has no back end for '")
        << preset.triple << "': " << error;
    return nullptr;
  }
  llvm::TargetOptions targetOptions;
  targetOptions.FloatABIType = preset.floatABI == FloatABI::Hard
                                   ? llvm::FloatABI::Hard
                                   : llvm::FloatABI::Soft;
  targetOptions.MCOptions.ABIName = preset.abiName.str();
  // Microcontroller images are linked at fixed addresses; host objects go
  // into position-independent executables.
  llvm::Reloc::Model relocModel =
      preset.pointerBits == 64 ? llvm::Reloc::PIC_ : llvm::Reloc::Static;
  auto codeGenLevel = llvm::CodeGenOpt::getLevel(optLevel);
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, preset.cpu, preset.features, targetOptions, relocModel,
      std::nullopt, codeGenLevel.value_or(llvm::CodeGenOptLevel::Default)));
  if (!machine) {
    emitError(module.getLoc(), "cannot create a target machine for '")
        << preset.name << "'";
    return nullptr;
  }
  std::string dataLayout =
      machine->createDataLayout().getStringRepresentation();
  if (dataLayout != preset.dataLayout) {
    emitError(module.getLoc(), "target table out of date: '")
        << preset.name << "' promises data layout '" << preset.dataLayout
        << "' but LLVM uses '" << dataLayout << "'";
    return nullptr;
  }
  return machine;
}

/// Checks that what the lowering put on the module agrees with the target
/// (a 64-bit index in a 32-bit module would silently slow every loop).
static LogicalResult checkModuleTarget(ModuleOp module,
                                       const llvm::Module &llvmModule,
                                       const TargetPreset &preset,
                                       const llvm::TargetMachine &machine) {
  // Spellings differ (thumbv7em-none-eabihf, thumbv7em-none-unknown-eabihf,
  // x86_64-pc-linux-gnu): compare what selects the code and the ABI.
  const llvm::Triple &triple = llvmModule.getTargetTriple();
  llvm::Triple expected(llvm::Triple::normalize(preset.triple));
  llvm::Triple actual(llvm::Triple::normalize(triple.str()));
  if (!triple.str().empty() &&
      (actual.getArch() != expected.getArch() ||
       actual.getSubArch() != expected.getSubArch() ||
       actual.getEnvironment() != expected.getEnvironment()))
    return emitError(module.getLoc(), "module triple '")
           << triple.str() << "' does not match target '" << preset.name
           << "' (" << preset.triple << ")";
  std::string dataLayout = llvmModule.getDataLayout().getStringRepresentation();
  if (!dataLayout.empty() && dataLayout != preset.dataLayout)
    return emitError(module.getLoc(), "module data layout '")
           << dataLayout << "' does not match target '" << preset.name << "' ("
           << preset.dataLayout << ")";
  return success();
}

LogicalResult mlir::nn::emitForTarget(ModuleOp module,
                                      const EmitOptions &options,
                                      EmitFileKind kind, raw_ostream &os) {
  return emitForTarget(module, options, EmitOutput{kind, &os});
}

/// Runs the target's code generator on `llvmModule` into `os`.
static LogicalResult generateCode(ModuleOp module, llvm::Module &llvmModule,
                                  llvm::TargetMachine &machine,
                                  const TargetPreset &preset, EmitFileKind kind,
                                  raw_ostream &os) {
  llvm::SmallString<0> buffer;
  llvm::raw_svector_ostream bufferStream(buffer);
  llvm::legacy::PassManager passManager;
  auto fileType = kind == EmitFileKind::Object
                      ? llvm::CodeGenFileType::ObjectFile
                      : llvm::CodeGenFileType::AssemblyFile;
  if (machine.addPassesToEmitFile(passManager, bufferStream, nullptr, fileType))
    return emitError(module.getLoc(), "target '")
           << preset.name << "' cannot emit this file type";
  passManager.run(llvmModule);
  os << buffer;
  return success();
}

/// LLVM instructions (before optimization) past which the kernel pipeline
/// unrolls only loops of 2 iterations: KWS has 7K, person detection 17K.
static constexpr size_t kUnrollBudget = 12000;

std::string mlir::nn::getKernelPipeline(unsigned fullUnrollMax) {
  return ("cgscc(inline),function(sroa,early-cse<memssa>,instcombine<no-verify-"
          "fixpoint>,"
          "simplifycfg,loop-mssa(loop-rotate,licm),loop-unroll<O1;"
          "full-unroll-max=" +
          llvm::Twine(fullUnrollMax) +
          ">,instcombine<no-verify-fixpoint>,simplifycfg)")
      .str();
}

LogicalResult mlir::nn::emitForTarget(ModuleOp module,
                                      const EmitOptions &options,
                                      ArrayRef<EmitOutput> outputs) {
  if (options.optLevel > 3 || options.sizeLevel > 2 ||
      options.irOptLevel.value_or(0) > 3)
    return emitError(module.getLoc(), "optimization level out of range");
  const TargetPreset *preset = resolveTarget(module, options);
  if (!preset)
    return failure();
  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(module, *preset, options.optLevel);
  if (!machine)
    return failure();

  TimingScope noTiming;
  TimingScope &timing = options.timing ? *options.timing : noTiming;
  TimingScope translateTimer = timing.nest("translate to LLVM IR");
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, llvmContext, "nn");
  if (!llvmModule)
    return emitError(module.getLoc(), "cannot translate the module to LLVM IR");
  if (failed(checkModuleTarget(module, *llvmModule, *preset, *machine)))
    return failure();
  llvmModule->setTargetTriple(machine->getTargetTriple());
  llvmModule->setDataLayout(machine->createDataLayout());
  // Carry CPU and features on each function so the .ll stands on its own.
  for (llvm::Function &function : *llvmModule) {
    if (function.isDeclaration())
      continue;
    // Generated code never throws: no unwind tables (which would pull the
    // C++ unwinder into a bare-metal link).
    function.addFnAttr(llvm::Attribute::NoUnwind);
    if (!function.hasFnAttribute("target-cpu"))
      function.addFnAttr("target-cpu", preset->cpu);
    if (!function.hasFnAttribute("target-features") &&
        !preset->features.empty())
      function.addFnAttr("target-features", preset->features);
  }

  translateTimer.stop();

  TimingScope optimizeTimer = timing.nest("LLVM IR optimization");
  std::string pipeline = options.irPipeline;
  if (pipeline.empty() && options.kernelPipeline) {
    // Full unrolling of the kernels' short loops (taps, channel leftovers)
    // saves instructions (KWS: 7.66M with loops of 2, 7.45M with 4), but
    // every unrolled body costs code generation time: past a budget of
    // LLVM instructions only loops of 2 unroll (person detection: 0.9 s
    // instead of 1.2 s to compile, 4% more instructions).
    size_t size = 0;
    for (const llvm::Function &function : *llvmModule)
      size += function.getInstructionCount();
    pipeline = getKernelPipeline(size > kUnrollBudget ? 2 : 4);
  }
  if (!pipeline.empty()) {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PassBuilder builder(machine.get());
    builder.registerModuleAnalyses(mam);
    builder.registerCGSCCAnalyses(cgam);
    builder.registerFunctionAnalyses(fam);
    builder.registerLoopAnalyses(lam);
    builder.crossRegisterProxies(lam, fam, cgam, mam);
    llvm::ModulePassManager passes;
    if (llvm::Error error = builder.parsePassPipeline(passes, pipeline))
      return emitError(module.getLoc(), "LLVM pass pipeline '")
             << pipeline << "': " << llvm::toString(std::move(error));
    passes.run(*llvmModule, mam);
  } else {
    auto optimize =
        makeOptimizingTransformer(options.irOptLevel.value_or(options.optLevel),
                                  options.sizeLevel, machine.get());
    if (llvm::Error error = optimize(llvmModule.get()))
      return emitError(module.getLoc(), "LLVM optimization failed: ")
             << llvm::toString(std::move(error));
  }
  optimizeTimer.stop();

  // IR first: code generation rewrites the module it runs on, so every
  // code-generating output but the last works on a copy.
  SmallVector<EmitOutput> codeOutputs;
  for (const EmitOutput &output : outputs) {
    if (output.kind == EmitFileKind::LLVMIR) {
      TimingScope printTimer = timing.nest("print LLVM IR");
      llvmModule->print(*output.os, nullptr);
    } else
      codeOutputs.push_back(output);
  }
  for (auto [i, output] : llvm::enumerate(codeOutputs)) {
    TimingScope codeGenTimer = timing.nest("code generation");
    std::unique_ptr<llvm::Module> copy;
    if (i + 1 < codeOutputs.size())
      copy = llvm::CloneModule(*llvmModule);
    if (failed(generateCode(module, copy ? *copy : *llvmModule, *machine,
                            *preset, output.kind, *output.os)))
      return failure();
  }
  return success();
}

void mlir::nn::registerLLVMEmitTranslations() {
  static llvm::cl::opt<std::string> target(
      "target",
      llvm::cl::desc("Target preset for --nn-to-llvmir/-asm/-object (default: "
                     "the module's nn.target attribute)"),
      llvm::cl::init(""));
  static llvm::cl::opt<std::string> optLevel(
      "opt-level",
      llvm::cl::desc("LLVM optimization level: 0, 1, 2, 3, s or z"),
      llvm::cl::init("2"));

  auto registerKind = [](StringRef flag, StringRef description,
                         EmitFileKind kind) {
    TranslateFromMLIRRegistration(
        flag, description,
        [kind](ModuleOp module, raw_ostream &os) -> LogicalResult {
          EmitOptions options;
          options.target = target;
          StringRef level = optLevel;
          if (level == "s" || level == "z") {
            options.sizeLevel = level == "s" ? 1 : 2;
          } else if (level.size() != 1 || level[0] < '0' || level[0] > '3') {
            return emitError(module.getLoc(),
                             "--opt-level must be 0, 1, 2, 3, s or z, "
                             "got '")
                   << level << "'";
          } else {
            options.optLevel = level[0] - '0';
          }
          return emitForTarget(module, options, kind, os);
        },
        [](DialectRegistry &registry) {
          registry.insert<LLVM::LLVMDialect>();
          registerBuiltinDialectTranslation(registry);
          registerLLVMDialectTranslation(registry);
        });
  };
  registerKind("nn-to-llvmir", "optimized LLVM IR for a target preset",
               EmitFileKind::LLVMIR);
  registerKind("nn-to-asm", "assembly for a target preset",
               EmitFileKind::Assembly);
  registerKind("nn-to-object", "ELF object file for a target preset",
               EmitFileKind::Object);
}
