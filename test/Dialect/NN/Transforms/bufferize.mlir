// RUN: nn-opt %s --nn-bufferize | FileCheck %s
// RUN: nn-opt %s --nn-bufferize=alignment=16 | FileCheck %s --check-prefix=A16
// RUN: nn-opt %s --nn-bufferize | nn-opt --convert-linalg-to-loops --expand-strided-metadata --finalize-memref-to-llvm --convert-scf-to-cf --convert-to-llvm --reconcile-unrealized-casts | FileCheck %s --check-prefix=LLVM

// Linalg on tensors, as --convert-nn-to-linalg leaves it: each layer writes
// a fresh tensor.empty. After one-shot bufferization the input and output
// are caller buffers, the weight is a read-only memref.global (flash), and
// the three intermediate buffers live in the arena. a and b are both read
// by c, so all three are alive at once: 3 x 128 bytes. (The same network
// in nn ops plans to 256 bytes at the tensor level, where c may overwrite
// a in place; see docs/memory-planning.md.)

// CHECK: memref.global "private" constant @{{.*}} : memref<4x8xf32> = dense<5.000000e-01>
// CHECK-LABEL: func.func @mlp
// CHECK-SAME: (%[[X:.*]]: memref<4x8xf32>, %[[OUT:.*]]: memref<4x8xf32>, %[[ARENA:.*]]: memref<384xi8> {llvm.align = 4 : i64, nn.arena})
// CHECK-SAME: nn.arena_size = 384 : i64{{.*}} nn.lower_bound = 384 : i64
// CHECK: memref.get_global
// CHECK: %[[A:.*]] = memref.view %[[ARENA]]
// CHECK: linalg.generic {{.*}} ins(%[[X]], %{{.*}} : {{.*}}) outs(%[[A]] : memref<4x8xf32>)
// CHECK: %[[B:.*]] = memref.view %[[ARENA]]
// CHECK: linalg.generic {{.*}} ins(%[[A]] : {{.*}}) outs(%[[B]] : memref<4x8xf32>)
// CHECK: %[[C:.*]] = memref.view %[[ARENA]]
// CHECK: linalg.generic {{.*}} ins(%[[A]], %[[B]] : {{.*}}) outs(%[[C]] : memref<4x8xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[C]] : {{.*}}) outs(%[[OUT]] : memref<4x8xf32>)
// CHECK-NOT: memref.alloc
// CHECK: return

// At 16-byte alignment the allocs ask for 16 bytes, not upstream's 64.
// A16: memref<384xi8> {llvm.align = 16 : i64, nn.arena}

// The result lowers with upstream passes alone.
// LLVM: llvm.func @mlp(
// LLVM-SAME: nn.arena_size = 384
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @mlp(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %w = arith.constant dense<0.5> : tensor<4x8xf32>
  %e0 = tensor.empty() : tensor<4x8xf32>
  %a = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x, %w : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e0 : tensor<4x8xf32>) {
  ^bb0(%i: f32, %j: f32, %o: f32):
    %s = arith.mulf %i, %j : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %e1 = tensor.empty() : tensor<4x8xf32>
  %b = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<4x8xf32>) outs(%e1 : tensor<4x8xf32>) {
  ^bb0(%i: f32, %o: f32):
    %s = arith.addf %i, %i : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %c = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e2 : tensor<4x8xf32>) {
  ^bb0(%i: f32, %j: f32, %o: f32):
    %s = arith.addf %i, %j : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %e3 = tensor.empty() : tensor<4x8xf32>
  %d = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%c : tensor<4x8xf32>) outs(%e3 : tensor<4x8xf32>) {
  ^bb0(%i: f32, %o: f32):
    %s = arith.mulf %i, %i : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}
