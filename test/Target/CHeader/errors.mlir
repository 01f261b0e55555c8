// RUN: nn-translate --nn-to-c-header %s -split-input-file -verify-diagnostics -o /dev/null

// expected-error @below {{C header: entry has no integer 'nn.arena_size' attribute; run the memory planner first}}
func.func @unplanned(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}

// -----

// expected-error @below {{C header: 'nn.alignment' is not a power of two}}
func.func @odd(%a: tensor<2xf32>) -> tensor<2xf32>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 12 : i64} {
  return %a : tensor<2xf32>
}

// -----

// expected-error @below {{C header: no public function with a body}}
module {
  func.func private @hidden(%a: tensor<2xf32>) -> tensor<2xf32> {
    return %a : tensor<2xf32>
  }
}

// -----

func.func @first(%a: tensor<2xf32>) -> tensor<2xf32>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 4 : i64} {
  return %a : tensor<2xf32>
}
// expected-error @below {{C header: more than one public function (also 'first'); the entry must be unique}}
func.func @second(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}

// -----

// expected-error @below {{C header: 'my-net' is no C identifier}}
func.func @"my-net"(%a: tensor<2xf32>) -> tensor<2xf32>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 4 : i64} {
  return %a : tensor<2xf32>
}

// -----

// expected-error @below {{C header: input 0 has type 'tensor<?xf32>'; expected a statically shaped tensor}}
func.func @dynamic(%a: tensor<?xf32>) -> tensor<?xf32>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 4 : i64} {
  return %a : tensor<?xf32>
}

// -----

!w = !quant.uniform<i8:f32:1, {0.1, 0.2}>
// expected-error @below {{C header: input 0 is not per-tensor quantized; a header can only describe one scale and zero point}}
func.func @per_axis(%a: tensor<1x2x!w>) -> tensor<1x2x!w>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 4 : i64} {
  return %a : tensor<1x2x!w>
}

// -----

// expected-error @below {{C header: 'nn.output_offsets' must be an array<i64> with 1 offsets}}
func.func @offsets(%a: tensor<2xf32>) -> tensor<2xf32>
    attributes {nn.arena_size = 8 : i64, nn.alignment = 4 : i64,
                nn.output_offsets = array<i64: 0, 4>} {
  return %a : tensor<2xf32>
}
