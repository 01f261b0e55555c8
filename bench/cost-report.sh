#!/usr/bin/env bash
# Benchmark: annotate and report the cost of a synthetic 1,000-layer model
# (bench/gen_synthetic_model.py). Prints a table of wall times, best of 5
# runs each (the parse-only row is the baseline the analysis adds to), then
# each pass's own time from -mlir-timing.
# Not a test: nothing here fails on a slow machine.
#   bench/cost-report.sh [LAYERS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
layers="${1:-1000}"

"$root/scripts/build.sh" nn-opt nnc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model="$work/synthetic.mlir"
/usr/bin/python3 "$root/bench/gen_synthetic_model.py" "$layers" > "$model"

/usr/bin/python3 - "$build/bin" "$model" "$layers" <<'PY'
import subprocess, sys, time
bin_dir, model, layers = sys.argv[1:]
cases = [
    ("parse + print (baseline)", [f"{bin_dir}/nn-opt", model, "-o", "/dev/null"]),
    ("nn-opt --nn-annotate-cost", [f"{bin_dir}/nn-opt", "--nn-annotate-cost", model, "-o", "/dev/null"]),
    ("nn-opt --nn-report", [f"{bin_dir}/nn-opt", "--nn-report", model, "-o", "/dev/null"]),
    ("nnc analyze", [f"{bin_dir}/nnc", "analyze", model]),
    ("nnc analyze --json", [f"{bin_dir}/nnc", "analyze", "--json", model]),
]
print(f"synthetic model: {layers} layers, {sum(1 for _ in open(model))} lines of IR")
print(f"{'command':<28} {'best of 5 (ms)':>15} {'median (ms)':>12}")
for name, cmd in cases:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"{name:<28} {times[0]:>15.1f} {times[2]:>12.1f}")

# In-process time of each pass alone (MLIR's -mlir-timing), without process
# start-up, parsing and printing.
timing = subprocess.run(
    [f"{bin_dir}/nn-opt", "--nn-plan-memory", "--nn-annotate-cost", "--nn-report",
     "--mlir-timing", model, "-o", "/dev/null"],
    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
print(f"\n{'pass (in-process)':<28} {'wall (ms)':>15}")
for line in timing.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[-1] in ("Parser", "NNPlanMemory", "NNAnnotateCost", "NNReport"):
        print(f"{parts[-1]:<28} {float(parts[0]) * 1000:>15.1f}")
PY
