// --nn-annotate-cost: each layer's share and the cumulative percentages in
// execution order, the function and module totals, shared weights.
// RUN: nn-opt --nn-annotate-cost %s | FileCheck %s

// MACC: fc1 = 5*10 = 50, relu = 10, fc2 = 10*4 = 40; total 100.
//   shares 50 %, 10 %, 40 %; c_macc 50 %, 60 %, 100 %.
// ROM: fc1 50 * 4 B = 200 B, fc2 40 * 4 B = 160 B; total 360 B.
//   c_rom 200/360 = 55.6 %, 55.6 %, 100 %.
// CHECK-LABEL: module attributes
// CHECK-SAME: nn.input_bytes = 40 : i64, nn.largest_activation_bytes = 40 : i64, nn.macc = 200 : i64, nn.output_bytes = 36 : i64, nn.params = 115 : i64, nn.pure_macs = 140 : i64, nn.weights_bytes = 460 : i64
// CHECK-LABEL: func.func @mlp
// CHECK-SAME: nn.input_bytes = 20 : i64, nn.largest_activation_bytes = 40 : i64, nn.macc = 100 : i64, nn.output_bytes = 16 : i64, nn.params = 90 : i64, nn.pure_macs = 90 : i64, nn.weights_bytes = 360 : i64
// CHECK: nn.fully_connected
// CHECK-SAME: nn.c_macc = 5.000000e+01 : f64, nn.c_rom = 55.555555555555557 : f64, nn.macc = 50 : i64, nn.macc_share = 5.000000e+01 : f64
// CHECK-SAME: nn.rom = 200 : i64, nn.rom_share = 55.555555555555557 : f64
// CHECK: nn.relu
// CHECK-SAME: nn.c_macc = 6.000000e+01 : f64, nn.c_rom = 55.555555555555557 : f64, nn.macc = 10 : i64, nn.macc_share = 1.000000e+01 : f64
// CHECK: nn.fully_connected
// CHECK-SAME: nn.c_macc = 1.000000e+02 : f64, nn.c_rom = 1.000000e+02 : f64, nn.macc = 40 : i64, nn.macc_share = 4.000000e+01 : f64
// CHECK-SAME: nn.rom = 160 : i64, nn.rom_share = 44.444444444444443 : f64
func.func @mlp(%x: tensor<1x5xf32>) -> tensor<1x4xf32> {
  %w1 = nn.constant dense<0.1> : tensor<10x5xf32>
  %h = nn.fully_connected %x, %w1 : (tensor<1x5xf32>, tensor<10x5xf32>) -> tensor<1x10xf32>
  %r = nn.relu %h : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %w2 = nn.constant dense<0.1> : tensor<4x10xf32>
  %y = nn.fully_connected %r, %w2 : (tensor<1x10xf32>, tensor<4x10xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// A weight read by two layers counts once, at its first reader: 5 * 5 = 25
// params and 100 B on the first fc, 0 on the second.
// MACC: 25 (fc) + 5 * 10 (tanh) + 25 (fc) = 100; pure MACs 50.
// Module totals add up the two functions: MACC 100 + 100 = 200,
// params 90 + 25 = 115, weights 360 + 100 = 460 B.
// CHECK-LABEL: func.func @shared
// CHECK-SAME: nn.macc = 100 : i64, nn.output_bytes = 20 : i64, nn.params = 25 : i64, nn.pure_macs = 50 : i64, nn.weights_bytes = 100 : i64
// CHECK: nn.fully_connected
// CHECK-SAME: nn.params = 25 : i64
// CHECK-SAME: nn.rom = 100 : i64
// CHECK: nn.tanh
// CHECK: nn.fully_connected
// CHECK-SAME: nn.params = 0 : i64
// CHECK-SAME: nn.rom = 0 : i64
func.func @shared(%x: tensor<1x5xf32>) -> tensor<1x5xf32> {
  %w = nn.constant dense<0.1> : tensor<5x5xf32>
  %a = nn.fully_connected %x, %w : (tensor<1x5xf32>, tensor<5x5xf32>) -> tensor<1x5xf32>
  %t = nn.tanh %a : (tensor<1x5xf32>) -> tensor<1x5xf32>
  %c = nn.fully_connected %t, %w : (tensor<1x5xf32>, tensor<5x5xf32>) -> tensor<1x5xf32>
  return %c : tensor<1x5xf32>
}
