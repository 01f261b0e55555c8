// nnc generate: the whole pipeline in-process, from a model to <name>.o,
// <name>.h, <name>.ll and the report, for a target preset; then the object
// runs (host natively, Cortex-M4 in QEMU) and must give
// relu(W x + b) = [11, 3.125, 11.5] for x = [1, -2, 0.5, 3].
// RUN: rm -rf %t && mkdir -p %t
// RUN: nnc generate %s --target host --name fc -o %t/host | FileCheck %s --check-prefix=SUMMARY
// RUN: FileCheck %s --check-prefix=HEADER < %t/host/fc.h
// RUN: FileCheck %s --check-prefix=HOST-LL < %t/host/fc.ll
// RUN: FileCheck %s --check-prefix=REPORT < %t/host/fc_report.txt
// RUN: FileCheck %s --check-prefix=JSON < %t/host/fc_report.json
// RUN: printf '\x00\x00\x80\x3f\x00\x00\x00\xc0\x00\x00\x00\x3f\x00\x00\x40\x40' > %t/in.bin
// RUN: %run_network --target host --object %t/host/fc.o --header %t/host/fc.h --input %t/in.bin --output %t/host.bin
// RUN: od -An -tf4 %t/host.bin | FileCheck %s --check-prefix=OUT

// Without --name the network is named after the file; cortex-m4 is 32-bit
// Thumb with the hard-float ABI.
// RUN: nnc generate %s --target cortex-m4 -o %t/m4 | FileCheck %s --check-prefix=M4-SUMMARY
// RUN: FileCheck %s --check-prefix=M4-LL < %t/m4/generate.ll
// RUN: %if qemu-arm %{ %run_network --target cortex-m4 --object %t/m4/generate.o --header %t/m4/generate.h --input %t/in.bin --output %t/m4.bin | FileCheck %s --check-prefix=M4-QEMU %}
// RUN: %if qemu-arm %{ od -An -tf4 %t/m4.bin | FileCheck %s --check-prefix=OUT %}

// --alignment reaches the arena and the header.
// RUN: nnc generate %s --target host --name fc --alignment 16 -o %t/a16 > /dev/null
// RUN: FileCheck %s --check-prefix=A16 < %t/a16/fc.h
// A16: #define FC_ACTIVATIONS_SIZE 16
// A16: #define FC_ACTIVATIONS_ALIGN 16

// SUMMARY: nnc generate: {{.*}}generate.mlir -> {{.*}}fc.o (host)
// fc: 3*4 = 12 MACs + 3 (bias) + 3 (relu) = 18; then the add: 3.
// SUMMARY: MACC: 21
// SUMMARY: weights ROM: 72 B
// The one intermediate buffer: the fc result (12 B; the add's result is the
// caller's output). The tensor-level plan of the same buffers agrees.
// SUMMARY: arena: 12 B
// SUMMARY: planned: 12 B (tensor-level plan of the same buffers)
// SUMMARY: tensor plan: {{[0-9]+}} B with inputs and outputs (lower bound {{[0-9]+}} B)

// HEADER: #define FC_ACTIVATIONS_SIZE 12
// HEADER: #define FC_ACTIVATIONS_ALIGN 4
// HEADER: #define FC_WEIGHTS_SIZE 72
// HEADER: #define FC_INPUT_SIZE 16
// HEADER: #define FC_OUTPUT_SIZE 12
// HEADER: int fc_run(const void *input, void *output, void *activations);

// HOST-LL: target triple = "x86_64-unknown-linux-gnu"
// HOST-LL-LABEL: define {{.*}}i32 @fc_run(ptr {{.*}}, ptr {{.*}}, ptr {{.*}})
// HOST-LL-NOT: call {{.*}}@malloc
// HOST-LL: ret i32 0

// REPORT-LABEL: @fc: 2 layers
// REPORT: MACC 21
// JSON: "macc": 21,

// M4-SUMMARY: -> {{.*}}generate.o (cortex-m4)
// M4-LL: target triple = "thumbv7em-none-eabihf"
// M4-LL-LABEL: define {{.*}}i32 @generate_run(ptr {{.*}}, ptr {{.*}}, ptr {{.*}})
// M4-LL-NOT: i64
// M4-LL: ret i32 0
// M4-QEMU: inference: {{[0-9]+}} instructions

// OUT: {{^ *}}11 {{ *}}3.125 {{ *}}11.5{{$}}

func.func @main(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<[[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.25, 2.0], [0.0, -3.0, 1.0, 1.0]]> : tensor<3x4xf32>
  %b = nn.constant dense<[0.5, -1.0, 2.0]> : tensor<3xf32>
  %y = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %zero = nn.constant dense<0.0> : tensor<1x3xf32>
  %z = nn.add %y, %zero : (tensor<1x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
  return %z : tensor<1x3xf32>
}
