#!/usr/bin/env python3
"""Writes a synthetic nn-dialect model of N layers (default 1,000) to stdout.

Blocks of conv2d (fused relu6) -> depthwise_conv2d -> add (residual) -> relu
on a 1x16x16x8 f32 activation, then mean, fully_connected and softmax. Each
layer has its own splat weights, so the cost analysis sees N distinct layers.
"""
import sys

layers = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
act = "tensor<1x16x16x8xf32>"
out = []
emit = out.append
emit(f"func.func @synthetic(%x: {act}) -> tensor<1x10xf32> {{")
cur = "%x"
count = 0
i = 0
tail = 3  # mean, fully_connected, softmax
while count < layers - tail:
    emit(f"  %w{i} = nn.constant dense<0.01> : tensor<8x3x3x8xf32>")
    emit(f"  %b{i} = nn.constant dense<0.0> : tensor<8xf32>")
    emit(f"  %c{i} = nn.conv2d {cur}, %w{i}, %b{i} {{padding = #nn.padding<same>, "
         f"fused_activation = #nn.fused_activation<relu6>}} : ({act}, tensor<8x3x3x8xf32>, "
         f"tensor<8xf32>) -> {act} loc(\"block{i}/conv\")")
    count += 1
    if count == layers - tail:
        cur = f"%c{i}"
        break
    emit(f"  %dw{i} = nn.constant dense<0.01> : tensor<1x3x3x8xf32>")
    emit(f"  %d{i} = nn.depthwise_conv2d %c{i}, %dw{i} {{padding = #nn.padding<same>}} "
         f": ({act}, tensor<1x3x3x8xf32>) -> {act}")
    count += 1
    cur = f"%d{i}"
    if count == layers - tail:
        break
    emit(f"  %a{i} = nn.add %d{i}, %c{i} : ({act}, {act}) -> {act}")
    count += 1
    cur = f"%a{i}"
    if count == layers - tail:
        break
    emit(f"  %r{i} = nn.relu %a{i} : ({act}) -> {act}")
    count += 1
    cur = f"%r{i}"
    i += 1
emit(f"  %m = nn.mean {cur} {{axes = array<i64: 1, 2>}} : ({act}) -> tensor<1x8xf32>")
emit("  %fw = nn.constant dense<0.1> : tensor<10x8xf32>")
emit("  %f = nn.fully_connected %m, %fw : (tensor<1x8xf32>, tensor<10x8xf32>) -> tensor<1x10xf32>")
emit("  %s = nn.softmax %f : (tensor<1x10xf32>) -> tensor<1x10xf32>")
emit("  return %s : tensor<1x10xf32>")
emit("}")
print("\n".join(out))
