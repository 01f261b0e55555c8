// RUN: nn-opt %s -split-input-file --nn-plan-memory --nn-verify-memory-plan | FileCheck %s

// A chain of softmaxes (not in-place ops): each tensor lives from its op to
// its reader, so two 32-byte slots alternate and the arena is the lower bound.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: {nn.offset = [[X:[0-9]+]] : i64, nn.size = 32 : i64}
// CHECK-SAME: nn.arena_alignment = 4 : i64, nn.arena_size = 64 : i64{{.*}} nn.lower_bound = 64 : i64
// CHECK: nn.softmax %arg0 {nn.offset = [[A:[0-9]+]] : i64, nn.size = 32 : i64}
// CHECK: nn.softmax {{.*}} {nn.offset = [[X]] : i64, nn.size = 32 : i64}
// CHECK: nn.softmax {{.*}} {nn.offset = [[A]] : i64, nn.size = 32 : i64}
func.func @chain(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %b = nn.softmax %a : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %c = nn.softmax %b : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %c : tensor<1x8xf32>
}

// -----

// An activation writes over its input when that input dies there (in place),
// and a reshape is its input's bytes: one 32-byte slot serves a, r and b.
// CHECK-LABEL: func.func @in_place_and_reshape
// CHECK-SAME: nn.arena_size = 64 : i64{{.*}} nn.lower_bound = 64 : i64
// CHECK: nn.softmax %arg0 {nn.offset = [[A:[0-9]+]] : i64
// CHECK: nn.reshape {{.*}} {nn.offset = [[A]] : i64
// CHECK: nn.relu {{.*}} {nn.offset = [[A]] : i64
func.func @in_place_and_reshape(%x: tensor<1x8xf32>) -> tensor<2x4xf32> {
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %r = nn.reshape %a : (tensor<1x8xf32>) -> tensor<2x4xf32>
  %b = nn.relu %r : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %b : tensor<2x4xf32>
}

// -----

// A reshape's constant shape operand is a constant in flash, not an
// activation: it gets no offset and no step, and the reshape still aliases
// its input, so the arena is the same 64 B as without the operand.
// CHECK-LABEL: func.func @reshape_shape_operand
// CHECK-SAME: nn.arena_size = 64 : i64{{.*}} nn.lower_bound = 64 : i64
// CHECK: nn.softmax %arg0 {nn.offset = [[A:[0-9]+]] : i64
// CHECK: %[[S:.*]] = nn.constant dense<[2, -1]> : tensor<2xi32>{{$}}
// CHECK: nn.reshape %{{.*}}, %[[S]] {nn.offset = [[A]] : i64
// CHECK: nn.relu {{.*}} {nn.offset = [[A]] : i64
func.func @reshape_shape_operand(%x: tensor<1x8xf32>) -> tensor<2x4xf32> {
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %s = nn.constant dense<[2, -1]> : tensor<2xi32>
  %r = nn.reshape %a, %s : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<2x4xf32>
  %b = nn.relu %r : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %b : tensor<2x4xf32>
}

// -----

// No in-place write over an input that is read later: b must not take a's
// storage because the add reads a afterwards. The add may then overwrite
// either of its inputs, both of which die there; it takes the first. b reuses
// the input's slot, so two slots suffice.
// CHECK-LABEL: func.func @no_in_place_when_read_later
// CHECK-SAME: nn.arena_size = 64 : i64{{.*}} nn.lower_bound = 64 : i64
// CHECK: nn.softmax %arg0 {nn.offset = [[A:[0-9]+]] : i64
// CHECK: nn.relu {{.*}} {nn.offset = [[B:[0-9]+]] : i64
// CHECK: nn.add {{.*}} {nn.offset = [[A]] : i64
func.func @no_in_place_when_read_later(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %b = nn.relu %a : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %c = nn.add %a, %b : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  return %c : tensor<1x8xf32>
}

// -----

// AI_ALIGNED(4) semantics: a 3-byte tensor reserves 4 bytes, a 5-byte one 8.
!q = !quant.uniform<i8:f32, 0.1:-128>
// CHECK-LABEL: func.func @aligned_sizes
// CHECK-SAME: nn.size = 4 : i64
// CHECK-SAME: nn.size = 8 : i64
// CHECK-SAME: nn.arena_size = 12 : i64{{.*}} nn.lower_bound = 12 : i64
func.func @aligned_sizes(%x: tensor<3x!q>, %y: tensor<5x!q>) -> (tensor<3x!q>, tensor<5x!q>) {
  %a = nn.relu %x : (tensor<3x!q>) -> tensor<3x!q>
  %b = nn.relu %y : (tensor<5x!q>) -> tensor<5x!q>
  return %a, %b : tensor<3x!q>, tensor<5x!q>
}

// -----

// Scratch buffers requested with nn.scratch_bytes live during their op only:
// 10 bytes reserve 12, placed beside the op's input and output.
// CHECK-LABEL: func.func @scratch
// CHECK-SAME: nn.arena_size = 76 : i64{{.*}} nn.lower_bound = 76 : i64
// CHECK: nn.softmax {{.*}}nn.scratch_bytes = 10 : i64, nn.scratch_offset = {{[0-9]+}} : i64, nn.scratch_size = 12 : i64
func.func @scratch(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %a = nn.softmax %x {nn.scratch_bytes = 10 : i64} : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %a : tensor<1x8xf32>
}

// -----

// A skip connection keeps x alive across the branch: three tensors at once.
// CHECK-LABEL: func.func @skip_connection
// CHECK-SAME: nn.arena_size = 96 : i64{{.*}} nn.lower_bound = 96 : i64
func.func @skip_connection(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %a = nn.softmax %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %b = nn.softmax %a : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %c = nn.add %x, %b : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  return %c : tensor<1x8xf32>
}

// -----

// Constants stay in flash and take no step; functions without a body are
// not planned.
// CHECK-LABEL: func.func private @external(tensor<4xf32>)
// CHECK-NOT: nn.arena_size
func.func private @external(tensor<4xf32>)
// CHECK-LABEL: func.func @constants
// CHECK-SAME: nn.arena_size = 32 : i64
// CHECK: nn.constant
// CHECK-NOT: nn.offset
// CHECK: nn.fully_connected
func.func @constants(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %w = nn.constant dense<1.0> : tensor<4x4xf32>
  %y = nn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
