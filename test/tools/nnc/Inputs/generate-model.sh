#!/usr/bin/env bash
# generate-model.sh TOOLS_DIR MODEL WORK: nnc generate for the host and the
# Cortex-M4, one inference of each on the same seeded random input (host
# natively, M4 in QEMU), then the outputs compared (Inputs/same-output.py;
# extra arguments go to it). Prints the M4 instruction count and the result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../../../.."
tools="$1" model="$2" work="$3"
shift 3
rm -rf "$work" && mkdir -p "$work"
"$tools/nnc" generate "$model" --target host --name net -o "$work/host" > /dev/null
"$tools/nnc" generate "$model" --target cortex-m4 --name net -o "$work/m4" > /dev/null
python3 "$root/runtime/random-input.py" "$work/m4/net.h" "$work/in.bin"
bash "$root/runtime/run.sh" --target host --object "$work/host/net.o" --header "$work/host/net.h" \
  --input "$work/in.bin" --output "$work/host.bin" > /dev/null
bash "$root/runtime/run.sh" --target cortex-m4 --object "$work/m4/net.o" --header "$work/m4/net.h" \
  --input "$work/in.bin" --output "$work/m4.bin"
python3 "$here/same-output.py" "$work/m4/net.h" "$work/m4.bin" "$work/host.bin" "$@"
