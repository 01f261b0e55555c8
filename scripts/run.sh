#!/usr/bin/env bash
# The main job on the bundled example (or the model given): set up, build,
# then parse, verify and print the nn model with nn-opt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
model="${1:-$root/examples/kws_tiny_int8.mlir}"

"$root/scripts/setup.sh"
"$root/scripts/build.sh" nn-opt
"$build/bin/nn-opt" "$model"
