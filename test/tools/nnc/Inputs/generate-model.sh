#!/usr/bin/env bash
# generate-model.sh TOOLS_DIR MODEL WORK [--target T]: nnc generate for the
# host and for T (default cortex-m4), one inference of each on the same
# seeded random input (host natively, T in QEMU), then the outputs compared
# (Inputs/same-output.py; further arguments go to it). Prints T's
# instruction count and the result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../../../.."
tools="$1" model="$2" work="$3"
shift 3
target=cortex-m4
if [ "${1:-}" = --target ]; then
  target="$2"
  shift 2
fi
rm -rf "$work" && mkdir -p "$work"
"$tools/nnc" generate "$model" --target host --name net -o "$work/host" > /dev/null
"$tools/nnc" generate "$model" --target "$target" --name net -o "$work/mcu" > /dev/null
python3 "$root/runtime/random-input.py" "$work/mcu/net.h" "$work/in.bin"
bash "$root/runtime/run.sh" --target host --object "$work/host/net.o" --header "$work/host/net.h" \
  --input "$work/in.bin" --output "$work/host.bin" > /dev/null
bash "$root/runtime/run.sh" --target "$target" --object "$work/mcu/net.o" --header "$work/mcu/net.h" \
  --input "$work/in.bin" --output "$work/mcu.bin"
python3 "$here/same-output.py" "$work/mcu/net.h" "$work/mcu.bin" "$work/host.bin" "$@"
