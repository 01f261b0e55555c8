//===- ArmDsp.cpp - int8 dot products with the Arm DSP extension ----------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "ArmDsp.h"
#include "QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::nn;

/// `indices` with `offset` added to the last one.
static SmallVector<Value> offsetLast(OpBuilder &b, Location l,
                                     ValueRange indices, Value offset) {
  SmallVector<Value> result(indices);
  result.back() = arith::AddIOp::create(b, l, result.back(), offset);
  return result;
}

/// Four consecutive int8 elements as one little-endian i32 word: a
/// vector<4xi8> read (one unaligned 32-bit LDR on the Cortex-M) bitcast to
/// i32.
static Value loadWord(OpBuilder &b, Location l, Value tensor,
                      ValueRange indices) {
  Value pad = arith::ConstantOp::create(b, l, b.getI8IntegerAttr(0));
  Value bytes = vector::TransferReadOp::create(
      b, l, VectorType::get({4}, b.getI8Type()), tensor, indices, pad,
      ArrayRef<bool>{true});
  Value word = vector::BitCastOp::create(
      b, l, VectorType::get({1}, b.getI32Type()), bytes);
  return vector::ExtractOp::create(b, l, word, ArrayRef<int64_t>{0});
}

static Value callIntrinsic(OpBuilder &b, Location l, StringRef name,
                           ValueRange args) {
  return LLVM::CallIntrinsicOp::create(b, l, b.getI32Type(),
                                       b.getStringAttr(name), args)
      .getResult(0);
}

/// SXTB16: bytes 0 and 2 of `word` sign-extended into two halfwords.
static Value sxtb16(OpBuilder &b, Location l, Value word) {
  return callIntrinsic(b, l, "llvm.arm.sxtb16", {word});
}

/// `word` rotated right by 8 bits, which SXTB16 folds into its own rotation
/// field: SXTB16(ROR(word, 8)) extends bytes 1 and 3.
static Value rotateRight8(OpBuilder &b, Location l, Value word) {
  Value right = arith::ShRUIOp::create(b, l, word, constI32(b, l, 8));
  Value left = arith::ShLIOp::create(b, l, word, constI32(b, l, 24));
  return arith::OrIOp::create(b, l, right, left);
}

/// SXTAB16: `addend` plus bytes 0 and 2 of `word` sign-extended, per
/// halfword.
static Value sxtab16(OpBuilder &b, Location l, Value addend, Value word) {
  return callIntrinsic(b, l, "llvm.arm.sxtab16", {addend, word});
}

/// A word split into its sign-extended halfword pairs: bytes 0 and 2, then
/// bytes 1 and 3; with `zp`, minus `zp` in every halfword (SXTAB16, exact:
/// int8 - int8 lies in [-255, 255]).
static std::pair<Value, Value> splitWord(OpBuilder &b, Location l, Value word,
                                         int32_t zp = 0) {
  if (!zp)
    return {sxtb16(b, l, word), sxtb16(b, l, rotateRight8(b, l, word))};
  uint32_t half = static_cast<uint32_t>(-zp) & 0xffff;
  Value offset = constI32(b, l, static_cast<int32_t>(half * 0x10001u));
  return {sxtab16(b, l, offset, word),
          sxtab16(b, l, offset, rotateRight8(b, l, word))};
}

std::pair<Value, Value> mlir::nn::buildArmDspSplitWord(OpBuilder &b, Location l,
                                                       Value w,
                                                       ValueRange indices) {
  return splitWord(b, l, loadWord(b, l, w, indices));
}

SmallVector<Value, 4>
mlir::nn::buildArmDspDepthwiseTap(OpBuilder &b, Location l, ValueRange accs,
                                  Value x, ValueRange xIndices, int32_t xZp,
                                  Value w02, Value w13) {
  auto [x02, x13] = splitWord(b, l, loadWord(b, l, x, xIndices), xZp);
  auto mac = [&](StringRef name, Value xs, Value ws, Value acc) {
    return callIntrinsic(b, l, name, {xs, ws, acc});
  };
  return {mac("llvm.arm.smlabb", x02, w02, accs[0]),
          mac("llvm.arm.smlabb", x13, w13, accs[1]),
          mac("llvm.arm.smlatt", x02, w02, accs[2]),
          mac("llvm.arm.smlatt", x13, w13, accs[3])};
}

/// `accs[i * ws + j] + sum(x_i[k] * w_j[k] for k < length)` for the
/// `xIndices.size()` rows x_i of `x` and `ws = wIndices.size()` rows w_j of
/// `w` (a register block): each word of a row is loaded and split once and
/// used by every product it takes part in. The word loop takes `unroll` words
/// per iteration (the rest straight-line), which spreads its counter update
/// and compare over more multiply-accumulates.
static SmallVector<Value>
buildDotProducts(OpBuilder &b, Location l, ValueRange accs, Value x,
                 ArrayRef<SmallVector<Value>> xIndices, Value w,
                 ArrayRef<SmallVector<Value>> wIndices, int64_t length,
                 int64_t unroll = 1, int32_t xZp = 0) {
  auto index = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, l, v);
  };
  size_t ws = wIndices.size();
  auto word = [&](OpBuilder &wb, Location wl, Value offset,
                  ValueRange sums) -> SmallVector<Value> {
    SmallVector<std::pair<Value, Value>> wPairs;
    for (const SmallVector<Value> &indices : wIndices)
      wPairs.push_back(splitWord(
          wb, wl, loadWord(wb, wl, w, offsetLast(wb, wl, indices, offset))));
    SmallVector<Value> next(sums);
    for (auto [i, indices] : llvm::enumerate(xIndices)) {
      auto [x02, x13] = splitWord(
          wb, wl, loadWord(wb, wl, x, offsetLast(wb, wl, indices, offset)),
          xZp);
      for (size_t j = 0; j < ws; ++j) {
        Value &acc = next[i * ws + j];
        acc = callIntrinsic(wb, wl, "llvm.arm.smlad",
                            {x02, wPairs[j].first, acc});
        acc = callIntrinsic(wb, wl, "llvm.arm.smlad",
                            {x13, wPairs[j].second, acc});
      }
    }
    return next;
  };
  // `count` consecutive words from `offset`.
  auto words = [&](OpBuilder &wb, Location wl, Value offset, int64_t count,
                   ValueRange sums) -> SmallVector<Value> {
    SmallVector<Value> next(sums);
    for (int64_t u = 0; u < count; ++u) {
      Value at =
          u ? arith::AddIOp::create(
                  wb, wl, offset, arith::ConstantIndexOp::create(wb, wl, 4 * u))
                  .getResult()
            : offset;
      next = word(wb, wl, at, next);
    }
    return next;
  };
  SmallVector<Value> result(accs);
  int64_t wordCount = length / 4, step = 4 * unroll;
  int64_t loopEnd = wordCount / unroll * step, wordEnd = wordCount * 4;
  if (loopEnd == step) {
    result = words(b, l, index(0), unroll, result);
  } else if (loopEnd > step) {
    auto loop = scf::ForOp::create(
        b, l, index(0), index(loopEnd), index(step), result,
        [&](OpBuilder &fb, Location fl, Value iv, ValueRange args) {
          scf::YieldOp::create(fb, fl, words(fb, fl, iv, unroll, args));
        });
    result.assign(loop.getResults().begin(), loop.getResults().end());
  }
  if (wordEnd > loopEnd)
    result = words(b, l, index(loopEnd), (wordEnd - loopEnd) / 4, result);
  // The remainder, one product at a time.
  for (int64_t k = wordEnd; k < length; ++k) {
    auto element = [&](Value tensor, ValueRange indices) -> Value {
      Value e = tensor::ExtractOp::create(b, l, tensor,
                                          offsetLast(b, l, indices, index(k)));
      return arith::ExtSIOp::create(b, l, b.getI32Type(), e);
    };
    SmallVector<Value> wk;
    for (const SmallVector<Value> &indices : wIndices)
      wk.push_back(element(w, indices));
    for (auto [i, indices] : llvm::enumerate(xIndices)) {
      Value xk = element(x, indices);
      if (xZp)
        xk = arith::SubIOp::create(b, l, xk, constI32(b, l, xZp));
      for (size_t j = 0; j < ws; ++j)
        result[i * ws + j] = arith::AddIOp::create(
            b, l, result[i * ws + j], arith::MulIOp::create(b, l, xk, wk[j]));
    }
  }
  return result;
}

Value mlir::nn::buildArmDspDotProduct(OpBuilder &b, Location l, Value acc,
                                      Value x, ValueRange xIndices, Value w,
                                      ValueRange wIndices, int64_t length) {
  return buildDotProducts(b, l, acc, x, {SmallVector<Value>(xIndices)}, w,
                          {SmallVector<Value>(wIndices)}, length)[0];
}

SmallVector<Value>
mlir::nn::buildArmDspDotProducts(OpBuilder &b, Location l, ValueRange accs,
                                 Value x, ValueRange xIndices, int32_t xZp,
                                 Value w, ArrayRef<SmallVector<Value>> wIndices,
                                 int64_t length) {
  return buildDotProducts(b, l, accs, x, {SmallVector<Value>(xIndices)}, w,
                          wIndices, length, /*unroll=*/1, xZp);
}

SmallVector<Value> mlir::nn::buildArmDspWideDotProducts(
    OpBuilder &b, Location l, ValueRange accs, Value x, ValueRange xIndices,
    int32_t xZp, Value wide, ArrayRef<SmallVector<Value>> wideIndices, Value w,
    ArrayRef<SmallVector<Value>> wIndices, int64_t length) {
  auto index = [&](OpBuilder &ib, Location il, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(ib, il, v);
  };
  // Word k of the run: x's split once, then each row's two widened words.
  auto word = [&](OpBuilder &wb, Location wl, Value k,
                  ValueRange sums) -> SmallVector<Value> {
    Value offset =
        arith::MulIOp::create(wb, wl, k, index(wb, wl, 4)).getResult();
    auto [x02, x13] = splitWord(
        wb, wl, loadWord(wb, wl, x, offsetLast(wb, wl, xIndices, offset)), xZp);
    Value column =
        arith::MulIOp::create(wb, wl, k, index(wb, wl, 2)).getResult();
    SmallVector<Value> next(sums);
    for (auto [j, indices] : llvm::enumerate(wideIndices)) {
      SmallVector<Value> at(indices);
      at.push_back(column);
      Value w02 = tensor::ExtractOp::create(wb, wl, wide, at);
      at.back() = arith::AddIOp::create(wb, wl, column, index(wb, wl, 1));
      Value w13 = tensor::ExtractOp::create(wb, wl, wide, at);
      next[j] = callIntrinsic(wb, wl, "llvm.arm.smlad", {x02, w02, next[j]});
      next[j] = callIntrinsic(wb, wl, "llvm.arm.smlad", {x13, w13, next[j]});
    }
    return next;
  };
  SmallVector<Value> result(accs);
  int64_t words = length / 4;
  if (words == 1) {
    result = word(b, l, index(b, l, 0), result);
  } else if (words > 1) {
    auto loop = scf::ForOp::create(
        b, l, index(b, l, 0), index(b, l, words), index(b, l, 1), result,
        [&](OpBuilder &fb, Location fl, Value k, ValueRange args) {
          scf::YieldOp::create(fb, fl, word(fb, fl, k, args));
        });
    result.assign(loop.getResults().begin(), loop.getResults().end());
  }
  // The remainder, one product at a time, from the int8 rows.
  for (int64_t k = words * 4; k < length; ++k) {
    auto element = [&](Value tensor, ValueRange indices) -> Value {
      Value e = tensor::ExtractOp::create(
          b, l, tensor, offsetLast(b, l, indices, index(b, l, k)));
      return arith::ExtSIOp::create(b, l, b.getI32Type(), e);
    };
    Value xk = element(x, xIndices);
    if (xZp)
      xk = arith::SubIOp::create(b, l, xk, constI32(b, l, xZp));
    for (auto [j, indices] : llvm::enumerate(wIndices))
      result[j] = arith::AddIOp::create(
          b, l, result[j],
          arith::MulIOp::create(b, l, xk, element(w, indices)));
  }
  return result;
}

Value mlir::nn::buildArmDspMatmul(OpBuilder &b, Location l, Value x, Value w,
                                  Value init, const ArmDspEpilogue &epilogue) {
  auto xType = cast<RankedTensorType>(x.getType());
  int64_t rows = xType.getDimSize(0), length = xType.getDimSize(1);
  int64_t channels = cast<RankedTensorType>(w.getType()).getDimSize(0);
  // Several rows (1x1 convolution pixels, batches) share each weight word
  // across 2 rows x 2 channels. A single row (a batch-1 fully connected
  // layer) has no second row to share with: each input word serves 4
  // channels instead, and the word loop takes up to 8 words per iteration,
  // which spreads its counter, compare and the few spills over 128 products
  // (autoencoder on the M4: 2 words 514,920, 4 words 486,560, 8 words
  // 448,600 instructions); it keeps at least 2 iterations (4 straight-line
  // words of 4 channels spill). Reductions shorter than 8 words keep the 1 x
  // 2 blocks: there 4 channels' accumulators and epilogues cost more than
  // they share (hello_world's 16-long rows: +40 instructions). Leftover rows
  // and channels form one smaller block.
  bool wide = rows == 1 && length >= 32;
  int64_t rowBlock = rows == 1 ? 1 : 2, channelBlock = wide ? 4 : 2;
  int64_t unroll = wide ? std::clamp<int64_t>(length / 4 / 2, 1, 8) : 1;
  auto index = [](OpBuilder &ib, Location il, int64_t v) -> Value {
    return arith::ConstantIndexOp::create(ib, il, v);
  };
  auto offset = [&](OpBuilder &ib, Location il, Value base,
                    int64_t i) -> Value {
    return i ? arith::AddIOp::create(ib, il, base, index(ib, il, i)).getResult()
             : base;
  };
  // The blockRows x blockChannels outputs from (row, channel): the dot
  // products in registers, then each one's epilogue and insert into `out`.
  auto block = [&](OpBuilder &bb, Location bl, Value out, Value row,
                   Value channel, int64_t blockRows,
                   int64_t blockChannels) -> Value {
    Value zero = index(bb, bl, 0);
    SmallVector<Value> rowIds, channelIds;
    SmallVector<SmallVector<Value>> xIndices, wIndices;
    for (int64_t i = 0; i < blockRows; ++i) {
      rowIds.push_back(offset(bb, bl, row, i));
      xIndices.push_back({rowIds.back(), zero});
    }
    for (int64_t j = 0; j < blockChannels; ++j) {
      channelIds.push_back(offset(bb, bl, channel, j));
      wIndices.push_back({channelIds.back(), zero});
    }
    Value acc0 = arith::ConstantOp::create(bb, bl, bb.getI32IntegerAttr(0));
    SmallVector<Value> accs(blockRows * blockChannels, acc0);
    accs = buildDotProducts(bb, bl, accs, x, xIndices, w, wIndices, length,
                            unroll);
    for (int64_t i = 0; i < blockRows; ++i)
      for (int64_t j = 0; j < blockChannels; ++j) {
        Value v = epilogue(bb, bl, accs[i * blockChannels + j], channelIds[j]);
        out = tensor::InsertOp::create(bb, bl, v, out,
                                       ValueRange{rowIds[i], channelIds[j]});
      }
    return out;
  };
  auto blockRow = [&](OpBuilder &rb, Location rl, Value out, Value row,
                      int64_t blockRows) -> Value {
    int64_t blockEnd = channels / channelBlock * channelBlock;
    if (blockEnd > 0)
      out = scf::ForOp::create(
                rb, rl, index(rb, rl, 0), index(rb, rl, blockEnd),
                index(rb, rl, channelBlock), ValueRange{out},
                [&](OpBuilder &cb, Location cl, Value c, ValueRange args) {
                  scf::YieldOp::create(
                      cb, cl,
                      block(cb, cl, args[0], row, c, blockRows, channelBlock));
                })
                .getResult(0);
    if (channels > blockEnd)
      out = block(rb, rl, out, row, index(rb, rl, blockEnd), blockRows,
                  channels - blockEnd);
    return out;
  };
  Value out = init;
  int64_t blockEnd = rows / rowBlock * rowBlock;
  if (blockEnd == rowBlock)
    out = blockRow(b, l, out, index(b, l, 0), rowBlock);
  else if (blockEnd > 0)
    out = scf::ForOp::create(
              b, l, index(b, l, 0), index(b, l, blockEnd),
              index(b, l, rowBlock), ValueRange{out},
              [&](OpBuilder &rb, Location rl, Value r, ValueRange args) {
                scf::YieldOp::create(rb, rl,
                                     blockRow(rb, rl, args[0], r, rowBlock));
              })
              .getResult(0);
  if (rows > blockEnd)
    out = blockRow(b, l, out, index(b, l, blockEnd), rows - blockEnd);
  return out;
}
