// RUN: nn-opt %s -split-input-file --nn-plan-memory -verify-diagnostics
// RUN: not nn-opt %s --nn-plan-memory=alignment=3 2>&1 | FileCheck %s --check-prefix=ALIGN
// RUN: not nn-opt %s --nn-plan-memory=strategy=fastest 2>&1 | FileCheck %s --check-prefix=STRATEGY

// ALIGN: error: alignment must be a power of two, got 3
// STRATEGY: error: unknown strategy 'fastest'; expected one of greedy-by-size, greedy-by-conflicts, best-fit, exact, best

// expected-error@+1 {{memory planning needs a function body with a single block}}
func.func @two_blocks(%x: tensor<4xf32>) -> tensor<4xf32> {
  cf.br ^next
^next:
  return %x : tensor<4xf32>
}

// -----

// expected-error@+1 {{cannot plan memory for 'tensor<?xf32>': needs a static shape and a sized element type}}
func.func @dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  %a = nn.relu %x : (tensor<?xf32>) -> tensor<?xf32>
  return %a : tensor<?xf32>
}

// -----

func.func @negative_scratch(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'nn.softmax' op 'nn.scratch_bytes' must be non-negative}}
  %a = nn.softmax %x {nn.scratch_bytes = -1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return %a : tensor<4xf32>
}
