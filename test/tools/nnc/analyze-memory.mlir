// nnc analyze plans the activation arena (as --nn-plan-memory does) and
// reports it as activations_bytes with its lower bound; --alignment sets
// AI_ALIGNED(N), and the plan can be written as JSON and SVG.
// RUN: nnc analyze %s --json | FileCheck %s --check-prefix=A4
// RUN: nnc analyze %s --json --alignment 16 | FileCheck %s --check-prefix=A16
// RUN: nnc analyze %s --plan-json %t.json --plan-svg %t.svg | FileCheck %s --check-prefix=TEXT
// RUN: FileCheck %s --check-prefix=PLAN < %t.json
// RUN: FileCheck %s --check-prefix=SVG < %t.svg
// RUN: not nnc analyze %s --alignment 3 2>&1 | FileCheck %s --check-prefix=BAD

// The 100-byte input and the conv output are alive together: 200 B at 4.
// At 16 each 100-byte tensor reserves 112: 224 B.
// A4: "activations_bytes": 200,
// A4: "arena_bytes": 200,
// A4: "lower_bound_bytes": 200,
// A16: "activations_bytes": 224,
// A16: "lower_bound_bytes": 224,

// TEXT: arena (planned) 200 B
// TEXT: arena lower bound 200 B

// PLAN: "arena_size": 200,
// PLAN: "name": "conv",
// PLAN: "live_bytes": [
// SVG: <svg
// SVG: peak 200 B at step 0

// BAD: error: alignment must be a power of two, got 3

!q = !quant.uniform<i8:f32, 0.5:-3>
!w = !quant.uniform<i8<-127:127>:f32, 0.01>
!b = !quant.uniform<i32:f32, 0.005>
!a = !quant.uniform<i8:f32, 0.1:-128>
!p = !quant.uniform<i8:f32, 0.00390625:-128>
func.func @tiny(%x: tensor<1x10x10x1x!q>) -> tensor<1x3x!p> {
  %w = nn.constant dense<1> : tensor<1x3x3x1xi8> -> tensor<1x3x3x1x!w>
  %bias = nn.constant dense<0> : tensor<1xi32> -> tensor<1x!b>
  %c = nn.conv2d %x, %w, %bias {padding = #nn.padding<same>}
      : (tensor<1x10x10x1x!q>, tensor<1x3x3x1x!w>, tensor<1x!b>) -> tensor<1x10x10x1x!a> loc("conv")
  %pool = nn.avg_pool2d %c {kernel = array<i64: 10, 10>, padding = #nn.padding<valid>}
      : (tensor<1x10x10x1x!a>) -> tensor<1x1x1x1x!a>
  %flat = nn.reshape %pool : (tensor<1x1x1x1x!a>) -> tensor<1x1x!a>
  %fw = nn.constant dense<1> : tensor<3x1xi8> -> tensor<3x1x!w>
  %fc = nn.fully_connected %flat, %fw : (tensor<1x1x!a>, tensor<3x1x!w>) -> tensor<1x3x!a>
  %s = nn.softmax %fc : (tensor<1x3x!a>) -> tensor<1x3x!p>
  return %s : tensor<1x3x!p>
}
