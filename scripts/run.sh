#!/usr/bin/env bash
# The main job on the bundled example (or the model given): set up, build,
# then print the model's per-layer cost report with `nnc analyze`
# (extra arguments, e.g. --json or -o FILE, are passed on).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
model="${1:-$root/examples/kws_tiny_int8.mlir}"
shift || true

"$root/scripts/setup.sh"
"$root/scripts/build.sh" nnc
"$build/bin/nnc" analyze "$model" "$@"
