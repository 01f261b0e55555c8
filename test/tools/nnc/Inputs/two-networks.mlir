func.func @a(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = nn.softmax %x : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
func.func @b(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = nn.softmax %x : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
