// The C interface of Inputs/calibrate.mlir: one int32 in, one int32 out.
func.func @calibrate(%x: tensor<1xi32>) -> tensor<1xi32>
    attributes {nn.arena_size = 0 : i64, nn.alignment = 4 : i64} {
  return %x : tensor<1xi32>
}
