// nnc analyze: the cost report of a model in the nn dialect, as a table or
// JSON, to stdout or a file; bad input is an error with a location.
// RUN: nnc analyze %s | FileCheck %s
// RUN: nnc analyze %s --json -o %t.json && FileCheck %s --check-prefix=JSON < %t.json
// RUN: nnc analyze %s --json --plan=false | FileCheck %s --check-prefix=NOPLAN
// RUN: not nnc analyze %t.missing.mlir 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not nnc analyze %t.onnx 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: echo "not a model" > %t.tflite
// RUN: not nnc analyze %t.tflite 2>&1 | FileCheck %s --check-prefix=TFLITE
// RUN: not nnc 2>&1 | FileCheck %s --check-prefix=NOCMD
// RUN: not nnc analyze %S/Inputs/dynamic.mlir 2>&1 | FileCheck %s --check-prefix=DYNAMIC

// fc: 1*8*4 = 32 pure MACs + 4 (bias) + 4 (relu) = 40 MACC; params 36,
// ROM 144 B. softmax: 4 * 10 = 40. Total 80. Live bytes (the plan below):
// dense 32 (input) + 16 = 48, the peak; softmax 16 + 16 = 32.
// CHECK-LABEL: @classifier: 2 layers
// CHECK: 0  dense    fully_connected  1x4 f32  36  40  50.0  50.0  144  100.0  16  48 *  |##########          |
// CHECK: 1  softmax_0  softmax  1x4 f32  0  40  50.0  100.0  0  100.0  16  32  |##########          |
// CHECK: MACC 80

// JSON: "macc": 80,
// JSON: "pure_macs": 32,
// JSON: "params": 36,
// JSON: "weights_bytes": 144,
// The planned arena: the input (32 B) and the fc output (16 B) are live at
// once; the softmax output (16 B) can reuse the input's place: 48 B.
// JSON: "activations_bytes": 48,
// JSON: "arena_bytes": 48,
// JSON: "lower_bound_bytes": 48,
// JSON: "peak_live_bytes": 48,
// JSON-NEXT: "peak_layer": "dense",
// JSON: "layers": [
// JSON: "name": "dense",
// JSON: "live_bytes": 48

// Without the planner, the activation RAM is the largest tensor (the input).
// NOPLAN: "activations_bytes": 32,
// NOPLAN: "arena_bytes": null,
// NOPLAN: "peak_live_bytes": null,
// NOPLAN: "live_bytes": null

// MISSING: error: cannot open input file
// FORMAT: error: unknown model format '.onnx' (expected .tflite or .mlir)
// TFLITE: error: not a TFLite model
// NOCMD: nnc: no command given
// DYNAMIC: dynamic.mlir:4:8: error: 'nn.softmax' op cost is undefined: operand #0 has a dynamic shape
// DYNAMIC-NOT: see current operation

func.func @classifier(%x: tensor<1x8xf32>) -> tensor<1x4xf32> {
  %w = nn.constant dense<0.5> : tensor<4x8xf32>
  %b = nn.constant dense<0.0> : tensor<4xf32>
  %y = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<1x4xf32> loc("dense")
  %p = nn.softmax %y : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %p : tensor<1x4xf32>
}
