// RUN: nn-opt %s --nn-lower-to-llvm="target=rv32imc" | FileCheck %s --check-prefix=RV
// RUN: nn-opt %s --nn-lower-to-llvm="target=cortex-m4" | FileCheck %s --check-prefix=M4
// RUN: nn-opt %s --nn-lower-to-llvm="target=rv32imc" | nn-translate --nn-to-object -o %t.o && llvm-nm -u %t.o | FileCheck %s --check-prefix=SYMS

// Without an FPU (rv32imc: soft-float ABI) LLVM softens llvm.maximum and
// llvm.minimum into calls to libm's fmaximumf/fminimumf, which the firmware
// does not have; the pipeline expands them to compare and select first,
// NaN propagated: max(x, c) = isnan(c) ? c : (x >u c ? x : c), where the
// isnan of a constant folds away. With an FPU (cortex-m4) they stay
// intrinsics, which LLVM expands itself.

// RV-LABEL: llvm.func internal @relu6
// RV-NOT: llvm.intr.maximum
// RV-NOT: llvm.intr.minimum
// RV: llvm.fcmp "ugt"
// RV: llvm.select
// RV: llvm.fcmp "ult"
// RV: llvm.select
// RV-NOT: llvm.intr.maximum
// RV-NOT: llvm.intr.minimum
// RV-LABEL: llvm.func @relu6_run

// M4-LABEL: llvm.func internal @relu6
// M4: llvm.intr.maximum
// M4: llvm.intr.minimum

// Only the soft-float helpers (here a compare) are left to call.
// SYMS-NOT: fmaximumf
// SYMS-NOT: fminimumf
// SYMS: __{{[a-z]+}}sf2
// SYMS-NOT: fmaximumf
// SYMS-NOT: fminimumf
func.func @relu6(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %r = nn.relu6 %x : (tensor<1x8xf32>) -> tensor<1x8xf32>
  return %r : tensor<1x8xf32>
}
