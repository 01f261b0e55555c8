//===- Passes.td - nn analysis passes ----------------------*- tablegen -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_PASSES_TD
#define NN_ANALYSIS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNAnnotateCost : Pass<"nn-annotate-cost", "::mlir::ModuleOp"> {
  let summary = "Attach each layer's MACC, ROM, activation bytes and "
                "cumulative shares, and the model's totals";
  let description = [{
    Reads every nn op's CostOpInterface (docs/cost-model.md) in execution
    order and attaches to each layer (every nn op but `nn.constant`):

    * `nn.macc`, `nn.pure_macs`, `nn.params`, `nn.rom` (bytes),
      `nn.activation_bytes` (its outputs), all `i64`;
    * `nn.macc_share`, `nn.rom_share`: the layer's percentage of the
      function's total, and `nn.c_macc`, `nn.c_rom`: the percentage of this
      and all earlier layers, reaching 100 at the last layer (`f64`).

    Each function, and the module, gets the totals `nn.macc`,
    `nn.pure_macs`, `nn.params`, `nn.weights_bytes`,
    `nn.largest_activation_bytes`, `nn.input_bytes`, `nn.output_bytes`.
    A weight shared by several layers counts once, at its first reader.
    The memory planner's `nn.arena_size` and `nn.lower_bound` are left as
    they are. Fails with an error naming the op when a shape is dynamic or
    a count would overflow 64 bits.
  }];
}

def NNReport : Pass<"nn-report", "::mlir::ModuleOp"> {
  let summary = "Print the per-layer cost report (table or JSON)";
  let description = [{
    Prints to stdout one row per layer: index, name (from the op's
    location, which the TFLite importer sets to the output tensor's name),
    op type, output shape and type, params, MACC, own MACC %, `c_macc` %,
    ROM, `c_rom` %, activation bytes and a bar of the layer's MACC share;
    then the totals, including the planned arena (`nn.arena_size`) when the
    memory planner ran. `format=json` prints the same data with the stable
    keys documented in docs/cost-model.md. The IR is left unchanged.
  }];
  let options = [
    Option<"format", "format", "::mlir::nn::ReportFormat",
           "::mlir::nn::ReportFormat::Text", "Output format",
           [{::llvm::cl::values(
               clEnumValN(::mlir::nn::ReportFormat::Text, "text",
                          "a table with thousands separators"),
               clEnumValN(::mlir::nn::ReportFormat::JSON, "json",
                          "JSON with stable keys"))}]>,
  ];
}

#endif // NN_ANALYSIS_PASSES_TD
