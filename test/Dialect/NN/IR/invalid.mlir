// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @conv_output_height(%x: tensor<1x32x32x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x15x16x8xf32> {
  // expected-error @+1 {{output height 15 does not match 16 computed from input height 32, kernel 3, stride 2, dilation 1 and padding same}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>, strides = array<i64: 2, 2>} : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x15x16x8xf32>
  return %0 : tensor<1x15x16x8xf32>
}

// -----

func.func @conv_output_width_dilated(%x: tensor<1x32x32x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x28x30x8xf32> {
  // expected-error @+1 {{output width 30 does not match 28 computed from input width 32, kernel 3, stride 1, dilation 2 and padding valid}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<valid>, dilations = array<i64: 2, 2>} : (tensor<1x32x32x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x28x30x8xf32>
  return %0 : tensor<1x28x30x8xf32>
}

// -----

func.func @conv_window_too_big(%x: tensor<1x2x2x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x1x1x8xf32> {
  // expected-error @+1 {{window of 3 does not fit the input height 2 with padding valid}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<valid>} : (tensor<1x2x2x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x1x1x8xf32>
  return %0 : tensor<1x1x1x8xf32>
}

// -----

func.func @conv_channels(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x2xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{input channels 3 are not a multiple of filter input channels 2}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x2xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @conv_groups(%x: tensor<1x8x8x4xf32>, %w: tensor<5x3x3x2xf32>) -> tensor<1x8x8x5xf32> {
  // expected-error @+1 {{filter output channels 5 are not a multiple of the 2 groups}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x4xf32>, tensor<5x3x3x2xf32>) -> tensor<1x8x8x5xf32>
  return %0 : tensor<1x8x8x5xf32>
}

// -----

func.func @conv_out_channels(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{output channels 4 do not match filter output channels 8}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

func.func @conv_batch(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<2x8x8x8xf32> {
  // expected-error @+1 {{output batch 2 does not match input batch 1}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<2x8x8x8xf32>
  return %0 : tensor<2x8x8x8xf32>
}

// -----

func.func @conv_strides(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{strides must be positive, got [0, 1]}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>, strides = array<i64: 0, 1>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @conv_strides_size(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{dilations must have 2 elements, got 3}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>, dilations = array<i64: 1, 1, 1>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @explicit_padding_missing(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{explicit_padding must be given exactly when padding is explicit}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<explicit>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @explicit_padding_size(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{explicit_padding must be [top, bottom, left, right], got 2 elements}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<explicit>, explicit_padding = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @explicit_padding_negative(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{explicit_padding must be non-negative}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<explicit>, explicit_padding = array<i64: 1, 1, -1, 3>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @conv_rank(%x: tensor<8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{operand #0 must be 4D tensor}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @conv_bias_size(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{bias has 4 elements for 8 output channels}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>, tensor<4xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @conv_bias_float_type(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xi32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{bias of a float layer must be f32, got 'i32'}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>, tensor<8xi32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
!qb = !quant.uniform<i32:f32:0, {0.05, 0.2}>
func.func @conv_bias_scale(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2x!qb>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{bias scale 2.000000e-01 of channel 1 must equal input scale * weight scale = 1.000000e-01}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>, tensor<2x!qb>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
!qb = !quant.uniform<i32:f32:0, {0.05, 0.1}>
func.func @conv_bias_storage(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2xf32>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{bias of a quantized layer must be quantized with i32 storage, got 'f32'}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>, tensor<2xf32>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
!qb = !quant.uniform<i32:f32, 0.05:1>
func.func @conv_bias_per_tensor(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2x!qb>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{bias must be quantized per axis when the weights are}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>, tensor<2x!qb>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32, 0.1>
!qb = !quant.uniform<i32:f32, 0.05:1>
func.func @conv_bias_zero_point(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>, %b: tensor<2x!qb>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{bias zero point must be 0, got 1}}
  %0 = nn.conv2d %x, %w, %b {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>, tensor<2x!qb>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:3, {0.1, 0.2}>
func.func @conv_weight_axis(%x: tensor<1x8x8x2x!qin>, %w: tensor<2x3x3x2x!qw>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{filter must be quantized along its output-channel axis 0, got axis 3}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x2x!qin>, tensor<2x3x3x2x!qw>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2, 0.3}>
func.func @conv_weight_scales(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1x!qw>) -> tensor<1x8x8x2x!qout> {
  // expected-error @+1 {{filter has 3 per-axis scales for 2 output channels}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1x!qw>) -> tensor<1x8x8x2x!qout>
  return %0 : tensor<1x8x8x2x!qout>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @conv_mixed_kinds(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1xf32>) -> tensor<1x8x8x2xf32> {
  // expected-error @+1 {{input element type '!quant.uniform<i8:f32, 5.000000e-01:-3>' and output element type 'f32' must both be float or both be quantized}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1xf32>) -> tensor<1x8x8x2xf32>
  return %0 : tensor<1x8x8x2xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @conv_float_filter(%x: tensor<1x8x8x1x!qin>, %w: tensor<2x3x3x1xf32>) -> tensor<1x8x8x2x!qin> {
  // expected-error @+1 {{a quantized conv2d needs a quantized filter}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x1x!qin>, tensor<2x3x3x1xf32>) -> tensor<1x8x8x2x!qin>
  return %0 : tensor<1x8x8x2x!qin>
}

// -----

!q16 = !quant.uniform<i16:f32, 0.5>
func.func @activation_storage(%x: tensor<1x8x8x1x!q16>) -> tensor<1x8x8x1x!q16> {
  // expected-error @+1 {{input must have 8-bit quantized storage}}
  %0 = nn.relu %x : (tensor<1x8x8x1x!q16>) -> tensor<1x8x8x1x!q16>
  return %0 : tensor<1x8x8x1x!q16>
}

// -----

!qa = !quant.uniform<i8:f32:1, {0.5, 0.5}>
func.func @activation_per_axis(%x: tensor<1x2x!qa>) -> tensor<1x2x!qa> {
  // expected-error @+1 {{input must be quantized per tensor}}
  %0 = nn.relu %x : (tensor<1x2x!qa>) -> tensor<1x2x!qa>
  return %0 : tensor<1x2x!qa>
}

// -----

func.func @depthwise_multiplier(%x: tensor<1x8x8x2xf32>, %w: tensor<1x3x3x4xf32>) -> tensor<1x8x8x4xf32> {
  // expected-error @+1 {{filter channels 4 must be input channels 2 * depth_multiplier 1}}
  %0 = nn.depthwise_conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x2xf32>, tensor<1x3x3x4xf32>) -> tensor<1x8x8x4xf32>
  return %0 : tensor<1x8x8x4xf32>
}

// -----

func.func @depthwise_multiplier_positive(%x: tensor<1x8x8x2xf32>, %w: tensor<1x3x3x2xf32>) -> tensor<1x8x8x2xf32> {
  // expected-error @+1 {{depth_multiplier must be positive, got 0}}
  %0 = nn.depthwise_conv2d %x, %w {padding = #nn.padding<same>, depth_multiplier = 0 : i64} : (tensor<1x8x8x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x8x8x2xf32>
  return %0 : tensor<1x8x8x2xf32>
}

// -----

func.func @depthwise_filter_shape(%x: tensor<1x8x8x2xf32>, %w: tensor<2x3x3x2xf32>) -> tensor<1x8x8x2xf32> {
  // expected-error @+1 {{filter must have shape [1, kh, kw, channels], got leading dimension 2}}
  %0 = nn.depthwise_conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x2xf32>, tensor<2x3x3x2xf32>) -> tensor<1x8x8x2xf32>
  return %0 : tensor<1x8x8x2xf32>
}

// -----

func.func @depthwise_output_channels(%x: tensor<1x8x8x2xf32>, %w: tensor<1x3x3x2xf32>) -> tensor<1x8x8x3xf32> {
  // expected-error @+1 {{output channels 3 do not match filter channels 2}}
  %0 = nn.depthwise_conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x2xf32>, tensor<1x3x3x2xf32>) -> tensor<1x8x8x3xf32>
  return %0 : tensor<1x8x8x3xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32:0, {0.1, 0.2}>
func.func @depthwise_axis(%x: tensor<1x8x8x2x!qin>, %w: tensor<1x3x3x2x!qw>) -> tensor<1x8x8x2x!qin> {
  // expected-error @+1 {{filter must be quantized along its output-channel axis 3, got axis 0}}
  %0 = nn.depthwise_conv2d %x, %w {padding = #nn.padding<same>} : (tensor<1x8x8x2x!qin>, tensor<1x3x3x2x!qw>) -> tensor<1x8x8x2x!qin>
  return %0 : tensor<1x8x8x2x!qin>
}

// -----

func.func @fc_weights_rank(%x: tensor<1x32xf32>, %w: tensor<10x32x1xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{weights must be [out_features, in_features], got rank 3}}
  %0 = nn.fully_connected %x, %w : (tensor<1x32xf32>, tensor<10x32x1xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fc_in_features(%x: tensor<1x30xf32>, %w: tensor<10x32xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{input of 30 elements is not a multiple of in_features 32}}
  %0 = nn.fully_connected %x, %w : (tensor<1x30xf32>, tensor<10x32xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fc_output_shape(%x: tensor<2x32xf32>, %w: tensor<10x32xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{output shape must be 2x10, got 'tensor<1x10xf32>'}}
  %0 = nn.fully_connected %x, %w : (tensor<2x32xf32>, tensor<10x32xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

func.func @fc_keep_num_dims(%x: tensor<2x4x8xf32>, %w: tensor<10x32xf32>) -> tensor<2x4x10xf32> {
  // expected-error @+1 {{with keep_num_dims the input's last dimension must be in_features 32}}
  %0 = nn.fully_connected %x, %w {keep_num_dims = true} : (tensor<2x4x8xf32>, tensor<10x32xf32>) -> tensor<2x4x10xf32>
  return %0 : tensor<2x4x10xf32>
}

// -----

func.func @fc_bias(%x: tensor<1x32xf32>, %w: tensor<10x32xf32>, %b: tensor<12xf32>) -> tensor<1x10xf32> {
  // expected-error @+1 {{bias has 12 elements for 10 output channels}}
  %0 = nn.fully_connected %x, %w, %b : (tensor<1x32xf32>, tensor<10x32xf32>, tensor<12xf32>) -> tensor<1x10xf32>
  return %0 : tensor<1x10xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @fc_float_weights(%x: tensor<1x32x!qin>, %w: tensor<10x32xf32>) -> tensor<1x10x!qin> {
  // expected-error @+1 {{a quantized fully_connected needs quantized weights}}
  %0 = nn.fully_connected %x, %w : (tensor<1x32x!qin>, tensor<10x32xf32>) -> tensor<1x10x!qin>
  return %0 : tensor<1x10x!qin>
}

// -----

func.func @pool_kernel(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32> {
  // expected-error @+1 {{kernel must have 2 elements, got 1}}
  %0 = nn.max_pool2d %x {kernel = array<i64: 2>, padding = #nn.padding<same>} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  return %0 : tensor<1x8x8x3xf32>
}

// -----

func.func @pool_output(%x: tensor<1x8x8x3xf32>) -> tensor<1x3x4x3xf32> {
  // expected-error @+1 {{output height 3 does not match 4 computed from input height 8, kernel 2, stride 2, dilation 1 and padding valid}}
  %0 = nn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = #nn.padding<valid>} : (tensor<1x8x8x3xf32>) -> tensor<1x3x4x3xf32>
  return %0 : tensor<1x3x4x3xf32>
}

// -----

func.func @pool_channels(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+1 {{output channels 4 do not match input channels 3}}
  %0 = nn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = #nn.padding<valid>} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
func.func @pool_quantization(%x: tensor<1x8x8x3x!qin>) -> tensor<1x4x4x3x!qout> {
  // expected-error @+1 {{input and output must have the same quantization}}
  %0 = nn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = #nn.padding<valid>} : (tensor<1x8x8x3x!qin>) -> tensor<1x4x4x3x!qout>
  return %0 : tensor<1x4x4x3x!qout>
}

// -----

func.func @mean_axis_range(%x: tensor<1x8x8x3xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{axis 4 is out of range for rank 4}}
  %0 = nn.mean %x {axes = array<i64: 1, 4>} : (tensor<1x8x8x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @mean_axis_repeated(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x3xf32> {
  // expected-error @+1 {{axis -3 is repeated}}
  %0 = nn.mean %x {axes = array<i64: 1, -3>} : (tensor<1x8x8x3xf32>) -> tensor<1x8x3xf32>
  return %0 : tensor<1x8x3xf32>
}

// -----

func.func @mean_empty(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32> {
  // expected-error @+1 {{axes must not be empty}}
  %0 = nn.mean %x {axes = array<i64>} : (tensor<1x8x8x3xf32>) -> tensor<1x8x8x3xf32>
  return %0 : tensor<1x8x8x3xf32>
}

// -----

func.func @mean_rank(%x: tensor<1x8x8x3xf32>) -> tensor<1x1x1x3xf32> {
  // expected-error @+1 {{output rank 4 does not match 2 expected from axes and keep_dims}}
  %0 = nn.mean %x {axes = array<i64: 1, 2>} : (tensor<1x8x8x3xf32>) -> tensor<1x1x1x3xf32>
  return %0 : tensor<1x1x1x3xf32>
}

// -----

func.func @mean_dim(%x: tensor<1x8x8x3xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{output dimension 1 is 4, expected 3}}
  %0 = nn.mean %x {axes = array<i64: 1, 2>} : (tensor<1x8x8x3xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @add_broadcast(%a: tensor<1x4x4x8xf32>, %b: tensor<1x4x4x3xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{operand shapes 'tensor<1x4x4x8xf32>' and 'tensor<1x4x4x3xf32>' are not broadcast compatible}}
  %0 = nn.add %a, %b : (tensor<1x4x4x8xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// -----

func.func @mul_output(%a: tensor<1x4x4x8xf32>, %b: tensor<8xf32>) -> tensor<1x4x2x8xf32> {
  // expected-error @+1 {{output dimension 2 is 2, broadcast gives 4}}
  %0 = nn.mul %a, %b : (tensor<1x4x4x8xf32>, tensor<8xf32>) -> tensor<1x4x2x8xf32>
  return %0 : tensor<1x4x2x8xf32>
}

// -----

func.func @mul_rank(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<1x4x8xf32> {
  // expected-error @+1 {{output rank 3 does not match broadcast rank 2}}
  %0 = nn.mul %a, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<1x4x8xf32>
  return %0 : tensor<1x4x8xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @add_kinds(%a: tensor<8x!qin>, %b: tensor<8xf32>) -> tensor<8x!qin> {
  // expected-error @+1 {{must both be float or both be quantized}}
  %0 = nn.add %a, %b : (tensor<8x!qin>, tensor<8xf32>) -> tensor<8x!qin>
  return %0 : tensor<8x!qin>
}

// -----

func.func @concat_axis(%a: tensor<1x4xf32>, %b: tensor<1x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = nn.concat %a, %b {axis = 2 : i64} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @concat_sum(%a: tensor<1x4xf32>, %b: tensor<1x4xf32>) -> tensor<1x9xf32> {
  // expected-error @+1 {{output dimension 1 is 9, the inputs add up to 8}}
  %0 = nn.concat %a, %b {axis = -1 : i64} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x9xf32>
  return %0 : tensor<1x9xf32>
}

// -----

func.func @concat_other_dim(%a: tensor<1x4xf32>, %b: tensor<2x4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{input 1 dimension 0 is 2, output has 1}}
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @concat_rank(%a: tensor<1x4xf32>, %b: tensor<4xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{input 1 has rank 1, output has rank 2}}
  %0 = nn.concat %a, %b {axis = 1 : i64} : (tensor<1x4xf32>, tensor<4xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @concat_empty() -> tensor<1x8xf32> {
  // expected-error @+1 {{needs at least one input}}
  %0 = nn.concat {axis = 1 : i64} : () -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @reshape_elements(%a: tensor<1x4x4x8xf32>) -> tensor<1x100xf32> {
  // expected-error @+1 {{output has 100 elements, the input 128}}
  %0 = nn.reshape %a : (tensor<1x4x4x8xf32>) -> tensor<1x100xf32>
  return %0 : tensor<1x100xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
func.func @reshape_type(%a: tensor<1x4x!qin>) -> tensor<4x!qout> {
  // expected-error @+1 {{element type '!quant.uniform<i8:f32, 2.500000e-01:10>' differs from the input's '!quant.uniform<i8:f32, 5.000000e-01:-3>'}}
  %0 = nn.reshape %a : (tensor<1x4x!qin>) -> tensor<4x!qout>
  return %0 : tensor<4x!qout>
}

// -----

func.func @reshape_shape_type(%a: tensor<1x64xf32>, %s: tensor<2xf32>) -> tensor<64xf32> {
  // expected-error @+1 {{operand #1 must be 1D tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<2xf32>) -> tensor<64xf32>
  return %0 : tensor<64xf32>
}

// -----

func.func @reshape_shape_rank(%a: tensor<1x64xf32>, %s: tensor<1x1xi32>) -> tensor<64xf32> {
  // expected-error @+1 {{operand #1 must be 1D tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<1x1xi32>) -> tensor<64xf32>
  return %0 : tensor<64xf32>
}

// -----

func.func @reshape_shape_size(%a: tensor<1x64xf32>, %s: tensor<3xi32>) -> tensor<1x64xf32> {
  // expected-error @+1 {{shape has 3 elements, the output rank is 2}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<3xi32>) -> tensor<1x64xf32>
  return %0 : tensor<1x64xf32>
}

// -----

func.func @reshape_shape_value(%a: tensor<1x64xf32>) -> tensor<2x32xf32> {
  %s = nn.constant dense<[2, 64]> : tensor<2xi32>
  // expected-error @+1 {{shape[1] is 64, the output dimension is 32}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<2xi32>) -> tensor<2x32xf32>
  return %0 : tensor<2x32xf32>
}

// -----

// arith.constant shapes are checked too.
func.func @reshape_shape_arith(%a: tensor<1x64xf32>) -> tensor<64xf32> {
  %s = arith.constant dense<[65]> : tensor<1xi64>
  // expected-error @+1 {{shape[0] is 65, the output dimension is 64}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<1xi64>) -> tensor<64xf32>
  return %0 : tensor<64xf32>
}

// -----

func.func @reshape_shape_wildcards(%a: tensor<1x64xf32>) -> tensor<2x32xf32> {
  %s = nn.constant dense<[-1, -1]> : tensor<2xi32>
  // expected-error @+1 {{shape has more than one -1}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<2xi32>) -> tensor<2x32xf32>
  return %0 : tensor<2x32xf32>
}

// -----

func.func @reshape_shape_negative(%a: tensor<1x64xf32>) -> tensor<2x32xf32> {
  %s = nn.constant dense<[-2, 32]> : tensor<2xi32>
  // expected-error @+1 {{shape[0] is -2; only -1 may be negative}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<2xi32>) -> tensor<2x32xf32>
  return %0 : tensor<2x32xf32>
}

// -----

// The values of a dense_resource blob are read as well: [-1, 2].
func.func @reshape_shape_blob(%a: tensor<1x64xf32>) -> tensor<32x2xf32> {
  %s = nn.constant dense_resource<bad_shape> : tensor<2xi32>
  // expected-error @+1 {{shape[1] is 1, the output dimension is 2}}
  %0 = nn.reshape %a, %s : (tensor<1x64xf32>, tensor<2xi32>) -> tensor<32x2xf32>
  return %0 : tensor<32x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      bad_shape: "0x04000000FFFFFFFF01000000"
    }
  }
#-}

// -----

func.func @pad_size(%a: tensor<1x4x4x8xf32>) -> tensor<1x6x6x8xf32> {
  // expected-error @+1 {{padding must have 2 * rank = 8 elements, got 4}}
  %0 = nn.pad %a {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x4x8xf32>) -> tensor<1x6x6x8xf32>
  return %0 : tensor<1x6x6x8xf32>
}

// -----

func.func @pad_negative(%a: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{padding must be non-negative}}
  %0 = nn.pad %a {padding = array<i64: 0, 0, 1, -1, 0, 0, 0, 0>} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// -----

func.func @pad_output(%a: tensor<1x4x4x8xf32>) -> tensor<1x6x4x8xf32> {
  // expected-error @+1 {{output dimension 2 is 4, expected 6}}
  %0 = nn.pad %a {padding = array<i64: 0, 0, 1, 1, 1, 1, 0, 0>} : (tensor<1x4x4x8xf32>) -> tensor<1x6x4x8xf32>
  return %0 : tensor<1x6x4x8xf32>
}

// -----

func.func @pad_rank(%a: tensor<4x8xf32>) -> tensor<1x6x10xf32> {
  // expected-error @+1 {{output rank 3 differs from input rank 2}}
  %0 = nn.pad %a {padding = array<i64: 1, 1, 1, 1>} : (tensor<4x8xf32>) -> tensor<1x6x10xf32>
  return %0 : tensor<1x6x10xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
!qout = !quant.uniform<i8:f32, 0.25:10>
func.func @softmax_output_quant(%x: tensor<1x12x!qin>) -> tensor<1x12x!qout> {
  // expected-error @+1 {{quantized output must have scale 3.906250e-03 and zero point -128}}
  %0 = nn.softmax %x : (tensor<1x12x!qin>) -> tensor<1x12x!qout>
  return %0 : tensor<1x12x!qout>
}

// -----

func.func @softmax_beta(%x: tensor<1x12xf32>) -> tensor<1x12xf32> {
  // expected-error @+1 {{beta must be positive}}
  %0 = nn.softmax %x {beta = 0.0 : f32} : (tensor<1x12xf32>) -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @tanh_output_quant(%x: tensor<1x12x!qin>) -> tensor<1x12x!qin> {
  // expected-error @+1 {{quantized output must have scale 7.812500e-03 and zero point 0}}
  %0 = nn.tanh %x : (tensor<1x12x!qin>) -> tensor<1x12x!qin>
  return %0 : tensor<1x12x!qin>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @sigmoid_output_quant(%x: tensor<1x12x!qin>) -> tensor<1x12x!qin> {
  // expected-error @+1 {{quantized output must have scale 3.906250e-03 and zero point -128}}
  %0 = nn.sigmoid %x : (tensor<1x12x!qin>) -> tensor<1x12x!qin>
  return %0 : tensor<1x12x!qin>
}

// -----

func.func @relu_shape(%x: tensor<1x12xf32>) -> tensor<1x13xf32> {
  // expected-error @+1 {{requires the same shape for all operands and results}}
  %0 = nn.relu %x : (tensor<1x12xf32>) -> tensor<1x13xf32>
  return %0 : tensor<1x13xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @relu6_kinds(%x: tensor<1x12x!qin>) -> tensor<1x12xf32> {
  // expected-error @+1 {{must both be float or both be quantized}}
  %0 = nn.relu6 %x : (tensor<1x12x!qin>) -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// -----

func.func @leaky_relu_alpha(%x: tensor<1x12xf32>) -> tensor<1x12xf32> {
  // expected-error @+1 {{alpha must be finite}}
  %0 = nn.leaky_relu %x {alpha = 0x7F800000 : f32} : (tensor<1x12xf32>) -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// -----

func.func @quantize_output(%x: tensor<1x12xf32>) -> tensor<1x12xf32> {
  // expected-error @+1 {{output must be quantized, got 'f32'}}
  %0 = nn.quantize %x : (tensor<1x12xf32>) -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// -----

func.func @dequantize_input(%x: tensor<1x12xf32>) -> tensor<1x12xf32> {
  // expected-error @+1 {{input must be 8-bit quantized, got 'f32'}}
  %0 = nn.dequantize %x : (tensor<1x12xf32>) -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// -----

!qin = !quant.uniform<i8:f32, 0.5:-3>
func.func @dequantize_output(%x: tensor<1x12x!qin>) -> tensor<1x12x!qin> {
  // expected-error @+1 {{output must be f32}}
  %0 = nn.dequantize %x : (tensor<1x12x!qin>) -> tensor<1x12x!qin>
  return %0 : tensor<1x12x!qin>
}

// -----

func.func @constant_shape() -> tensor<3xf32> {
  // expected-error @+1 {{value shape does not match result type 'tensor<3xf32>'}}
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

!qw = !quant.uniform<i8:f32, 0.5>
func.func @constant_storage() -> tensor<2x!qw> {
  // expected-error @+1 {{value of a quantized constant must hold 8-bit integers, got 'i32'}}
  %0 = nn.constant dense<[1, 2]> : tensor<2xi32> -> tensor<2x!qw>
  return %0 : tensor<2x!qw>
}

// -----

func.func @constant_element() -> tensor<2xf32> {
  // expected-error @+1 {{value element type 'i32' does not match result element type 'f32'}}
  %0 = nn.constant dense<[1, 2]> : tensor<2xi32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @constant_not_elements() -> tensor<2xf32> {
  // expected-error @+1 {{expected an elements attribute}}
  %0 = nn.constant 1.0 : f32 -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @stride_too_large(%x: tensor<1x4x4x3xf32>) -> tensor<1x1x4x3xf32> {
  // expected-error @+1 {{strides must be at most 2147483647}}
  %0 = nn.max_pool2d %x {kernel = array<i64: 1, 1>, strides = array<i64: 9223372036854775807, 1>, padding = #nn.padding<same>} : (tensor<1x4x4x3xf32>) -> tensor<1x1x4x3xf32>
  return %0 : tensor<1x1x4x3xf32>
}

// -----

func.func @pad_too_large(%x: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  // expected-error @+1 {{padding must be at most 2147483647}}
  %0 = nn.pad %x {padding = array<i64: 0, 9223372036854775807, 0, 0, 0, 0, 0, 0>} : (tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// -----

func.func @explicit_padding_too_large(%x: tensor<1x8x8x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32> {
  // expected-error @+1 {{explicit_padding must be at most 2147483647}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<explicit>, explicit_padding = array<i64: 1, 1, 1, 4294967296>} : (tensor<1x8x8x3xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

func.func @kernel_zero(%x: tensor<1x4x4x3xf32>, %w: tensor<8x0x3x3xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @+1 {{kernel must be positive, got [0, 3]}}
  %0 = nn.conv2d %x, %w {padding = #nn.padding<valid>} : (tensor<1x4x4x3xf32>, tensor<8x0x3x3xf32>) -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// -----

// Dynamic dimensions are accepted; only the static ones are checked.
func.func @dynamic_ok(%x: tensor<?x?x?x3xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<?x?x?x8xf32> {
  %0 = nn.conv2d %x, %w {padding = #nn.padding<valid>} : (tensor<?x?x?x3xf32>, tensor<8x3x3x3xf32>) -> tensor<?x?x?x8xf32>
  return %0 : tensor<?x?x?x8xf32>
}
