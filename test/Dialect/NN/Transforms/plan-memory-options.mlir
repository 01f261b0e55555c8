// RUN: nn-opt %s --nn-plan-memory=allocate-inputs=false --nn-verify-memory-plan | FileCheck %s --check-prefix=NOIN
// RUN: nn-opt %s --nn-plan-memory=allocate-outputs=false --nn-verify-memory-plan | FileCheck %s --check-prefix=NOOUT
// RUN: nn-opt %s --nn-plan-memory=alignment=16 --nn-verify-memory-plan | FileCheck %s --check-prefix=A16
// RUN: nn-opt %s --nn-plan-memory=strategy=greedy-by-size --nn-verify-memory-plan | FileCheck %s --check-prefix=SIZE
// RUN: nn-opt %s --nn-plan-memory=strategy=greedy-by-conflicts --nn-verify-memory-plan | FileCheck %s --check-prefix=CONFLICTS
// RUN: nn-opt %s --nn-plan-memory=strategy=best-fit --nn-verify-memory-plan | FileCheck %s --check-prefix=BESTFIT
// RUN: nn-opt %s --nn-plan-memory=strategy=exact --nn-verify-memory-plan | FileCheck %s --check-prefix=EXACT

// The 20-byte input stays in the user's buffer: the arena holds a and b only.
// NOIN-LABEL: func.func @f(%arg0: tensor<1x5xf32>)
// NOIN-SAME: nn.arena_size = 48 : i64{{.*}} nn.lower_bound = 48 : i64
// NOIN-NOT: nn.input_offsets
// NOIN-SAME: nn.output_offsets = array<i64: {{[0-9]+}}>

// The output stays in the user's buffer: the softmax b has no placement.
// NOOUT-LABEL: func.func @f
// NOOUT-SAME: nn.arena_size = 44 : i64, nn.input_offsets = array<i64: 0>
// NOOUT-NOT: nn.output_offsets
// NOOUT: nn.softmax %arg0 {nn.offset
// NOOUT: nn.softmax %{{[0-9]+}} :

// At 16-byte alignment each 20-byte tensor reserves 32 bytes.
// A16-LABEL: func.func @f
// A16-SAME: nn.size = 32 : i64
// A16-SAME: nn.arena_alignment = 16 : i64, nn.arena_size = 64 : i64

// SIZE: nn.strategy = "greedy-by-size"
// CONFLICTS: nn.strategy = "greedy-by-conflicts"
// BESTFIT: nn.strategy = "best-fit"
// EXACT: nn.strategy = "exact"
func.func @f(%x: tensor<1x5xf32>) -> tensor<1x6xf32> {
  %a = nn.softmax %x : (tensor<1x5xf32>) -> tensor<1x5xf32>
  %r = nn.reshape %a : (tensor<1x5xf32>) -> tensor<5xf32>
  %p = nn.pad %r {padding = array<i64: 0, 1>} : (tensor<5xf32>) -> tensor<6xf32>
  %q = nn.reshape %p : (tensor<6xf32>) -> tensor<1x6xf32>
  %b = nn.softmax %q : (tensor<1x6xf32>) -> tensor<1x6xf32>
  return %b : tensor<1x6xf32>
}
