// A batch of unknown size: its cost is undefined.
func.func @dynamic(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // The softmax reads the dynamic input.
  %y = nn.softmax %x : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}
