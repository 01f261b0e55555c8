// RUN: nn-opt %s --convert-nn-to-linalg --split-input-file | FileCheck %s --check-prefix=DYN
// RUN: nn-opt %s --convert-nn-to-linalg=hybrid=dynamic-range --split-input-file | FileCheck %s --check-prefix=DYN
// RUN: nn-opt %s --convert-nn-to-linalg=hybrid=dequantize --split-input-file | FileCheck %s --check-prefix=DEQ
// RUN: not nn-opt %s --convert-nn-to-linalg=hybrid=int4 --split-input-file 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: error: unknown hybrid 'int4' (expected dynamic-range or dequantize)

// A hybrid conv2d (float activations, int8 weights with one scale), as
// TFLite's conv.cc EvalHybrid runs it. dynamic-range: the batch's max |x|
// (a reduction into f32 [N]), the input quantized to an i8 copy with
// 127 / max, rounded half away from zero (truncate, then step by the
// fraction) and clamped to [-127, 127]; the window accumulates int8 x int8
// in i32; then float(acc) * ((max / 127) * 0.25) + bias, clamped.
!qw = !quant.uniform<i8:f32, 0.25>
// DYN-LABEL: func.func @hybrid_conv
// DYN: %[[RANGES:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "reduction", "reduction"]{{.*}} outs(%{{.*}} : tensor<1xf32>)
// DYN: math.absf
// DYN: arith.cmpf ogt
// DYN: arith.select
// DYN: %[[Q:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[RANGES]] : tensor<1x4x4x2xf32>, tensor<1xf32>) outs(%{{.*}} : tensor<1x4x4x2xi8>)
// DYN: arith.divf %cst{{.*}}, %in
// DYN: arith.fptosi
// DYN: arith.cmpf oge, %{{.*}}, %cst
// DYN: arith.cmpf ole
// DYN: arith.maxsi %{{.*}}, %c-127_i32
// DYN: arith.minsi %{{.*}}, %c127_i32
// DYN: arith.trunci %{{.*}} : i32 to i8
// DYN: linalg.generic
// DYN: scf.for {{.*}} -> (i32)
// DYN: tensor.extract %[[Q]]
// DYN: arith.muli
// DYN: arith.addi
// DYN: tensor.extract %[[RANGES]]
// DYN: arith.divf
// DYN: arith.mulf %{{.*}}, %cst
// DYN: arith.sitofp %{{.*}} : i32 to f32
// DYN: arith.mulf
// DYN: arith.addf
// DYN: arith.maximumf
// DEQ-LABEL: func.func @hybrid_conv
// DEQ-NOT: tensor<1x4x4x2xi8>
// DEQ: scf.for {{.*}} -> (f32)
// DEQ: arith.sitofp
// DEQ: arith.mulf
// DEQ: arith.mulf
// DEQ: arith.addf
func.func @hybrid_conv(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> {
  %w = nn.constant dense<3> : tensor<3x3x3x2xi8> -> tensor<3x3x3x2x!qw>
  %b = nn.constant dense<0.5> : tensor<3xf32>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<same>,
                             fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4x4x2xf32>, tensor<3x3x3x2x!qw>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}

// -----

// Per-channel weight scales: TFLite runs another kernel (EvalHybridPerChannel,
// asymmetric input quantization), not emulated: the weights are dequantized
// in their registers in either mode.
!qc = !quant.uniform<i8:f32:0, {0.25, 0.5}>
// DYN-LABEL: func.func @hybrid_conv_per_channel
// DYN-NOT: xi8>)
// DYN: scf.for {{.*}} -> (f32)
// DYN: arith.sitofp
// DYN: arith.mulf
func.func @hybrid_conv_per_channel(%x: tensor<1x3x3x1xf32>) -> tensor<1x1x1x2xf32> {
  %w = nn.constant dense<3> : tensor<2x3x3x1xi8> -> tensor<2x3x3x1x!qc>
  %b = nn.constant dense<0.0> : tensor<2xf32>
  %y = nn.conv2d %x, %w, %b {padding = #nn.padding<valid>}
      : (tensor<1x3x3x1xf32>, tensor<2x3x3x1x!qc>, tensor<2xf32>) -> tensor<1x1x1x2xf32>
  return %y : tensor<1x1x1x2xf32>
}
