// RUN: nn-opt %s --convert-nn-to-linalg --split-input-file -verify-diagnostics

func.func @fused_tanh(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = nn.constant dense<0.5> : tensor<2x2xf32>
  // expected-error @+1 {{fused tanh activation is not supported by the lowering}}
  %y = nn.fully_connected %x, %w {fused_activation = #nn.fused_activation<tanh>}
      : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @dynamic(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{lowering needs static shapes, got 'tensor<?x4xf32>'}}
  %y = nn.relu %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}

// -----

!qx = !quant.uniform<i8:f32, 0.5:0>
!qw = !quant.uniform<i8:f32, 0.5:3>
!qy = !quant.uniform<i8:f32, 0.5:0>
func.func @weight_zero_point(%x: tensor<1x2x!qx>) -> tensor<1x2x!qy> {
  %w = nn.constant dense<1> : tensor<2x2xi8> -> tensor<2x2x!qw>
  // expected-error @+1 {{int8 lowering expects weight zero points of 0}}
  %y = nn.fully_connected %x, %w : (tensor<1x2x!qx>, tensor<2x2x!qw>) -> tensor<1x2x!qy>
  return %y : tensor<1x2x!qy>
}
