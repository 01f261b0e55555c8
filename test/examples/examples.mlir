// The bundled example model parses, verifies and round-trips.
// RUN: nn-opt %nn_src_root/examples/kws_tiny_int8.mlir | nn-opt | FileCheck %s

// CHECK-LABEL: func.func @kws_tiny
// CHECK: nn.conv2d
// CHECK: nn.depthwise_conv2d
// CHECK: nn.avg_pool2d
// CHECK: nn.reshape
// CHECK: nn.fully_connected
// CHECK: nn.softmax
