//===- Analyze.cpp - nnc analyze --------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc analyze MODEL [--json] [--plan=false] [-o FILE] [--alignment N]`: the
// same report as
// `nn-opt --nn-report`, through the same analyzeCost(), after planning the
// activation arena as `nn-opt --nn-plan-memory` does (planTensorMemory()).
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
static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("file"), cl::init("-"),
                                       cl::sub(analyzeCommand));

static cl::opt<bool> planArena("plan",
                               cl::desc("Plan the activation arena (on by "
                                        "default; --plan=false skips it)"),
                               cl::init(true), cl::sub(analyzeCommand));
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

cl::SubCommand &nnc::getAnalyzeCommand() { return analyzeCommand; }

/// Plans every function's arena (the report then shows it and its lower
/// bound) and writes the plan files asked for.
static LogicalResult planMemory(ModuleOp module) {
  FailureOr<nn::memplan::Strategy> kind =
      nn::checkPlannerOptions(module, alignment, strategy);
  if (failed(kind))
    return failure();
  nn::TensorPlanOptions options;
  options.alignment = alignment;
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
    std::string message;
    std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &message);
    if (!file) {
      llvm::errs() << "nnc analyze: " << message << "\n";
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
  // The cost analysis reports unsupported IR best; plan once it passed,
  // then take the figures again with the arena in them.
  FailureOr<nn::ModuleCost> cost = nn::analyzeCost(*module);
  if (failed(cost))
    return 1;
  if (planArena) {
    if (failed(planMemory(*module)))
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
