#!/usr/bin/python3
"""Recomputes the first conv2d of a hybrid model (float input, int8 weights)
from the input fed to the network, the weights and bias (from
`nn-translate --import-tflite` output) as TFLite's conv.cc EvalHybrid does:
SymmetricQuantizeFloats per batch (range = max |x|, q = round(x * 127/range)
half away from zero, clamped to +-127, all in f32), int32 dot products, then
float(acc) * (range/127 * weight scale) + bias and the fused relu. Compares it
element by element with each dump given (our layer_0, TFLite's tensor).

Usage: hybrid-conv.py MODEL.mlir INPUT.npy DUMP.npy...
"""
import re
import sys

import numpy as np

f32 = np.float32
text = open(sys.argv[1]).read()
blobs = dict(re.findall(r'(\w+): "0x([0-9A-F]+)"', text))
conv = re.search(r'nn\.constant dense_resource<(\w+)> : tensor<(\d+)x(\d+)x(\d+)x(\d+)xi8> -> '
                 r'tensor<[^!]*!quant\.uniform<i8:f32, ([0-9.e-]+)>>\n'
                 r'.*nn\.constant dense_resource<(\w+)> : tensor<\d+xf32>\n'
                 r'.*nn\.conv2d .*fused_activation<(\w+)>, padding = #nn\.padding<(\w+)>, '
                 r'strides = array<i64: (\d+), (\d+)>', text)
wname, O, KH, KW, C, wscale, bname, act, padding, sh, sw = conv.groups()
O, KH, KW, C, sh, sw = map(int, (O, KH, KW, C, sh, sw))
assert act == "relu" and padding == "same"
W = np.frombuffer(bytes.fromhex(blobs[wname])[4:], np.int8).reshape(O, KH, KW, C).astype(np.int64)
bias = np.frombuffer(bytes.fromhex(blobs[bname])[4:], np.float32)
x = np.load(sys.argv[2]).astype(f32)
x = x.reshape((-1,) + x.shape[-3:])  # [samples, H, W, C] (batch 1 each)
N, H, Wd, _ = x.shape
OH, OW = -(-H // sh), -(-Wd // sw)
pt = max((OH - 1) * sh + KH - H, 0) // 2
pl = max((OW - 1) * sw + KW - Wd, 0) // 2
out = np.zeros((N, OH, OW, O), f32)
for n in range(N):
    rng = f32(np.abs(x[n]).max())
    scale, inv = (f32(rng / f32(127)), f32(f32(127) / rng)) if rng != 0 else (f32(1), f32(0))
    v = (x[n] * inv).astype(f32)
    # std::round: halves away from zero (exact in float64).
    q = np.clip(np.sign(v) * np.floor(np.abs(v).astype(np.float64) + 0.5), -127, 127).astype(np.int64)
    qp = np.zeros((H + KH, Wd + KW, C), np.int64)
    qp[pt:pt + H, pl:pl + Wd] = q
    s = f32(scale * f32(float(wscale)))
    for oy in range(OH):
        for ox in range(OW):
            acc = (W * qp[oy * sh:oy * sh + KH, ox * sw:ox * sw + KW][None]).sum(axis=(1, 2, 3))
            out[n, oy, ox] = np.maximum((acc.astype(f32) * s).astype(f32) + bias, f32(0))
for path in sys.argv[3:]:
    d = np.load(path).reshape(out.shape)
    print("%s: %d of %d equal, max abs %.3g" % (
        path.split("/")[-1], int((d == out).sum()), out.size, float(np.abs(d - out).max())))
