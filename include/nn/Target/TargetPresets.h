//===- TargetPresets.h - the code generation targets nn-mlir knows -*- C++ -*-//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// One table of the targets we generate code for. The lowering pipeline reads
// the triple, data layout and pointer width from it (so `index` is i32 on
// 32-bit targets); the emitter builds its TargetMachine from the same entry
// and checks that the data layout it gets is the one the table promised.
// Depends on LLVMSupport only.
//
//===----------------------------------------------------------------------===//

#ifndef NN_TARGET_TARGETPRESETS_H
#define NN_TARGET_TARGETPRESETS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir::nn {

/// How floating-point values are passed between functions.
enum class FloatABI {
  /// In integer registers (no FPU, or an FPU used only inside functions).
  Soft,
  /// In FPU registers (Arm `eabihf`; `-mfloat-abi=hard` for gcc).
  Hard,
};

/// One code generation target, e.g. `cortex-m4`.
struct TargetPreset {
  /// The name users pass (`--target=cortex-m4`).
  llvm::StringRef name;
  /// LLVM target triple.
  llvm::StringRef triple;
  /// LLVM CPU name (`-mcpu`).
  llvm::StringRef cpu;
  /// LLVM subtarget features added to the CPU's own (may be empty).
  llvm::StringRef features;
  FloatABI floatABI;
  /// Target ABI name (`-mabi`, RISC-V only), empty for the default.
  llvm::StringRef abiName;
  /// The LLVM data layout string the TargetMachine uses for this triple.
  llvm::StringRef dataLayout;
  /// Pointer and `index` width in bits (32 or 64).
  unsigned pointerBits;
  /// One line for --help and the docs.
  llvm::StringRef description;

  /// Whether the target has the Arm DSP extension (SXTB16, SMLAD): its
  /// features name it, or MVE, which implies it (LLVM's ARM.td).
  bool hasArmDsp() const {
    return features.contains("+dsp") || features.contains("+mve");
  }
};

/// Every target, in the order the docs list them.
llvm::ArrayRef<TargetPreset> getTargetPresets();

/// The target named `name`, or nullptr.
const TargetPreset *lookupTargetPreset(llvm::StringRef name);

/// The target names, comma-separated, for diagnostics and option help.
std::string getTargetPresetNames();

/// Module attribute naming the target preset a module was lowered for
/// (a string, e.g. "cortex-m4"); the emitter reads it when no target is given.
inline llvm::StringRef getTargetAttrName() { return "nn.target"; }

} // namespace mlir::nn

#endif // NN_TARGET_TARGETPRESETS_H
