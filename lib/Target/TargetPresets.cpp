//===- TargetPresets.cpp - the code generation targets nn-mlir knows ------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/TargetPresets.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir::nn;

// Data layouts are the ones LLVM 22's TargetMachine reports for the triple;
// the emitter refuses to run if they ever disagree (test/Target/LLVM).
static constexpr llvm::StringLiteral kArmDataLayout =
    "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64";

static const TargetPreset kTargetPresets[] = {
    {"host", "x86_64-unknown-linux-gnu", "x86-64", "", FloatABI::Hard, "",
     "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:"
     "32:64-S128",
     64, "x86-64 Linux, for fast tests on the build machine"},
    {"cortex-m4", "thumbv7em-none-eabihf", "cortex-m4", "+vfp4d16sp,+dsp",
     FloatABI::Hard, "", kArmDataLayout, 32,
     "Arm Cortex-M4 with FPv4-SP (gcc: -mfpu=fpv4-sp-d16 -mfloat-abi=hard)"},
    {"cortex-m7", "thumbv7em-none-eabihf", "cortex-m7", "+fp-armv8d16,+dsp",
     FloatABI::Hard, "", kArmDataLayout, 32,
     "Arm Cortex-M7 with FPv5-D16 (gcc: -mfpu=fpv5-d16 -mfloat-abi=hard)"},
    {"cortex-m33", "thumbv8m.main-none-eabihf", "cortex-m33",
     "+fp-armv8d16sp,+dsp", FloatABI::Hard, "", kArmDataLayout, 32,
     "Arm Cortex-M33 with FPv5-SP (gcc: -mfpu=fpv5-sp-d16 -mfloat-abi=hard)"},
    {"cortex-m55", "thumbv8.1m.main-none-eabihf", "cortex-m55", "+mve.fp",
     FloatABI::Hard, "", kArmDataLayout, 32,
     "Arm Cortex-M55 with Helium (MVE, integer and float) and FPv5-D16"},
    {"rv32imc", "riscv32-unknown-elf", "generic-rv32", "+m,+c", FloatABI::Soft,
     "ilp32", "e-m:e-p:32:32-i64:64-n32-S128", 32,
     "RISC-V RV32IMC, ilp32 ABI (no FPU: float is software)"},
};

llvm::ArrayRef<TargetPreset> mlir::nn::getTargetPresets() {
  return kTargetPresets;
}

const TargetPreset *mlir::nn::lookupTargetPreset(llvm::StringRef name) {
  const auto *it = llvm::find_if(
      kTargetPresets, [&](const TargetPreset &p) { return p.name == name; });
  return it == std::end(kTargetPresets) ? nullptr : it;
}

std::string mlir::nn::getTargetPresetNames() {
  std::string names;
  for (const TargetPreset &preset : kTargetPresets) {
    if (!names.empty())
      names += ", ";
    names += preset.name.str();
  }
  return names;
}
