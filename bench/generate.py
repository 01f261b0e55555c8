#!/usr/bin/env python3
"""Per-model figures of `nnc generate` on the public models.

    bench/generate.py [--nnc build/bin/nnc] [--models ../shared/models] [--work DIR]
                      [--generate-arg=--outline-loops ...]

For each .tflite: compile time of the whole pipeline (nnc generate for the
Cortex-M4: import to object, best of 3, wall and CPU), the object's .text,
the weights ROM and the activation arena (from the generated header),
instructions per inference on the Cortex-M4 (QEMU mps2-an386 -icount via
runtime/run.sh), and host time per inference (best of 5 runs of the host
build). Then TensorFlow Lite Micro's Cortex-M4 figures as SOURCES.md gives
them. A model the pipeline rejects is listed with the first line of its
diagnostic. Not a test: nothing fails on a slow machine.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--nnc", default=os.path.join(root, "build", "bin", "nnc"))
parser.add_argument("--models", default=os.path.join(root, "..", "shared", "models"))
parser.add_argument("--work", default=None)
parser.add_argument("--generate-arg", action="append", default=[],
                    help="extra nnc generate argument, e.g. --generate-arg=--outline-loops")
args = parser.parse_args()
work = args.work or tempfile.mkdtemp(prefix="nn-bench-")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def generate(model, target, out):
    """Runs nnc generate; returns (wall s, cpu s, error line or None)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run([args.nnc, "generate", model, "--target", target, "--name", "net", "-o", out] +
                 args.generate_arg)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        lines = [l for l in result.stderr.splitlines() if "error" in l] or result.stderr.splitlines()
        return wall, cpu, (lines[0] if lines else "failed")
    return wall, cpu, None


def macro(header, key):
    m = re.search(r"^#define NET_%s (.+)$" % key, open(header).read(), re.M)
    return int(m.group(1))


def text_size(obj):
    out = run(["arm-none-eabi-size", "-A", obj]).stdout
    return sum(int(l.split()[1]) for l in out.splitlines() if l.startswith(".text"))


def inference(target, out, tag):
    header, obj = os.path.join(out, "net.h"), os.path.join(out, "net.o")
    inp, outp = os.path.join(out, "in.bin"), os.path.join(out, tag + ".bin")
    subprocess.check_call([sys.executable, os.path.join(root, "runtime", "random-input.py"), header, inp])
    result = run(["bash", os.path.join(root, "runtime", "run.sh"), "--target", target,
                  "--object", obj, "--header", header, "--input", inp, "--output", outp])
    m = re.search(r"inference: (\d+) (instructions|ns)", result.stdout)
    if result.returncode != 0 or not m:
        return None, (result.stderr.strip().splitlines() or ["run failed"])[-1]
    return int(m.group(1)), outp


def fmt(n):
    return "{:,}".format(n)


models = sorted(f for f in os.listdir(args.models) if f.endswith(".tflite"))
rows, notes = [], []
for name in models:
    model = os.path.join(args.models, name)
    m4 = os.path.join(work, name[:-7], "m4")
    host = os.path.join(work, name[:-7], "host")
    times = [generate(model, "cortex-m4", m4) for _ in range(3)]
    error = times[0][2]
    if error:
        rows.append("| `%s` | not compiled: %s |||||||" % (name, error.replace("|", "/")))
        continue
    wall = min(t[0] for t in times)
    cpu = min(t[1] for t in times)
    header = os.path.join(m4, "net.h")
    instructions, m4_out = inference("cortex-m4", m4, "m4")
    host_ns, host_out = None, None
    if generate(model, "host", host)[2] is None:
        runs = [inference("host", host, "host") for _ in range(5)]
        ok = [r for r in runs if r[0] is not None]
        if ok:
            host_ns, host_out = min(r[0] for r in ok), ok[0][1]
    same = (instructions is not None and host_out is not None and
            open(m4_out, "rb").read() == open(host_out, "rb").read())
    rows.append("| `%s` | %s | %s | %s | %s | %s | %.0f / %.0f | %s |" % (
        name, fmt(text_size(os.path.join(m4, "net.o"))), fmt(macro(header, "WEIGHTS_SIZE")),
        fmt(macro(header, "ACTIVATIONS_SIZE")),
        fmt(instructions) if instructions is not None else "run failed: " + m4_out,
        "%.1f" % (host_ns / 1000.0) if host_ns is not None else "-",
        wall * 1000, cpu * 1000, "yes" if same else "no"))

print("| model | .text (B) | weights ROM (B) | arena (B) | Cortex-M4 instructions | host us/inference | compile ms (wall / CPU) | M4 output = host output |")
print("|---|---|---|---|---|---|---|---|")
print("\n".join(rows))

# TensorFlow Lite Micro on the same emulated board, from SOURCES.md.
sources = os.path.join(args.models, "SOURCES.md")
if os.path.exists(sources):
    text = open(sources).read()
    i = text.find("| file | instructions, reference kernels")
    if i >= 0:
        print("\nTensorFlow Lite Micro (SOURCES.md):\n")
        for line in text[i:].splitlines():
            if not line.startswith("|"):
                break
            print(line)
