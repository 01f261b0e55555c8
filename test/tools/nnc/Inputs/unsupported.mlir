func.func @net(%x: tensor<1x4xf32>) -> tensor<1x3xf32> {
  %w = nn.constant dense<1.0> : tensor<3x4xf32>
  %b = nn.constant dense<0.0> : tensor<3xf32>
  %y = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<tanh>}
      : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}
