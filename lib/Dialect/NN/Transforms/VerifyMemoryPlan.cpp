//===- VerifyMemoryPlan.cpp - check an arena plan ----------------*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Trusts nothing the planner decided: offsets and sizes come from the
// attributes, liveness is recomputed, and the core's checker tests every
// pair of buffers alive together.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/TensorLiveness.h"
#include "nn/Dialect/NN/Transforms/Passes.h"

#include "llvm/Support/MathExtras.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNVERIFYMEMORYPLAN
#include "nn/Dialect/NN/Transforms/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {
/// Where a buffer's placement attributes live.
struct Placement {
  IntegerAttr offset;
  IntegerAttr size;
};

Placement getPlacement(func::FuncOp func, const TensorBuffer &b) {
  if (b.kind == BufferKind::Scratch)
    return {b.owner->getAttrOfType<IntegerAttr>(kScratchOffsetAttr),
            b.owner->getAttrOfType<IntegerAttr>(kScratchSizeAttr)};
  if (auto arg = dyn_cast<BlockArgument>(b.value))
    return {func.getArgAttrOfType<IntegerAttr>(arg.getArgNumber(), kOffsetAttr),
            func.getArgAttrOfType<IntegerAttr>(arg.getArgNumber(), kSizeAttr)};
  return {b.owner->getAttrOfType<IntegerAttr>(kOffsetAttr),
          b.owner->getAttrOfType<IntegerAttr>(kSizeAttr)};
}

Location getLoc(const TensorBuffer &b) {
  return b.owner ? b.owner->getLoc() : b.value.getLoc();
}

LogicalResult verifyFunction(func::FuncOp func) {
  auto arenaAttr = func->getAttrOfType<IntegerAttr>(kArenaSizeAttr);
  auto alignmentAttr = func->getAttrOfType<IntegerAttr>(kAlignmentAttr);
  if (!alignmentAttr || alignmentAttr.getInt() <= 0 ||
      !llvm::isPowerOf2_64(alignmentAttr.getInt()))
    return func.emitOpError()
           << "has '" << kArenaSizeAttr << "' but no '" << kAlignmentAttr
           << "' power of two to check offsets against";
  int64_t arenaSize = arenaAttr.getInt();

  // Arguments and outputs without a placement stay in user buffers.
  Operation *terminator = func.getBody().front().getTerminator();
  auto isInArena = [&](Value v) {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return (bool)func.getArgAttr(arg.getArgNumber(), kOffsetAttr);
    if (llvm::is_contained(terminator->getOperands(), v))
      return v.getDefiningOp()->hasAttr(kOffsetAttr);
    return true;
  };
  TensorLivenessOptions options;
  options.alignment = alignmentAttr.getInt();
  options.isInArena = isInArena;
  FailureOr<SmallVector<TensorBuffer>> buffers =
      computeTensorLiveness(func, options);
  if (failed(buffers))
    return failure();

  SmallVector<memplan::Buffer> records;
  SmallVector<int64_t> offsets;
  bool ok = true;
  for (const TensorBuffer &b : *buffers) {
    Placement p = getPlacement(func, b);
    records.push_back(b.record);
    offsets.push_back(p.offset ? p.offset.getInt() : 0);
    if (!p.offset || !p.size) {
      emitError(getLoc(b)) << getBufferKindName(b.kind) << " '" << b.name
                           << "' has no placement; run --nn-plan-memory";
      ok = false;
      continue;
    }
    int64_t reserved = memplan::getReservedSize(b.record);
    if (p.size.getInt() < reserved) {
      emitError(getLoc(b)) << "'" << b.name << "' reserves " << p.size.getInt()
                           << " bytes but needs " << reserved;
      ok = false;
    }
  }
  if (!ok)
    return failure();

  auto range = [&](int64_t i) {
    return "[" + std::to_string(offsets[i]) + ", " +
           std::to_string(offsets[i] + memplan::getReservedSize(records[i])) +
           ")";
  };
  auto name = [&](int64_t i) { return "'" + (*buffers)[i].name + "'"; };
  std::vector<memplan::Violation> violations =
      memplan::verifyPlan(records, offsets, arenaSize);
  for (const memplan::Violation &v : violations) {
    const TensorBuffer &first = (*buffers)[v.first];
    switch (v.kind) {
    case memplan::Violation::Kind::Misaligned:
      emitError(getLoc(first))
          << name(v.first) << " at offset " << offsets[v.first]
          << " is not aligned to " << records[v.first].alignment << " bytes";
      break;
    case memplan::Violation::Kind::OutOfArena:
      emitError(getLoc(first))
          << name(v.first) << " occupies " << range(v.first)
          << ", outside the arena of " << arenaSize << " bytes";
      break;
    case memplan::Violation::Kind::Overlap: {
      InFlightDiagnostic diag = emitError(getLoc((*buffers)[v.second]))
                                << name(v.second) << " " << range(v.second)
                                << " overlaps " << name(v.first) << " "
                                << range(v.first)
                                << " while both are live at step " << v.step;
      diag.attachNote(getLoc(first)) << name(v.first) << " is defined here";
      break;
    }
    case memplan::Violation::Kind::AliasMismatch:
      emitError(getLoc((*buffers)[v.second]))
          << name(v.second) << " shares storage with " << name(v.first)
          << " but is placed at offset " << offsets[v.second] << ", not "
          << offsets[v.first];
      break;
    }
  }
  return success(violations.empty());
}

struct VerifyMemoryPlanPass
    : nn::impl::NNVerifyMemoryPlanBase<VerifyMemoryPlanPass> {
  void runOnOperation() override {
    bool ok = true;
    getOperation().walk([&](func::FuncOp func) {
      if (!func.isExternal() && func->hasAttr(kArenaSizeAttr))
        ok &= succeeded(verifyFunction(func));
    });
    if (!ok)
      signalPassFailure();
    markAllAnalysesPreserved();
  }
};
} // namespace
