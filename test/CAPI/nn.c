/*===- nn.c - Test of the nn C API --------------------------------*- C -*-===*\
|*                                                                            *|
|* Part of the nn-mlir project.                                               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

/* RUN: nn-capi-test 2>&1 | FileCheck %s
 * RUN: nn-capi-shared-test 2>&1 | FileCheck %s
 * RUN: %write-tflite %S/Inputs/fully_connected.py -o %t.tflite
 * RUN: nn-capi-test %t.tflite 2>&1 | FileCheck %s --check-prefix=TFLITE
 * RUN: nn-capi-shared-test %t.tflite 2>&1 | FileCheck %s --check-prefix=TFLITE
 */

#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/Dialect/Quant.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Transforms.h"

#include "nn-c/Analysis.h"
#include "nn-c/Dialect/NN.h"
#include "nn-c/Passes.h"
#include "nn-c/Target/TFLite.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStderr(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stderr);
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic diagnostic,
                                         void *userData) {
  (void)userData;
  fprintf(stderr, "diagnostic at ");
  mlirLocationPrint(mlirDiagnosticGetLocation(diagnostic), printToStderr, NULL);
  fprintf(stderr, ": ");
  mlirDiagnosticPrint(diagnostic, printToStderr, NULL);
  fprintf(stderr, "\n");
  return mlirLogicalResultSuccess();
}

/* A context with func, quant and nn registered, the way a binding sets one
 * up, and a diagnostic handler that prints to stderr. */
static MlirContext createContext(void) {
  MlirContext ctx = mlirContextCreate();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__func__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__quant__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__nn__(), registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirContextAttachDiagnosticHandler(ctx, printDiagnostic, NULL, NULL);
  return ctx;
}

static void testDialectHandle(void) {
  fprintf(stderr, "@testDialectHandle\n");
  MlirContext ctx = mlirContextCreate();
  MlirDialectHandle nn = mlirGetDialectHandle__nn__();
  MlirStringRef ns = mlirDialectHandleGetNamespace(nn);
  fprintf(stderr, "namespace: %.*s\n", (int)ns.length, ns.data);
  fprintf(stderr, "loaded before: %d\n",
          mlirContextGetNumLoadedDialects(ctx) > 1 &&
              !mlirDialectIsNull(mlirContextGetOrLoadDialect(ctx, ns)));
  MlirDialect dialect = mlirDialectHandleLoadDialect(nn, ctx);
  MlirStringRef loaded = mlirDialectGetNamespace(dialect);
  fprintf(stderr, "loaded: %.*s\n", (int)loaded.length, loaded.data);
  mlirContextDestroy(ctx);
}
// CHECK-LABEL: @testDialectHandle
// CHECK: namespace: nn
// CHECK: loaded before: 0
// CHECK: loaded: nn

/* reshape(reshape(x)) back to the shape of x: the nn folders remove both. */
static const char *kReshapes =
    "func.func @round_trip(%x: tensor<1x2x4xf32>) -> tensor<1x2x4xf32> {\n"
    "  %0 = nn.reshape %x : (tensor<1x2x4xf32>) -> tensor<8xf32>\n"
    "  %1 = nn.reshape %0 : (tensor<8xf32>) -> tensor<1x2x4xf32>\n"
    "  return %1 : tensor<1x2x4xf32>\n"
    "}\n";

static void testParseVerifyPrint(void) {
  fprintf(stderr, "@testParseVerifyPrint\n");
  MlirContext ctx = createContext();
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kReshapes));
  if (mlirModuleIsNull(module)) {
    fprintf(stderr, "parse failed\n");
    exit(1);
  }
  MlirOperation op = mlirModuleGetOperation(module);
  fprintf(stderr, "verified: %d\n", mlirOperationVerify(op));
  mlirOperationPrint(op, printToStderr, NULL);
  fprintf(stderr, "\n");
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
}
// CHECK-LABEL: @testParseVerifyPrint
// CHECK: verified: 1
// CHECK: func.func @round_trip(%[[X:.*]]: tensor<1x2x4xf32>)
// CHECK-NEXT: %[[R:.*]] = nn.reshape %[[X]] : {{.*}} -> tensor<8xf32>
// CHECK-NEXT: nn.reshape %[[R]] : {{.*}} -> tensor<1x2x4xf32>

/* The nn passes are registered, and run (with upstream ones) from a textual
 * pipeline. */
static void testPassPipeline(void) {
  fprintf(stderr, "@testPassPipeline\n");
  mlirRegisterNNPasses();
  mlirRegisterTransformsCanonicalizer();
  MlirContext ctx = createContext();
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kReshapes));
  MlirOperation op = mlirModuleGetOperation(module);
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirLogicalResult parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      mlirStringRefCreateFromCString("builtin.module(canonicalize)"),
      printToStderr, NULL);
  fprintf(stderr, "pipeline parsed: %d\n", mlirLogicalResultIsSuccess(parsed));
  MlirLogicalResult ran = mlirPassManagerRunOnOp(pm, op);
  fprintf(stderr, "pipeline ran: %d\n", mlirLogicalResultIsSuccess(ran));
  mlirOperationPrint(op, printToStderr, NULL);
  fprintf(stderr, "\n");

  /* A pass name nobody registered is an error message, not a crash. */
  MlirPassManager bad = mlirPassManagerCreate(ctx);
  fprintf(stderr, "unknown pass: ");
  parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(bad),
      mlirStringRefCreateFromCString("builtin.module(nn-no-such-pass)"),
      printToStderr, NULL);
  fprintf(stderr, "\nunknown pass parsed: %d\n",
          mlirLogicalResultIsSuccess(parsed));

  mlirPassManagerDestroy(bad);
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
}
// CHECK-LABEL: @testPassPipeline
// CHECK: pipeline parsed: 1
// CHECK: pipeline ran: 1
// CHECK: func.func @round_trip(%[[X:.*]]: tensor<1x2x4xf32>)
// CHECK-NOT: nn.reshape
// CHECK-NEXT: return %[[X]]
// CHECK: unknown pass: {{.*}}'nn-no-such-pass' does not refer to a registered
// CHECK: unknown pass parsed: 0

/* Invalid IR: the verifier's message reaches the diagnostic handler and
 * parsing returns a null module. */
static void testInvalid(void) {
  fprintf(stderr, "@testInvalid\n");
  MlirContext ctx = createContext();
  const char *invalid =
      "func.func @f(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x2xf32>) -> "
      "tensor<1x8x8x8xf32> {\n"
      "  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : "
      "(tensor<1x8x8x3xf32>, tensor<8x3x3x2xf32>) -> tensor<1x8x8x8xf32>\n"
      "  return %0 : tensor<1x8x8x8xf32>\n"
      "}\n";
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(invalid));
  fprintf(stderr, "module is null: %d\n", mlirModuleIsNull(module));
  mlirContextDestroy(ctx);
}
// CHECK-LABEL: @testInvalid
// CHECK: diagnostic at loc("-":2:{{[0-9]+}}): 'nn.conv2d' op input channels 3
// CHECK-SAME: are not a multiple of filter input channels 2
// CHECK: module is null: 1

/* Parses `source`, runs `pipeline` (if any) through the registered passes,
 * then prints the JSON cost report or the failure. */
static void analyze(MlirContext ctx, const char *source, const char *pipeline) {
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(source));
  if (mlirModuleIsNull(module)) {
    fprintf(stderr, "parse failed\n");
    exit(1);
  }
  if (pipeline) {
    MlirPassManager pm = mlirPassManagerCreate(ctx);
    if (mlirLogicalResultIsFailure(mlirParsePassPipeline(
            mlirPassManagerGetAsOpPassManager(pm),
            mlirStringRefCreateFromCString(pipeline), printToStderr, NULL)) ||
        mlirLogicalResultIsFailure(
            mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module)))) {
      fprintf(stderr, "pipeline failed\n");
      exit(1);
    }
    mlirPassManagerDestroy(pm);
  }
  MlirLogicalResult result = mlirNNAnalyze(module, printToStderr, NULL);
  fprintf(stderr, "\nanalyzed: %d\n", mlirLogicalResultIsSuccess(result));
  mlirModuleDestroy(module);
}

/* fully_connected 3 -> 4 with bias: MACC 4*3 + 4, params 12 + 4. */
static const char *kFullyConnected =
    "func.func @fc(%x: tensor<1x3xf32>) -> tensor<1x4xf32> {\n"
    "  %w = nn.constant dense<0.5> : tensor<4x3xf32>\n"
    "  %b = nn.constant dense<0.1> : tensor<4xf32>\n"
    "  %y = nn.fully_connected %x, %w, %b : (tensor<1x3xf32>, "
    "tensor<4x3xf32>, tensor<4xf32>) -> tensor<1x4xf32>\n"
    "  return %y : tensor<1x4xf32>\n"
    "}\n";

static void testAnalyze(void) {
  fprintf(stderr, "@testAnalyze\n");
  mlirRegisterNNPasses();
  MlirContext ctx = createContext();
  analyze(ctx, kFullyConnected, NULL);
  /* The planner's arena joins the report once nn-plan-memory ran. */
  analyze(ctx, kFullyConnected, "builtin.module(nn-plan-memory)");
  /* A dynamic shape has no cost: a diagnostic and a failure. */
  analyze(ctx,
          "func.func @dyn(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {\n"
          "  %y = nn.relu %x : (tensor<?x8xf32>) -> tensor<?x8xf32>\n"
          "  return %y : tensor<?x8xf32>\n"
          "}\n",
          NULL);
  mlirContextDestroy(ctx);
}
// CHECK-LABEL: @testAnalyze
// CHECK:      "macc": 16,
// CHECK-NEXT: "pure_macs": 12,
// CHECK-NEXT: "params": 16,
// CHECK:      "arena_bytes": null,
// CHECK:      "type": "fully_connected",
// CHECK:      analyzed: 1
// The input (12 B) and the output (16 B) are live together.
// CHECK:      "arena_bytes": 28,
// CHECK:      analyzed: 1
// CHECK:      diagnostic at loc("-":2:{{[0-9]+}}): {{.*}}dynamic
// CHECK:      analyzed: 0

/* The importer from a file and from memory, and its errors. */
static void printModuleOrNull(const char *what, MlirModule module) {
  fprintf(stderr, "%s: ", what);
  if (mlirModuleIsNull(module)) {
    fprintf(stderr, "null module\n");
    return;
  }
  MlirOperation op = mlirModuleGetOperation(module);
  fprintf(stderr, "verified %d\n", mlirOperationVerify(op));
  mlirOperationPrint(op, printToStderr, NULL);
  fprintf(stderr, "\n");
  mlirModuleDestroy(module);
}

static void testImportTFLite(const char *path) {
  fprintf(stderr, "@testImportTFLite\n");
  MlirContext ctx = createContext();
  MlirModule imported =
      mlirNNImportTFLiteFile(ctx, mlirStringRefCreateFromCString(path));
  if (!mlirModuleIsNull(imported)) {
    MlirLogicalResult result = mlirNNAnalyze(imported, printToStderr, NULL);
    fprintf(stderr, "\nanalyzed: %d\n", mlirLogicalResultIsSuccess(result));
  }
  printModuleOrNull("from file", imported);

  FILE *file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(1);
  }
  char bytes[4096];
  size_t size = fread(bytes, 1, sizeof(bytes), file);
  fclose(file);
  printModuleOrNull("from memory",
                    mlirNNImportTFLite(ctx, mlirStringRefCreate(bytes, size),
                                       mlirStringRefCreateFromCString("mem")));

  printModuleOrNull(
      "not a model",
      mlirNNImportTFLite(ctx, mlirStringRefCreateFromCString("hello, world"),
                         mlirStringRefCreateFromCString("hello.tflite")));
  printModuleOrNull("missing file",
                    mlirNNImportTFLiteFile(ctx, mlirStringRefCreateFromCString(
                                                    "/no/such.tflite")));
  mlirContextDestroy(ctx);
}
// TFLITE-LABEL: @testImportTFLite
// TFLITE:      "macc": 12,
// TFLITE:      "name": "y",
// TFLITE-NEXT: "type": "fully_connected",
// TFLITE:      analyzed: 1
// TFLITE:      from file: verified 1
// TFLITE:      func.func @main(%arg0: tensor<1x3xf32>) -> tensor<1x4xf32>
// TFLITE:      nn.fully_connected %arg0
// TFLITE:      from memory: verified 1
// TFLITE:      nn.fully_connected %arg0
// TFLITE:      diagnostic at loc("hello.tflite":0:0): not a TFLite model
// TFLITE-NEXT: not a model: null module
// TFLITE:      diagnostic at loc("/no/such.tflite":0:0): cannot read the model
// TFLITE-NEXT: missing file: null module

int main(int argc, char **argv) {
  if (argc > 1) {
    testImportTFLite(argv[1]);
    return 0;
  }
  testDialectHandle();
  testParseVerifyPrint();
  testPassPipeline();
  testInvalid();
  testAnalyze();
  return 0;
}
