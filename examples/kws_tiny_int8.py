# examples/kws_tiny_int8.mlir as a TFLite model spec for utils/tflite_writer.py:
#   utils/tflite_writer.py --schema schema/tflite_subset.fbs \
#       examples/kws_tiny_int8.py -o kws_tiny_int8.tflite
#   nn-translate --import-tflite kws_tiny_int8.tflite
model["subgraphs"][0]["name"] = "kws_tiny"
x = tensor("input", [1, 10, 10, 1], "INT8", scale=0.5, zero_point=-3)
conv_w = const("conv_w", [4, 3, 3, 1], "INT8", data=1,
               scale=[0.01, 0.02, 0.03, 0.04], zero_point=[0] * 4, axis=0)
conv_b = const("conv_b", [4], "INT32", data=[10, -20, 30, -40],
               scale=[0.005, 0.01, 0.015, 0.02], zero_point=[0] * 4, axis=0)
conv = tensor("conv", [1, 5, 5, 4], "INT8", scale=0.1, zero_point=-128)
dw_w = const("dw_w", [1, 3, 3, 4], "INT8", data=2,
             scale=[0.01, 0.02, 0.03, 0.04], zero_point=[0] * 4, axis=3)
dw_b = const("dw_b", [4], "INT32", data=0,
             scale=[0.001, 0.002, 0.003, 0.004], zero_point=[0] * 4, axis=0)
dw = tensor("dw", [1, 5, 5, 4], "INT8", scale=0.05, zero_point=-128)
pool = tensor("pool", [1, 1, 1, 4], "INT8", scale=0.05, zero_point=-128)
shape = const("flat_shape", [2], "INT32", data=[1, 4])
flat = tensor("flat", [1, 4], "INT8", scale=0.05, zero_point=-128)
fc_w = const("fc_w", [3, 4], "INT8",
             data=[1, 2, 3, 4, -1, -2, -3, -4, 5, 0, -5, 0], scale=0.02)
fc_b = const("fc_b", [3], "INT32", data=[100, 0, -100], scale=0.001)
fc = tensor("fc", [1, 3], "INT8", scale=0.2, zero_point=10)
probs = tensor("probs", [1, 3], "INT8", scale=1 / 256, zero_point=-128)

op("CONV_2D", [x, conv_w, conv_b], [conv], "Conv2DOptions", padding="SAME",
   stride_w=2, stride_h=2, fused_activation_function="RELU")
op("DEPTHWISE_CONV_2D", [conv, dw_w, dw_b], [dw], "DepthwiseConv2DOptions",
   padding="SAME", stride_w=1, stride_h=1, depth_multiplier=1,
   fused_activation_function="RELU6")
op("AVERAGE_POOL_2D", [dw], [pool], "Pool2DOptions", padding="VALID",
   stride_w=1, stride_h=1, filter_width=5, filter_height=5)
op("RESHAPE", [pool, shape], [flat], "ReshapeOptions", new_shape=[1, 4])
op("FULLY_CONNECTED", [flat, fc_w, fc_b], [fc], "FullyConnectedOptions")
op("SOFTMAX", [fc], [probs], "SoftmaxOptions", beta=1.0)
inputs(x); outputs(probs)
