#!/usr/bin/env bash
# Compiles a .tflite model to <dir>/net.o + <dir>/net.h for a target with the
# passes on main: import, nn -> linalg, one-shot bufferization with every
# buffer in one arena (--nn-bufferize), the LLVM lowering of
# --nn-lower-to-llvm, then --nn-create-entry-point. Spelled out here because
# --nn-lower-to-llvm does not run --nn-bufferize and the entry point yet; the
# header takes the arena size the code was planned with.
#   compile-model.sh MODEL.tflite TARGET DIR TOOLS_DIR
set -euo pipefail
model="$1" target="$2" dir="$3"
export PATH="$4:$PATH"
bits=32; [ "$target" = host ] && bits=64
nn-translate --import-tflite "$model" -o "$dir/model.mlir"
nn-opt "$dir/model.mlir" --convert-nn-to-linalg --canonicalize \
  --nn-bufferize=alignment=16 -o "$dir/buffers.mlir"
nn-opt "$dir/buffers.mlir" -o "$dir/net.llvm.mlir" --pass-pipeline="builtin.module(\
func.func(nn-strided-copy-to-linalg,convert-linalg-to-loops),lower-affine,\
convert-scf-to-cf,expand-strided-metadata,lower-affine,canonicalize,\
finalize-memref-to-llvm{index-bitwidth=$bits},convert-arith-to-llvm{index-bitwidth=$bits},\
convert-math-to-llvm,convert-cf-to-llvm{index-bitwidth=$bits},\
convert-func-to-llvm{use-bare-ptr-memref-call-conv=1 index-bitwidth=$bits},\
reconcile-unrealized-casts,canonicalize,nn-attach-target{target=$target},\
nn-create-entry-point)"
nn-translate --nn-to-object --target="$target" "$dir/net.llvm.mlir" -o "$dir/net.o"
size="$(grep -o 'nn.arena_size = [0-9]*' "$dir/net.llvm.mlir" | head -n1 | grep -o '[0-9]*$')"
[ -n "$size" ] || { echo "compile-model.sh: no nn.arena_size in the lowered module" >&2; exit 1; }
# The entry's signature line ends with "{": insert the planner's attributes.
awk -v attrs="attributes {nn.arena_size = $size : i64, nn.alignment = 16 : i64} {" \
  '!done && /^  func.func @/ { sub(/\{$/, attrs); done = 1 } { print }' \
  "$dir/model.mlir" > "$dir/interface.mlir"
nn-translate --nn-to-c-header "$dir/interface.mlir" -o "$dir/net.h"
