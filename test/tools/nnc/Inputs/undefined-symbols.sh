#!/usr/bin/env bash
# undefined-symbols.sh TOOLS_DIR TARGET WORK MODEL...: nnc generate for
# TARGET, then one line per model with the object's undefined symbols:
#   "<model>: only memcpy/memset (<symbols>)" when nothing else is called,
#   "<model>: calls <symbols>" otherwise.
set -euo pipefail
tools="$1" target="$2" work="$3"
shift 3
for model in "$@"; do
  name="$(basename "$model" .tflite)"
  "$tools/nnc" generate "$model" --target "$target" --name net -o "$work/$name" > /dev/null 2>&1
  symbols="$(llvm-nm -u "$work/$name/net.o" | awk '{print $2}' | sort -u | tr '\n' ' ')"
  others="$(echo $symbols | tr ' ' '\n' | grep -vE '^(memcpy|memset|memmove)?$' | tr '\n' ' ' || true)"
  if [ -z "$others" ]; then
    echo "$name: only memcpy/memset (${symbols% })"
  else
    echo "$name: calls ${others% }"
  fi
done
