//===- ArmDsp.h - int8 dot products with the Arm DSP extension --*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The `arm-dsp` option of --convert-nn-to-linalg: int8 inner products that
// read four operands as one 32-bit word and multiply-accumulate them two at
// a time with SXTB16 + SMLAD (Armv7E-M / Armv8-M Mainline DSP extension),
// as CMSIS-NN's kernels do.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_CONVERSION_NNTOLINALG_ARMDSP_H
#define NN_LIB_CONVERSION_NNTOLINALG_ARMDSP_H

#include "mlir/IR/Builders.h"

namespace mlir::nn {

/// `acc + sum(x[xIndices + i] * w[wIndices + i] for i < length)` in i32 for
/// int8 tensors `x` and `w`, the offset `i` added to the last index of both;
/// both must hold `length` elements along their last dimension from there.
/// Reads four elements of each as one i32 word (a vector<4xi8> load bitcast
/// to i32), splits the words into sign-extended halfword pairs with
/// `llvm.arm.sxtb16` (bytes 0 and 2) and `llvm.arm.sxtb16` of the word rotated
/// by 8 (bytes 1 and 3), and adds both pair products with `llvm.arm.smlad`.
/// Pairing the same bytes of both operands keeps the products exact: the sum
/// is the same i32 as the scalar loop's (addition wraps alike in any order).
/// The last `length % 4` products are scalar.
Value buildArmDspDotProduct(OpBuilder &b, Location loc, Value acc, Value x,
                            ValueRange xIndices, Value w, ValueRange wIndices,
                            int64_t length);

/// `accs[j] + sum((x[xIndices + k] - xZp) * w[wIndices[j] + k] for k <
/// length)` for the rows `wIndices[j]` of `w`: as buildArmDspDotProduct,
/// each word of `x` loaded and split once for all rows (an output channel
/// block of a convolution), the zero point subtracted by SXTAB16.
SmallVector<Value>
buildArmDspDotProducts(OpBuilder &b, Location loc, ValueRange accs, Value x,
                       ValueRange xIndices, int32_t xZp, Value w,
                       ArrayRef<SmallVector<Value>> wIndices, int64_t length);

/// As buildArmDspDotProducts, the rows' words widened at compile time:
/// word k of row j (its int8 elements 4k..4k+3) is the halfword pairs
/// `wide[wideIndices[j], 2k]` = (w_4k, w_4k+2) and `wide[wideIndices[j],
/// 2k + 1]` = (w_4k+1, w_4k+3), two loads instead of a load and two SXTB16;
/// the last `length % 4` products read the int8 rows `w[wIndices[j] + k]`.
SmallVector<Value> buildArmDspWideDotProducts(
    OpBuilder &b, Location loc, ValueRange accs, Value x, ValueRange xIndices,
    int32_t xZp, Value wide, ArrayRef<SmallVector<Value>> wideIndices, Value w,
    ArrayRef<SmallVector<Value>> wIndices, int64_t length);

/// The int8 word at `w[indices]` split into sign-extended halfword pairs:
/// bytes 0 and 2, then bytes 1 and 3 (SXTB16 of the word and of the word
/// rotated by 8).
std::pair<Value, Value> buildArmDspSplitWord(OpBuilder &b, Location loc,
                                             Value w, ValueRange indices);

/// `accs[j] + (x[xIndices + j] - xZp) * w_j` in i32 for the four channels
/// j < 4 of one depthwise tap (the offset `j` added to the last index of the
/// int8 tensor `x`), the weights given as halfword pairs `w02` = (w_0, w_2)
/// and `w13` = (w_1, w_3): one word of `x`, split into halfword pairs with
/// SXTAB16 adding `-xZp` to both halves (exact: x - xZp lies in [-255,
/// 255]), then SMLABB/SMLATT per channel.
SmallVector<Value, 4> buildArmDspDepthwiseTap(OpBuilder &b, Location loc,
                                              ValueRange accs, Value x,
                                              ValueRange xIndices, int32_t xZp,
                                              Value w02, Value w13);

/// The epilogue of an output (bias, requantization) from its i32
/// accumulator and its channel.
using ArmDspEpilogue =
    function_ref<Value(OpBuilder &, Location, Value acc, Value channel)>;

/// `out[r, c] = epilogue(sum(x[r, k] * w[c, k] for k), c)` for int8 `x`
/// [rows, K] and `w` [channels, K], written into `init` [rows, channels]:
/// loops over register blocks whose accumulators stay in registers and share
/// each loaded and split word: 2 rows x 2 channels when there are several
/// rows (four SMLAD pairs take two input and two weight words instead of four
/// each), 1 row x 4 channels for a single row of at least 32 (one input word
/// serves four weight words; the word loop unrolled up to 8 times); the
/// leftover rows and channels form one smaller block. Fully connected layers
/// and 1x1 convolutions (pixels as rows) use it.
Value buildArmDspMatmul(OpBuilder &b, Location loc, Value x, Value w,
                        Value init, const ArmDspEpilogue &epilogue);

/// Two int16 values as one i32 word, `lo` in the bottom halfword: the
/// operand layout of SMLAD and SMLABB/SMLATT, for weights widened at
/// compile time.
inline int32_t packHalfwords(int32_t lo, int32_t hi) {
  return static_cast<int32_t>((static_cast<uint32_t>(lo) & 0xffffu) |
                              (static_cast<uint32_t>(hi) << 16));
}

} // namespace mlir::nn

#endif // NN_LIB_CONVERSION_NNTOLINALG_ARMDSP_H
