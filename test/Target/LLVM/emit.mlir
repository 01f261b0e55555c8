// Each target preset reaches LLVM's TargetMachine with its triple, data
// layout, CPU and float ABI; -O2 folds the loop-free body.
// RUN: nn-translate --nn-to-llvmir --target=cortex-m4 %s | FileCheck %s --check-prefix=M4
// RUN: nn-translate --nn-to-llvmir --target=cortex-m7 %s | FileCheck %s --check-prefix=M7
// RUN: nn-translate --nn-to-llvmir --target=cortex-m33 %s | FileCheck %s --check-prefix=M33
// RUN: nn-translate --nn-to-llvmir --target=cortex-m55 %s | FileCheck %s --check-prefix=M55
// RUN: nn-translate --nn-to-llvmir --target=rv32imc %s | FileCheck %s --check-prefix=RV
// RUN: nn-translate --nn-to-llvmir --target=host %s | FileCheck %s --check-prefix=HOST
// RUN: nn-translate --nn-to-asm --target=cortex-m4 %s | FileCheck %s --check-prefix=ASM
// RUN: nn-translate --nn-to-object --target=cortex-m4 %s -o %t.o
// RUN: llvm-readelf -h -s -A %t.o | FileCheck %s --check-prefix=OBJ
// RUN: nn-translate --nn-to-object --target=rv32imc %s -o %t.rv.o
// RUN: llvm-readelf -h %t.rv.o | FileCheck %s --check-prefix=RVOBJ

// M4: target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
// M4: target triple = "thumbv7em-none-eabihf"
// M4-LABEL: define {{.*}}float @scale(float {{.*}}%0)
// M4: fmul float %0, 2.5
// M4: "target-cpu"="cortex-m4" "target-features"="+vfp4d16sp,+dsp"
// M7: target triple = "thumbv7em-none-eabihf"
// M7: "target-cpu"="cortex-m7" "target-features"="+fp-armv8d16,+dsp"
// M33: target triple = "thumbv8m.main-none-eabihf"
// M33: "target-cpu"="cortex-m33"
// M55: target triple = "thumbv8.1m.main-none-eabihf"
// M55: "target-cpu"="cortex-m55" "target-features"="+mve.fp"
// RV: target datalayout = "e-m:e-p:32:32-i64:64-n32-S128"
// RV: target triple = "riscv32-unknown-elf"
// RV: "target-cpu"="generic-rv32" "target-features"="+m,+c"
// HOST: target triple = "x86_64-unknown-linux-gnu"

// Hard float: the argument arrives in s0, no core-register moves.
// ASM: .fpu fpv4-sp-d16
// ASM-LABEL: scale:
// ASM: vmul.f32 s0, s0, s{{[0-9]+}}
// ASM-NEXT: bx lr

// OBJ: Class: ELF32
// OBJ: Machine: ARM
// OBJ: FUNC GLOBAL DEFAULT {{.*}} scale
// OBJ: TagName: CPU_name
// OBJ-NEXT: Value: cortex-m4
// OBJ: TagName: FP_arch
// OBJ-NEXT: Description: VFPv4-D16
// OBJ: TagName: ABI_VFP_args
// OBJ-NEXT: Description: AAPCS VFP
// RVOBJ: Class: ELF32
// RVOBJ: Machine: RISC-V
// RVOBJ: Flags: 0x1, RVC{{$}}

llvm.func @scale(%x: f32) -> f32 {
  %c = llvm.mlir.constant(2.5 : f32) : f32
  %y = llvm.fmul %x, %c : f32
  llvm.return %y : f32
}
