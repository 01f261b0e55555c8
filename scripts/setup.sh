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
  # Reference runtimes and test helpers.
  python3-pyarmnn python3-numpy nodejs
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
