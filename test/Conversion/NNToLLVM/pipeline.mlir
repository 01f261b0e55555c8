// RUN: nn-opt %s --nn-lower-to-llvm | FileCheck %s --check-prefix=HOST
// RUN: nn-opt %s --nn-lower-to-llvm | FileCheck %s --check-prefix=NOHEAP
// RUN: nn-opt %s --nn-lower-to-llvm="target=cortex-m4" | FileCheck %s --check-prefix=M4
// RUN: nn-opt %s --nn-lower-to-llvm="target=cortex-m33" | FileCheck %s --check-prefix=M33
// RUN: nn-opt %s --nn-lower-to-llvm="target=cortex-m55" | FileCheck %s --check-prefix=M55
// RUN: nn-opt %s --nn-lower-to-llvm="target=rv32imc" | FileCheck %s --check-prefix=RV
// RUN: nn-opt %s --nn-lower-to-llvm="target=cortex-m7" | nn-translate --mlir-to-llvmir | FileCheck %s --check-prefix=IR

// A float network: on a 32-bit target no 64-bit arithmetic is left, and the
// entry point takes bare pointers (input, the output it writes, the arena of
// the intermediate buffers); no malloc.

// NOHEAP-NOT: malloc
// NOHEAP: llvm.func @net_run
// NOHEAP-NOT: malloc

// HOST: llvm.target_triple = "x86_64-unknown-linux-gnu"
// HOST: llvm.func internal @net(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr
// HOST-SAME: nn.arena_size =
// HOST: llvm.func @net_run(%[[IN:[a-z0-9]+]]: !llvm.ptr, %[[OUT:[a-z0-9]+]]: !llvm.ptr, %[[ACT:[a-z0-9]+]]: !llvm.ptr) -> i32
// HOST: llvm.call @net(%[[IN]], %[[OUT]], %[[ACT]])
// HOST: llvm.return %{{.*}} : i32

// M4: llvm.data_layout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
// M4-SAME: llvm.target_triple = "thumbv7em-none-eabihf"
// M4-SAME: nn.target = "cortex-m4"
// M4: llvm.func internal @net(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr
// M33: llvm.target_triple = "thumbv8m.main-none-eabihf"
// M55: llvm.target_triple = "thumbv8.1m.main-none-eabihf"
// RV: llvm.target_triple = "riscv32-unknown-elf"

// IR: target triple = "thumbv7em-none-eabihf"
// IR: define internal void @net(ptr {{.*}}, ptr {{.*}}, ptr {{.*}})
// IR-NOT: i64
// IR: define i32 @net_run(ptr {{.*}}, ptr {{.*}}, ptr {{.*}})
func.func @net(%x: tensor<1x6x6x2xf32>) -> tensor<1x4xf32> {
  %w = nn.constant dense<0.5> : tensor<4x3x3x2xf32>
  %b = nn.constant dense<0.1> : tensor<4xf32>
  %c = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 2, 2>,
                             fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x6x6x2xf32>, tensor<4x3x3x2xf32>, tensor<4xf32>) -> tensor<1x3x3x4xf32>
  %p = nn.avg_pool2d %c {kernel = array<i64: 3, 3>, padding = #nn.padding<valid>}
      : (tensor<1x3x3x4xf32>) -> tensor<1x1x1x4xf32>
  %r = nn.reshape %p : (tensor<1x1x1x4xf32>) -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}
