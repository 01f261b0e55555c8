//===- Analyze.cpp - nnc analyze --------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc analyze MODEL [--json] [--plan=false] [--alignment N] [-o FILE]`: the
// same report as `nn-opt --nn-plan-memory --nn-report`, through the same
// planner and analyzeCost().
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Model.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/ToolUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

#include "nn/Analysis/CostAnalysis.h"
#include "nn/Analysis/TensorMemoryPlan.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::SubCommand analyzeCommand(
    "analyze", "Per-layer MACC, ROM and activation bytes, cumulative shares "
               "and totals of a model");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("MODEL (.tflite or .mlir)"),
                                      cl::sub(analyzeCommand));
static cl::opt<bool> jsonOutput("json",
                                cl::desc("Print JSON (keys documented in "
                                         "docs/cost-model.md)"),
                                cl::sub(analyzeCommand));
static cl::opt<bool> planMemory(
    "plan",
    cl::desc("Plan the activation arena (as --nn-plan-memory does) and "
             "report its size; --plan=false reports the largest activation"),
    cl::init(true), cl::sub(analyzeCommand));
static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("file"), cl::init("-"),
                                       cl::sub(analyzeCommand));

static cl::opt<int64_t>
    alignment("alignment",
              cl::desc("Arena alignment in bytes for the memory plan (a "
                       "power of two)"),
              cl::init(4), cl::sub(analyzeCommand));
static cl::opt<std::string>
    strategy("strategy",
             cl::desc("Memory planning strategy: greedy-by-size, "
                      "greedy-by-conflicts, best-fit, exact or best"),
             cl::init("best"), cl::sub(analyzeCommand));
static cl::opt<std::string> planJSON("plan-json",
                                     cl::desc("Write the memory plan as JSON"),
                                     cl::value_desc("file"),
                                     cl::sub(analyzeCommand));
static cl::opt<std::string>
    planSVG("plan-svg", cl::desc("Write a picture of the memory plan (SVG)"),
            cl::value_desc("file"), cl::sub(analyzeCommand));

static cl::opt<bool> allocateInputs(
    "allocate-inputs",
    cl::desc("Place the model's inputs in the arena (as TFLite Micro does); "
             "=false plans what `nnc generate` places, inputs in the "
             "caller's buffers"),
    cl::init(true), cl::sub(analyzeCommand));
static cl::opt<bool> allocateOutputs(
    "allocate-outputs",
    cl::desc("Place the model's outputs in the arena; =false leaves them in "
             "the caller's buffers, as `nnc generate` does"),
    cl::init(true), cl::sub(analyzeCommand));

cl::SubCommand &nnc::getAnalyzeCommand() { return analyzeCommand; }

/// Plans every function's arena, leaving nn.arena_size / nn.lower_bound on
/// each (the report then shows them), and writes the plan files asked for.
static LogicalResult planArena(ModuleOp module) {
  FailureOr<nn::memplan::Strategy> kind =
      nn::checkPlannerOptions(module, alignment, strategy);
  if (failed(kind))
    return failure();
  nn::TensorPlanOptions options;
  options.alignment = alignment;
  options.allocateInputs = allocateInputs;
  options.allocateOutputs = allocateOutputs;
  options.planner.strategy = *kind;
  std::vector<nn::memplan::FunctionReport> reports;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    FailureOr<nn::TensorPlan> plan = nn::planTensorMemory(func, options);
    if (failed(plan))
      return failure();
    nn::annotateTensorPlan(func, *plan, alignment);
    reports.push_back(nn::makeReport(func, *plan, alignment));
  }
  auto write = [&](StringRef path, auto writer) -> LogicalResult {
    if (path.empty())
      return success();
    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
    if (!file) {
      llvm::errs() << "nnc analyze: " << error << "\n";
      return failure();
    }
    writer(file->os(), reports);
    file->keep();
    return success();
  };
  if (failed(write(planJSON, nn::memplan::writePlanJSON)) ||
      failed(write(planSVG, nn::memplan::writePlanSVG)))
    return failure();
  return success();
}

int nnc::runAnalyze() {
  MLIRContext context;
  // The diagnostic names the op and its source line; the generic op dump
  // adds nothing for a model's user.
  context.printOpOnDiagnostic(false);
  registerModelDialects(context);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  OwningOpRef<ModuleOp> module = loadModel(modelPath, context, sourceMgr);
  if (!module)
    return 1;
  // Costs first: their errors name the op that makes a figure undefined.
  FailureOr<nn::ModuleCost> cost = nn::analyzeCost(*module);
  if (failed(cost))
    return 1;
  if (planMemory) {
    if (failed(planArena(*module)))
      return 1;
    cost = nn::analyzeCost(*module);
    if (failed(cost))
      return 1;
  }

  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputPath, &message);
  if (!output) {
    llvm::errs() << "nnc analyze: " << message << "\n";
    return 1;
  }
  if (jsonOutput)
    nn::printCostReportJSON(*cost, output->os());
  else
    nn::printCostReport(*cost, output->os());
  output->keep();
  return 0;
}
