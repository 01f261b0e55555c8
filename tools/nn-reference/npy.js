// Minimal .npy (format 1.0/2.0/3.0) reader and writer for the reference runners:
// little-endian i1/u1/i2/u2/i4/u4/f4/f8, C order.
'use strict';
const fs = require('fs');

const DTYPES = {
  '|i1': Int8Array, '<i1': Int8Array, '|u1': Uint8Array, '<u1': Uint8Array,
  '|b1': Uint8Array, '<i2': Int16Array, '<u2': Uint16Array, '<i4': Int32Array,
  '<u4': Uint32Array, '<f4': Float32Array, '<f8': Float64Array,
};
// TFLite runner data types to .npy descriptors.
const DESCR_OF_TFLITE = {
  int8: '|i1', uint8: '|u1', bool: '|b1', int16: '<i2', int32: '<i4',
  uint32: '<u4', float32: '<f4', float64: '<f8',
};

function readNpy(path) {
  const buf = fs.readFileSync(path);
  if (buf.length < 10 || buf.readUInt8(0) !== 0x93 ||
      buf.toString('latin1', 1, 6) !== 'NUMPY')
    throw new Error(`${path}: not a .npy file`);
  const major = buf.readUInt8(6);
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header);
  const fortran = /'fortran_order':\s*(True|False)/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw new Error(`${path}: malformed .npy header`);
  if (fortran[1] === 'True') throw new Error(`${path}: Fortran order is not supported`);
  const Ctor = DTYPES[descr[1]];
  if (!Ctor) throw new Error(`${path}: unsupported dtype '${descr[1]}'`);
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s.length)
                   .map((s) => parseInt(s, 10));
  const count = dims.reduce((a, b) => a * b, 1);
  const offset = start + headerLen;
  if (buf.length - offset < count * Ctor.BYTES_PER_ELEMENT)
    throw new Error(`${path}: truncated data`);
  const bytes = buf.slice(offset, offset + count * Ctor.BYTES_PER_ELEMENT);
  // Copy into an aligned buffer for the typed array.
  const data = new Ctor(new Uint8Array(bytes).buffer);
  return {descr: descr[1], shape: dims, data};
}

function writeNpy(path, descr, shape, data) {
  const shapeStr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeStr}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const pre = Buffer.alloc(10);
  pre.writeUInt8(0x93, 0);
  pre.write('NUMPY', 1, 'latin1');
  pre.writeUInt8(1, 6);
  pre.writeUInt8(0, 7);
  pre.writeUInt16LE(header.length, 8);
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  fs.writeFileSync(path, Buffer.concat([pre, Buffer.from(header, 'latin1'), body]));
}

module.exports = {readNpy, writeNpy, DTYPES, DESCR_OF_TFLITE};
