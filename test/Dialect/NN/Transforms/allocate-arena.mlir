// RUN: nn-opt %s -split-input-file --nn-allocate-arena -verify-diagnostics | FileCheck %s

// Three 128-byte buffers in a chain: a dies when c is computed, so c reuses
// a's bytes; views (collapse_shape, subview) extend their buffer's life.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[IN:.*]]: memref<32xf32>, %[[OUT:.*]]: memref<32xf32>, %[[ARENA:.*]]: memref<256xi8> {llvm.align = 4 : i64, nn.arena})
// CHECK-SAME: nn.arena_alignment = 4 : i64, nn.arena_size = 256 : i64{{.*}} nn.lower_bound = 256 : i64
// CHECK: %[[A_OFF:.*]] = arith.constant [[A:[0-9]+]] : index
// CHECK: %[[A_VIEW:.*]] = memref.view %[[ARENA]][%[[A_OFF]]][] : memref<256xi8> to memref<4x8xf32>
// CHECK: memref.collapse_shape %[[A_VIEW]]
// CHECK: arith.constant [[B:[0-9]+]] : index
// CHECK: memref.view %[[ARENA]]{{.*}} to memref<32xf32>
// CHECK: arith.constant [[A]] : index
// CHECK: memref.view %[[ARENA]]{{.*}} to memref<32xf32>
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @chain(%in: memref<32xf32>, %out: memref<32xf32>) {
  %a = memref.alloc() : memref<4x8xf32>
  %flat = memref.collapse_shape %a [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  memref.copy %in, %flat : memref<32xf32> to memref<32xf32>
  %b = memref.alloc() : memref<32xf32>
  memref.copy %flat, %b : memref<32xf32> to memref<32xf32>
  memref.dealloc %a : memref<4x8xf32>
  %c = memref.alloc() : memref<32xf32>
  memref.copy %b, %c : memref<32xf32> to memref<32xf32>
  memref.dealloc %b : memref<32xf32>
  %half = memref.subview %c[0] [16] [1] : memref<32xf32> to memref<16xf32, strided<[1]>>
  %outhalf = memref.subview %out[0] [16] [1] : memref<32xf32> to memref<16xf32, strided<[1]>>
  memref.copy %half, %outhalf : memref<16xf32, strided<[1]>> to memref<16xf32, strided<[1]>>
  memref.dealloc %c : memref<32xf32>
  return
}

// -----

// An alloc's own alignment wins over the option when larger; a buffer used
// inside a loop lives until the loop ends. Allocs the arena cannot hold stay
// on the heap with a warning.
// CHECK-LABEL: func.func @mixed
// CHECK-SAME: %{{.*}}: memref<48xi8> {llvm.align = 16 : i64, nn.arena}
// CHECK-SAME: nn.arena_alignment = 16 : i64, nn.arena_size = 48 : i64
// CHECK: memref.view {{.*}} to memref<3xi8>
// CHECK: memref.view {{.*}} to memref<8xf32>
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: scf.for
// CHECK: memref.alloc() : memref<2xf32>
func.func @mixed(%n: index) -> memref<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  %small = memref.alloc() {alignment = 16 : i64} : memref<3xi8>
  %big = memref.alloc() : memref<8xf32>
  // expected-warning@+1 {{not placed in the arena: needs a static shape, an identity layout and the default memory space}}
  %dyn = memref.alloc(%n) : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %i8 = arith.constant 7 : i8
    memref.store %i8, %small[%c0] : memref<3xi8>
    memref.store %f, %big[%i] : memref<8xf32>
    // expected-warning@+1 {{not placed in the arena: allocated inside a region}}
    %tmp = memref.alloc() : memref<2xf32>
    memref.store %f, %tmp[%c0] : memref<2xf32>
  }
  // expected-warning@+1 {{not placed in the arena: the buffer escapes through the terminator (run --buffer-results-to-out-params first)}}
  %ret = memref.alloc() : memref<4xf32>
  return %ret : memref<4xf32>
}

// -----

// No alloc, no arena argument.
// CHECK-LABEL: func.func @nothing(%{{.*}}: memref<4xf32>)
// CHECK-NOT: nn.arena
func.func @nothing(%x: memref<4xf32>) {
  return
}
