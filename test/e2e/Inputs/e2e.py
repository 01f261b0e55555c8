#!/usr/bin/python3
"""End-to-end numerical tests of --nn-lower-to-llvm on the host.

Each case draws random weights, scales and inputs, writes an nn-dialect
module, computes the expected output with an independent numpy model of
TFLite's reference kernels (float) and integer kernels (int8, bit-exact
formulas: QuantizeMultiplier, MultiplyByQuantizedMultiplier with double
rounding, TFLite's activation ranges and rounded average), compiles the
module with nn-opt | nn-translate | clang, runs it and compares every output
element.

  e2e.py CASE --tools DIR --work PREFIX [--cc clang-22] [--target T]

With --target other than host, the module goes through `nnc generate` for T
and runs in QEMU (runtime/run.sh) instead.
"""

import argparse
import math
import os
import subprocess
import sys

import numpy as np

I32_MIN, I32_MAX = -(2**31), 2**31 - 1

# ---------------------------------------------------------------------------
# TFLite's fixed-point arithmetic
# ---------------------------------------------------------------------------


def round_away(x):
    """std::round: halves away from zero."""
    return math.floor(abs(x) + 0.5) * (1 if x >= 0 else -1)


def quantize_multiplier(real):
    if real == 0.0:
        return 0, 0
    q, shift = math.frexp(real)
    fixed = int(round_away(q * (1 << 31)))
    if fixed == 1 << 31:
        fixed //= 2
        shift += 1
    if shift < -31:
        shift, fixed = 0, 0
    return fixed, shift


def wrap32(x):
    return ((x + 2**31) % 2**32) - 2**31


def srdhm(a, b):
    a = np.asarray(a, np.int64)
    b = np.asarray(b, np.int64)
    overflow = (a == b) & (a == I32_MIN)
    ab = a * b
    v = ab + np.where(ab >= 0, 1 << 30, 1 - (1 << 30))
    high = np.where(v >= 0, v // (1 << 31), -((-v) // (1 << 31)))
    return np.where(overflow, I32_MAX, high)


def rounding_divide_by_pot(x, exponent):
    exponent = np.asarray(exponent, np.int64)
    mask = (np.int64(1) << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (x < 0)
    return (x >> exponent) + (remainder > threshold)


def mbqm(x, multiplier, shift):
    """MultiplyByQuantizedMultiplier (TFLM default, double rounding)."""
    shift = np.asarray(shift, np.int64)
    left = np.maximum(shift, 0)
    right = np.maximum(-shift, 0)
    x = wrap32(np.asarray(x, np.int64) * (np.int64(1) << left))
    return rounding_divide_by_pot(srdhm(x, multiplier), right)


# gemmlowp fixed point (scalar), for TFLite's int8 softmax.

def srdhm_s(a, b):
    return int(srdhm(a, b))


def rdbpot_s(x, e):
    return int(rounding_divide_by_pot(np.int64(x), e))


def srmpot(x, e):
    """SaturatingRoundingMultiplyByPOT<e>."""
    if e < 0:
        return rdbpot_s(x, -e)
    if e == 0:
        return x
    threshold = (1 << (31 - e)) - 1
    if x > threshold:
        return I32_MAX
    if x < -threshold:
        return I32_MIN
    return wrap32(x << e)


def exp_on_negative_values(a, integer_bits):
    frac = 31 - integer_bits
    quarter = 1 << (frac - 2)
    a_mod = wrap32((a & (quarter - 1)) - quarter)
    # exp on [-1/4, 0) around -1/8, all in Q0.31
    x = wrap32(srmpot(a_mod, integer_bits) + (1 << 28))
    x2 = srdhm_s(x, x)
    x3 = srdhm_s(x2, x)
    x4 = srdhm_s(x2, x2)
    poly = srmpot(wrap32(srdhm_s(wrap32(srmpot(x4, -2) + x3), 715827883)
                         + x2), -1)
    result = wrap32(1895147668 + srdhm_s(1895147668, wrap32(x + poly)))
    remainder = wrap32(a_mod - a)
    for exponent, mult in ((-2, 1672461947), (-1, 1302514674),
                           (0, 790015084), (1, 290630308), (2, 39332535),
                           (3, 720401), (4, 242)):
        if integer_bits > exponent and remainder & (1 << (frac + exponent)):
            result = srdhm_s(result, mult)
    if a == 0:
        result = I32_MAX
    return result


def get_reciprocal(x, integer_bits):
    headroom = 32 - int(x).bit_length()  # clz of a positive int32
    bits_over_unit = integer_bits - headroom
    a = wrap32((x << headroom) - (1 << 31))
    s = a + I32_MAX
    half = int((s + (1 if s >= 0 else -1)) / 2)  # C division
    z = wrap32(1515870810 + srdhm_s(half, -1010580540))
    for _ in range(3):
        one_minus = wrap32((1 << 29) - srdhm_s(half, z))
        z = wrap32(z + srmpot(srdhm_s(z, one_minus), 2))
    return srmpot(z, 1), bits_over_unit


def softmax_int8_ref(q, scale, beta=1.0):
    """TFLite's reference_ops::Softmax for int8 in and out."""
    real = min(beta * scale * (1 << 26), (1 << 31) - 1.0)
    mult, shift = quantize_multiplier(real)
    diff_min = -math.floor(31.0 * (1 << 26) / (1 << shift))
    out = np.zeros(q.shape, np.int8)
    for r in range(q.shape[0]):
        row = q[r].astype(np.int64)
        m = int(row.max())
        exps = []
        for v in row:
            d = int(v) - m
            if d >= diff_min:
                exps.append(exp_on_negative_values(
                    srdhm_s(wrap32(d * (1 << shift)), mult), 5))
            else:
                exps.append(None)
        total = 0
        for e in exps:
            if e is not None:
                total = wrap32(total + rdbpot_s(e, 12))
        rec, bits = get_reciprocal(total, 12)
        for c, e in enumerate(exps):
            if e is None:
                out[r, c] = -128
            else:
                v = rdbpot_s(srdhm_s(rec, e), bits + 31 - 8) - 128
                out[r, c] = min(max(v, -128), 127)
    return out


def act_range(act, scale, zp):
    """CalculateActivationRangeQuantized for int8."""
    def q(f):
        return zp + int(round_away(float(np.float32(f) / np.float32(scale))))
    lo, hi = -128, 127
    if act in ("relu", "relu6"):
        lo = max(lo, q(0.0))
    if act == "relu6":
        hi = min(hi, q(6.0))
    return lo, hi


def f32_range(act):
    return {"none": (-np.inf, np.inf), "relu": (0, np.inf),
            "relu6": (0, 6)}[act]


def f32(x):
    return float(np.float32(x))


# ---------------------------------------------------------------------------
# MLIR text
# ---------------------------------------------------------------------------


def dense(a):
    a = np.asarray(a)
    if a.dtype.kind == "f":
        body = np.array2string(a.astype(np.float32), separator=", ",
                               threshold=sys.maxsize, floatmode="unique",
                               max_line_width=sys.maxsize)
    else:
        body = np.array2string(a, separator=", ", threshold=sys.maxsize,
                               max_line_width=sys.maxsize)
    return "dense<" + body + ">"


def shape_str(shape):
    return "x".join(str(d) for d in shape)


def qtype(scale, zp, storage="i8"):
    return f"!quant.uniform<{storage}:f32, {scale!r}:{zp}>"


def qtype_axis(scales, axis, storage="i8<-127:127>"):
    return (f"!quant.uniform<{storage}:f32:{axis}, {{"
            + ", ".join(repr(s) for s in scales) + "}>")


def ttype(shape, elem):
    return f"tensor<{shape_str(shape)}x{elem}>"


def const(name, value, elem_storage, elem_type):
    value = np.asarray(value)
    storage = ttype(value.shape, elem_storage)
    if elem_storage == elem_type:
        return f"  %{name} = nn.constant {dense(value)} : {storage}\n"
    return (f"  %{name} = nn.constant {dense(value)} : {storage} -> "
            f"{ttype(value.shape, elem_type)}\n")


def window_out(size, k, s, d, padding):
    eff = (k - 1) * d + 1
    if padding == "same":
        out = (size + s - 1) // s
        pad = max((out - 1) * s + eff - size, 0) // 2
    else:
        out = (size - eff) // s + 1
        pad = 0
    return out, pad


# ---------------------------------------------------------------------------
# Reference kernels (numpy)
# ---------------------------------------------------------------------------


def grouped_conv_ref(x, w, groups, *args):
    """conv_ref per group: output channels [g*O/G, (g+1)*O/G) read input
    channels [g*C/G, (g+1)*C/G)."""
    if groups == 1:
        return conv_ref(x, w, *args)
    cg, og = x.shape[3] // groups, w.shape[0] // groups
    return np.concatenate(
        [conv_ref(x[..., g * cg:(g + 1) * cg], w[g * og:(g + 1) * og], *args)
         for g in range(groups)], axis=3)


def conv_ref(x, w, k_h, k_w, stride, dil, padding, out_hw, pad_value, depthwise,
             mult, mac):
    """Generic window MAC: returns acc[n, oy, ox, o] (int64 or float64)."""
    n, h, wd, c = x.shape
    oh, ow = out_hw
    _, pt = window_out(h, k_h, stride[0], dil[0], padding)
    _, pl = window_out(wd, k_w, stride[1], dil[1], padding)
    o_ch = w.shape[-1] if depthwise else w.shape[0]
    big = np.full((n, h + 2 * (k_h * dil[0]) + 2 * stride[0] * oh,
                   wd + 2 * (k_w * dil[1]) + 2 * stride[1] * ow, c),
                  pad_value, dtype=x.dtype)
    big[:, pt:pt + h, pl:pl + wd, :] = x
    acc = None
    for ky in range(k_h):
        for kx in range(k_w):
            patch = big[:, ky * dil[0]:ky * dil[0] + oh * stride[0]:stride[0],
                        kx * dil[1]:kx * dil[1] + ow * stride[1]:stride[1], :]
            if depthwise:
                patch = np.repeat(patch, mult, axis=3)
                term = mac(patch, w[0, ky, kx, :])
            else:
                term = np.einsum("nhwc,oc->nhwo", mac(patch, None),
                                 w[:, ky, kx, :].astype(patch.dtype
                                                        if patch.dtype.kind == "f"
                                                        else np.int64))
            acc = term if acc is None else acc + term
    return acc


class Case:
    """A model, its input and its expected output."""

    def __init__(self, name, mlir, inp, expected, exact=True, atol=0):
        self.name, self.mlir, self.inp, self.expected = name, mlir, inp, expected
        self.exact, self.atol = exact, atol


# --requantization of the conv/depthwise/fully_connected epilogues.
REQUANTIZATION = "double-rounding"


def single_rounding(x, multiplier, shift):
    """TFLITE_SINGLE_ROUNDING's MultiplyByQuantizedMultiplier."""
    total = 31 - np.asarray(shift, np.int64)
    v = np.asarray(x, np.int64) * np.asarray(multiplier, np.int64)
    return np.clip((v + (np.int64(1) << (total - 1))) >> total, I32_MIN, I32_MAX)


def requant(acc, s_in, w_scales, s_out, zp_out, lo, hi):
    if REQUANTIZATION == "fp32":
        # XNNPACK: float(s_in) * float(s_w) / float(s_out) in float, then
        # float(acc) * scale rounded half to even.
        scales = np.array([np.float32(np.float32(s_in) * np.float32(s))
                           / np.float32(s_out) for s in w_scales], np.float32)
        v = np.rint(np.asarray(acc).astype(np.float32) * scales)
        return np.clip(v.astype(np.int64) + zp_out, lo, hi).astype(np.int8)
    mults, shifts = zip(*(quantize_multiplier(s_in * s / s_out)
                          for s in w_scales))
    rescale = single_rounding if REQUANTIZATION == "single-rounding" else mbqm
    v = rescale(acc, np.array(mults, np.int64), np.array(shifts, np.int64))
    return np.clip(v + zp_out, lo, hi).astype(np.int8)


def make_conv(rng, quantized, depthwise, act="relu6", padding="same",
              stride=(2, 1), dil=(1, 1), mult=2, groups=1, group_c=3,
              kernel=(3, 3), zp_in=-7):
    n, h, wd, c = 1, 7, 6, group_c * groups
    kh, kw = kernel
    oc = c * mult if depthwise else 5 * groups
    oh, _ = window_out(h, kh, stride[0], dil[0], padding)
    ow, _ = window_out(wd, kw, stride[1], dil[1], padding)
    wshape = (1, kh, kw, oc) if depthwise else (oc, kh, kw, c // groups)
    op = "nn.depthwise_conv2d" if depthwise else "nn.conv2d"
    extra = f"depth_multiplier = {mult} : i64, " if depthwise else ""
    attrs = (f"{{{extra}padding = #nn.padding<{padding}>, "
             f"strides = array<i64: {stride[0]}, {stride[1]}>, "
             f"dilations = array<i64: {dil[0]}, {dil[1]}>, "
             f"fused_activation = #nn.fused_activation<{act}>}}")
    if not quantized:
        x = rng.uniform(-2, 2, (n, h, wd, c)).astype(np.float32)
        w = rng.uniform(-1, 1, wshape).astype(np.float32)
        b = rng.uniform(-1, 1, (oc,)).astype(np.float32)
        tin, tw, tb, tout = (ttype(s, "f32") for s in
                             ((n, h, wd, c), wshape, (oc,), (n, oh, ow, oc)))
        body = const("w", w, "f32", "f32") + const("b", b, "f32", "f32")
        acc = grouped_conv_ref(x.astype(np.float64), w.astype(np.float64),
                               groups, kh, kw,
                       stride, dil, padding, (oh, ow), 0.0, depthwise, mult,
                       lambda p, wv: p if wv is None else p * wv)
        lo, hi = f32_range(act)
        expected = np.clip(acc + b, lo, hi).astype(np.float32)
    else:
        s_in = f32(0.05)
        s_out, zp_out = f32(0.1), 3
        w_scales = [f32(s) for s in rng.uniform(0.005, 0.02, oc)]
        x = rng.integers(-128, 128, (n, h, wd, c)).astype(np.int8)
        w = rng.integers(-127, 128, wshape).astype(np.int8)
        b = rng.integers(-2000, 2000, (oc,)).astype(np.int32)
        axis = 3 if depthwise else 0
        tin = ttype((n, h, wd, c), qtype(s_in, zp_in))
        qw = qtype_axis(w_scales, axis)
        qb = qtype_axis([s_in * s for s in w_scales], 0, "i32")
        tw, tb = ttype(wshape, qw), ttype((oc,), qb)
        tout = ttype((n, oh, ow, oc), qtype(s_out, zp_out))
        body = const("w", w, "i8", qw) + const("b", b, "i32", qb)
        acc = grouped_conv_ref(x.astype(np.int64) - zp_in, w.astype(np.int64),
                               groups, kh, kw,
                       stride, dil, padding, (oh, ow), 0, depthwise, mult,
                       lambda p, wv: p if wv is None else p * wv)
        acc = acc + b
        lo, hi = act_range(act, s_out, zp_out)
        expected = requant(acc, s_in, w_scales, s_out, zp_out, lo, hi)
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n" + body
            + f"  %y = {op} %x, %w, %b {attrs}\n"
            f"      : ({tin}, {tw}, {tb}) -> {tout}\n"
            f"  return %y : {tout}\n}}\n")
    return mlir, x, expected


def make_fc(rng, quantized, act="relu", bsz=2, o=7, s_out=0.3, span=128,
            i=12):
    """`span` bounds |x - zp| and |w|; small values with s_out = 0.0027 give
    a real scale near 0.37 (one bit of right shift), where the roundings of
    the requantization modes differ most often."""
    in_shape = (bsz, 3, 4) if i == 12 else (bsz, i)
    if not quantized:
        x = rng.uniform(-2, 2, in_shape).astype(np.float32)
        w = rng.uniform(-1, 1, (o, i)).astype(np.float32)
        b = rng.uniform(-1, 1, (o,)).astype(np.float32)
        tin, tw, tb, tout = (ttype(s, "f32") for s in
                             (in_shape, (o, i), (o,), (bsz, o)))
        body = const("w", w, "f32", "f32") + const("b", b, "f32", "f32")
        lo, hi = f32_range(act)
        expected = np.clip(x.reshape(bsz, i).astype(np.float64)
                           @ w.T.astype(np.float64) + b, lo, hi
                           ).astype(np.float32)
    else:
        s_in, zp_in, s_w, s_out, zp_out = f32(0.1), 5, f32(0.01), f32(s_out), -4
        x = rng.integers(-span, span, in_shape)
        x = (x if span == 128 else x + zp_in).astype(np.int8)
        w = rng.integers(-min(span, 127), min(span, 127) + 1,
                         (o, i)).astype(np.int8)
        b = rng.integers(-3000, 3000, (o,)).astype(np.int32)
        qw, qb = qtype(s_w, 0, "i8<-127:127>"), qtype(s_in * s_w, 0, "i32")
        tin = ttype(in_shape, qtype(s_in, zp_in))
        tw, tb = ttype((o, i), qw), ttype((o,), qb)
        tout = ttype((bsz, o), qtype(s_out, zp_out))
        body = const("w", w, "i8", qw) + const("b", b, "i32", qb)
        acc = (x.reshape(bsz, i).astype(np.int64) - zp_in) @ w.T.astype(
            np.int64) + b
        lo, hi = act_range(act, s_out, zp_out)
        expected = requant(acc, s_in, [s_w], s_out, zp_out, lo, hi)
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n" + body
            + f"  %y = nn.fully_connected %x, %w, %b "
            f"{{fused_activation = #nn.fused_activation<{act}>}}\n"
            f"      : ({tin}, {tw}, {tb}) -> {tout}\n"
            f"  return %y : {tout}\n}}\n")
    return mlir, x, expected


def make_pool(rng, quantized, kind, padding="same"):
    n, h, wd, c = 1, 7, 5, 3
    k, s = (3, 3), (2, 2)
    oh, pt = window_out(h, k[0], s[0], 1, padding)
    ow, pl = window_out(wd, k[1], s[1], 1, padding)
    if quantized:
        scale, zp = f32(0.02), -5
        x = rng.integers(-128, 128, (n, h, wd, c)).astype(np.int8)
        elem = qtype(scale, zp)
    else:
        x = rng.uniform(-2, 2, (n, h, wd, c)).astype(np.float32)
        elem = "f32"
    out = np.zeros((n, oh, ow, c), np.int8 if quantized else np.float32)
    for oy in range(oh):
        for ox in range(ow):
            y0, x0 = oy * s[0] - pt, ox * s[1] - pl
            y1, x1 = min(y0 + k[0], h), min(x0 + k[1], wd)
            y0, x0 = max(y0, 0), max(x0, 0)
            win = x[0, y0:y1, x0:x1, :].reshape(-1, c)
            count = win.shape[0]
            if kind == "max":
                out[0, oy, ox] = win.max(axis=0)
            elif quantized:
                acc = win.astype(np.int64).sum(axis=0)
                half = count // 2
                v = np.where(acc > 0, acc + half, acc - half)
                v = np.sign(v) * (np.abs(v) // count)  # C division
                out[0, oy, ox] = np.clip(v, -128, 127)
            else:
                out[0, oy, ox] = (win.astype(np.float32).sum(axis=0, dtype=np.float32)
                                  / np.float32(count))
    tin, tout = ttype((n, h, wd, c), elem), ttype((n, oh, ow, c), elem)
    op = "nn.max_pool2d" if kind == "max" else "nn.avg_pool2d"
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n"
            f"  %y = {op} %x {{kernel = array<i64: {k[0]}, {k[1]}>, "
            f"strides = array<i64: {s[0]}, {s[1]}>, "
            f"padding = #nn.padding<{padding}>}} : ({tin}) -> {tout}\n"
            f"  return %y : {tout}\n}}\n")
    return mlir, x, out


def make_softmax(rng, quantized, in_scale=0.1, d=10):
    rows = 3
    beta = 1.0
    if quantized:
        s_in, zp_in = f32(in_scale), 2
        x = rng.integers(-128, 128, (rows, d)).astype(np.int8)
        real = s_in * (x.astype(np.float64) - zp_in)
        tin = ttype((rows, d), qtype(s_in, zp_in))
        tout = ttype((rows, d), qtype(1.0 / 256, -128))
        expected = softmax_int8_ref(x, s_in, beta)
        # The fixed-point kernel stays within one step of the float softmax.
        e = np.exp(beta * (real - real.max(axis=1, keepdims=True)))
        p = e / e.sum(axis=1, keepdims=True)
        assert np.abs(np.floor(p * 256 + 0.5) - 128 - expected).max() <= 1
    else:
        x = rng.uniform(-4, 4, (rows, d)).astype(np.float32)
        tin = tout = ttype((rows, d), "f32")
        e = np.exp(beta * (x.astype(np.float64) - x.max(axis=1, keepdims=True)))
        expected = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n"
            f"  %y = nn.softmax %x : ({tin}) -> {tout}\n"
            f"  return %y : {tout}\n}}\n")
    return mlir, x, expected


def make_binary(rng, kind, act="none"):
    """int8 add/mul with broadcasting of the rhs over rows."""
    s1, z1, s2, z2, so, zo = f32(0.05), -3, f32(0.02), 7, f32(0.06), 1
    if kind == "mul":
        so = f32(0.08)
    x1 = rng.integers(-128, 128, (2, 3, 4)).astype(np.int8)
    x2 = rng.integers(-128, 128, (1, 4)).astype(np.int8)
    a = x1.astype(np.int64) - z1
    b = np.broadcast_to(x2.astype(np.int64) - z2, a.shape)
    lo, hi = act_range(act, so, zo)
    if kind == "add":
        twice = 2 * max(s1, s2)
        m1, sh1 = quantize_multiplier(s1 / twice)
        m2, sh2 = quantize_multiplier(s2 / twice)
        mo, sho = quantize_multiplier(twice / ((1 << 20) * so))
        v = mbqm(a * (1 << 20), m1, sh1) + mbqm(b * (1 << 20), m2, sh2)
        v = mbqm(v, mo, sho)
    else:
        mo, sho = quantize_multiplier(s1 * s2 / so)
        v = mbqm(a * b, mo, sho)
    expected = np.clip(v + zo, lo, hi).astype(np.int8)
    t1 = ttype((2, 3, 4), qtype(s1, z1))
    t2 = ttype((1, 4), qtype(s2, z2))
    to = ttype((2, 3, 4), qtype(so, zo))
    c2 = const("c", x2, "i8", qtype(s2, z2))
    mlir = (f"func.func @net(%x: {t1}) -> {to} {{\n" + c2
            + f"  %y = nn.{kind} %x, %c "
            f"{{fused_activation = #nn.fused_activation<{act}>}}"
            f" : ({t1}, {t2}) -> {to}\n  return %y : {to}\n}}\n")
    return mlir, x1, expected


def make_quant_chain(rng):
    """f32 -> quantize -> relu6 (int8) -> dequantize -> f32."""
    s1, z1, s2, z2 = f32(0.03), 4, f32(0.025), -128
    x = rng.uniform(-4, 8, (4, 9)).astype(np.float32)
    q = np.array([[round_away(float(np.float32(v) / np.float32(s1))) for v in row]
                  for row in x], np.int64) + z1
    q = np.clip(q, -128, 127)
    m, sh = quantize_multiplier(s1 / s2)
    lo, hi = act_range("relu6", s2, z2)
    r = np.clip(mbqm(q - z1, m, sh) + z2, lo, hi)
    expected = ((r - z2).astype(np.float32) * np.float32(s2)).astype(np.float32)
    tq1, tq2 = ttype((4, 9), qtype(s1, z1)), ttype((4, 9), qtype(s2, z2))
    tf = ttype((4, 9), "f32")
    mlir = (f"func.func @net(%x: {tf}) -> {tf} {{\n"
            f"  %q = nn.quantize %x : ({tf}) -> {tq1}\n"
            f"  %r = nn.relu6 %q : ({tq1}) -> {tq2}\n"
            f"  %y = nn.dequantize %r : ({tq2}) -> {tf}\n"
            f"  return %y : {tf}\n}}\n")
    return mlir, x, expected


def make_mean(rng, quantized):
    """Global average pooling: mean over axes [1, 2] with keep_dims."""
    n, h, wd, c = 1, 5, 3, 4
    count = h * wd
    if quantized:
        s_in, zp_in, s_out, zp_out = f32(0.05), -9, f32(0.02), 6
        x = rng.integers(-128, 128, (n, h, wd, c)).astype(np.int8)
        acc = (x.astype(np.int64) - zp_in).sum(axis=(1, 2), keepdims=True)
        m, sh = quantize_multiplier(s_in / s_out)
        v = mbqm(acc, m, sh)
        v = np.where(v > 0, v + count // 2, v - count // 2)
        v = np.sign(v) * (np.abs(v) // count)
        expected = np.clip(v + zp_out, -128, 127).astype(np.int8)
        tin = ttype((n, h, wd, c), qtype(s_in, zp_in))
        tout = ttype((n, 1, 1, c), qtype(s_out, zp_out))
    else:
        x = rng.uniform(-2, 2, (n, h, wd, c)).astype(np.float32)
        expected = (x.astype(np.float64).sum(axis=(1, 2), keepdims=True)
                    / count).astype(np.float32)
        tin, tout = ttype((n, h, wd, c), "f32"), ttype((n, 1, 1, c), "f32")
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n"
            f"  %y = nn.mean %x {{axes = array<i64: 1, 2>, keep_dims = true}}"
            f" : ({tin}) -> {tout}\n  return %y : {tout}\n}}\n")
    return mlir, x, expected


def make_concat(rng):
    """int8 concat along the last axis of the input and a constant with
    other quantization parameters (rescaled as ConcatenationWithScaling)."""
    s_out, zp_out, s2, zp2 = f32(0.05), 2, f32(0.03), -11
    x = rng.integers(-128, 128, (2, 3, 4)).astype(np.int8)
    k = rng.integers(-128, 128, (2, 3, 2)).astype(np.int8)
    scale = np.float32(s2) / np.float32(s_out)
    bias = np.float32(-zp2) * scale
    r = np.array([round_away(float(np.float32(v) * scale + bias))
                  for v in k.reshape(-1)], np.int64).reshape(k.shape) + zp_out
    expected = np.concatenate([x, np.clip(r, -128, 127).astype(np.int8)], 2)
    q1, q2 = qtype(s_out, zp_out), qtype(s2, zp2)
    tin, tk, tout = (ttype((2, 3, 4), q1), ttype((2, 3, 2), q2),
                     ttype((2, 3, 6), q1))
    mlir = (f"func.func @net(%x: {tin}) -> {tout} {{\n" + const("k", k, "i8", q2)
            + f"  %y = nn.concat %x, %k {{axis = -1 : i64}} : ({tin}, {tk}) -> {tout}\n"
            f"  return %y : {tout}\n}}\n")
    return mlir, x, expected


def make_activation(rng, op, fn):
    """A float activation over [-12, 12] plus points near 0 and the ends,
    where exp under- or overflows and tanh/sigmoid saturate."""
    x = np.concatenate([rng.uniform(-12, 12, 1000),
                        rng.uniform(-1e-3, 1e-3, 16),
                        [0.0, -0.0, 88.0, -88.0, 100.0, -100.0, 1e-6,
                         -1e-6]]).astype(np.float32).reshape(1, -1)
    expected = fn(x.astype(np.float64)).astype(np.float32)
    t = ttype(x.shape, "f32")
    mlir = (f"func.func @net(%x: {t}) -> {t} {{\n"
            f"  %y = {op} %x : ({t}) -> {t}\n"
            f"  return %y : {t}\n}}\n")
    return mlir, x, expected


CASES = {
    "mean_f32": lambda r: make_mean(r, False),
    "mean_int8": lambda r: make_mean(r, True),
    "concat_int8": make_concat,
    "conv2d_f32": lambda r: make_conv(r, False, False),
    "conv2d_int8": lambda r: make_conv(r, True, False),
    "conv2d_f32_groups": lambda r: make_conv(r, False, False, groups=2),
    "conv2d_int8_groups": lambda r: make_conv(r, True, False, act="none",
                                              groups=3),
    "conv2d_int8_valid_dilated": lambda r: make_conv(
        r, True, False, act="relu", padding="valid", stride=(1, 1),
        dil=(2, 1)),
    # Odd channel counts for the arm-dsp kernels: kernel rows of 3 x 5 = 15
    # (interior and border outputs), runs of one tap's 5 channels when the
    # x dilation is 2 or there are groups.
    "conv2d_int8_c5": lambda r: make_conv(r, True, False, stride=(1, 1),
                                          group_c=5),
    "conv2d_int8_c5_dilated_x": lambda r: make_conv(
        r, True, False, act="none", padding="valid", stride=(1, 1),
        dil=(1, 2), group_c=5),
    "conv2d_int8_1x1": lambda r: make_conv(
        r, True, False, padding="valid", stride=(1, 1), group_c=7,
        kernel=(1, 1)),
    "conv2d_int8_c5_groups": lambda r: make_conv(
        r, True, False, act="none", stride=(1, 1), groups=2, group_c=5),
    # Depth multiplier 1 for the arm-dsp depthwise kernel (four channels
    # per tap, interior and padded border, the rest scalar): 9 channels,
    # strides, dilation, valid padding, and the extreme input zero points.
    "depthwise_int8_c9": lambda r: make_conv(r, True, True, mult=1,
                                             group_c=9),
    "depthwise_int8_c8_dilated": lambda r: make_conv(
        r, True, True, act="none", stride=(1, 1), dil=(2, 2), mult=1,
        group_c=8, zp_in=-128),
    "depthwise_int8_c4_valid": lambda r: make_conv(
        r, True, True, act="relu", padding="valid", stride=(2, 2), mult=1,
        group_c=4, zp_in=127),
    "depthwise_int8_c6_5x3": lambda r: make_conv(
        r, True, True, stride=(1, 2), mult=1, group_c=6, kernel=(5, 3),
        zp_in=0),
    # One input channel, depth multiplier 6: the conv kernels with the
    # filter transposed (kernel rows of 5 = one word + 1; channels 4 + 2).
    "depthwise_int8_c1_m6": lambda r: make_conv(r, True, True, mult=6,
                                                group_c=1, kernel=(3, 5)),
    "depthwise_f32": lambda r: make_conv(r, False, True),
    "depthwise_int8": lambda r: make_conv(r, True, True),
    "fully_connected_f32": lambda r: make_fc(r, False),
    "fully_connected_int8": lambda r: make_fc(r, True),
    "fully_connected_int8_fine": lambda r: make_fc(
        r, True, act="none", bsz=16, o=16, s_out=0.0027, span=8),
    # Reduction lengths for the arm-dsp kernels (four products per SMLAD
    # pair, the rest scalar): 4k+3 in a loop, 4+3 straight, 3 all scalar.
    "fully_connected_int8_odd": lambda r: make_fc(r, True, bsz=3, i=27),
    "fully_connected_int8_7": lambda r: make_fc(r, True, act="none", i=7),
    "fully_connected_int8_3": lambda r: make_fc(r, True, i=3),
    # Batch 1 (blocks of 4 channels from a reduction of 32, the word loop
    # unrolled up to 8 times, at least 2 iterations): 75 = 2 iterations of 8
    # words + 2 words + 3 scalar, 11 channels = 2 blocks of 4 + one of 3;
    # 35 = 2 iterations of 4 words + 3 scalar, 5 channels = 4 + 1; 45 = 2
    # iterations of 5 words + 1 word + 1 scalar, 6 channels = 4 + 2.
    "fully_connected_int8_vector": lambda r: make_fc(r, True, bsz=1, o=11,
                                                     i=75),
    "fully_connected_int8_vector_35": lambda r: make_fc(
        r, True, act="none", bsz=1, o=5, i=35),
    "fully_connected_int8_vector_45": lambda r: make_fc(r, True, bsz=1, o=6,
                                                        i=45),
    "avg_pool_f32": lambda r: make_pool(r, False, "avg"),
    "avg_pool_int8": lambda r: make_pool(r, True, "avg"),
    "max_pool_int8": lambda r: make_pool(r, True, "max"),
    "softmax_f32": lambda r: make_softmax(r, False),
    "softmax_int8": lambda r: make_softmax(r, True),
    "softmax_int8_wide": lambda r: make_softmax(r, True, 0.02, 40),
    "tanh_f32": lambda r: make_activation(r, "nn.tanh", np.tanh),
    "sigmoid_f32": lambda r: make_activation(
        r, "nn.sigmoid", lambda v: 1 / (1 + np.exp(-v))),
    "add_int8": lambda r: make_binary(r, "add", "relu"),
    "mul_int8": lambda r: make_binary(r, "mul"),
    "quantize_relu6_dequantize": make_quant_chain,
}

TOLERANCE = {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--tools", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--harness", required=True)
    parser.add_argument("--cc", default="clang-22")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", default="host")
    parser.add_argument("--requantization", default="double-rounding",
                        choices=["double-rounding", "single-rounding", "fp32"])
    args = parser.parse_args()
    global REQUANTIZATION
    REQUANTIZATION = args.requantization

    rng = np.random.default_rng(args.seed)
    mlir, x, expected = CASES[args.case](rng)
    # How many elements another mode rounds differently: a mode test that
    # passes only if the mode reached the code.
    changed = None
    if REQUANTIZATION != "double-rounding":
        REQUANTIZATION = "double-rounding"
        _, _, default = CASES[args.case](np.random.default_rng(args.seed))
        REQUANTIZATION = args.requantization
        changed = int((default != expected).sum())
    w = args.work
    with open(w + ".mlir", "w") as f:
        f.write(mlir)
    np.ascontiguousarray(x).tofile(w + ".in")

    def run(cmd):
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"command failed: {' '.join(cmd)}\n{result.stderr}")

    if args.target == "host":
        run([f"{args.tools}/nn-opt", w + ".mlir",
             f"--nn-lower-to-llvm=requantization={args.requantization}",
             "-o", w + ".llvm.mlir"])
        run([f"{args.tools}/nn-translate", "--mlir-to-llvmir",
             w + ".llvm.mlir", "-o", w + ".ll"])
        run([args.cc, "-O1", "-Wno-override-module", "-DENTRY=net_run",
             args.harness, w + ".ll", "-o", w + ".exe", "-lm"])
        run([w + ".exe", w + ".in", w + ".out", str(x.nbytes),
             str(expected.nbytes)])
    else:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "..")
        run([f"{args.tools}/nnc", "generate", w + ".mlir", "--target",
             args.target, "--name", "net", "--requantization",
             args.requantization, "-o", w + ".gen"])
        run(["bash", os.path.join(root, "runtime", "run.sh"), "--target",
             args.target, "--object", w + ".gen/net.o", "--header",
             w + ".gen/net.h", "--input", w + ".in", "--output", w + ".out"])
    got = np.fromfile(w + ".out", dtype=expected.dtype).reshape(expected.shape)

    if expected.dtype == np.float32:
        bad = ~np.isclose(got, expected, rtol=1e-5, atol=1e-6)
    else:
        diff = np.abs(got.astype(np.int64) - expected.astype(np.int64))
        bad = diff > TOLERANCE.get(args.case, 0)
    if bad.any():
        idx = np.argwhere(bad)[:10]
        for i in idx:
            i = tuple(i)
            print(f"mismatch at {i}: got {got[i]}, expected {expected[i]}")
        sys.exit(f"{args.case}: {int(bad.sum())} of {expected.size} "
                 "elements differ")
    exact = int((got == expected).sum())
    print(f"{args.case}: {expected.size} elements match "
          f"({exact} exactly)")
    if changed is not None:
        print(f"{changed} of them differ under double-rounding")


if __name__ == "__main__":
    main()
