// RUN: nn-translate --nn-to-object %s -split-input-file -verify-diagnostics -o /dev/null
// RUN: not nn-translate --nn-to-asm --target=cortex-m7 %s -split-input-file 2>&1 | FileCheck %s --check-prefix=CONFLICT
// RUN: not nn-translate --nn-to-asm --target=cortex-m9 %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not nn-translate --nn-to-asm --target=host --opt-level=4 %s 2>&1 | FileCheck %s --check-prefix=LEVEL

// UNKNOWN: error: unknown target 'cortex-m9'; known targets: host, cortex-m4, cortex-m7, cortex-m33, cortex-m55, rv32imc
// LEVEL: error: --opt-level must be 0, 1, 2, 3, s or z, got '4'
// CONFLICT: error: module was lowered for target 'cortex-m4' but emission asks for 'cortex-m7'

// Without --target, the module must say which target it was lowered for.
// expected-error @below {{no target: pass --target=<host, cortex-m4, cortex-m7, cortex-m33, cortex-m55, rv32imc> or lower with a target}}
module {
  llvm.func @f() {
    llvm.return
  }
}

// -----

// The nn.target attribute names the preset when --target is absent; other
// spellings of the same triple are accepted.
module attributes {nn.target = "cortex-m4", llvm.target_triple = "thumbv7em-none-unknown-eabihf"} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

module attributes {nn.target = "host", llvm.target_triple = "x86_64-pc-linux-gnu"} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

// Soft-float eabi is another ABI than the preset's eabihf.
// expected-error @below {{module triple 'thumbv7em-none-eabi' does not match target 'cortex-m4' (thumbv7em-none-eabihf)}}
module attributes {nn.target = "cortex-m4", llvm.target_triple = "thumbv7em-none-eabi"} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

// expected-error @below {{unknown target 'cortex-a53'}}
module attributes {nn.target = "cortex-a53"} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

// A triple from another target: the lowering and the emitter disagree.
// expected-error @below {{module triple 'riscv32-unknown-elf' does not match target 'cortex-m4' (thumbv7em-none-eabihf)}}
module attributes {nn.target = "cortex-m4", llvm.target_triple = "riscv32-unknown-elf"} {
  llvm.func @f() {
    llvm.return
  }
}

// -----

// A 64-bit data layout on a 32-bit target would make every index i64.
// expected-error @below {{module data layout 'e-m:e-p:64:64-i64:64-n32:64-S128' does not match target 'cortex-m4'}}
module attributes {nn.target = "cortex-m4", llvm.data_layout = "e-m:e-p:64:64-i64:64-n32:64-S128"} {
  llvm.func @f() {
    llvm.return
  }
}
