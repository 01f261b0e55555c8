// nn-translate offers upstream's LLVM IR export next to the nn translations.
// RUN: nn-translate --mlir-to-llvmir %s | FileCheck %s

// CHECK-LABEL: define i32 @answer()
// CHECK: ret i32 42
llvm.func @answer() -> i32 {
  %0 = llvm.mlir.constant(42 : i32) : i32
  llvm.return %0 : i32
}
