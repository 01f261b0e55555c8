// RUN: nn-opt %s -split-input-file --nn-verify-memory-plan -verify-diagnostics

// Plans written by hand, each broken in one way; the checker recomputes
// liveness and trusts only the attributes.

// a and b are alive together at step 1 (b reads a) but share bytes [16, 32).
func.func @overlap(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<1x8xf32>
    attributes {nn.arena_alignment = 4 : i64, nn.arena_size = 80 : i64} {
  // expected-note@+1 {{'softmax_0' is defined here}}
  %a = nn.softmax %x {nn.offset = 32 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  // expected-error@+1 {{'softmax_1' [16, 48) overlaps 'softmax_0' [32, 64) while both are live at step 1}}
  %b = nn.softmax %a {nn.offset = 16 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %b : tensor<1x8xf32>
}

// -----

func.func @misaligned(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<1x8xf32>
    attributes {nn.arena_alignment = 16 : i64, nn.arena_size = 128 : i64} {
  // expected-error@+1 {{'softmax_0' at offset 36 is not aligned to 16 bytes}}
  %a = nn.softmax %x {nn.offset = 36 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %a : tensor<1x8xf32>
}

// -----

func.func @past_the_arena(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<1x8xf32>
    attributes {nn.arena_alignment = 4 : i64, nn.arena_size = 60 : i64} {
  // expected-error@+1 {{'softmax_0' occupies [32, 64), outside the arena of 60 bytes}}
  %a = nn.softmax %x {nn.offset = 32 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %a : tensor<1x8xf32>
}

// -----

func.func @too_small(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<1x8xf32>
    attributes {nn.arena_alignment = 4 : i64, nn.arena_size = 64 : i64} {
  // expected-error@+1 {{'softmax_0' reserves 16 bytes but needs 32}}
  %a = nn.softmax %x {nn.offset = 32 : i64, nn.size = 16 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %a : tensor<1x8xf32>
}

// -----

func.func @missing(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<1x8xf32>
    attributes {nn.arena_alignment = 4 : i64, nn.arena_size = 64 : i64} {
  // expected-error@+1 {{activation 'softmax_0' has no placement; run --nn-plan-memory}}
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %b = nn.softmax %a {nn.offset = 32 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %b : tensor<1x8xf32>
}

// -----

// A reshape shares its input's storage, so it must sit at the same offset.
func.func @alias_moved(%x: tensor<1x8xf32> {nn.offset = 0 : i64, nn.size = 32 : i64}) -> tensor<8xf32>
    attributes {nn.arena_alignment = 4 : i64, nn.arena_size = 96 : i64} {
  %a = nn.softmax %x {nn.offset = 32 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  // expected-error@+1 {{'reshape_1' shares storage with 'softmax_0' but is placed at offset 64, not 32}}
  %r = nn.reshape %a {nn.offset = 64 : i64, nn.size = 32 : i64} : (tensor<1x8xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// expected-error@+1 {{'func.func' op has 'nn.arena_size' but no 'nn.arena_alignment' power of two to check offsets against}}
func.func @no_alignment(%x: tensor<1x8xf32>) -> tensor<1x8xf32> attributes {nn.arena_size = 64 : i64} {
  return %x : tensor<1x8xf32>
}
