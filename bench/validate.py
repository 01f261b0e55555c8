#!/usr/bin/python3
"""Where the time of `nnc validate` goes, on person_detect.tflite.

    bench/validate.py [--nnc build/bin/nnc] [--model M] [--target host]
                      [--reference tflite] [--samples 10] [--repeat 3]

Runs `nnc validate MODEL --target T --random N --json` REPEAT times and
prints, per run and for the fastest, the split its JSON reports: the
reference's process (node + WebAssembly TFLite, or Arm NN) and the
inference time inside it, the compiled target (in-process compilation, link
with the harness: on the host the JIT link in a child process; the run of all
samples) and what is left (nnc's own start-up, reading the model's signature,
random inputs, comparison; the reference's process runs concurrently with the compiled
target, so other = total - max(reference, target)). Not a test: nothing
fails on a slow machine.
"""
import argparse
import json
import os
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--nnc", default=os.path.join(root, "build", "bin", "nnc"))
parser.add_argument("--model", default=os.path.join(root, "..", "shared", "models",
                                                    "person_detect.tflite"))
parser.add_argument("--target", default="host")
parser.add_argument("--reference", default="tflite")
parser.add_argument("--samples", type=int, default=10)
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()

rows = []
for i in range(args.repeat):
    cmd = [args.nnc, "validate", args.model, "--target", args.target, "--reference",
           args.reference, "--random", str(args.samples), "--seed", str(i + 1), "--json"]
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    if not p.stdout:
        sys.exit("nnc validate failed: %s" % p.stderr.strip())
    r = json.loads(p.stdout)
    compile_ms = r["compile_ms"]
    target_ms = r["target_wall_ms"]
    rows.append({
        "total": wall,
        "reference": r["reference_wall_ms"],
        "reference inference": r["reference_ms"],
        "target": target_ms,
        "compile": compile_ms,
        "link + run": target_ms - compile_ms,
        "target inference": r["target_ms"],
        # The reference runs while the target compiles and runs.
        "other": wall - max(r["reference_wall_ms"], target_ms),
        "pass": r["pass"],
    })

cols = ["total", "reference", "reference inference", "target", "compile", "link + run",
        "target inference", "other"]
print("nnc validate %s --target %s --reference %s --random %d (ms; load average %.1f)" % (
    os.path.basename(args.model), args.target, args.reference, args.samples,
    os.getloadavg()[0]))
print("| run | " + " | ".join(cols) + " | verdict |")
print("|---" * (len(cols) + 2) + "|")
for i, r in enumerate(rows):
    print("| %d | " % (i + 1) + " | ".join("%.0f" % r[c] for c in cols) +
          " | %s |" % ("PASS" if r["pass"] else "FAIL"))
best = min(rows, key=lambda r: r["total"])
print("| best | " + " | ".join("%.0f" % best[c] for c in cols) + " | |")
print("reference share of the best run: %.0f%%" % (100 * best["reference"] / best["total"]))
