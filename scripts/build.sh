#!/usr/bin/env bash
# Configures (once) and builds nn-mlir into build/, tools in build/bin/.
# Usage: scripts/build.sh [ninja targets...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit >/dev/null
fi
# Show only what matters (errors, warnings), not ninja's progress lines.
set +e
ninja -C "$build" "$@" > "$build/build.log" 2>&1
status=$?
set -e
grep -vE '^\[[0-9]+/[0-9]+\]|^ninja: (Entering|no work)' "$build/build.log" || true
exit $status
