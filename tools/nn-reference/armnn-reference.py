#!/usr/bin/python3
"""Runs a .tflite model through Arm NN 20.08's reference backend (CpuRef, from
Debian's python3-pyarmnn and libarmnn-cpuref-backend22) on inputs from .npy
files and writes the outputs as .npy: a second reference, independent of
TensorFlow Lite's own interpreter.

Same command line and files as tflite-reference.js:
  armnn-reference.py MODEL --info
  armnn-reference.py MODEL --input in0.npy [--input in1.npy ...] --out-dir DIR
      [--repair-quantized-dimension] [--dump-activations DIR]
Exit status: 0 ran, 2 Arm NN rejected the model, 1 other errors.
"""
import argparse
import contextlib
import json
import os
import struct
import sys
import tempfile
import time

import numpy as np

BACKENDS_DIR = "/usr/lib/x86_64-linux-gnu/armnn22"


class FlatModel:
    """Just enough of a FlatBuffers reader to adjust a .tflite file (field
    numbers from tensorflow/lite/schema/schema.fbs); see tflite-model.js."""

    def __init__(self, data):
        self.buf = bytearray(data)
        if len(self.buf) < 8 or self.buf[4:8] != b"TFL3":
            raise ValueError("not a TFLite flatbuffer (missing TFL3 identifier)")

    def _u32(self, pos):
        return struct.unpack_from("<I", self.buf, pos)[0]

    def _i32(self, pos):
        return struct.unpack_from("<i", self.buf, pos)[0]

    def field(self, table, fid):
        vt = table - self._i32(table)
        if 4 + 2 * fid >= struct.unpack_from("<H", self.buf, vt)[0]:
            return 0
        off = struct.unpack_from("<H", self.buf, vt + 4 + 2 * fid)[0]
        return table + off if off else 0

    def deref(self, pos):
        return pos + self._u32(pos)

    def vector(self, table, fid, is_table):
        f = self.field(table, fid)
        if not f:
            return []
        v = self.deref(f)
        pos = [v + 4 + 4 * i for i in range(self._u32(v))]
        return [self.deref(p) for p in pos] if is_table else pos

    def ints(self, table, fid):
        return [self._i32(p) for p in self.vector(table, fid, False)]

    def subgraph(self):
        return self.vector(self.deref(0), 2, True)[0]

    def repair_quantized_dimension(self):
        """A 1-D tensor can only be quantized along axis 0; set it there."""
        repaired = []
        for index, t in enumerate(self.vector(self.subgraph(), 0, True)):
            q = self.field(t, 4)
            if not q or len(self.ints(t, 0)) != 1:
                continue
            quant = self.deref(q)
            dim = self.field(quant, 6)
            if dim and self._i32(dim) != 0 and len(self.vector(quant, 2, False)) > 1:
                struct.pack_into("<i", self.buf, dim, 0)
                repaired.append(index)
        return repaired

    def expose_intermediates(self):
        """Every tensor an operator produces becomes a subgraph output (after
        the original ones); the new vector goes at the end of the file."""
        sg = self.subgraph()
        outs = self.ints(sg, 2)
        for op in self.vector(sg, 3, True):
            outs += [t for t in self.ints(op, 2) if t >= 0 and t not in outs]
        field = self.field(sg, 2)
        self.buf += b"\0" * ((4 - len(self.buf) % 4) % 4)
        pos = len(self.buf)
        self.buf += struct.pack("<I%di" % len(outs), len(outs), *outs)
        struct.pack_into("<I", self.buf, field, pos - field)
        return outs


@contextlib.contextmanager
def quiet():
    """pyarmnn prints notes about the parsers it lacks on import."""
    saved = [os.dup(1), os.dup(2)]
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        os.dup2(null.fileno(), 2)
        try:
            yield
        finally:
            for fd, copy in enumerate(saved, start=1):
                os.dup2(copy, fd)
                os.close(copy)


DTYPE_NAMES = {np.int8: "int8", np.uint8: "uint8", np.int16: "int16",
               np.int32: "int32", np.float32: "float32"}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model")
    p.add_argument("--info", action="store_true")
    p.add_argument("--input", action="append", default=[])
    p.add_argument("--out-dir")
    p.add_argument("--dump-activations")
    p.add_argument("--repair-quantized-dimension", action="store_true")
    args = p.parse_args()
    if not args.info and not args.out_dir:
        p.error("--out-dir is required to run the model")

    try:
        with open(args.model, "rb") as f:
            model = FlatModel(f.read())
    except (OSError, ValueError) as e:
        sys.exit("armnn-reference: %s: %s" % (args.model, e))
    repaired = model.repair_quantized_dimension() if args.repair_quantized_dimension else []
    n_outputs = len(model.ints(model.subgraph(), 2))
    exposed = model.expose_intermediates() if args.dump_activations else None

    with quiet():
        import pyarmnn as ann
    tmp = tempfile.NamedTemporaryFile(suffix=".tflite")
    tmp.write(model.buf)
    tmp.flush()
    try:
        parser = ann.ITfLiteParser()
        network = parser.CreateNetworkFromBinaryFile(tmp.name)
        in_names = parser.GetSubgraphInputTensorNames(0)
        out_names = parser.GetSubgraphOutputTensorNames(0)
        in_bind = [parser.GetNetworkInputBindingInfo(0, n) for n in in_names]
        out_bind = [parser.GetNetworkOutputBindingInfo(0, n) for n in out_names]
        options = ann.CreationOptions()
        options.m_DynamicBackendsPath = BACKENDS_DIR
        runtime = ann.IRuntime(options)
        optimized, _ = ann.Optimize(network, [ann.BackendId("CpuRef")],
                                    runtime.GetDeviceSpec(), ann.OptimizerOptions())
        net_id, err = runtime.LoadNetwork(optimized)
        if err:
            raise RuntimeError(err)
    except RuntimeError as e:
        msg = " ".join(str(e).split())
        print("armnn-reference: Arm NN rejected %s: %s" % (args.model, msg), file=sys.stderr)
        sys.exit(2)

    def describe(name, bind):
        info = bind[1]
        dtype = ann.workload_tensors_to_ndarray(ann.make_output_tensors([bind]))[0].dtype
        return {"name": name, "dtype": DTYPE_NAMES.get(dtype.type, str(dtype)),
                "shape": [info.GetShape()[i] for i in range(info.GetNumDimensions())]}

    meta = {"runtime": "Arm NN 20.08 CpuRef (Debian python3-pyarmnn)",
            "repaired_quantized_dimension": repaired,
            "inputs": [describe(n, b) for n, b in zip(in_names, in_bind)],
            "outputs": [describe(n, b) for n, b in zip(out_names, out_bind)][:n_outputs]}
    if args.info:
        print(json.dumps(meta, indent=2))
        return

    if len(args.input) != len(in_names):
        sys.exit("armnn-reference: the model has %d input(s), %d --input given"
                 % (len(in_names), len(args.input)))
    arrays, stacked, samples = [], False, None
    for file, desc in zip(args.input, meta["inputs"]):
        a = np.load(file)
        shape = tuple(desc["shape"])
        if a.dtype != np.dtype(desc["dtype"]):
            sys.exit("armnn-reference: %s: dtype %s does not match input '%s' (%s)"
                     % (file, a.dtype, desc["name"], desc["dtype"]))
        if a.shape == shape:
            a = a[None]
        elif a.shape[1:] == shape:
            stacked = True
        else:
            sys.exit("armnn-reference: %s: shape %s is neither %s nor [N, ...]"
                     % (file, list(a.shape), list(shape)))
        if samples is not None and samples != a.shape[0]:
            sys.exit("armnn-reference: input files hold different sample counts")
        samples = a.shape[0]
        arrays.append(a)

    results = [[] for _ in out_names]
    start = time.perf_counter()
    for s in range(samples):
        in_tensors = ann.make_input_tensors(in_bind, [np.ascontiguousarray(a[s]) for a in arrays])
        out_tensors = ann.make_output_tensors(out_bind)
        runtime.EnqueueWorkload(net_id, in_tensors, out_tensors)
        for i, r in enumerate(ann.workload_tensors_to_ndarray(out_tensors)):
            results[i].append(r.reshape(meta["outputs"][i]["shape"] if i < n_outputs
                                        else r.shape))
    meta["infer_ms"] = (time.perf_counter() - start) * 1e3
    meta["samples"] = samples

    def save(path, values):
        np.save(path, np.stack(values) if stacked else values[0])

    os.makedirs(args.out_dir, exist_ok=True)
    for i in range(n_outputs):
        save(os.path.join(args.out_dir, "output_%d.npy" % i), results[i])
    if exposed is not None:
        os.makedirs(args.dump_activations, exist_ok=True)
        meta["activations"] = []
        for i, (tensor, name) in enumerate(zip(exposed, out_names)):
            file = "tensor_%d.npy" % tensor
            save(os.path.join(args.dump_activations, file), results[i])
            meta["activations"].append({"tensor": tensor, "name": name, "file": file})
    with open(os.path.join(args.out_dir, "reference.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
