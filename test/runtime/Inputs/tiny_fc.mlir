// The C interface of tiny-fc.mlir's network, as the memory planner would
// leave it: y = relu(W x + b) with W 3x4, f32.
func.func @tiny_fc(%x: tensor<1x4xf32>) -> tensor<1x3xf32>
    attributes {nn.arena_size = 16 : i64, nn.alignment = 16 : i64} {
  %w = nn.constant dense<[[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.25, 2.0], [0.0, -3.0, 1.0, 1.0]]> : tensor<3x4xf32>
  %b = nn.constant dense<[0.5, -1.0, 2.0]> : tensor<3xf32>
  %y = nn.fully_connected %x, %w, %b {fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}
