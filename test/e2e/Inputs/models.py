#!/usr/bin/python3
"""Runs a .tflite model through nn-translate --import-tflite | nn-opt
--nn-lower-to-llvm | nn-translate --mlir-to-llvmir | clang on the host and
compares its output, for seeded random inputs, with Arm NN's reference
backend (CpuRef, via pyarmnn) running the same .tflite file.

Arm NN is an independent implementation, not TFLite: its int8 kernels
requantize through float, so int8 outputs may differ from TFLite's integer
arithmetic by a step; the allowed difference is a flag.

  models.py MODEL.tflite --tools DIR --work PREFIX --harness harness.c
            [--runs N] [--int8-tolerance T] [--float-tolerance R]

Models Arm NN cannot run (the hybrid DS-CNN; person_detect, whose biases
declare quantized_dimension 3) are checked with --softmax-only: their output
is a softmax, so each row must sum to 1 (float: within 1e-5; int8 with scale
1/256 and zero point -128: sum(q + 128) within one step per class of 256).
"""

import argparse
import contextlib
import io
import os
import subprocess
import sys

import numpy as np


def armnn_run(path, x):
    # pyarmnn prints which parsers it lacks on import.
    with contextlib.redirect_stdout(io.StringIO()):
        import pyarmnn as ann
    parser = ann.ITfLiteParser()
    net = parser.CreateNetworkFromBinaryFile(path)
    inb = parser.GetNetworkInputBindingInfo(
        0, parser.GetSubgraphInputTensorNames(0)[0])
    outb = parser.GetNetworkOutputBindingInfo(
        0, parser.GetSubgraphOutputTensorNames(0)[0])
    runtime = ann.IRuntime(ann.CreationOptions())
    opt, _ = ann.Optimize(net, [ann.BackendId("CpuRef")],
                          runtime.GetDeviceSpec(), ann.OptimizerOptions())
    net_id, _ = runtime.LoadNetwork(opt)
    outputs = ann.make_output_tensors([outb])
    runtime.EnqueueWorkload(net_id, ann.make_input_tensors([inb], [x]),
                            outputs)
    return ann.workload_tensors_to_ndarray(outputs)[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--tools", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--harness", required=True)
    p.add_argument("--cc", default="clang-22")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--int8-tolerance", type=int, default=1)
    p.add_argument("--float-tolerance", type=float, default=1e-4)
    p.add_argument("--softmax-only", action="store_true")
    args = p.parse_args()
    w = args.work

    def run(cmd):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"command failed: {' '.join(cmd)}\n{r.stderr}")
        return r.stdout

    run([f"{args.tools}/nn-translate", "--import-tflite", args.model,
         "-o", w + ".mlir"])
    run([f"{args.tools}/nn-opt", w + ".mlir", "--nn-lower-to-llvm",
         "-o", w + ".llvm.mlir"])
    run([f"{args.tools}/nn-translate", "--mlir-to-llvmir", w + ".llvm.mlir",
         "-o", w + ".ll"])
    run([args.cc, "-O2", "-Wno-override-module", "-DENTRY=main_run",
         args.harness, w + ".ll", "-o", w + ".exe", "-lm"])

    name = os.path.basename(args.model)
    rng = np.random.default_rng(7)
    worst, total, exact = 0, 0, 0
    for i in range(args.runs):
        # Arm NN tells the input's type and shape through a first dry run.
        probe = None
        with contextlib.redirect_stdout(io.StringIO()):
            import pyarmnn as ann
        parser = ann.ITfLiteParser()
        parser.CreateNetworkFromBinaryFile(args.model)
        info = parser.GetNetworkInputBindingInfo(
            0, parser.GetSubgraphInputTensorNames(0)[0])[1]
        shape = tuple(info.GetShape()[d]
                      for d in range(info.GetNumDimensions()))
        if info.GetDataType() == ann.DataType_Float32:
            x = rng.uniform(-1, 1, shape).astype(np.float32)
        else:
            x = rng.integers(-128, 128, shape).astype(np.int8)
        x.tofile(w + ".in")
        if args.softmax_only:
            out_info = parser.GetNetworkOutputBindingInfo(
                0, parser.GetSubgraphOutputTensorNames(0)[0])[1]
            out_shape = tuple(out_info.GetShape()[d]
                              for d in range(out_info.GetNumDimensions()))
            dtype = (np.float32 if out_info.GetDataType() ==
                     ann.DataType_Float32 else np.int8)
            size = int(np.prod(out_shape)) * np.dtype(dtype).itemsize
            run([w + ".exe", w + ".in", w + ".out", str(x.nbytes), str(size)])
            got = np.fromfile(w + ".out", dtype).reshape(out_shape)
            depth = out_shape[-1]
            if dtype == np.float32:
                sums = got.reshape(-1, depth).astype(np.float64).sum(axis=1)
                err = float(np.abs(sums - 1).max())
                ok = err <= 1e-5 and (got >= 0).all()
            else:
                sums = (got.reshape(-1, depth).astype(np.int64) + 128).sum(1)
                err = int(np.abs(sums - 256).max())
                ok = err <= depth
            if not ok:
                sys.exit(f"{name}: softmax rows sum to {sums}")
            worst = max(worst, err)
            total += got.size
            continue
        expected = armnn_run(args.model, x)
        run([w + ".exe", w + ".in", w + ".out", str(x.nbytes),
             str(expected.nbytes)])
        got = np.fromfile(w + ".out", expected.dtype).reshape(expected.shape)
        total += expected.size
        exact += int((got == expected).sum())
        if expected.dtype == np.float32:
            err = np.abs(got - expected) / np.maximum(np.abs(expected), 1e-3)
            bad = err > args.float_tolerance
            worst = max(worst, float(err.max()))
        else:
            diff = np.abs(got.astype(np.int64) - expected.astype(np.int64))
            bad = diff > args.int8_tolerance
            worst = max(worst, int(diff.max()))
        if bad.any():
            print(f"run {i}: got {got.reshape(-1)[:16]}")
            print(f"run {i}: expected {expected.reshape(-1)[:16]}")
            sys.exit(f"{name}: {int(bad.sum())} of {expected.size} elements "
                     f"differ from Arm NN beyond tolerance (worst {worst})")
    if args.softmax_only:
        print(f"{name}: {args.runs} softmax outputs sum to 1 "
              f"(worst difference {worst})")
        return
    print(f"{name}: {total} elements within tolerance of Arm NN "
          f"({exact} exactly, worst difference {worst})")


if __name__ == "__main__":
    main()
