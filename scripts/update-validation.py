#!/usr/bin/python3
"""Regenerates docs/validation.md: runs `nnc validate` on every public model
in ../shared/models, for both compiled targets against both references,
with fixed seeds, and writes the results.

Usage: scripts/update-validation.py [--host-samples N] [--m4-samples N]
       (after scripts/build.sh)

Per model and target (host, cortex-m4) and reference (tflite, armnn): the
reference that actually ran (nnc validate falls back to the other one when
the chosen one rejects the model), the metrics of the output, and the
verdict at the default thresholds (int8 bit-exact, float within 1e-5
relative L2). Where a host run is not bit-exact, `--dump-activations` finds
the first layer where our compiled network and the reference diverge. Then
the two references against each other (nnc validate --target armnn), and the
time split of bench/validate.py.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = os.path.normpath(os.path.join(ROOT, "..", "shared", "models"))
BIN = os.path.join(os.environ.get("NN_BUILD_DIR", os.path.join(ROOT, "build")), "bin")
SEED = 1


def validate(model, target, reference, samples, dump=None, mode=()):
    cmd = [os.path.join(BIN, "nnc"), "validate", model, "--target", target, "--reference",
           reference, "--random", str(samples), "--seed", str(SEED), "--json"] + list(mode)
    if dump:
        cmd += ["--dump-activations", dump]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        return {"error": (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]}
    return json.loads(p.stdout)


def share(v):
    return "-" if v is None else "%.3f%%" % (100 * v)


def num(v):
    return "0" if v == 0 else "%.3g" % v


# The arithmetic options of the code under test, by kind of model: the default
# first, then the alternative (docs/numerics.md).
INT8_MODES = (("double-rounding", ()), ("fp32", ("--requantization", "fp32")))
HYBRID_MODES = (("dynamic-range", ()), ("dequantize", ("--hybrid", "dequantize")))


def modes_of(name, res):
    """The modes a model is validated in: int8 models (integer outputs) in both
    requantizations, the hybrid model in both hybrid modes, float ones once."""
    outputs = res.get("outputs") or [{}]
    if "max_lsb_difference" in outputs[0]:
        return INT8_MODES
    if "hybrid" in name:
        return HYBRID_MODES
    return (("-", ()),)


def first_divergence(res):
    """(layer name, equal share or L2 there, worst LSB over all layers) or None."""
    differing = [l for l in res.get("layers", []) if l["max_abs_error"] > 0]
    if not differing:
        return None
    first = differing[0]
    name = first["name"].split(";")[0]
    if "max_lsb_difference" in first:
        there = "%s equal, max %d LSB" % (share(first["exact_share"]), first["max_lsb_difference"])
        worst = "%d LSB" % max(l["max_lsb_difference"] for l in differing)
    else:
        there = "L2 rel %.2g" % first["l2_relative_error"]
        worst = "%.2g (abs)" % max(l["max_abs_error"] for l in differing)
    index = [l["name"] for l in res["layers"]].index(first["name"])
    return (name, index, len(res["layers"]), len(differing), there, worst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host-samples", type=int, default=100)
    ap.add_argument("--m4-samples", type=int, default=10)
    args = ap.parse_args()
    models = sorted(f for f in os.listdir(MODELS) if f.endswith(".tflite"))
    work = tempfile.mkdtemp(prefix="nn-validation-doc")
    rows, diverge, cross = [], [], []
    for name in models:
        path = os.path.join(MODELS, name)
        modes = None
        for target, samples in (("host", args.host_samples), ("cortex-m4", args.m4_samples)):
            for reference in ("tflite", "armnn"):
                print("%s %s %s" % (name, target, reference), file=sys.stderr)
                res = validate(path, target, reference, samples)
                modes = modes or modes_of(name, res)
                rows.append((name, target, reference, modes[0][0], samples, res))
                if target == "host" and "outputs" in res and not res["pass"]:
                    dump = os.path.join(work, "%s.%s.act" % (name, res["reference"]))
                    d = validate(path, target, reference, samples, dump)
                    if "layers" in d:
                        diverge.append((name, res["reference"], first_divergence(d)))
                for mode, flags in modes[1:]:
                    print("%s %s %s %s" % (name, target, reference, mode), file=sys.stderr)
                    res = validate(path, target, reference, samples, mode=flags)
                    rows.append((name, target, reference, mode, samples, res))
        c = validate(path, "armnn", "tflite", args.host_samples)
        cross.append((name, c))
    bench = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "validate.py"),
                            "--nnc", os.path.join(BIN, "nnc")],
                           capture_output=True, text=True).stdout
    write_doc(rows, diverge, cross, bench, args)


def write_doc(rows, diverge, cross, bench, args):
    L = []
    w = L.append
    w("# Validation results")
    w("")
    w("Generated by `scripts/update-validation.py` (do not edit by hand). Every public model "
      "in `../shared/models`, compiled by `nnc validate` for the host (%d random inputs) and "
      "for the Cortex-M4 in QEMU (%d random inputs), seed %d, inputs drawn over the input's "
      "whole quantized range (int8: [-128, 127]; float: [-1, 1)), compared with both "
      "reference runtimes." % (args.host_samples, args.m4_samples, SEED))
    w("")
    w("## How it runs")
    w("")
    w("- `nnc validate MODEL --target T` compiles the model in-process with "
      "`nnc generate`'s pipeline and runs all samples in one process: on the host, nnc "
      "loads the object with LLVM's ORC JIT linker in a child process and runs it as "
      "`runtime/harness.c` does (no C compiler or linker; a crash is reported, not "
      "inherited); on a board, `runtime/run.sh` links the object with `runtime/harness.c` "
      "(Cortex-M4: `arm-none-eabi-gcc`, run in `qemu-system-arm -M mps2-an386`). The same "
      "samples go through the reference, whose process starts at once and runs while the "
      "target compiles (the inputs' types and shapes come from the model file). T is any target preset: `host`, `cortex-m4`, "
      "`cortex-m7` (`mps2-an500`), `cortex-m33` (`mps2-an505`), `cortex-m55` (`mps3-an547`) "
      "or `rv32imc` (`qemu-system-riscv32 -M virt`, firmware built by `clang-22` and `lld`, "
      "float through libgcc's soft-float helpers); this page covers the host and the "
      "Cortex-M4.")
    w("- TFLite = TensorFlow Lite's interpreter compiled to WebAssembly (npm "
      "`@tensorflow/tfjs-tflite@0.0.1-alpha.10`, `tools/nn-reference/tflite-reference.js`). "
      "It always applies its XNNPACK delegate, so int8 convolutions and fully connected "
      "layers run XNNPACK's kernels, not TFLite's built-in reference kernels.")
    w("- Arm NN = Arm NN 20.08's CpuRef backend (Debian `python3-pyarmnn`, "
      "`tools/nn-reference/armnn-reference.py`), which dequantizes, computes in float and "
      "requantizes. It rejects the hybrid model (int8 weights, float activations); "
      "`nnc validate` then falls back to TFLite and says so (the *reference* column names "
      "the one that ran).")
    w("- `person_detect.tflite` declares `quantized_dimension` 3 on its 14 one-dimensional "
      "biases; both runtimes reject the file as it is and run it once "
      "`--repair-quantized-dimension` sets that axis to 0, the only axis a 1-D tensor has "
      "(`nnc validate` does it by default and says so in a note). So every model has a "
      "reference and our own float evaluation is never needed (it is not implemented).")
    w("- `--dump-activations DIR` compiles each prefix of the network, cut after one layer "
      "whose output becomes the network's output, and runs it on the same target, so every "
      "intermediate tensor of the compiled code is compared with the reference's by tensor "
      "name (the TFLite reference exposes every intermediate tensor as an extra output; "
      "Arm NN likewise). Cutting the network rather than instrumenting one build keeps the "
      "code under test the code that ships: each prefix goes through the very same lowering, "
      "so a layer's dump is exactly what that layer computes in the full network.")
    w("")
    w("## Compiled networks against the references")
    w("")
    w("Verdict at the default thresholds: int8 outputs bit-exact (`--max-lsb 0`), float "
      "outputs within 1e-5 relative L2 (`--max-l2-rel`). Errors of int8 outputs are in real "
      "units (dequantized with the output's scale). Top-1 agreement for classifiers (the "
      "output comes from a softmax). *mode* is the arithmetic of the compiled code "
      "([numerics.md](numerics.md)): int8 models under both requantizations, "
      "`double-rounding` (the default, TFLite Micro's) and `--requantization fp32` "
      "(XNNPACK's); the hybrid model under both hybrid modes, `dynamic-range` (the default, "
      "TFLite's hybrid kernels) and `--hybrid dequantize` (float MACs). *Where they diverge* "
      "below is for the default modes.")
    w("")
    w("| model | target | reference | mode | elements | exactly equal | max diff (LSB) | "
      "max abs | mean abs | RMSE | L2 relative | cosine | top-1 | verdict |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, target, reference, mode, samples, res in rows:
        if "error" in res:
            w("| `%s` | %s | %s | %s | - | - | - | - | - | - | - | - | - | error: %s |" % (
                name, target, reference, mode, res["error"].replace("|", "\\|")))
            continue
        o = res["outputs"][0]
        ref = res["reference"] + ("" if res["reference"] == reference else
                                  " (%s rejects it)" % reference)
        w("| `%s` | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %.6f | %s | %s |" % (
            name, target, ref, mode, o["elements"], share(o.get("exact_share")),
            o.get("max_lsb_difference", "-"), num(o["max_abs_error"]),
            num(o["mean_abs_error"]), num(o["rmse"]), num(o["l2_relative_error"]),
            o["cosine_similarity"], share(o.get("top1_agreement")),
            "PASS" if res["pass"] else "FAIL"))
    w("")
    if diverge:
        w("## Where they diverge")
        w("")
        w("For every host run above that is not bit-exact, `nnc validate --dump-activations` "
          "on the same inputs: the first intermediate tensor (in operator order) where our "
          "compiled network and the reference differ.")
        w("")
        w("| model | reference | layers compared | layers that differ | first differing "
          "layer | there | worst layer |")
        w("|---|---|---|---|---|---|---|")
        for name, ref, d in diverge:
            if d is None:
                w("| `%s` | %s | - | 0 | none | - | - |" % (name, ref))
            else:
                lname, index, total, differ, there, worst = d
                w("| `%s` | %s | %d | %d | %d `%s` | %s | %s |" % (
                    name, ref, total, differ, index, lname, there, worst))
        w("")
    w("## Why int8 outputs are not bit-exact")
    w("")
    w("Where an int8 model differs, the first differing tensor is the output of its first "
      "convolution or fully connected layer, by 1 LSB on a small share of elements; later "
      "layers carry and amplify it. The cause is requantization, not non-determinism (every "
      "run of each runtime is repeatable; the harness runs the network twice on different "
      "arena contents and checks that the outputs are equal):")
    w("")
    w("- our compiled code requantizes as TensorFlow Lite's reference kernels and TensorFlow "
      "Lite Micro do by default: `QuantizeMultiplier` into a Q31 multiplier and a shift, then "
      "`MultiplyByQuantizedMultiplier` = `SaturatingRoundingDoublingHighMul` followed by "
      "`RoundingDivideByPOT`, which rounds twice ([numerics.md](numerics.md));")
    w("- the TFLite WebAssembly build hands int8 convolutions and fully connected layers to "
      "XNNPACK, whose fp32 requantization multiplies the int32 accumulator by a float scale "
      "and rounds once (half to even); Arm NN's CpuRef dequantizes, computes in float and "
      "rounds once.")
    w("")
    w("Rounding twice differs from rounding once when the accumulator times the scale is just "
      "below a half (e.g. `hello_world_int8`'s first layer: accumulator 8827, real value "
      "65.498: the references give 65, the double rounding 66). "
      "`test/tools/nnc-validate/requantization.test` proves it element by element on "
      "`hello_world_int8` and `mlperf_ad_autoencoder_int8`: it recomputes the first layer's "
      "accumulators from the dumped inputs and the weights and requantizes them four ways; "
      "the double rounding reproduces every element of our dump and the single-rounding "
      "schemes every element of both references' dumps. So our int8 arithmetic is the "
      "formula of TFLite's reference kernels and TFLite Micro (neither is run here: the "
      "WebAssembly build always delegates to XNNPACK); "
      "against these two references a few LSB is the expected difference, with top-1 "
      "agreement 100% on every classifier. `micro_speech_quantized` is bit-exact at the "
      "output even though its depthwise convolution already differs on 0.01% of elements "
      "(the fully connected layer and the softmax absorb it). The lit tests pin the "
      "differences at fixed seeds and pass with `--max-lsb` set to them.")
    w("")
    w("With `--requantization fp32` (`nnc generate` and `nnc validate`; [numerics.md](numerics.md)) conv, depthwise conv and fully connected layers requantize as XNNPACK does (float scale computed in float, `float(acc) * scale` rounded half to even) and every int8 model is bit-exact against TFLite (the *fp32* rows of the table above): 100% exactly equal, 0 LSB, at every output (`hello_world_int8`, `micro_speech_quantized`, `mlperf_ad_autoencoder_int8`, `mlperf_kws_dscnn_int8`, `person_detect`; pinned by `test/tools/nnc-validate/fp32-requantization.test`). The other int8 ops need no mode: TFLite's XNNPACK delegate takes average pooling and softmax only in float, so TFLite runs its builtin int8 kernels there, whose arithmetic ours already is. The default stays TFLite Micro's double rounding, the arithmetic of the microcontroller deployment.")
    w("")
    w("## The hybrid model")
    w("")
    w("`mlperf_kws_dscnn_hybrid` has float activations and int8 weights on its five conv2d "
      "(Arm NN rejects it, so TFLite is its only reference). TFLite runs those convs with its "
      "hybrid kernel (conv.cc `EvalHybrid`; the WebAssembly build's XNNPACK does not take "
      "them): each conv's float input is quantized to int8 at run time, symmetric with one "
      "scale per batch (`SymmetricQuantizeFloats`), the int8 products accumulate in int32 "
      "and `float(acc) * (input scale * weight scale) + bias` follows. Our default "
      "`--hybrid dynamic-range` lowers them the same way ([numerics.md](numerics.md)), so the "
      "first conv's output equals TFLite's on every element "
      "(`test/tools/nnc-validate/hybrid.test` recomputes it with `EvalHybrid`'s formula from "
      "the dumped input and the weights: TFLite's dump and ours both equal it). The float "
      "depthwise 3x3 layers between them sum in the order of XNNPACK's f32 dwconv kernel "
      "(which TFLite delegates them to), so every conv and depthwise output equals "
      "TFLite's; only the float average pooling, fully connected layer and softmax round "
      "in their own order (about 1e-7 relative L2 at the output, host and Cortex-M4). "
      "That order matters here: each depthwise output is quantized to int8 by the next "
      "conv, so a 1-ulp difference can become a whole quantization step (summing in loop "
      "order with the bias last, 20 samples were 1.8e-5 from TFLite). With `--hybrid dequantize` (weights dequantized in "
      "registers, float MACs: the float network's arithmetic) it is about 1e-2 from TFLite, "
      "from the first conv on, because TFLite's result is itself an 8-bit approximation of "
      "the float network.")
    w("")
    w("## Time")
    w("")
    w("`bench/validate.py`: `nnc validate person_detect.tflite --target host --random 10` "
      "(milliseconds; *reference* = the WebAssembly TFLite process, *compile* = our whole "
      "pipeline in-process, *link + run* = the JIT link and the 10 inferences, "
      "*other* = nnc's start-up, reading the model's signature, inputs and comparison). "
      "The reference's process runs in a thread of its own while the target compiles and "
      "runs, so a validation takes the longer of the two, not their sum "
      "(*other* = total - max(reference, target)):")
    w("")
    w("```")
    w(bench.strip())
    w("```")
    w("")
    w("## The references against each other")
    w("")
    w("`nnc validate --target armnn --reference tflite`, %d random inputs:" % args.host_samples)
    w("")
    w("| model | elements | exactly equal | max diff (LSB) | L2 relative | verdict |")
    w("|---|---|---|---|---|---|")
    for name, res in cross:
        if "error" in res:
            e = res["error"]
            if "input and weights types mismatched" in e:
                e = "Arm NN rejects it (`input and weights types mismatched`)"
            w("| `%s` | - | - | - | - | %s |" % (name, e.replace("|", "\\|")))
            continue
        o = res["outputs"][0]
        w("| `%s` | %d | %s | %s | %s | %s |" % (
            name, o["elements"], share(o.get("exact_share")), o.get("max_lsb_difference", "-"),
            num(o["l2_relative_error"]), "PASS" if res["pass"] else "FAIL"))
    w("")
    with open(os.path.join(ROOT, "docs", "validation.md"), "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
