// The report's per-layer live bytes: the reserved bytes of the arena's
// tensors alive during each layer's step, per the plan --nn-plan-memory
// left (its alignment, aliased tensors once, scratch included); the peak
// layer gets a '*' and the totals name it. Equal to the plan JSON's
// live_bytes, and its maximum is the lower bound.
// RUN: nn-opt --nn-plan-memory=alignment=16 --nn-report %s -o /dev/null | FileCheck %s
// RUN: nn-opt --nn-plan-memory=alignment=16 --nn-report=format=json %s -o /dev/null | FileCheck %s --check-prefix=JSON
// RUN: nn-opt --nn-plan-memory="alignment=16 json-file=%t.json" %s -o /dev/null
// RUN: FileCheck %s --check-prefix=PLAN < %t.json
// Without a plan there is nothing to report.
// RUN: nn-opt --nn-report %s -o /dev/null | FileCheck %s --check-prefix=NOPLAN
// RUN: nn-opt --nn-report=format=json %s -o /dev/null | FileCheck %s --check-prefix=NOPLAN-JSON

// Reserved sizes at 16 B alignment: x 40 -> 48; a, b, r, c, c2 80; y 16;
// soft's 24 B scratch -> 32. relu writes in place over a (a dies there), the
// reshapes alias their inputs: two 80 B groups, A = {a, b, r} (steps 0-3)
// and C = {c, c2} (steps 3-5). Steps and live bytes:
//   0 fc1    x 48 + A 80                 = 128
//   1 relu   A 80                        =  80
//   2 flat   A 80                        =  80
//   3 soft   A 80 + C 80 + scratch 32    = 192  (the peak)
//   4 flat2  C 80                        =  80
//   5 fc2    C 80 + y 16                 =  96
// CHECK-LABEL: @live: 6 layers
// CHECK: #  name   type             output      {{.*}}  act. bytes  live bytes  MACC share
// CHECK-NEXT: 0  fc1    fully_connected  1x20 f32 {{.*}}  80  128  |
// CHECK-NEXT: 1  relu   relu             1x20 f32 {{.*}}  80   80  |
// CHECK-NEXT: 2  flat   reshape          2x10 f32 {{.*}}  80   80  |
// CHECK-NEXT: 3  soft   softmax          2x10 f32 {{.*}}  80  192 *  |
// CHECK-NEXT: 4  flat2  reshape          1x20 f32 {{.*}}  80   80  |
// CHECK-NEXT: 5  fc2    fully_connected  1x4 f32  {{.*}}  16   96  |
// CHECK-LABEL: totals of @live
// CHECK: arena (planned) 192 B
// CHECK-NEXT: arena lower bound 192 B
// CHECK-NEXT: peak live 192 B at soft

// JSON: "lower_bound_bytes": 192,
// JSON-NEXT: "peak_live_bytes": 192,
// JSON-NEXT: "peak_layer": "soft",
// JSON: "name": "fc1",
// JSON: "live_bytes": 128
// JSON: "name": "relu",
// JSON: "live_bytes": 80
// JSON: "name": "flat",
// JSON: "live_bytes": 80
// JSON: "name": "soft",
// JSON: "live_bytes": 192
// JSON: "name": "flat2",
// JSON: "live_bytes": 80
// JSON: "name": "fc2",
// JSON: "live_bytes": 96
// JSON: "functions": [
// JSON: "peak_live_bytes": 192,
// JSON-NEXT: "peak_layer": "soft",

// The plan's own per-step figures (step 6 is the return: y alone).
// PLAN: "live_bytes": [
// PLAN-NEXT: 128,
// PLAN-NEXT: 80,
// PLAN-NEXT: 80,
// PLAN-NEXT: 192,
// PLAN-NEXT: 80,
// PLAN-NEXT: 96,
// PLAN-NEXT: 16
// PLAN-NEXT: ],

// NOPLAN: 0  fc1 {{.*}}  80  -  |
// NOPLAN: arena (planned) - (memory planner not run)
// NOPLAN-NOT: peak live
// NOPLAN-JSON: "peak_live_bytes": null,
// NOPLAN-JSON-NEXT: "peak_layer": null,
// NOPLAN-JSON: "live_bytes": null

func.func @live(%x: tensor<1x10xf32>) -> tensor<1x4xf32> {
  %w1 = nn.constant dense<0.1> : tensor<20x10xf32>
  %a = nn.fully_connected %x, %w1 : (tensor<1x10xf32>, tensor<20x10xf32>) -> tensor<1x20xf32> loc("fc1")
  %b = nn.relu %a : (tensor<1x20xf32>) -> tensor<1x20xf32> loc("relu")
  %r = nn.reshape %b : (tensor<1x20xf32>) -> tensor<2x10xf32> loc("flat")
  %c = nn.softmax %r {nn.scratch_bytes = 24 : i64} : (tensor<2x10xf32>) -> tensor<2x10xf32> loc("soft")
  %c2 = nn.reshape %c : (tensor<2x10xf32>) -> tensor<1x20xf32> loc("flat2")
  %w2 = nn.constant dense<0.1> : tensor<4x20xf32>
  %y = nn.fully_connected %c2, %w2 : (tensor<1x20xf32>, tensor<4x20xf32>) -> tensor<1x4xf32> loc("fc2")
  return %y : tensor<1x4xf32>
}
