// RUN: nn-opt %s -split-input-file --convert-nn-to-linalg=arm-dsp=1 | FileCheck %s --check-prefix=DSP
// RUN: nn-opt %s -split-input-file --convert-nn-to-linalg | FileCheck %s --check-prefix=PORTABLE
// RUN: nn-opt %s -split-input-file --nn-lower-to-llvm=target=cortex-m4 | FileCheck %s --check-prefix=M4
// RUN: nn-opt %s -split-input-file --nn-lower-to-llvm=target=cortex-m55 | FileCheck %s --check-prefix=M4
// RUN: nn-opt %s -split-input-file --nn-lower-to-llvm=target=host | FileCheck %s --check-prefix=HOST
// RUN: nn-opt %s -split-input-file --nn-lower-to-llvm=target=rv32imc | FileCheck %s --check-prefix=HOST

// A fully connected layer with several rows (a batch of 2, like the pixels
// of a 1x1 convolution) on a DSP target is a matrix product in 2 x 2
// register blocks (here one block: the loop over channel pairs runs once).
// Its reduction of 11 = 2 words of four int8 in a loop (each word loaded and
// split once, by SXTB16 of the word and of the word rotated by 8, then
// shared by the two rows' and the two channels' SMLAD pairs) + 3 scalar
// products; then each output's epilogue and insert.
// DSP-LABEL: func.func @fc_int8
// DSP: scf.for %[[C:.*]] = %{{.*}} to %c2 step %c2{{.*}} iter_args(%[[OUT:.*]] = %{{.*}}) -> (tensor<2x2xi8>)
// DSP: %[[R1:.*]] = arith.addi %{{.*}}, %c1
// DSP: %[[C1:.*]] = arith.addi %[[C]], %c1
// DSP: scf.for %{{.*}} = %{{.*}} to %c8 step %c4 iter_args(%[[A0:.*]] = %c0_i32, %[[A1:.*]] = %c0_i32, %[[A2:.*]] = %c0_i32, %[[A3:.*]] = %c0_i32) -> (i32, i32, i32, i32)
// DSP: %[[WV:.*]] = vector.transfer_read %{{.*}}[%[[C]], %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<2x11xi8>, vector<4xi8>
// DSP: %[[WB:.*]] = vector.bitcast %[[WV]] : vector<4xi8> to vector<1xi32>
// DSP: %[[W:.*]] = vector.extract %[[WB]][0] : i32 from vector<1xi32>
// DSP: %[[W02:.*]] = llvm.call_intrinsic "llvm.arm.sxtb16"(%[[W]]) : (i32) -> i32
// DSP: %[[WR1:.*]] = arith.shrui %[[W]], %c8_i32
// DSP: %[[WR2:.*]] = arith.shli %[[W]], %c24_i32
// DSP: %[[WR:.*]] = arith.ori %[[WR1]], %[[WR2]]
// DSP: %[[W13:.*]] = llvm.call_intrinsic "llvm.arm.sxtb16"(%[[WR]]) : (i32) -> i32
// DSP: vector.transfer_read %{{.*}}[%[[C1]], %{{.*}}]{{.*}} : tensor<2x11xi8>, vector<4xi8>
// DSP: %[[XV:.*]] = vector.transfer_read %arg0[%c0, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<2x11xi8>, vector<4xi8>
// DSP: %[[X02:.*]] = llvm.call_intrinsic "llvm.arm.sxtb16"
// DSP: %[[X13:.*]] = llvm.call_intrinsic "llvm.arm.sxtb16"
// DSP: %[[S0:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%[[X02]], %[[W02]], %[[A0]]) : (i32, i32, i32) -> i32
// DSP: %[[S1:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%[[X13]], %[[W13]], %[[S0]])
// DSP: %[[T0:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%[[X02]], %{{.*}}, %[[A1]])
// DSP: %[[T1:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%[[X13]], %{{.*}}, %[[T0]])
// DSP: vector.transfer_read %arg0[%[[R1]], %{{.*}}]{{.*}} : tensor<2x11xi8>, vector<4xi8>
// DSP: %[[U0:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %[[W02]], %[[A2]])
// DSP: %[[U1:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %[[W13]], %[[U0]])
// DSP: %[[V0:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[A3]])
// DSP: %[[V1:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[V0]])
// DSP: scf.yield %[[S1]], %[[T1]], %[[U1]], %[[V1]] : i32, i32, i32, i32
// DSP-COUNT-12: arith.muli %{{.*}}, %{{.*}} : i32
// DSP: %[[I0:.*]] = tensor.insert %{{.*}} into %[[OUT]][%c0, %[[C]]]
// DSP: %[[I1:.*]] = tensor.insert %{{.*}} into %[[I0]][%c0, %[[C1]]]
// DSP: %[[I2:.*]] = tensor.insert %{{.*}} into %[[I1]][%[[R1]], %[[C]]]
// DSP: %[[I3:.*]] = tensor.insert %{{.*}} into %[[I2]][%[[R1]], %[[C1]]]
// DSP: scf.yield %[[I3]]
// PORTABLE-LABEL: func.func @fc_int8
// PORTABLE-NOT: llvm.call_intrinsic
// PORTABLE-NOT: vector.
// PORTABLE: linalg.yield
// M4-LABEL: llvm.func internal @fc_int8
// M4: llvm.load %{{.*}} {alignment = 1 : i64} : !llvm.ptr -> vector<4xi8>
// M4: llvm.call_intrinsic "llvm.arm.smlad"
// HOST-LABEL: llvm.func internal @fc_int8
// HOST-NOT: llvm.call_intrinsic "llvm.arm
// HOST: llvm.return
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02}>
!qb = !quant.uniform<i32:f32:0, {0.005, 0.01}>
!qy = !quant.uniform<i8:f32, 0.1:5>
func.func @fc_int8(%x: tensor<2x11x!qx>) -> tensor<2x2x!qy> {
  %w = nn.constant dense<[[1, -2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [4, 5, -6, 1, 1, 1, 1, 1, 1, 1, 1]]> : tensor<2x11xi8> -> tensor<2x11x!qw>
  %b = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!qb>
  %y = nn.fully_connected %x, %w, %b : (tensor<2x11x!qx>, tensor<2x11x!qw>, tensor<2x!qb>) -> tensor<2x2x!qy>
  return %y : tensor<2x2x!qy>
}

// -----

// Batch 1 (a vector times a matrix, as in every fully connected layer of the
// autoencoder) has no second row to share the weight words with: from a
// reduction of 32, blocks of 4 channels share each input word instead, and the word loop takes 8 words
// (32 int8) per iteration: 72 = 2 iterations + 2 straight-line words. The
// 6 channels are one block of 4 in a loop, then a block of the last 2.
// DSP-LABEL: func.func @fc_int8_vector
// DSP: scf.for %[[C:.*]] = %{{.*}} to %c4 step %c4{{.*}} iter_args(%[[OUT:.*]] = %{{.*}}) -> (tensor<1x6xi8>)
// DSP: %[[C1:.*]] = arith.addi %[[C]], %c1
// DSP: %[[C2:.*]] = arith.addi %[[C]], %c2
// DSP: %[[C3:.*]] = arith.addi %[[C]], %c3
// DSP: scf.for %{{.*}} = %{{.*}} to %c64{{.*}} step %c32{{.*}} iter_args(%[[A0:.*]] = %{{.*}}, %[[A1:.*]] = %{{.*}}, %[[A2:.*]] = %{{.*}}, %[[A3:.*]] = %{{.*}}) -> (i32, i32, i32, i32)
// DSP: vector.transfer_read %{{.*}}[%[[C]], %{{.*}}]{{.*}} : tensor<6x72xi8>, vector<4xi8>
// DSP: vector.transfer_read %{{.*}}[%[[C1]], %{{.*}}]{{.*}} : tensor<6x72xi8>, vector<4xi8>
// DSP: vector.transfer_read %{{.*}}[%[[C2]], %{{.*}}]{{.*}} : tensor<6x72xi8>, vector<4xi8>
// DSP: vector.transfer_read %{{.*}}[%[[C3]], %{{.*}}]{{.*}} : tensor<6x72xi8>, vector<4xi8>
// DSP: vector.transfer_read %arg0[%c0, %{{.*}}]{{.*}} : tensor<1x72xi8>, vector<4xi8>
// DSP: llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[A0]])
// DSP: llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[A1]])
// DSP: llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[A2]])
// DSP: llvm.call_intrinsic "llvm.arm.smlad"(%{{.*}}, %{{.*}}, %[[A3]])
// DSP-COUNT-57: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-NOT: llvm.arm.smlad
// DSP: scf.yield %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i32, i32, i32, i32
// DSP-COUNT-16: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-NOT: llvm.arm.smlad
// DSP-NOT: arith.muli %{{.*}}, %{{.*}} : i32
// DSP: %[[I0:.*]] = tensor.insert %{{.*}} into %[[OUT]][%c0, %[[C]]]
// DSP: %[[I1:.*]] = tensor.insert %{{.*}} into %[[I0]][%c0, %[[C1]]]
// DSP: %[[I2:.*]] = tensor.insert %{{.*}} into %[[I1]][%c0, %[[C2]]]
// DSP: %[[I3:.*]] = tensor.insert %{{.*}} into %[[I2]][%c0, %[[C3]]]
// DSP: scf.yield %[[I3]]
// DSP: scf.for %{{.*}} = %{{.*}} to %c64{{.*}} step %c32{{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (i32, i32)
// DSP-COUNT-32: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-NOT: llvm.arm.smlad
// DSP: scf.yield %{{.*}}, %{{.*}} : i32, i32
// DSP-COUNT-8: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-NOT: llvm.arm.smlad
// DSP: %[[J0:.*]] = tensor.insert %{{.*}} into %{{.*}}[%c0, %c4{{.*}}]
// DSP: tensor.insert %{{.*}} into %[[J0]][%c0, %{{.*}}]
// DSP: return
// PORTABLE-LABEL: func.func @fc_int8_vector
// PORTABLE-NOT: llvm.call_intrinsic
// PORTABLE: linalg.yield
// M4-LABEL: llvm.func internal @fc_int8_vector
// M4: llvm.call_intrinsic "llvm.arm.smlad"
// HOST-LABEL: llvm.func internal @fc_int8_vector
// HOST-NOT: llvm.call_intrinsic "llvm.arm
// HOST: llvm.return
!vx = !quant.uniform<i8:f32, 0.5:-3>
!vw = !quant.uniform<i8<-127:127>:f32, 0.01>
!vb = !quant.uniform<i32:f32, 0.005>
!vy = !quant.uniform<i8:f32, 0.1:5>
func.func @fc_int8_vector(%x: tensor<1x72x!vx>) -> tensor<1x6x!vy> {
  %w = nn.constant dense<1> : tensor<6x72xi8> -> tensor<6x72x!vw>
  %b = nn.constant dense<[10, -20, 30, -40, 50, -60]> : tensor<6xi32> -> tensor<6x!vb>
  %y = nn.fully_connected %x, %w, %b : (tensor<1x72x!vx>, tensor<6x72x!vw>, tensor<6x!vb>) -> tensor<1x6x!vy>
  return %y : tensor<1x6x!vy>
}

// -----

// Batch 1 with a reduction shorter than 8 words keeps blocks of 2 channels
// (4 accumulators and epilogues would cost more than they share) and a
// word loop of one word per iteration.
// DSP-LABEL: func.func @fc_int8_short
// DSP: scf.for %{{.*}} = %{{.*}} to %c4 step %c2{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (tensor<1x4xi8>)
// DSP: scf.for %{{.*}} = %{{.*}} to %c16 step %c4{{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (i32, i32)
// DSP-COUNT-4: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-NOT: llvm.arm.smlad
// DSP: scf.yield %{{.*}}, %{{.*}} : i32, i32
!sx = !quant.uniform<i8:f32, 0.5:-3>
!sw = !quant.uniform<i8<-127:127>:f32, 0.01>
!sb = !quant.uniform<i32:f32, 0.005>
!sy = !quant.uniform<i8:f32, 0.1:5>
func.func @fc_int8_short(%x: tensor<1x16x!sx>) -> tensor<1x4x!sy> {
  %w = nn.constant dense<1> : tensor<4x16xi8> -> tensor<4x16x!sw>
  %b = nn.constant dense<[10, -20, 30, -40]> : tensor<4xi32> -> tensor<4x!sb>
  %y = nn.fully_connected %x, %w, %b : (tensor<1x16x!sx>, tensor<4x16x!sw>, tensor<4x!sb>) -> tensor<1x4x!sy>
  return %y : tensor<1x4x!sy>
}

// -----

// conv2d 3x3 over 2 channels, valid padding: each kernel row (kx, c) is 6
// contiguous int8 in the input row and the filter, one word + 2 scalar
// products, in a loop over the 3 rows; the input and filter are viewed as
// [N, H, W * C] and [O, KH, KW * I] so one read crosses pixels.
// DSP-LABEL: func.func @conv_int8
// DSP-DAG: tensor.expand_shape {{.*}} into tensor<1x5x10xi8>
// DSP-DAG: tensor.expand_shape {{.*}} into tensor<3x3x6xi8>
// DSP: linalg.generic
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} step %c1{{.*}} iter_args
// DSP: vector.transfer_read %{{.*}} : tensor<3x3x6xi8>, vector<4xi8>
// DSP: vector.transfer_read %{{.*}} : tensor<1x5x10xi8>, vector<4xi8>
// DSP-COUNT-2: llvm.call_intrinsic "llvm.arm.smlad"
// DSP-COUNT-2: arith.muli %{{.*}}, %{{.*}} : i32
// DSP: scf.yield
// DSP: linalg.yield
// PORTABLE-LABEL: func.func @conv_int8
// PORTABLE-NOT: llvm.call_intrinsic
// PORTABLE: linalg.yield
// M4-LABEL: llvm.func internal @conv_int8
// M4: llvm.call_intrinsic "llvm.arm.smlad"
// HOST-LABEL: llvm.func internal @conv_int8
// HOST-NOT: llvm.call_intrinsic "llvm.arm
// HOST: llvm.return
!cx = !quant.uniform<i8:f32, 0.5:-3>
!cw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02, 0.03}>
!cb = !quant.uniform<i32:f32:0, {0.005, 0.01, 0.015}>
!cy = !quant.uniform<i8:f32, 0.1:5>
func.func @conv_int8(%x: tensor<1x5x5x2x!cx>) -> tensor<1x3x3x3x!cy> {
  %w = nn.constant dense<1> : tensor<3x3x3x2xi8> -> tensor<3x3x3x2x!cw>
  %b = nn.constant dense<[10, -20, 30]> : tensor<3xi32> -> tensor<3x!cb>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<valid>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, fused_activation = #nn.fused_activation<none>} : (tensor<1x5x5x2x!cx>, tensor<3x3x3x2x!cw>, tensor<3x!cb>) -> tensor<1x3x3x3x!cy>
  return %y : tensor<1x3x3x3x!cy>
}

// -----

// A depthwise conv of fewer than four channels (and one input channel, so
// not a conv either) stays scalar.
// DSP-LABEL: func.func @depthwise_int8
// DSP-NOT: llvm.call_intrinsic
// DSP: linalg.yield
!dw = !quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02}>
!db = !quant.uniform<i32:f32:0, {0.005, 0.01}>
!cx = !quant.uniform<i8:f32, 0.5:-3>
!cy = !quant.uniform<i8:f32, 0.1:5>
func.func @depthwise_int8(%x: tensor<1x5x5x2x!cx>) -> tensor<1x3x3x2x!cy> {
  %w = nn.constant dense<1> : tensor<1x3x3x2xi8> -> tensor<1x3x3x2x!dw>
  %b = nn.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!db>
  %y = nn.depthwise_conv2d %x, %w, %b {depth_multiplier = 1 : i64, padding = #nn.padding<valid>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, fused_activation = #nn.fused_activation<none>} : (tensor<1x5x5x2x!cx>, tensor<1x3x3x2x!dw>, tensor<2x!db>) -> tensor<1x3x3x2x!cy>
  return %y : tensor<1x3x3x2x!cy>
}

// -----

// Depthwise, depth multiplier 1: per pixel, whether its window stays inside
// the input along y, then along x; the taps of a dimension it stays inside
// have constant bounds, the others run-time ones (here the interior, then
// the x border). Per tap and block of four channels: one input word split
// by SXTAB16, which adds -zp = 3 to both halfwords (0x00030003), and the
// weights widened at compile time to the halfword pairs (w0, w2), (w1, w3)
// (tap 0: 1 | 3 << 16, 2 | 4 << 16; the last tap 127 | 5 << 16 and
// -127 | -5 << 16), then SMLABB/SMLATT per channel. The fifth channel is
// scalar.
// DSP-LABEL: func.func @depthwise_dsp
// DSP: %[[WIDE:.*]] = arith.constant dense<{{\[\[\[}}196609, 262146], [-131073, -196610], [524294, 589831]], {{.*}}, [327807, -262271]]]> : tensor<3x3x2xi32>
// DSP: scf.if
// DSP: scf.if
// DSP: scf.for %[[C:.*]] = %{{.*}} to %c4{{.*}} step %c4{{.*}} iter_args
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} step
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} step {{.*}} -> (i32, i32, i32, i32)
// DSP: %[[W02:.*]] = tensor.extract %[[WIDE]]
// DSP: %[[W13:.*]] = tensor.extract %[[WIDE]]
// DSP: vector.transfer_read %arg0[{{.*}}, %[[C]]], {{.*}} : tensor<1x4x3x5xi8>, vector<4xi8>
// DSP: %[[X02:.*]] = llvm.call_intrinsic "llvm.arm.sxtab16"(%c196611_i32, %{{.*}})
// DSP: %[[X13:.*]] = llvm.call_intrinsic "llvm.arm.sxtab16"(%c196611_i32, %{{.*}})
// DSP: llvm.call_intrinsic "llvm.arm.smlabb"(%[[X02]], %[[W02]], %{{.*}})
// DSP: llvm.call_intrinsic "llvm.arm.smlabb"(%[[X13]], %[[W13]], %{{.*}})
// DSP: llvm.call_intrinsic "llvm.arm.smlatt"(%[[X02]], %[[W02]], %{{.*}})
// DSP: llvm.call_intrinsic "llvm.arm.smlatt"(%[[X13]], %[[W13]], %{{.*}})
// DSP-COUNT-4: tensor.insert
// DSP: } else {
// DSP: arith.minsi
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} step
// DSP: scf.for %{{.*}} = %{{.*}} to %{{.*}} step {{.*}} -> (i32, i32, i32, i32)
// DSP: llvm.call_intrinsic "llvm.arm.smlatt"
// DSP: scf.for %{{.*}} = %c4{{.*}} to %c5 step
// DSP: arith.muli %{{.*}}, %{{.*}} : i32
// PORTABLE-LABEL: func.func @depthwise_dsp
// PORTABLE-NOT: llvm.call_intrinsic
// PORTABLE: linalg.yield
// M4-LABEL: llvm.func internal @depthwise_dsp
// M4: llvm.call_intrinsic "llvm.arm.smlabb"
// HOST-LABEL: llvm.func internal @depthwise_dsp
// HOST-NOT: llvm.call_intrinsic "llvm.arm
// HOST: llvm.return
!dw5 = !quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02, 0.03, 0.04, 0.05}>
!db5 = !quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02, 0.025}>
!cx = !quant.uniform<i8:f32, 0.5:-3>
!cy = !quant.uniform<i8:f32, 0.1:5>
func.func @depthwise_dsp(%x: tensor<1x4x3x5x!cx>) -> tensor<1x4x3x5x!cy> {
  %w = nn.constant dense<[[[[1, 2, 3, 4, 5], [-1, -2, -3, -4, -5], [6, 7, 8, 9, 10]], [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2], [3, 3, 3, 3, 3]], [[-7, 0, 7, 0, -7], [0, 1, 0, 1, 0], [127, -127, 5, -5, 0]]]]> : tensor<1x3x3x5xi8> -> tensor<1x3x3x5x!dw5>
  %b = nn.constant dense<[10, -20, 30, -40, 50]> : tensor<5xi32> -> tensor<5x!db5>
  %y = nn.depthwise_conv2d %x, %w, %b {depth_multiplier = 1 : i64, padding = #nn.padding<same>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, fused_activation = #nn.fused_activation<none>} : (tensor<1x4x3x5x!cx>, tensor<1x3x3x5x!dw5>, tensor<5x!db5>) -> tensor<1x4x3x5x!cy>
  return %y : tensor<1x4x3x5x!cy>
}

// -----

// conv2d on a DSP target, SAME padding: blocks of four output channels; per
// kernel row (4 taps x 1 channel = one word) the input word is split once
// by SXTAB16 (adding -zp = 3) for the four channels, whose weights are
// widened at compile time to SMLAD's halfword pairs (channel 0's first row
// 1, 2, 3, 4: 1 | 3 << 16, 2 | 4 << 16; channel 3's 127, -127, 0, 0: 127,
// 0xff81). Interior pixels have constant row bounds; a pixel whose window
// leaves the input along x multiplies its valid taps one at a time, each
// input value shared by the four channels; the fifth channel is scalar.
// DSP-LABEL: func.func @conv_padded
// DSP: %[[WIDE:.*]] = arith.constant dense<{{\[\[\[\[}}196609, 262146]], {{\[\[}}458757, 524294]]], {{.*}}, {{\[\[\[}}127, 65409]], {{.*}} : tensor<5x2x1x2xi32>
// DSP: scf.if
// DSP: scf.if
// DSP: scf.for %[[C:.*]] = %{{.*}} to %c4{{.*}} step %c4{{.*}} iter_args
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c2{{.*}} step {{.*}} -> (i32, i32, i32, i32)
// DSP: vector.transfer_read {{.*}} : tensor<1x3x6xi8>, vector<4xi8>
// DSP: %[[X02:.*]] = llvm.call_intrinsic "llvm.arm.sxtab16"(%c196611_i32, %{{.*}})
// DSP: %[[X13:.*]] = llvm.call_intrinsic "llvm.arm.sxtab16"(%c196611_i32, %{{.*}})
// DSP: %[[W0:.*]] = tensor.extract %[[WIDE]][%[[C]], {{.*}}] : tensor<5x2x1x2xi32>
// DSP: %[[W1:.*]] = tensor.extract %[[WIDE]][%[[C]], {{.*}}] : tensor<5x2x1x2xi32>
// DSP: %[[S:.*]] = llvm.call_intrinsic "llvm.arm.smlad"(%[[X02]], %[[W0]], %{{.*}})
// DSP: llvm.call_intrinsic "llvm.arm.smlad"(%[[X13]], %[[W1]], %[[S]])
// DSP-COUNT-6: llvm.call_intrinsic "llvm.arm.smlad"(
// DSP-COUNT-4: tensor.insert
// DSP: } else {
// DSP: arith.minsi
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c2{{.*}} step
// DSP: scf.for %{{.*}} = %{{.*}} to %{{.*}} step
// DSP: %[[XV:.*]] = arith.subi %{{.*}}, %c-3_i32
// DSP-COUNT-4: arith.muli %[[XV]], %{{.*}} : i32
// DSP: scf.for %{{.*}} = %c4{{.*}} to %c5 step
// PORTABLE-LABEL: func.func @conv_padded
// PORTABLE-NOT: llvm.call_intrinsic
// PORTABLE: linalg.yield
// M4-LABEL: llvm.func internal @conv_padded
// M4: llvm.call_intrinsic "llvm.arm.sxtab16"
// HOST-LABEL: llvm.func internal @conv_padded
// HOST-NOT: llvm.call_intrinsic "llvm.arm
// HOST: llvm.return
!cx = !quant.uniform<i8:f32, 0.5:-3>
!cy = !quant.uniform<i8:f32, 0.1:5>
!pw = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02, 0.03, 0.04, 0.05}>
!pb = !quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02, 0.025}>
func.func @conv_padded(%x: tensor<1x3x6x1x!cx>) -> tensor<1x3x6x5x!cy> {
  %w = nn.constant dense<[[[[1], [2], [3], [4]], [[5], [6], [7], [8]]], [[[-1], [-2], [-3], [-4]], [[0], [0], [0], [1]]], [[[1], [1], [1], [1]], [[2], [2], [2], [2]]], [[[127], [-127], [0], [0]], [[3], [3], [3], [3]]], [[[9], [9], [9], [9]], [[9], [9], [9], [9]]]]> : tensor<5x2x4x1xi8> -> tensor<5x2x4x1x!pw>
  %b = nn.constant dense<[10, -20, 30, -40, 50]> : tensor<5xi32> -> tensor<5x!pb>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, fused_activation = #nn.fused_activation<none>} : (tensor<1x3x6x1x!cx>, tensor<5x2x4x1x!pw>, tensor<5x!pb>) -> tensor<1x3x6x5x!cy>
  return %y : tensor<1x3x6x5x!cy>
}

// -----

// A depthwise conv of one input channel (depth multiplier 4) is a conv of
// one group: its filter [1, KH, KW, 4] transposed at compile time to
// [4, KH, KW, 1], four output channels per block; kernel rows of 2 taps are
// below a word: products one at a time, each input value shared by the four
// channels.
// DSP-LABEL: func.func @depthwise_one_channel
// DSP: %[[T:.*]] = arith.constant dense<{{\[\[\[\[}}1], [5]], {{\[\[}}-1], [9]]], {{\[\[\[}}2], [6]], {{\[\[}}-2], [10]]], {{.*}}> : tensor<4x2x2x1xi8>
// DSP: tensor.expand_shape {{.*}} into tensor<1x5x5xi8>
// DSP: scf.for %[[C:.*]] = %{{.*}} to %c4{{.*}} step %c4{{.*}} iter_args
// DSP: scf.for %{{.*}} = %c0{{.*}} to %c2{{.*}} step {{.*}} -> (i32, i32, i32, i32)
// DSP: %[[XV:.*]] = arith.subi %{{.*}}, %c-3_i32
// DSP-COUNT-4: arith.muli %[[XV]], %{{.*}} : i32
// DSP-COUNT-4: tensor.insert
// DSP-NOT: linalg.generic
// PORTABLE-LABEL: func.func @depthwise_one_channel
// PORTABLE-NOT: tensor<4x2x2x1xi8>
// PORTABLE: linalg.yield
!cx = !quant.uniform<i8:f32, 0.5:-3>
!cy = !quant.uniform<i8:f32, 0.1:5>
!dw4 = !quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02, 0.03, 0.04}>
!db4 = !quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02}>
func.func @depthwise_one_channel(%x: tensor<1x5x5x1x!cx>) -> tensor<1x2x2x4x!cy> {
  %w = nn.constant dense<[[[[1, 2, 3, 4], [5, 6, 7, 8]], [[-1, -2, -3, -4], [9, 10, 11, 12]]]]> : tensor<1x2x2x4xi8> -> tensor<1x2x2x4x!dw4>
  %b = nn.constant dense<[10, -20, 30, -40]> : tensor<4xi32> -> tensor<4x!db4>
  %y = nn.depthwise_conv2d %x, %w, %b {depth_multiplier = 4 : i64, padding = #nn.padding<valid>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, fused_activation = #nn.fused_activation<none>} : (tensor<1x5x5x1x!cx>, tensor<1x2x2x4x!dw4>, tensor<4x!db4>) -> tensor<1x2x2x4x!cy>
  return %y : tensor<1x2x2x4x!cy>
}
