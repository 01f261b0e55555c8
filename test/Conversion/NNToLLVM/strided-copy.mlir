// RUN: nn-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nn-strided-copy-to-linalg))' | FileCheck %s

// The copy of a padded tensor.pad: rows of 4x8 i8 (32 bytes) contiguous in
// both buffers: one loop over the rows, each a 1-D view moved by memref.copy
// (an llvm.memcpy), not byte loops.
// CHECK-LABEL: func.func @pad_rows
// CHECK: scf.for %[[I:.*]] = %c0 to %c6 step %c1
// CHECK: %[[S:.*]] = memref.subview %arg0[%[[I]], 0, 0] [1, 4, 8] [1, 1, 1] : memref<6x4x8xi8> to memref<4x8xi8, strided<[8, 1], offset: ?>>
// CHECK: %[[SF:.*]] = memref.collapse_shape %[[S]] {{\[\[}}0, 1]] : memref<4x8xi8, strided<[8, 1], offset: ?>> into memref<32xi8, strided<[1], offset: ?>>
// CHECK: %[[T:.*]] = memref.subview %arg1[%[[I]], 0, 0] [1, 4, 8] [1, 1, 1] : memref<6x4x8xi8, strided<[48, 8, 1], offset: 56>> to memref<4x8xi8, strided<[8, 1], offset: ?>>
// CHECK: %[[TF:.*]] = memref.collapse_shape %[[T]]
// CHECK: memref.copy %[[SF]], %[[TF]] : memref<32xi8, strided<[1], offset: ?>> to memref<32xi8, strided<[1], offset: ?>>
// CHECK-NOT: linalg.copy
func.func @pad_rows(%src: memref<6x4x8xi8>, %dst: memref<6x4x8xi8, strided<[48, 8, 1], offset: 56>>) {
  memref.copy %src, %dst : memref<6x4x8xi8> to memref<6x4x8xi8, strided<[48, 8, 1], offset: 56>>
  return
}

// -----

// Only the channel dimension is contiguous in both: rows of 16 f32
// (64 bytes), two loops.
// CHECK-LABEL: func.func @channel_rows
// CHECK: scf.for
// CHECK: scf.for
// CHECK: memref.subview {{.*}} to memref<16xf32, strided<[1], offset: ?>>
// CHECK-NOT: collapse_shape
// CHECK: memref.copy {{.*}} : memref<16xf32, strided<[1], offset: ?>> to memref<16xf32, strided<[1], offset: ?>>
func.func @channel_rows(%src: memref<3x5x16xf32, strided<[96, 16, 1]>>, %dst: memref<3x5x16xf32, strided<[112, 20, 1], offset: 4>>) {
  memref.copy %src, %dst : memref<3x5x16xf32, strided<[96, 16, 1]>> to memref<3x5x16xf32, strided<[112, 20, 1], offset: 4>>
  return
}

// -----

// Rows of 3 bytes: a memcpy call would cost more than the bytes; element
// loops through linalg.copy.
// CHECK-LABEL: func.func @short_rows
// CHECK-NOT: scf.for
// CHECK: linalg.copy
func.func @short_rows(%src: memref<4x3xi8>, %dst: memref<4x3xi8, strided<[5, 1], offset: 6>>) {
  memref.copy %src, %dst : memref<4x3xi8> to memref<4x3xi8, strided<[5, 1], offset: 6>>
  return
}

// -----

// Contiguous on both sides: left to memref.copy's own memcpy.
// CHECK-LABEL: func.func @contiguous
// CHECK-NEXT: memref.copy
// CHECK-NEXT: return
func.func @contiguous(%src: memref<4x3xi8>, %dst: memref<4x3xi8>) {
  memref.copy %src, %dst : memref<4x3xi8> to memref<4x3xi8>
  return
}
