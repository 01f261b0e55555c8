#!/usr/bin/env bash
# Usage: arena.sh TOOLS_DIR MODEL OUT_PREFIX
# For alignments 4 and 16, prints one line with three arenas of MODEL:
# the generated code's (nnc generate's `arena:`, the memref-level plan of
# --nn-allocate-arena), the tensor-level plan nnc generate prints next to it
# (`planned:`), and nnc analyze's plan of the same buffers (inputs and
# outputs in the caller's buffers, as in the generated code).
set -euo pipefail
tools="$1" model="$2" out="$3"
for a in 4 16; do
  gen="$("$tools/nnc" generate "$model" --target cortex-m4 --alignment "$a" -o "$out.$a" 2>/dev/null)"
  generated="$(echo "$gen" | sed -n 's/^ *arena: *\([0-9,]*\) B.*/\1/p')"
  planned="$(echo "$gen" | sed -n 's/^ *planned: *\([0-9,]*\) B.*/\1/p')"
  analyzed="$("$tools/nnc" analyze "$model" --alignment "$a" \
    --allocate-inputs=false --allocate-outputs=false 2>/dev/null |
    sed -n 's/^ *arena (planned) *\([0-9,]*\) B.*/\1/p')"
  echo "align $a: generated $generated planned $planned analyze $analyzed"
done
