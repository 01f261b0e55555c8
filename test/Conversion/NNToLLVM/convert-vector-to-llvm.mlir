// RUN: nn-opt %s --nn-convert-vector-to-llvm=index-bitwidth=32 | FileCheck %s --check-prefix=I32
// RUN: nn-opt %s --nn-convert-vector-to-llvm | FileCheck %s --check-prefix=I64

// A four-byte read of the arm-dsp kernels: the transfer read becomes one
// unaligned <4 x i8> load, indexed with the pipeline's index width (i32 on
// the Cortex-M presets), then bitcast to i32.
// I32-LABEL: func.func @word
// I32: builtin.unrealized_conversion_cast %{{.*}} : index to i32
// I32: llvm.mul %{{.*}} : i32
// I32: %[[V:.*]] = llvm.load %{{.*}} {alignment = 1 : i64} : !llvm.ptr -> vector<4xi8>
// I32: %[[B:.*]] = llvm.bitcast %[[V]] : vector<4xi8> to vector<1xi32>
// I32: llvm.extractelement %[[B]]
// I32-NOT: vector.
// I32: return
// I64-LABEL: func.func @word
// I64: builtin.unrealized_conversion_cast %{{.*}} : index to i64
// I64: llvm.load %{{.*}} -> vector<4xi8>
func.func @word(%m: memref<2x8xi8, strided<[8, 1], offset: ?>>, %i: index, %j: index) -> i32 {
  %pad = arith.constant 0 : i8
  %v = vector.transfer_read %m[%i, %j], %pad {in_bounds = [true]} : memref<2x8xi8, strided<[8, 1], offset: ?>>, vector<4xi8>
  %b = vector.bitcast %v : vector<4xi8> to vector<1xi32>
  %s = vector.extract %b[0] : i32 from vector<1xi32>
  return %s : i32
}
