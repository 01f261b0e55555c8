// RUN: nn-opt %s --split-input-file --nn-outline-loops | FileCheck %s

// Two layers' loop nests over views of one arena: each moves into its own
// no_inline function, in order, and the caller calls them. The views, the
// global and the constants are recomputed inside, so the only arguments are
// the caller's block arguments, with their llvm.noalias; the nn.arena marker
// stays on the caller alone.
// CHECK-LABEL: func.func @net(
// CHECK-SAME: %[[IN:.*]]: memref<8xi8> {llvm.noalias}, %[[OUT:.*]]: memref<8xi8> {llvm.noalias}, %[[ARENA:.*]]: memref<16xi8> {nn.arena})
// CHECK-NEXT: call @net_loop0(%[[IN]], %[[ARENA]]) : (memref<8xi8>, memref<16xi8>) -> ()
// CHECK-NEXT: call @net_loop1(%[[OUT]], %[[ARENA]]) : (memref<8xi8>, memref<16xi8>) -> ()
// CHECK-NEXT: return
// CHECK-LABEL: func.func private @net_loop0(
// CHECK-SAME: %{{.*}}: memref<8xi8> {llvm.noalias}, %[[A0:.*]]: memref<16xi8>) attributes {llvm.linkage = #llvm.linkage<internal>, no_inline, passthrough = ["noinline"]}
// CHECK-DAG: arith.constant 0 : index
// CHECK-DAG: memref.get_global @bias
// CHECK-DAG: memref.view %[[A0]]
// CHECK: scf.for
// CHECK: arith.addi
// CHECK: return
// CHECK-LABEL: func.func private @net_loop1(
// CHECK-SAME: attributes {llvm.linkage = #llvm.linkage<internal>, no_inline, passthrough = ["noinline"]}
// CHECK: memref.view
// CHECK: scf.for
// CHECK: return
memref.global "private" constant @bias : memref<8xi8> = dense<1>
func.func @net(%in: memref<8xi8> {llvm.noalias}, %out: memref<8xi8> {llvm.noalias}, %arena: memref<16xi8> {nn.arena}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %bias = memref.get_global @bias : memref<8xi8>
  %tmp = memref.view %arena[%c8][] : memref<16xi8> to memref<8xi8>
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %in[%i] : memref<8xi8>
    %b = memref.load %bias[%i] : memref<8xi8>
    %y = arith.addi %x, %b : i8
    memref.store %y, %tmp[%i] : memref<8xi8>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %tmp[%i] : memref<8xi8>
    memref.store %x, %out[%i] : memref<8xi8>
  }
  return
}

// -----

// A nest that needs a strided memref from the caller (no bare pointer can
// pass it) stays inline; the other one is outlined. A name in use is
// skipped.
// CHECK-LABEL: func.func @strided(
// CHECK: scf.for
// CHECK: call @strided_loop1(
// CHECK-LABEL: func.func private @strided_loop1(
func.func private @strided_loop0()
func.func @strided(%a: memref<8xi8, strided<[2]>>, %b: memref<8xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %a[%i] : memref<8xi8, strided<[2]>>
    memref.store %x, %b[%i] : memref<8xi8>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %b[%i] : memref<8xi8>
    %y = arith.addi %x, %x : i8
    memref.store %y, %b[%i] : memref<8xi8>
  }
  return
}

// -----

// A loop that yields a value stays inline: a call has no results to give.
// CHECK-LABEL: func.func @yields(
// CHECK: scf.for
// CHECK-NOT: call
func.func @yields(%a: memref<8xi32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0 : i32
  %sum = scf.for %i = %c0 to %c8 step %c1 iter_args(%acc = %zero) -> i32 {
    %x = memref.load %a[%i] : memref<8xi32>
    %s = arith.addi %acc, %x : i32
    scf.yield %s : i32
  }
  return %sum : i32
}
