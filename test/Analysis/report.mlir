// --nn-report: one row per layer named after its location (the importer's
// tensor names), numbers with thousands separators, a bar per layer, the
// totals; the planner's arena when present. The JSON form has the same
// data with stable keys.
// RUN: nn-opt --nn-report %s -o /dev/null | FileCheck %s
// RUN: nn-opt --nn-report=format=json %s -o /dev/null | FileCheck %s --check-prefix=JSON
// The IR is unchanged.
// RUN: nn-opt --nn-report %s | FileCheck %s --check-prefix=IR

// conv: 16*16*16 * 3*3*8 = 294,912 pure MACs + 16 (bias) = 294,928 MACC;
//       params 1,152 + 16 = 1,168; ROM 4,672 B; output 4,096 * 4 = 16,384 B.
// pool: 8*8*16 outputs * 2*2 = 4,096. relu (unnamed): 1,024.
// fc:   1,024 * 10 = 10,240 pure + 10 (bias) = 10,250; params 10,250,
//       ROM 41,000 B. Total MACC 294,928 + 4,096 + 1,024 + 0 + 10,250 = 310,298.
// Live bytes per the plan the attributes describe: the input and the output
// have no nn.offset, so they are not in the arena. conv: its output 16,384;
// pool: 16,384 + 4,096 = 20,480 (the peak, = nn.lower_bound); relu writes
// in place, flatten aliases it: 4,096; logits reads 4,096 (its output is not
// in the arena).
// CHECK-LABEL: @net: 5 layers
// CHECK: #  name       type             output         params     MACC  MACC %  c_macc %     ROM  c_rom %  act. bytes  live bytes  MACC share
// CHECK-NEXT: 0  conv1      conv2d           1x16x16x16 f32   1,168  294,928    95.0      95.0   4,672     10.2      16,384      16,384    |###################{{ *}}|
// CHECK-NEXT: 1  pool1      max_pool2d       1x8x8x16 f32         0    4,096     1.3      96.4       0     10.2       4,096      20,480 *  |{{ *}}|
// CHECK-NEXT: 2  relu_0     relu             1x8x8x16 f32         0    1,024     0.3      96.7       0     10.2       4,096       4,096    |{{ *}}|
// CHECK-NEXT: 3  flatten    reshape          1x1024 f32           0        0     0.0      96.7       0     10.2       4,096       4,096    |{{ *}}|
// CHECK-NEXT: 4  logits     fully_connected  1x10 f32        10,250   10,250     3.3     100.0  41,000    100.0          40       4,096    |#{{ *}}|
// CHECK: totals of @net
// CHECK-NEXT: MACC                       310,298
// CHECK-NEXT: pure MACs                  305,152
// CHECK-NEXT: params                      11,418
// CHECK-NEXT: weights ROM                 45,672 B
// CHECK-NEXT: largest activation          16,384 B
// CHECK-NEXT: arena (planned)             20,480 B
// CHECK-NEXT: arena lower bound           20,480 B
// CHECK-NEXT: peak live                   20,480 B at pool1
// CHECK-NEXT: inputs                       8,192 B
// CHECK-NEXT: outputs                         40 B

// JSON: "macc": 310298,
// JSON-NEXT: "pure_macs": 305152,
// JSON-NEXT: "params": 11418,
// JSON-NEXT: "weights_bytes": 45672,
// JSON-NEXT: "activations_bytes": 20480,
// JSON-NEXT: "largest_activation_bytes": 16384,
// JSON-NEXT: "arena_bytes": 20480,
// JSON-NEXT: "lower_bound_bytes": 20480,
// JSON-NEXT: "peak_live_bytes": 20480,
// JSON-NEXT: "peak_layer": "pool1",
// JSON-NEXT: "input_bytes": 8192,
// JSON-NEXT: "output_bytes": 40,
// JSON-NEXT: "layers": [
// JSON-NEXT: {
// JSON-NEXT: "index": 0,
// JSON-NEXT: "function": "net",
// JSON-NEXT: "name": "conv1",
// JSON-NEXT: "type": "conv2d",
// JSON-NEXT: "output": "1x16x16x16 f32",
// JSON-NEXT: "params": 1168,
// JSON-NEXT: "macc": 294928,
// JSON-NEXT: "pure_macs": 294912,
// JSON-NEXT: "macc_share": 95.05,
// JSON-NEXT: "c_macc": 95.05,
// JSON-NEXT: "rom": 4672,
// JSON-NEXT: "rom_share": 10.23,
// JSON-NEXT: "c_rom": 10.23,
// JSON-NEXT: "activation_bytes": 16384,
// JSON-NEXT: "live_bytes": 16384
// JSON: "name": "logits",
// JSON: "c_macc": 100.00,
// JSON: "c_rom": 100.00,
// JSON: "functions": [

// IR: func.func @net
// IR-NOT: nn.macc

func.func @net(%x: tensor<1x16x16x8xf32>) -> tensor<1x10xf32>
    attributes {nn.arena_size = 20480 : i64, nn.lower_bound = 20480 : i64} {
  %w1 = nn.constant dense<0.1> : tensor<16x3x3x8xf32>
  %b1 = nn.constant dense<0.0> : tensor<16xf32>
  %c = nn.conv2d %x, %w1, %b1 {padding = #nn.padding<same>}
      : (tensor<1x16x16x8xf32>, tensor<16x3x3x8xf32>, tensor<16xf32>) -> tensor<1x16x16x16xf32> loc("conv1")
  %p = nn.max_pool2d %c {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                         padding = #nn.padding<valid>}
      : (tensor<1x16x16x16xf32>) -> tensor<1x8x8x16xf32> loc("pool1")
  %r = nn.relu %p : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %f = nn.reshape %r : (tensor<1x8x8x16xf32>) -> tensor<1x1024xf32> loc(fused["flatten", "model.py":3:1])
  %w2 = nn.constant dense<0.1> : tensor<10x1024xf32>
  %b2 = nn.constant dense<0.0> : tensor<10xf32>
  %y = nn.fully_connected %f, %w2, %b2
      : (tensor<1x1024xf32>, tensor<10x1024xf32>, tensor<10xf32>) -> tensor<1x10xf32> loc("logits")
  return %y : tensor<1x10xf32>
}
