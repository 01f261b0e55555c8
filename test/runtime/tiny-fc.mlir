// A hand-lowered fully connected layer taken through upstream's LLVM
// lowering (bare pointers, 32-bit index on the Cortex-M4), given the entry
// `int tiny_fc_run(const void *input, void *output, void *activations)` by
// --nn-create-entry-point, emitted by nn-translate, linked with the harness
// and run: on the host natively and on the Cortex-M4 in QEMU. Both must give
// relu(W x + b) = [11, 3.125, 11.5] for x = [1, -2, 0.5, 3].
// RUN: rm -rf %t && mkdir -p %t
// RUN: nn-translate --nn-to-c-header %S/Inputs/tiny_fc.mlir -o %t/tiny_fc.h
// RUN: printf '\x00\x00\x80\x3f\x00\x00\x00\xc0\x00\x00\x00\x3f\x00\x00\x40\x40' > %t/in.bin
// RUN: nn-opt %s --convert-scf-to-cf --convert-arith-to-llvm --finalize-memref-to-llvm \
// RUN:   --convert-func-to-llvm=use-bare-ptr-memref-call-conv=1 --convert-cf-to-llvm \
// RUN:   --reconcile-unrealized-casts --nn-create-entry-point \
// RUN: | nn-translate --nn-to-object --target=host -o %t/host.o
// RUN: %run_network --target host --object %t/host.o --header %t/tiny_fc.h --input %t/in.bin --output %t/host.bin | FileCheck %s --check-prefix=HOST
// RUN: od -An -tf4 %t/host.bin | FileCheck %s
// HOST: inference: {{[0-9]+}} ns

// RUN: %if qemu-arm %{ nn-opt %s --convert-scf-to-cf --convert-arith-to-llvm=index-bitwidth=32 \
// RUN:   --finalize-memref-to-llvm=index-bitwidth=32 \
// RUN:   --convert-func-to-llvm="use-bare-ptr-memref-call-conv=1 index-bitwidth=32" \
// RUN:   --convert-cf-to-llvm=index-bitwidth=32 --reconcile-unrealized-casts --nn-create-entry-point \
// RUN: | nn-translate --nn-to-object --target=cortex-m4 -o %t/m4.o %}
// RUN: %if qemu-arm %{ %run_network --target cortex-m4 --object %t/m4.o --header %t/tiny_fc.h --input %t/in.bin --output %t/m4.bin | FileCheck %s --check-prefix=M4 %}
// RUN: %if qemu-arm %{ od -An -tf4 %t/m4.bin | FileCheck %s %}
// M4: inference: {{[0-9]+}} instructions

// CHECK: {{^ *}}11 {{ *}}3.125 {{ *}}11.5{{$}}

module {
  memref.global "private" constant @weights : memref<3x4xf32> = dense<[[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.25, 2.0], [0.0, -3.0, 1.0, 1.0]]>
  memref.global "private" constant @bias : memref<3xf32> = dense<[0.5, -1.0, 2.0]>
  func.func @tiny_fc(%in: memref<1x4xf32>, %out: memref<1x3xf32>) {
    %w = memref.get_global @weights : memref<3x4xf32>
    %b = memref.get_global @bias : memref<3xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %zero = arith.constant 0.0 : f32
    scf.for %o = %c0 to %c3 step %c1 {
      %init = memref.load %b[%o] : memref<3xf32>
      %acc = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %init) -> f32 {
        %x = memref.load %in[%c0, %i] : memref<1x4xf32>
        %wv = memref.load %w[%o, %i] : memref<3x4xf32>
        %p = arith.mulf %x, %wv : f32
        %s = arith.addf %a, %p : f32
        scf.yield %s : f32
      }
      // relu as compare + select: llvm.maxnum would be a call to fmaxf on
      // FPUs without VMAXNM (Cortex-M4), and the network may not call libm.
      %positive = arith.cmpf ogt, %acc, %zero : f32
      %r = arith.select %positive, %acc, %zero : f32
      memref.store %r, %out[%c0, %o] : memref<1x3xf32>
    }
    return
  }
}
