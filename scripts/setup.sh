#!/usr/bin/env bash
# Installs every system package nn-mlir needs (Debian 12), with apt-get.
# Idempotent and quiet: prints nothing when everything is already present.
set -euo pipefail

PACKAGES=(
  # Build: LLVM/MLIR 22 from Debian, CMake + Ninja.
  cmake ninja-build g++
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  libzstd-dev zlib1g-dev libedit-dev libcurl4-openssl-dev libxml2-dev
  # Model formats: TFLite flatbuffers, ONNX.
  libflatbuffers-dev flatbuffers-compiler libonnx-dev python3-onnx
  # Target: Arm cross toolchain, newlib, emulated Cortex-M boards.
  gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm
  # qemu-system-riscv32 (RV32 virt board; clang-22 + lld build its firmware),
  # and for its soft-float helpers the multilib libgcc of the RISC-V GCC
  # (37 MB download, 190 MB installed, with binutils-riscv64-unknown-elf;
  # about 15 s to install).
  qemu-system-misc gcc-riscv64-unknown-elf
  # Reference runtimes and test helpers.
  python3-pyarmnn libarmnn-cpuref-backend22 python3-numpy nodejs
  libgtest-dev
  # libFuzzer runtime for the importer fuzz target (clang-22 -fsanitize=fuzzer).
  libclang-rt-22-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# TensorFlow Lite's interpreter compiled to WebAssembly, the reference of
# `nnc validate` (tools/nn-reference/tflite-reference.js): a pinned npm package
# in the git-ignored .deps/npm; nothing is fetched at run time.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tflite_npm="@tensorflow/tfjs-tflite@0.0.1-alpha.10"
tflite_pkg="$root/.deps/npm/node_modules/@tensorflow/tfjs-tflite"
if ! grep -qs '"version": "0.0.1-alpha.10"' "$tflite_pkg/package.json" ||
   [ ! -f "$tflite_pkg/wasm/tflite_web_api_cc.wasm" ]; then
  echo "setup: installing npm $tflite_npm"
  # Its peer @tensorflow/tfjs-core is not needed by the bare interpreter.
  npm install --prefix "$root/.deps/npm" --no-audit --no-fund --silent \
    --legacy-peer-deps --no-save "$tflite_npm" >/dev/null
fi
