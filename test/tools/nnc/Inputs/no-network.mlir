func.func private @declared(%x: tensor<1x4xf32>) -> tensor<1x4xf32>
