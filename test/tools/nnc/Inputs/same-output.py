"""Compares two raw output files of one network (header NET.h): integers
exactly, floats within --tolerance (absolute). Prints the element count."""
import argparse
import re
import struct
import sys

parser = argparse.ArgumentParser()
parser.add_argument("header")
parser.add_argument("actual")
parser.add_argument("expected")
parser.add_argument("--tolerance", type=float, default=0.0)
args = parser.parse_args()
text = open(args.header).read()
prefix = re.search(r"^int ([A-Za-z_]\w*)_run\(", text, re.M).group(1).upper()
ctype = re.search(r"^#define %s_OUTPUT_TYPE (.+)$" % prefix, text, re.M).group(1).strip()
fmt = {"float": "f", "int8_t": "b", "uint8_t": "B", "int16_t": "h", "int32_t": "i"}[ctype]
a, e = open(args.actual, "rb").read(), open(args.expected, "rb").read()
if len(a) != len(e):
    sys.exit("size differs: %d vs %d bytes" % (len(a), len(e)))
n = len(a) // struct.calcsize(fmt)
va, ve = struct.unpack("<%d%s" % (n, fmt), a), struct.unpack("<%d%s" % (n, fmt), e)
tol = args.tolerance if fmt == "f" else 0
bad = [i for i in range(n) if abs(va[i] - ve[i]) > tol]
if bad:
    sys.exit("%d of %d elements differ, first at %d: %r vs %r" % (len(bad), n, bad[0], va[bad[0]], ve[bad[0]]))
print("%d elements match" % n)
