#!/usr/bin/env bash
# The main job: set up, build, compile the bundled example model (or the
# .tflite/.mlir given) for the Cortex-M4 with `nnc generate`, run one
# inference on a seeded random input in QEMU (mps2-an386) through
# runtime/run.sh, and print the report, the arena and the instruction count.
#   scripts/run.sh [MODEL] [nnc generate options, e.g. --name kws]
# Outputs (<name>.o/.h/.ll, reports, input.bin, output.bin) go to
# $NN_RUN_DIR (default build/run/). With NNC=path/to/nnc it skips setup and
# build and uses that nnc (the lit test test/examples/run.test does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
model="${1:-$root/examples/kws_tiny_int8.mlir}"
shift || true
out="${NN_RUN_DIR:-$build/run}"
nnc="${NNC:-}"

if [ -z "$nnc" ]; then
  "$root/scripts/setup.sh"
  "$root/scripts/build.sh" nnc
  nnc="$build/bin/nnc"
fi
rm -rf "$out"
mkdir -p "$(dirname "$out")"
summary="$("$nnc" generate "$model" --target cortex-m4 -o "$out" "$@")"
header="$(ls "$out"/*.h)"
name="$(basename "$header" .h)"
NAME="$(echo "$name" | tr '[:lower:]' '[:upper:]')"
macro() { sed -n "s/^#define ${NAME}_$1 \(.*\)$/\1/p" "$header"; }

python3 "$root/runtime/random-input.py" "$header" "$out/input.bin"

run="$("$root/runtime/run.sh" --target cortex-m4 --object "$out/$name.o" \
  --header "$header" --input "$out/input.bin" --output "$out/output.bin")"

cat "$out/${name}_report.txt"
echo
echo "$summary"
echo "Cortex-M4 (QEMU mps2-an386): $name.o, .text $(arm-none-eabi-size -A "$out/$name.o" | awk '$1 ~ /^\.text/ {s += $2} END {print s}') B"
echo "  activation arena: $(macro ACTIVATIONS_SIZE) B (aligned to $(macro ACTIVATIONS_ALIGN))"
echo "  $run"
echo "  output ($(macro OUTPUT_SIZE) B): $(od -An -v -t"$(case "$(macro OUTPUT_TYPE)" in float) echo f4 ;; uint8_t) echo u1 ;; *) echo d1 ;; esac)" "$out/output.bin" | tr -s ' \n' ' ')"
