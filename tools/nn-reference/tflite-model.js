// Just enough of a FlatBuffers reader to adjust a .tflite file before the
// reference interpreter loads it: repair per-axis quantization metadata of
// 1-D tensors, and expose intermediate tensors as extra subgraph outputs.
// Field numbers follow tensorflow/lite/schema/schema.fbs.
'use strict';

const MODEL_SUBGRAPHS = 2;
const SUBGRAPH_TENSORS = 0, SUBGRAPH_INPUTS = 1, SUBGRAPH_OUTPUTS = 2,
      SUBGRAPH_OPERATORS = 3;
const TENSOR_SHAPE = 0, TENSOR_NAME = 3, TENSOR_QUANTIZATION = 4;
const QUANT_SCALE = 2, QUANT_QUANTIZED_DIMENSION = 6;
const OPERATOR_OUTPUTS = 2;

class FlatModel {
  constructor(bytes) {
    this.buf = Buffer.from(bytes);
    if (this.buf.length < 8 || this.buf.toString('latin1', 4, 8) !== 'TFL3')
      throw new Error('not a TFLite flatbuffer (missing TFL3 identifier)');
  }
  u32(pos) { return this.buf.readUInt32LE(pos); }
  // Position of field `id` of the table at `table`, or 0 when absent.
  field(table, id) {
    const vt = table - this.buf.readInt32LE(table);
    const vtSize = this.buf.readUInt16LE(vt);
    if (4 + 2 * id >= vtSize) return 0;
    const off = this.buf.readUInt16LE(vt + 4 + 2 * id);
    return off ? table + off : 0;
  }
  deref(pos) { return pos + this.u32(pos); }
  // Element positions of the vector in field `id` (tables are dereferenced).
  vector(table, id, isTable) {
    const f = this.field(table, id);
    if (!f) return [];
    const v = this.deref(f), n = this.u32(v), out = [];
    for (let i = 0; i < n; ++i) {
      const p = v + 4 + 4 * i;
      out.push(isTable ? this.deref(p) : p);
    }
    return out;
  }
  ints(table, id) { return this.vector(table, id, false).map((p) => this.buf.readInt32LE(p)); }
  string(table, id) {
    const f = this.field(table, id);
    if (!f) return '';
    const s = this.deref(f);
    return this.buf.toString('utf8', s + 4, s + 4 + this.u32(s));
  }
  subgraph(i) { return this.vector(this.deref(0), MODEL_SUBGRAPHS, true)[i]; }
  tensors(sg) { return this.vector(sg, SUBGRAPH_TENSORS, true); }

  // A 1-D tensor can only be quantized along axis 0; some converters write
  // the axis of the layer's weights instead, which TFLite and Arm NN reject.
  // Returns the indices of the tensors repaired (in place).
  repairQuantizedDimension() {
    const repaired = [];
    const sg = this.subgraph(0);
    this.tensors(sg).forEach((t, index) => {
      const q = this.field(t, TENSOR_QUANTIZATION);
      if (!q) return;
      const quant = this.deref(q);
      const dim = this.field(quant, QUANT_QUANTIZED_DIMENSION);
      if (!dim || this.ints(t, TENSOR_SHAPE).length !== 1) return;
      if (this.buf.readInt32LE(dim) === 0) return;
      if (this.vector(quant, QUANT_SCALE, false).length < 2) return;
      this.buf.writeInt32LE(0, dim);
      repaired.push(index);
    });
    return repaired;
  }

  // Makes every tensor that an operator of subgraph 0 produces a subgraph
  // output too (after the original outputs), so the interpreter keeps it and
  // hands it back. Flatbuffer offsets point forward, so the new vector goes at
  // the end of the file and the outputs field is pointed at it.
  // Returns the tensor indices of the outputs, in order.
  exposeIntermediates() {
    const sg = this.subgraph(0);
    const outputs = this.ints(sg, SUBGRAPH_OUTPUTS);
    const all = outputs.slice();
    for (const op of this.vector(sg, SUBGRAPH_OPERATORS, true))
      for (const t of this.ints(op, OPERATOR_OUTPUTS))
        if (t >= 0 && !all.includes(t)) all.push(t);
    const field = this.field(sg, SUBGRAPH_OUTPUTS);
    const pad = (4 - (this.buf.length % 4)) % 4;
    const vec = Buffer.alloc(pad + 4 + 4 * all.length);
    vec.writeUInt32LE(all.length, pad);
    all.forEach((t, i) => vec.writeInt32LE(t, pad + 4 + 4 * i));
    const vecPos = this.buf.length + pad;
    this.buf = Buffer.concat([this.buf, vec]);
    this.buf.writeUInt32LE(vecPos - field, field);
    return all;
  }

  tensorName(index) { return this.string(this.tensors(this.subgraph(0))[index], TENSOR_NAME); }
}

module.exports = {FlatModel, SUBGRAPH_OUTPUTS};
