// RUN: nn-opt %s --nn-plan-memory="json-file=%t.json svg-file=%t.svg" --nn-verify-memory-plan -o /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: FileCheck %s --check-prefix=SVG < %t.svg

// Buffers are named after their location (the TFLite importer puts tensor
// names there), else after the op and step.

// JSON: "functions": [
// JSON: "alignment": 4,
// JSON-NEXT: "arena_size": 72,
// JSON-NEXT: "buffers": [
// JSON: "bytes": 32,
// JSON-NEXT: "first_step": 0,
// JSON-NEXT: "kind": "input",
// JSON-NEXT: "last_step": 0,
// JSON-NEXT: "name": "image",
// JSON-NEXT: "offset": {{[0-9]+}},
// JSON-NEXT: "size": 32
// JSON: "first_step": 0,
// JSON-NEXT: "kind": "activation",
// JSON-NEXT: "last_step": 1,
// JSON-NEXT: "name": "probs",
// JSON-NEXT: "offset": [[PROBS:[0-9]+]],
// JSON: "alias_of": "probs",
// JSON: "first_step": 1,
// JSON-NEXT: "kind": "activation",
// JSON-NEXT: "last_step": 2,
// JSON-NEXT: "name": "flat",
// JSON-NEXT: "offset": [[PROBS]],
// JSON: "kind": "output",
// JSON-NEXT: "last_step": 3,
// JSON-NEXT: "name": "out",
// JSON: "bytes": 6,
// JSON-NEXT: "first_step": 2,
// JSON-NEXT: "kind": "scratch",
// JSON-NEXT: "last_step": 2,
// JSON-NEXT: "name": "out.scratch",
// JSON-NEXT: "offset": {{[0-9]+}},
// JSON-NEXT: "size": 8
// Per-step live bytes (the reshape counted with its input):
// JSON: "live_bytes": [
// JSON-NEXT: 64,
// JSON-NEXT: 32,
// JSON-NEXT: 72,
// JSON-NEXT: 32
// JSON-NEXT: ],
// JSON-NEXT: "lower_bound": 72,
// JSON-NEXT: "name": "net",
// JSON-NEXT: "strategy": "greedy-by-size"

// SVG: <svg xmlns="http://www.w3.org/2000/svg"
// SVG: net: arena 72 B, lower bound 72 B, greedy-by-size, alignment 4
// SVG: <title>image (input): [{{[0-9]+}}, {{[0-9]+}}), steps 0-0</title>
// SVG: <title>probs (activation)
// SVG: <title>out.scratch (scratch): [{{[0-9]+}}, {{[0-9]+}}), steps 2-2</title>
// SVG: peak 72 B at step 2
// SVG: </svg>
func.func @net(%x: tensor<1x8xf32> loc("image")) -> tensor<1x8xf32> {
  %w = nn.constant dense<1.0> : tensor<8x8xf32>
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32> loc("probs")
  %r = nn.reshape %a : (tensor<1x8xf32>) -> tensor<8xf32> loc("flat")
  %b = nn.fully_connected %r, %w {nn.scratch_bytes = 6 : i64} : (tensor<8xf32>, tensor<8x8xf32>) -> tensor<1x8xf32> loc("out")
  return %b : tensor<1x8xf32>
}
