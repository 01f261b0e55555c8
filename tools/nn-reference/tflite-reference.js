#!/usr/bin/env node
// Runs a .tflite model through TensorFlow Lite's interpreter compiled to
// WebAssembly (npm @tensorflow/tfjs-tflite 0.0.1-alpha.10, installed by
// scripts/setup.sh under .deps/npm) on inputs from .npy files, and writes the
// outputs as .npy. No network access.
//
// Usage:
//   tflite-reference.js MODEL --info
//   tflite-reference.js MODEL --input in0.npy [--input in1.npy ...] --out-dir DIR
//       [--repair-quantized-dimension] [--dump-activations DIR]
//
// An input file holds one sample (the tensor's shape) or N samples stacked
// along a new leading axis ([N, ...shape]); outputs are stacked the same way.
// DIR/output_<i>.npy per model output, DIR/reference.json describes the run.
// Exit status: 0 ran, 2 the interpreter rejected the model, 1 other errors.
'use strict';
const fs = require('fs');
const path = require('path');
const {readNpy, writeNpy, DESCR_OF_TFLITE} = require('./npy.js');
const {FlatModel, SUBGRAPH_OUTPUTS} = require('./tflite-model.js');

const PACKAGE = '@tensorflow/tfjs-tflite';
const VERSION = '0.0.1-alpha.10';

function usage(msg) {
  if (msg) process.stderr.write(`tflite-reference: ${msg}\n`);
  process.stderr.write('usage: tflite-reference.js MODEL (--info | --input F.npy... --out-dir DIR)' +
                       ' [--repair-quantized-dimension] [--dump-activations DIR]\n');
  process.exit(1);
}

function parseArgs(argv) {
  const opts = {inputs: [], info: false, repair: false};
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => (++i < argv.length ? argv[i] : usage(`${a} needs a value`));
    if (a === '--info') opts.info = true;
    else if (a === '--input') opts.inputs.push(value());
    else if (a === '--out-dir') opts.outDir = value();
    else if (a === '--dump-activations') opts.dumpDir = value();
    else if (a === '--repair-quantized-dimension') opts.repair = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!opts.model) opts.model = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.model) usage('no model given');
  if (!opts.info && !opts.outDir) usage('--out-dir is required to run the model');
  return opts;
}

function wasmDir() {
  const root = path.resolve(__dirname, '..', '..');
  const candidates = [
    process.env.NN_TFLITE_WASM_DIR,
    path.join(root, '.deps', 'npm', 'node_modules', PACKAGE, 'wasm'),
  ].filter(Boolean);
  for (const d of candidates)
    if (fs.existsSync(path.join(d, 'tflite_web_api_cc.wasm'))) return d;
  process.stderr.write(`tflite-reference: ${PACKAGE}@${VERSION} not found under .deps/npm; ` +
                       'run scripts/setup.sh\n');
  process.exit(1);
}

const shapeOf = (info) => (info.shape ? info.shape.split(',').map(Number) : []);
const vecToArray = (v) => Array.from({length: v.size()}, (_, i) => v.get(i));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = wasmDir();
  const log = [];
  const factory = require(path.join(dir, 'tflite_web_api_cc.js'));
  const M = await factory({
    wasmBinary: fs.readFileSync(path.join(dir, 'tflite_web_api_cc.wasm')),
    print: (s) => log.push(s),
    printErr: (s) => log.push(s),
  });

  let model;
  try {
    model = new FlatModel(fs.readFileSync(opts.model));
  } catch (e) {
    process.stderr.write(`tflite-reference: ${opts.model}: ${e.message}\n`);
    process.exit(1);
  }
  const repaired = opts.repair ? model.repairQuantizedDimension() : [];
  const numOutputs = model.ints(model.subgraph(0), SUBGRAPH_OUTPUTS).length;
  const exposed = opts.dumpDir ? model.exposeIntermediates() : null;

  const bytes = model.buf;
  const ptr = M._malloc(bytes.length);
  M.HEAPU8.set(bytes, ptr);
  const status = M.TFLiteWebModelRunner.CreateFromBufferAndOptions(
      ptr, bytes.length, {numThreads: 1, enableProfiling: false, maxProfilingBufferEntries: 1024});
  if (!status.ok()) {
    const errors = log.filter((l) => /ERROR/.test(l));
    const uniq = [...new Set(errors)];
    process.stderr.write(`tflite-reference: TFLite rejected ${opts.model}: ` +
                         `${status.errorMessage()}\n` + uniq.map((l) => `  ${l}\n`).join(''));
    process.exit(2);
  }
  const runner = status.value();
  const inputs = vecToArray(runner.GetInputs());
  const outputs = vecToArray(runner.GetOutputs());
  const describe = (t) => ({name: t.name, dtype: t.dataType, shape: shapeOf(t)});
  const delegated = log.some((l) => /XNNPACK delegate/.test(l));

  const meta = {
    runtime: `TensorFlow Lite (WebAssembly, npm ${PACKAGE}@${VERSION})`,
    xnnpack: delegated,
    repaired_quantized_dimension: repaired,
    inputs: inputs.map(describe),
    outputs: outputs.slice(0, numOutputs).map(describe),
  };
  if (opts.info) {
    process.stdout.write(JSON.stringify(meta, null, 2) + '\n');
    return;
  }

  if (opts.inputs.length !== inputs.length)
    usage(`the model has ${inputs.length} input(s), ${opts.inputs.length} --input given`);
  let samples = null;
  const data = opts.inputs.map((file, i) => {
    const t = inputs[i], shape = shapeOf(t), count = shape.reduce((a, b) => a * b, 1);
    const npy = readNpy(file);
    if (npy.descr.slice(1) !== DESCR_OF_TFLITE[t.dataType].slice(1))
      usage(`${file}: dtype ${npy.descr} does not match input ${i} '${t.name}' (${t.dataType})`);
    const stacked = npy.shape.length === shape.length + 1 &&
                    npy.shape.slice(1).every((d, k) => d === shape[k]);
    const single = npy.shape.length === shape.length && npy.shape.every((d, k) => d === shape[k]);
    if (!stacked && !single)
      usage(`${file}: shape [${npy.shape}] is neither [${shape}] nor [N,${shape}]`);
    const n = stacked ? npy.shape[0] : 1;
    if (samples !== null && samples.n !== n) usage('input files hold different sample counts');
    samples = {n, stacked: stacked || (samples && samples.stacked)};
    return {npy, count};
  });

  const start = process.hrtime.bigint();
  const results = outputs.map((t) => {
    const n = shapeOf(t).reduce((a, b) => a * b, 1);
    return new (t.data().constructor)(n * samples.n);
  });
  for (let s = 0; s < samples.n; ++s) {
    data.forEach(({npy, count}, i) => inputs[i].data().set(npy.data.subarray(s * count, (s + 1) * count)));
    if (!runner.Infer()) {
      process.stderr.write(`tflite-reference: Infer() failed on sample ${s}\n` +
                           log.map((l) => `  ${l}\n`).join(''));
      process.exit(1);
    }
    outputs.forEach((t, i) => {
      const out = t.data();
      results[i].set(out, s * out.length);
    });
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;

  const write = (dirName, file, t, values) => {
    const shape = samples.stacked ? [samples.n, ...shapeOf(t)] : shapeOf(t);
    writeNpy(path.join(dirName, file), DESCR_OF_TFLITE[t.dataType], shape, values);
  };
  fs.mkdirSync(opts.outDir, {recursive: true});
  meta.samples = samples.n;
  meta.infer_ms = ms;
  for (let i = 0; i < numOutputs; ++i) write(opts.outDir, `output_${i}.npy`, outputs[i], results[i]);
  if (exposed) {
    fs.mkdirSync(opts.dumpDir, {recursive: true});
    meta.activations = [];
    exposed.forEach((tensor, i) => {
      const file = `tensor_${tensor}.npy`;
      write(opts.dumpDir, file, outputs[i], results[i]);
      meta.activations.push({tensor, name: outputs[i].name, file, dtype: outputs[i].dataType,
                             shape: shapeOf(outputs[i])});
    });
  }
  fs.writeFileSync(path.join(opts.outDir, 'reference.json'), JSON.stringify(meta, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`tflite-reference: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
