#!/usr/bin/python3
"""Which requantization explains a dumped first layer? For a model whose
first layer is an int8 FULLY_CONNECTED (per-tensor weights), recomputes its
int32 accumulators from the inputs and the weights (read from
`nn-translate --import-tflite`), requantizes them four ways and prints how
many elements of our dump and of the reference's dump each way reproduces:

  tflm-double    TFLite's reference kernels / TFLite Micro: QuantizeMultiplier
                 + MultiplyByQuantizedMultiplier, double rounding (the default,
                 without TFLITE_SINGLE_ROUNDING)
  single         the same multiplier, one rounding shift (TFLITE_SINGLE_ROUNDING)
  fp32-even      acc * float32(scale), round half to even (XNNPACK's fp32)
  float-half-up  exact real product, round half up

Usage: requantize.py MODEL.mlir INPUT.npy OURS.npy REFERENCE.npy
"""
import math
import re
import sys

import numpy as np

QUANT = r"!quant\.uniform<i8:f32, ([-0-9.eE+]+)(?::(-?\d+))?>"


def main():
    mlir_path, inp, ours_path, ref_path = sys.argv[1:5]
    text = open(mlir_path).read()
    sx, zx = re.search(r"func\.func @\w+\(%arg0: tensor<[^>]*?" + QUANT, text).groups()
    fc = re.search(r"nn\.fully_connected %arg0, %(\d+), %(\d+)( \{[^}]*\})? : \(.*?\) -> "
                   r"tensor<[^>]*?" + QUANT, text)
    wid, bid, attrs, so, zo = fc.groups()

    def constant(i):
        m = re.search(r"%" + i + r" = nn\.constant dense_resource<(\w+)> : tensor<([0-9x]+)x(i8|i32)> -> "
                      r"tensor<[^>]*?!quant\.uniform<i(?:8|32):f32, ([-0-9.eE+]+)>", text)
        name, shape, dtype, scale = m.groups()
        blob = re.search(name + r': "0x([0-9A-F]+)"', text).group(1)
        data = np.frombuffer(bytes.fromhex(blob)[4:], np.int8 if dtype == "i8" else np.int32)
        return data.reshape([int(d) for d in shape.split("x")]).astype(np.int64), float(scale)

    w, sw = constant(wid)
    b, _ = constant(bid)
    sx, zx, so, zo = float(sx), int(zx or 0), float(so), int(zo or 0)
    relu = attrs is not None and "relu" in attrs
    x = np.load(inp).astype(np.int64)
    x = x.reshape(-1, w.shape[1])
    ours = np.load(ours_path).reshape(len(x), -1)
    ref = np.load(ref_path).reshape(len(x), -1)
    acc = (x - zx) @ w.T + b

    real = sx * sw / so
    m, shift = math.frexp(real)
    M = int(round(m * (1 << 31)))
    if M == 1 << 31:
        M //= 2
        shift += 1

    def srdhm(a, bq):
        ab = a * bq
        nudge = (1 << 30) if ab >= 0 else 1 - (1 << 30)
        v = ab + nudge
        q = abs(v) >> 31
        return q if v >= 0 else -q

    def rdbp(v, e):
        if e == 0:
            return v
        mask = (1 << e) - 1
        rem, thr = v & mask, (mask >> 1) + (1 if v < 0 else 0)
        return (v >> e) + (1 if rem > thr else 0)

    scale32 = np.float32(real)
    ways = {
        "tflm-double": lambda a: rdbp(srdhm(a * (1 << max(shift, 0)), M), max(-shift, 0)),
        "single": lambda a: (a * M * (1 << max(shift, 0)) + (1 << (30 - min(shift, 0)))) >> (31 - min(shift, 0)),
        "fp32-even": lambda a: int(np.rint(np.float32(a) * scale32)),
        "float-half-up": lambda a: math.floor(a * real + 0.5),
    }
    lo = zo if relu else -128
    total = ours.size
    print("%d elements; ours and the reference differ on %d" % (total, int(np.sum(ours != ref))))
    for name, fn in ways.items():
        q = np.vectorize(lambda a: max(lo, min(127, fn(int(a)) + zo)))(acc)
        print("%-14s reproduces ours %d/%d, the reference %d/%d" % (
            name, int(np.sum(q == ours)), total, int(np.sum(q == ref)), total))


if __name__ == "__main__":
    main()
