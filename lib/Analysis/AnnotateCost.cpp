//===- AnnotateCost.cpp - --nn-annotate-cost --------------------*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostAnalysis.h"
#include "nn/Analysis/Passes.h"

#include "mlir/IR/Builders.h"

namespace mlir::nn {
#define GEN_PASS_DEF_NNANNOTATECOST
#include "nn/Analysis/Passes.h.inc"
} // namespace mlir::nn

using namespace mlir;
using namespace mlir::nn;

namespace {

/// Sets the totals on a function or the module.
void setTotals(Operation *op, const CostTotals &totals) {
  Builder b(op->getContext());
  op->setAttr("nn.macc", b.getI64IntegerAttr(totals.macc));
  op->setAttr("nn.pure_macs", b.getI64IntegerAttr(totals.pureMacs));
  op->setAttr("nn.params", b.getI64IntegerAttr(totals.params));
  op->setAttr("nn.weights_bytes", b.getI64IntegerAttr(totals.weightsBytes));
  op->setAttr("nn.largest_activation_bytes",
              b.getI64IntegerAttr(totals.largestActivationBytes));
  op->setAttr("nn.input_bytes", b.getI64IntegerAttr(totals.inputBytes));
  op->setAttr("nn.output_bytes", b.getI64IntegerAttr(totals.outputBytes));
}

struct AnnotateCostPass
    : public nn::impl::NNAnnotateCostBase<AnnotateCostPass> {
  void runOnOperation() override {
    FailureOr<ModuleCost> cost = analyzeCost(getOperation());
    if (failed(cost))
      return signalPassFailure();
    Builder b(&getContext());
    for (const FunctionCost &function : cost->functions) {
      for (const LayerCost &layer : function.layers) {
        Operation *op = layer.op;
        op->setAttr("nn.macc", b.getI64IntegerAttr(layer.macc));
        op->setAttr("nn.pure_macs", b.getI64IntegerAttr(layer.pureMacs));
        op->setAttr("nn.params", b.getI64IntegerAttr(layer.params));
        op->setAttr("nn.rom", b.getI64IntegerAttr(layer.romBytes));
        op->setAttr("nn.activation_bytes",
                    b.getI64IntegerAttr(layer.activationBytes));
        op->setAttr("nn.macc_share", b.getF64FloatAttr(layer.maccShare));
        op->setAttr("nn.c_macc", b.getF64FloatAttr(layer.cumulativeMacc));
        op->setAttr("nn.rom_share", b.getF64FloatAttr(layer.romShare));
        op->setAttr("nn.c_rom", b.getF64FloatAttr(layer.cumulativeRom));
      }
      setTotals(function.func, function.totals);
    }
    setTotals(getOperation(), cost->totals);
    markAllAnalysesPreserved();
  }
};

} // namespace
