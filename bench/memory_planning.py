#!/usr/bin/env python3
"""Memory-planning benchmark: arena per strategy, lower bound and TFLite
Micro's arena for every public model, at 16- and 4-byte alignment, the
generated code's arena (nnc generate) next to the tensor-level plan of the
same buffers, plus the time to plan a 1,000-layer synthetic graph.

  /usr/bin/python3 bench/memory_planning.py [--build build] [--models ../shared/models]

Prints a Markdown report (bench/memory-planning.md holds the last run).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

STRATEGIES = ["greedy-by-size", "greedy-by-conflicts", "best-fit", "exact", "best"]


def run(cmd, stdin=None):
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                          check=True)


def plan(nn_opt, ir, options):
    """Plans `ir` (text); returns (arena, lower bound, strategy, seconds of
    the pass alone)."""
    out = run([nn_opt, f"--nn-plan-memory={options}", "--nn-verify-memory-plan",
               "--mlir-timing", "--mlir-timing-display=list"], ir)
    attrs = dict(re.findall(r"nn\.(arena_size|lower_bound) = (\d+)", out.stdout))
    strategy = re.search(r'nn\.strategy = "([a-z-]+)"', out.stdout).group(1)
    seconds = sum(float(m) for m in re.findall(
        r"^\s*([0-9.]+) \([ 0-9.]+%\)\s+NNPlanMemory", out.stderr, re.M))
    return int(attrs["arena_size"]), int(attrs["lower_bound"]), strategy, seconds


def generated_arena(nnc, model, alignment, work):
    """The activation arena of the code `nnc generate` emits for the
    Cortex-M4 (inputs and outputs in the caller's buffers)."""
    out = run([nnc, "generate", model, "--target", "cortex-m4", "--alignment",
               str(alignment), "--name", "net", "-o", work]).stdout
    return int(re.search(r"^\s*arena:\s*([0-9,]+) B", out, re.M)
               .group(1).replace(",", ""))


def tflm_figures(sources):
    """{file: (lower bound 4 B, lower bound 16 B, TFLM greedy 16 B)} from
    the first table of SOURCES.md."""
    figures = {}
    for line in open(sources):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 8 or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`")
        bounds = cells[6].replace(",", "").split("/")
        num = lambda s: int(s) if s.strip().isdigit() else None
        lb4 = num(bounds[0])
        lb16 = num(bounds[1]) if len(bounds) > 1 else lb4
        figures[name] = (lb4, lb16, num(cells[7].replace(",", "")))
    return figures


def synthetic_graph(layers, seed=1):
    """A residual network of about `layers` nn ops: blocks of fully connected
    -> in-place relu -> fully connected -> skip add, width changes, and long
    skip connections from earlier blocks of the same width, so lifetimes
    overlap in many ways."""
    rng = random.Random(seed)
    body, weights = [], []
    width, cur, n, ops = 64, "%x", 0, 0
    by_width = {}  # width -> block outputs, for long skips

    def weight(i, o):
        name = f"%w{i}_{o}"
        if name not in weights:
            weights.append(name)
        return name

    def fc(src, i, o):
        nonlocal n
        body.append(f"  %t{n} = nn.fully_connected {src}, {weight(i, o)} : "
                    f"(tensor<1x{i}xf32>, tensor<{o}x{i}xf32>) -> tensor<1x{o}xf32>")
        n += 1
        return f"%t{n - 1}"

    def unary_or_binary(text):
        nonlocal n
        body.append(f"  %t{n} = {text}")
        n += 1
        return f"%t{n - 1}"

    while ops < layers:
        if rng.random() < 0.2:
            new = rng.choice([16, 32, 64, 128, 256, 512])
            cur, width, ops = fc(cur, width, new), new, ops + 1
            continue
        t = f"tensor<1x{width}xf32>"
        h = fc(cur, width, width)
        h = unary_or_binary(f"nn.relu {h} : ({t}) -> {t}")
        h = fc(h, width, width)
        y = unary_or_binary(f"nn.add {cur}, {h} : ({t}, {t}) -> {t}")
        ops += 4
        earlier = by_width.get(width, [])
        if earlier and rng.random() < 0.3:
            y = unary_or_binary(f"nn.add {y}, {rng.choice(earlier)} : ({t}, {t}) -> {t}")
            ops += 1
        by_width.setdefault(width, []).append(y)
        by_width[width] = by_width[width][-4:]
        cur = y
    lines = [f"func.func @synthetic(%x: tensor<1x64xf32>) -> tensor<1x{width}xf32> {{"]
    for name in weights:
        i, o = name[2:].split("_")
        lines.append(f"  {name} = nn.constant dense<0.01> : tensor<{o}x{i}xf32>")
    lines += body
    lines.append(f"  return {cur} : tensor<1x{width}xf32>")
    lines.append("}")
    return "\n".join(lines) + "\n", ops


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default=os.path.join(root, "build"))
    parser.add_argument("--models", default=os.path.join(root, "..", "shared", "models"))
    args = parser.parse_args()
    nn_opt = os.path.join(args.build, "bin", "nn-opt")
    nn_translate = os.path.join(args.build, "bin", "nn-translate")
    nnc = os.path.join(args.build, "bin", "nnc")
    work = tempfile.mkdtemp(prefix="nn-memplan-")
    figures = tflm_figures(os.path.join(args.models, "SOURCES.md"))

    print("# Memory planning benchmark\n")
    print("Arena bytes per strategy (inputs and outputs in the arena, as TFLite Micro "
          "places them), the lower bound (largest aligned total alive at one step, "
          "aliases counted once), SOURCES.md's lower bound without in-place reuse, and "
          "TFLite Micro's GreedyMemoryPlanner arena (always 16-byte aligned). "
          "`best` time = the planning pass alone. *plan, I/O outside* = `best` "
          "with the inputs and outputs in the caller's buffers "
          "(`allocate-inputs=false allocate-outputs=false`), the buffers the "
          "generated code places; *generated* = the arena of the code "
          "`nnc generate --target cortex-m4` emits (`<NAME>_ACTIVATIONS_SIZE`), "
          "which must equal it.\n")
    for alignment in (16, 4):
        print(f"## Alignment {alignment}\n")
        print("| model | " + " | ".join(STRATEGIES) + " | lower bound | SOURCES lower bound | TFLM greedy (16 B) | winner | best time (ms) | plan, I/O outside | generated |")
        print("|---|" + "---|" * (len(STRATEGIES) + 7))
        for model in sorted(os.listdir(args.models)):
            if not model.endswith(".tflite"):
                continue
            ir = run([nn_translate, "--import-tflite",
                      os.path.join(args.models, model)]).stdout
            arenas, lower, winner, seconds = [], None, None, 0.0
            for s in STRATEGIES:
                arena, lower, strategy, t = plan(nn_opt, ir, f"alignment={alignment} strategy={s}")
                arenas.append(arena)
                if s == "best":
                    winner, seconds = strategy, t
            inner, _, _, _ = plan(nn_opt, ir, f"alignment={alignment} allocate-inputs=false allocate-outputs=false")
            generated = generated_arena(nnc, os.path.join(args.models, model),
                                        alignment, work)
            lb4, lb16, tflm = figures.get(model, (None, None, None))
            src = lb16 if alignment == 16 else lb4
            fmt = lambda v: "-" if v is None else f"{v:,}"
            print(f"| `{model}` | " + " | ".join(f"{a:,}" for a in arenas) +
                  f" | {lower:,} | {fmt(src)} | {fmt(tflm)} | {winner} | {seconds * 1000:.2f}"
                  f" | {inner:,} | {generated:,} |")
        print()

    print("## 1,000-layer synthetic graph\n")
    print("A residual network (fully connected -> in-place relu -> fully connected -> "
          "skip add blocks, width changes between 16 and 512 floats, long skips from "
          "up to four blocks back), planned with `best` at alignment 16.\n")
    print("| layers | arena | lower bound | winner | planning pass (s) | whole nn-opt run (s) |")
    print("|---|---|---|---|---|---|")
    for layers in (1000, 5000):
        ir, ops = synthetic_graph(layers)
        start = time.perf_counter()
        arena, lower, winner, seconds = plan(nn_opt, ir, "alignment=16 strategy=best")
        wall = time.perf_counter() - start
        print(f"| {ops} | {arena:,} | {lower:,} | {winner} | {seconds:.4f} | {wall:.3f} |")


if __name__ == "__main__":
    sys.exit(main())
