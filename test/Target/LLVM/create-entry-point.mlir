// RUN: nn-opt %s --nn-create-entry-point --split-input-file | FileCheck %s

// The lowered network (inputs, then outputs) gets the C entry point with an
// activations pointer it does not need, and becomes internal.
// CHECK-LABEL: llvm.func internal @main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK: llvm.func @main_run(%[[IN:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %[[ACT:.*]]: !llvm.ptr) -> i32
// CHECK-NEXT: llvm.call @main(%[[IN]], %[[OUT]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT: llvm.return %[[ZERO]] : i32
module {
  llvm.func @malloc(i32) -> !llvm.ptr
  llvm.func @main(%in: !llvm.ptr, %out: !llvm.ptr) {
    llvm.return
  }
}

// -----

// Two inputs and an arena argument (marked nn.arena): passed through; the
// marker is dropped (LLVM IR export warns about unknown argument attributes).
// CHECK-LABEL: llvm.func internal @net(
// CHECK-NOT: nn.arena
// CHECK: llvm.func @net_run(%[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %[[ACT:.*]]: !llvm.ptr) -> i32
// CHECK-NEXT: llvm.call @net(%[[A]], %[[B]], %[[OUT]], %[[ACT]])
module {
  llvm.func @net(%a: !llvm.ptr, %b: !llvm.ptr, %out: !llvm.ptr, %arena: !llvm.ptr {nn.arena}) {
    llvm.return
  }
}
