//===- Validate.cpp - nnc validate ------------------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `nnc validate MODEL [--target host|cortex-m4|tflite|armnn]
//  [--reference tflite|armnn] [--inputs f.npy | --random N --seed S] [--json]
//  [--dump-activations DIR]`: the command line of nn::runValidation.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "nn/Support/ThresholdOptions.h"
#include "nn/Validation/Validate.h"

#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

static cl::SubCommand validateCommand(
    "validate", "Run a model and a reference runtime (TensorFlow Lite, Arm NN) "
                "on the same inputs and compare the outputs");

static cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                                      cl::desc("MODEL (.tflite)"),
                                      cl::sub(validateCommand));
static cl::opt<std::string> target(
    "target",
    cl::desc("What runs the model under test: host, cortex-m4 (compiled), or "
             "a reference runtime (tflite, armnn) to cross-check the "
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

static const bool thresholdsRegistered =
    (nn::registerThresholdCLOptions(validateCommand), true);

cl::SubCommand &nnc::getValidateCommand() { return validateCommand; }

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
  return nn::runValidation(options, llvm::outs(), llvm::errs());
}
