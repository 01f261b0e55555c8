// A tiny int8 keyword-spotting network in the nn dialect, shaped like the
// MLPerf Tiny DS-CNN (conv -> depthwise -> average pool -> fully connected ->
// softmax) but small enough to read. Weights are splats to keep it short.
//
//   scripts/run.sh examples/kws_tiny_int8.mlir

!input = !quant.uniform<i8:f32, 0.5:-3>
!conv_w = !quant.uniform<i8<-127:127>:f32:0, {0.01, 0.02, 0.03, 0.04}>
!conv_b = !quant.uniform<i32:f32:0, {0.005, 0.01, 0.015, 0.02}>
!act1 = !quant.uniform<i8:f32, 0.1:-128>
!dw_w = !quant.uniform<i8<-127:127>:f32:3, {0.01, 0.02, 0.03, 0.04}>
!dw_b = !quant.uniform<i32:f32:0, {0.001, 0.002, 0.003, 0.004}>
!act2 = !quant.uniform<i8:f32, 0.05:-128>
!fc_w = !quant.uniform<i8<-127:127>:f32, 0.02>
!fc_b = !quant.uniform<i32:f32, 0.001>
!logits = !quant.uniform<i8:f32, 0.2:10>
!probs = !quant.uniform<i8:f32, 0.00390625:-128>

func.func @kws_tiny(%input: tensor<1x10x10x1x!input>) -> tensor<1x3x!probs> {
  %conv_w = nn.constant dense<1> : tensor<4x3x3x1xi8> -> tensor<4x3x3x1x!conv_w>
  %conv_b = nn.constant dense<[10, -20, 30, -40]> : tensor<4xi32> -> tensor<4x!conv_b>
  %conv = nn.conv2d %input, %conv_w, %conv_b {
      padding = #nn.padding<same>, strides = array<i64: 2, 2>,
      fused_activation = #nn.fused_activation<relu>}
      : (tensor<1x10x10x1x!input>, tensor<4x3x3x1x!conv_w>, tensor<4x!conv_b>)
      -> tensor<1x5x5x4x!act1>

  %dw_w = nn.constant dense<2> : tensor<1x3x3x4xi8> -> tensor<1x3x3x4x!dw_w>
  %dw_b = nn.constant dense<0> : tensor<4xi32> -> tensor<4x!dw_b>
  %dw = nn.depthwise_conv2d %conv, %dw_w, %dw_b {
      padding = #nn.padding<same>, fused_activation = #nn.fused_activation<relu6>}
      : (tensor<1x5x5x4x!act1>, tensor<1x3x3x4x!dw_w>, tensor<4x!dw_b>)
      -> tensor<1x5x5x4x!act2>

  %pool = nn.avg_pool2d %dw {kernel = array<i64: 5, 5>, padding = #nn.padding<valid>}
      : (tensor<1x5x5x4x!act2>) -> tensor<1x1x1x4x!act2>
  %flat = nn.reshape %pool : (tensor<1x1x1x4x!act2>) -> tensor<1x4x!act2>

  %fc_w = nn.constant dense<[[1, 2, 3, 4], [-1, -2, -3, -4], [5, 0, -5, 0]]>
      : tensor<3x4xi8> -> tensor<3x4x!fc_w>
  %fc_b = nn.constant dense<[100, 0, -100]> : tensor<3xi32> -> tensor<3x!fc_b>
  %fc = nn.fully_connected %flat, %fc_w, %fc_b
      : (tensor<1x4x!act2>, tensor<3x4x!fc_w>, tensor<3x!fc_b>) -> tensor<1x3x!logits>

  %probs = nn.softmax %fc : (tensor<1x3x!logits>) -> tensor<1x3x!probs>
  return %probs : tensor<1x3x!probs>
}
