// The activation arena of the lowered code equals the tensor-level plan of
// the same buffers (inputs and outputs in the caller's buffers).
// RUN: nn-opt %s --nn-plan-memory="allocate-inputs=false allocate-outputs=false" | FileCheck %s --check-prefix=PLAN
// RUN: nn-opt %s --convert-nn-to-linalg --canonicalize --nn-bufferize | FileCheck %s --check-prefix=CODE
// RUN: nn-opt %s --nn-plan-memory="allocate-inputs=false allocate-outputs=false alignment=16" | FileCheck %s --check-prefix=PLAN16
// RUN: nn-opt %s --convert-nn-to-linalg --canonicalize --nn-bufferize=alignment=16 | FileCheck %s --check-prefix=CODE16

// a = x * w; b = a + a; c = a + b; d = c * c (docs/memory-planning.md): a
// and b (128 B each) are alive together at c, which is written over a (its
// first operand, dying there); d is the caller's output. 256 B both ways;
// before the lowering wrote in place, bufferization gave c a third buffer
// (384 B).
// PLAN-LABEL: func.func @mlp
// PLAN-SAME: nn.arena_size = 256 : i64
// CODE-LABEL: func.func @mlp
// CODE-SAME: %[[ARENA:[^:]*]]: memref<256xi8> {llvm.align = 4 : i64, nn.arena}
// CODE-SAME: nn.arena_size = 256 : i64
// CODE: %[[A:.*]] = memref.view %[[ARENA]]
// CODE: linalg.generic {{.*}} outs(%[[A]] : memref<4x8xf32>)
// CODE: %[[B:.*]] = memref.view %[[ARENA]]
// CODE: linalg.generic {{.*}} ins(%[[A]], %[[A]] : {{.*}}) outs(%[[B]] : memref<4x8xf32>)
// CODE: linalg.generic {{.*}} ins(%[[B]] : memref<4x8xf32>) outs(%[[A]] : memref<4x8xf32>)
// CODE-NOT: memref.view
// CODE: linalg.generic {{.*}} ins(%[[A]], %[[A]] : {{.*}}) outs(%arg1 : memref<4x8xf32>)
// CODE: return
// PLAN16: nn.arena_size = 256 : i64
// CODE16: memref<256xi8> {llvm.align = 16 : i64, nn.arena}
func.func @mlp(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %w = nn.constant dense<0.5> : tensor<4x8xf32>
  %a = nn.mul %x, %w : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %b = nn.add %a, %a : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %c = nn.add %a, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %d = nn.mul %c, %c : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// A small int8 network: conv (padded, 3x3) -> relu -> depthwise -> avg pool
// -> reshape -> fully connected. The conv and depthwise accumulate in
// registers (no i32 tensor, no padded copy), the relu writes over the conv
// result, the reshape is a view. Both arenas: conv out 1x4x4x4 (64 B) and
// depthwise out (64 B) at the depthwise, 128 B.
!qx = !quant.uniform<i8:f32, 0.5:-3>
!qw = !quant.uniform<i8<-127:127>:f32, 0.01>
!qb = !quant.uniform<i32:f32, 0.005>
!qy = !quant.uniform<i8:f32, 0.1:5>
// PLAN-LABEL: func.func @small_int8
// PLAN-SAME: nn.arena_size = 128 : i64
// CODE-LABEL: func.func @small_int8
// CODE-SAME: memref<128xi8> {llvm.align = 4 : i64, nn.arena}
// CODE-SAME: nn.arena_size = 128 : i64
// CODE-NOT: memref.alloc
// CODE: return
// PLAN16: nn.arena_size = 128 : i64
// CODE16: memref<128xi8> {llvm.align = 16 : i64, nn.arena}
func.func @small_int8(%x: tensor<1x4x4x2x!qx>) -> tensor<1x3x!qy> {
  %w = nn.constant dense<1> : tensor<4x3x3x2xi8> -> tensor<4x3x3x2x!qw>
  %b = nn.constant dense<10> : tensor<4xi32> -> tensor<4x!qb>
  %c = nn.conv2d %x, %w, %b {padding = #nn.padding<same>}
      : (tensor<1x4x4x2x!qx>, tensor<4x3x3x2x!qw>, tensor<4x!qb>) -> tensor<1x4x4x4x!qy>
  %r = nn.relu %c : (tensor<1x4x4x4x!qy>) -> tensor<1x4x4x4x!qy>
  %dw = nn.constant dense<2> : tensor<1x3x3x4xi8> -> tensor<1x3x3x4x!qw>
  %d = nn.depthwise_conv2d %r, %dw {padding = #nn.padding<same>}
      : (tensor<1x4x4x4x!qy>, tensor<1x3x3x4x!qw>) -> tensor<1x4x4x4x!qy>
  %p = nn.avg_pool2d %d {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = #nn.padding<valid>}
      : (tensor<1x4x4x4x!qy>) -> tensor<1x2x2x4x!qy>
  %f = nn.reshape %p : (tensor<1x2x2x4x!qy>) -> tensor<1x16x!qy>
  %fw = nn.constant dense<1> : tensor<3x16xi8> -> tensor<3x16x!qw>
  %y = nn.fully_connected %f, %fw : (tensor<1x16x!qy>, tensor<3x16x!qw>) -> tensor<1x3x!qy>
  return %y : tensor<1x3x!qy>
}
