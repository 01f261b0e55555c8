//===- StridedCopyToLinalg.cpp - strided memref.copy as loops -------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNSTRIDEDCOPYTOLINALGPASS
#include "nn/Conversion/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

/// Rows shorter than this stay element loops: a memcpy call costs more.
static constexpr int64_t kMinRowBytes = 16;

/// How many trailing dimensions of `source` and `target` (same static shape)
/// are contiguous row-major in both: those form one row memcpy can move.
static int64_t contiguousTrailingDims(MemRefType source, MemRefType target) {
  SmallVector<int64_t> sourceStrides, targetStrides;
  int64_t sourceOffset, targetOffset;
  if (!source.hasStaticShape() ||
      failed(source.getStridesAndOffset(sourceStrides, sourceOffset)) ||
      failed(target.getStridesAndOffset(targetStrides, targetOffset)))
    return 0;
  int64_t dims = 0, expected = 1;
  for (int64_t i = source.getRank() - 1; i >= 0; --i, ++dims) {
    if (sourceStrides[i] != expected || targetStrides[i] != expected)
      break;
    expected *= source.getDimSize(i);
  }
  return dims;
}

/// `value[ivs..., 0...]` over the trailing `rowDims` dimensions as a 1-D
/// contiguous memref (rank-reduced subview, then collapse).
static Value rowView(OpBuilder &b, Location loc, Value value, ValueRange ivs,
                     int64_t rowDims) {
  auto type = cast<MemRefType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(ivs.begin(), ivs.end());
  SmallVector<OpFoldResult> sizes(ivs.size(), b.getIndexAttr(1));
  for (int64_t d = ivs.size(); d < rank; ++d) {
    offsets.push_back(b.getIndexAttr(0));
    sizes.push_back(b.getIndexAttr(type.getDimSize(d)));
  }
  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  ArrayRef<int64_t> rowShape = type.getShape().take_back(rowDims);
  MemRefType rowType = memref::SubViewOp::inferRankReducedResultType(
      rowShape, type, offsets, sizes, strides);
  Value row = memref::SubViewOp::create(b, loc, rowType, value, offsets, sizes,
                                        strides);
  if (rowDims == 1)
    return row;
  ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, rowDims));
  return memref::CollapseShapeOp::create(b, loc, row,
                                         ArrayRef<ReassociationIndices>{all});
}

namespace {
struct NNStridedCopyToLinalgPass
    : nn::impl::NNStridedCopyToLinalgPassBase<NNStridedCopyToLinalgPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp copy) {
      auto contiguous = [](Type t) {
        auto type = cast<MemRefType>(t);
        return type.getLayout().isIdentity();
      };
      if (!contiguous(copy.getSource().getType()) ||
          !contiguous(copy.getTarget().getType()))
        copies.push_back(copy);
    });
    for (memref::CopyOp copy : copies) {
      OpBuilder b(copy);
      Location loc = copy.getLoc();
      auto source = cast<MemRefType>(copy.getSource().getType());
      auto target = cast<MemRefType>(copy.getTarget().getType());
      int64_t rowDims = contiguousTrailingDims(source, target);
      int64_t rowBytes = 1;
      for (int64_t size : source.getShape().take_back(rowDims))
        rowBytes *= size;
      rowBytes *= source.getElementTypeBitWidth() / 8;
      if (rowDims == 0 || rowBytes < kMinRowBytes) {
        linalg::CopyOp::create(b, loc, copy.getSource(), copy.getTarget());
        copy.erase();
        continue;
      }
      // Loops over the outer dimensions, one memcpy per contiguous row
      // (the padded copies of tensor.pad move whole rows of channels).
      int64_t outer = source.getRank() - rowDims;
      SmallVector<Value> lbs, ubs, steps;
      for (int64_t d = 0; d < outer; ++d) {
        lbs.push_back(arith::ConstantIndexOp::create(b, loc, 0));
        ubs.push_back(
            arith::ConstantIndexOp::create(b, loc, source.getDimSize(d)));
        steps.push_back(arith::ConstantIndexOp::create(b, loc, 1));
      }
      scf::buildLoopNest(
          b, loc, lbs, ubs, steps,
          [&](OpBuilder &nested, Location nestedLoc, ValueRange ivs) {
            memref::CopyOp::create(
                nested, nestedLoc,
                rowView(nested, nestedLoc, copy.getSource(), ivs, rowDims),
                rowView(nested, nestedLoc, copy.getTarget(), ivs, rowDims));
          });
      copy.erase();
    }
  }
};
} // namespace
