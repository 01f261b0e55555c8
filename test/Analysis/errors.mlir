// Costs that cannot be computed are errors naming the op, never a wrong number.
// RUN: nn-opt --nn-annotate-cost --split-input-file --verify-diagnostics %s
// RUN: not nn-opt --nn-report %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// A dynamic batch makes the MACC of every layer that reads it undefined.
// REPORT: error: 'nn.relu' op cost is undefined: operand #0 has a dynamic shape
func.func @dynamic(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  // expected-error @+1 {{cost is undefined: operand #0 has a dynamic shape ('tensor<?x10xf32>')}}
  %y = nn.relu %x : (tensor<?x10xf32>) -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}

// -----

// 2^32 * 2^32 = 2^64 elements: the element count overflows an int64, which
// the checked counters report instead of wrapping around.
func.func @overflow() -> tensor<4294967296x4294967296xf32> {
  %c = nn.constant dense<1.0> : tensor<4294967296x4294967296xf32>
  // expected-error @+1 {{cost overflows a 64-bit counter}}
  %y = nn.relu %c : (tensor<4294967296x4294967296xf32>) -> tensor<4294967296x4294967296xf32>
  return %y : tensor<4294967296x4294967296xf32>
}

// -----

// A dynamic function result with no layer in between.
// expected-error @+1 {{cost is undefined: a function input or output has a dynamic shape or is too large}}
func.func @dynamic_io(%x: tensor<?xf32>) -> tensor<?xf32> {
  return %x : tensor<?xf32>
}
