// The report shows the arena that --nn-plan-memory planned before it:
// the conv's 100 B input and 100 B output are live together, then the
// depthwise's input and output: 200 B, equal to the lower bound.
// RUN: nn-opt --nn-plan-memory --nn-report %nn_src_root/examples/kws_tiny_int8.mlir -o /dev/null | FileCheck %s
// RUN: nn-opt --nn-plan-memory --nn-report=format=json %nn_src_root/examples/kws_tiny_int8.mlir -o /dev/null | FileCheck %s --check-prefix=JSON

// CHECK-LABEL: totals of @kws_tiny
// CHECK: largest activation 100 B
// CHECK-NEXT: arena (planned) 200 B
// CHECK-NEXT: arena lower bound 200 B

// JSON: "activations_bytes": 200,
// JSON-NEXT: "largest_activation_bytes": 100,
// JSON-NEXT: "arena_bytes": 200,
// JSON-NEXT: "lower_bound_bytes": 200,
