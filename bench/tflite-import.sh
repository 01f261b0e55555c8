#!/usr/bin/env bash
# Times the TFLite importer on every public model (median of 20 in-process
# runs each); fails if any import takes 100 ms or more.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
models="${NN_MODELS_DIR:-$root/../shared/models}"
"$root/scripts/build.sh" nn-tflite-import-bench
"$build/bin/nn-tflite-import-bench" --repeat 20 --max-ms 100 "$models"/*.tflite
