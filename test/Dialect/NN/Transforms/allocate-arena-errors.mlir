// RUN: nn-opt %s -split-input-file --nn-allocate-arena -verify-diagnostics
// RUN: not nn-opt %s --nn-allocate-arena=alignment=0 2>&1 | FileCheck %s --check-prefix=ALIGN
// RUN: not nn-opt %s --nn-allocate-arena=strategy=random 2>&1 | FileCheck %s --check-prefix=STRATEGY

// ALIGN: error: alignment must be a power of two, got 0
// STRATEGY: error: unknown strategy 'random'

// expected-error@+1 {{'func.func' op has callers; cannot add an arena argument to it (inline it first)}}
func.func private @callee() {
  %a = memref.alloc() : memref<4xf32>
  return
}
func.func @caller() {
  func.call @callee() : () -> ()
  return
}
