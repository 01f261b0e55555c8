#!/usr/bin/env bash
# undefined-symbols.sh TOOLS_DIR TARGET WORK MODEL...: nnc generate for
# TARGET, then one line per model with the object's undefined symbols:
#   "<model>: only memcpy/memset (<symbols>)" when nothing else is called,
#   "<model>: soft-float helpers (<helpers>) and memcpy/memset" when the
#     rest are libgcc's single-precision soft-float helpers (no FPU),
#   "<model>: calls <symbols>" otherwise.
set -euo pipefail
tools="$1" target="$2" work="$3"
shift 3
# libgcc's (and compiler-rt's) f32 arithmetic, comparisons and conversions.
softfloat='^__((add|sub|mul|div)sf3|negsf2|(eq|ne|lt|le|gt|ge|unord)sf2|fix(uns)?sf[sd]i|float(un)?[sd]isf)$'
for model in "$@"; do
  name="$(basename "$model" .tflite)"
  "$tools/nnc" generate "$model" --target "$target" --name net -o "$work/$name" > /dev/null 2>&1
  symbols="$(llvm-nm -u "$work/$name/net.o" | awk '{print $2}' | sort -u | tr '\n' ' ')"
  rest="$(echo $symbols | tr ' ' '\n' | grep -vE '^(memcpy|memset|memmove)?$' || true)"
  helpers="$(echo "$rest" | grep -E "$softfloat" | tr '\n' ' ' || true)"
  others="$(echo "$rest" | grep -vE "$softfloat|^$" | tr '\n' ' ' || true)"
  if [ -n "$others" ]; then
    echo "$name: calls ${others% }"
  elif [ -n "$helpers" ]; then
    echo "$name: soft-float helpers (${helpers% }) and memcpy/memset"
  else
    echo "$name: only memcpy/memset (${symbols% })"
  fi
done
