#!/usr/bin/env python3
"""Writes a reproducible input file for runtime/run.sh from a generated header.

    runtime/random-input.py NET.h OUT.bin [--seed N]

Fills <NAME>_INPUT_SIZE bytes: floats uniform in [-1, 1) for a float input,
else uniformly random bytes (int8/uint8, the full quantized range).
"""
import argparse
import random
import re
import struct

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("header")
parser.add_argument("output")
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

text = open(args.header).read()
name = re.search(r"^int ([A-Za-z_]\w*)_run\(", text, re.M)
if not name:
    raise SystemExit("random-input.py: %s declares no <name>_run" % args.header)
prefix = name.group(1).upper()


def macro(key):
    m = re.search(r"^#define %s_%s (.+)$" % (prefix, key), text, re.M)
    if not m:
        raise SystemExit("random-input.py: %s has no %s_%s" % (args.header, prefix, key))
    return m.group(1).strip()


size = int(macro("INPUT_SIZE"))
rng = random.Random(args.seed)
if macro("INPUT_TYPE") == "float":
    data = struct.pack("<%df" % (size // 4), *(rng.uniform(-1, 1) for _ in range(size // 4)))
else:
    data = bytes(rng.randrange(256) for _ in range(size))
with open(args.output, "wb") as f:
    f.write(data)
