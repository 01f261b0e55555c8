#!/usr/bin/env python3
"""Writes small .tflite models for the test suite.

A model is described by a short Python spec that calls the functions below
(tensor, const, op, inputs, outputs, subgraph); the writer turns it into the
JSON form of schema/tflite_subset.fbs and has flatc (the same schema the
importer is generated from) encode the flatbuffer.

    tflite_writer.py --schema schema/tflite_subset.fbs spec.py -o model.tflite

Spec example:

    x = tensor("x", [1, 4, 4, 3], "INT8", scale=0.5, zero_point=-1)
    w = const("w", [8, 3, 3, 3], "INT8", data=1, scale=[0.1] * 8, axis=0)
    y = tensor("y", [1, 4, 4, 8], "INT8", scale=0.25, zero_point=3)
    op("CONV_2D", [x, w, -1], [y], "Conv2DOptions", padding="SAME",
       stride_w=1, stride_h=1)
    inputs(x); outputs(y)

Malformed models for error tests come from the same spec: any field can be
given raw (buffer=, opcode=, raw=bytes, version=, ...).
"""

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

PACK = {"FLOAT32": "f", "INT8": "b", "UINT8": "B", "INT32": "i", "INT64": "q",
        "INT16": "h"}


class Writer:
    def __init__(self):
        self.model = {"version": 3, "operator_codes": [], "subgraphs": [],
                      "buffers": [{}]}
        self.codes = {}
        self.subgraph("main")

    def subgraph(self, name=None):
        sg = {"tensors": [], "inputs": [], "outputs": [], "operators": []}
        if name is not None:
            sg["name"] = name
        self.model["subgraphs"].append(sg)
        self.sg = sg
        return len(self.model["subgraphs"]) - 1

    def tensor(self, name, shape, type="FLOAT32", scale=None, zero_point=None,
               axis=None, data=None, raw=None, buffer=None, **extra):
        t = {"name": name, "shape": list(shape), "type": type}
        if scale is not None:
            scales = scale if isinstance(scale, list) else [scale]
            zps = zero_point if isinstance(zero_point, list) else (
                [zero_point or 0] * len(scales))
            t["quantization"] = {"scale": scales, "zero_point": zps}
            if axis is not None:
                t["quantization"]["quantized_dimension"] = axis
        if data is not None or raw is not None:
            if raw is None:
                count = 1
                for d in shape:
                    count *= d
                values = data if isinstance(data, list) else [data] * count
                raw = struct.pack("<%d%s" % (len(values), PACK[type]), *values)
            self.model["buffers"].append({"data": list(raw)})
            t["buffer"] = len(self.model["buffers"]) - 1
        if buffer is not None:
            t["buffer"] = buffer
        t.update(extra)
        self.sg["tensors"].append(t)
        return len(self.sg["tensors"]) - 1

    def opcode(self, code, custom=None):
        key = (code, custom)
        if key not in self.codes:
            entry = {"deprecated_builtin_code": min(code, 127),
                     "builtin_code": code}
            if custom is not None:
                entry["custom_code"] = custom
            self.model["operator_codes"].append(entry)
            self.codes[key] = len(self.model["operator_codes"]) - 1
        return self.codes[key]

    def op(self, code, ins, outs, options_type=None, opcode=None,
           custom=None, **options):
        if isinstance(code, str):
            code = BUILTIN[code]
        o = {"opcode_index": self.opcode(code, custom) if opcode is None
             else opcode,
             "inputs": list(ins), "outputs": list(outs)}
        if options_type is not None:
            o["builtin_options_type"] = options_type
            o["builtin_options"] = options
        self.sg["operators"].append(o)

    def write(self, schema, path):
        tmp = tempfile.mkdtemp()
        try:
            base = os.path.splitext(os.path.basename(path))[0]
            js = os.path.join(tmp, base + ".json")
            with open(js, "w") as f:
                json.dump(self.model, f)
            subprocess.run(["flatc", "-b", "-o", tmp, schema, js], check=True)
            shutil.copyfile(os.path.join(tmp, base + ".tflite"), path)
        finally:
            shutil.rmtree(tmp)


def read_builtin_names(schema):
    """BuiltinOperator values from the schema, so specs can name ops."""
    names, inside = {}, False
    with open(schema) as f:
        for line in f:
            if line.startswith("enum BuiltinOperator"):
                inside = True
                continue
            if inside:
                if line.startswith("}"):
                    break
                for item in line.split(","):
                    if "=" in item:
                        k, v = item.split("=")
                        names[k.strip()] = int(v)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("spec")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    global BUILTIN
    BUILTIN = read_builtin_names(args.schema)
    w = Writer()
    env = {
        "tensor": w.tensor,
        "const": w.tensor,
        "op": w.op,
        "subgraph": w.subgraph,
        "inputs": lambda *ts: w.sg["inputs"].extend(ts),
        "outputs": lambda *ts: w.sg["outputs"].extend(ts),
        "model": w.model,
        "struct": struct,
    }
    with open(args.spec) as f:
        exec(compile(f.read(), args.spec, "exec"), env)
    w.write(args.schema, args.output)


if __name__ == "__main__":
    sys.exit(main())
