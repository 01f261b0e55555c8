//===- CostReport.cpp - the cost report as a table and as JSON --*- C++ -*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostAnalysis.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <cmath>

using namespace mlir;
using namespace mlir::nn;

std::string nn::formatWithSeparators(int64_t value) {
  std::string digits = std::to_string(value);
  size_t firstDigit = value < 0 ? 1 : 0;
  std::string result;
  for (size_t i = 0; i < digits.size(); ++i) {
    size_t fromEnd = digits.size() - i;
    if (i > firstDigit && fromEnd % 3 == 0)
      result += ',';
    result += digits[i];
  }
  return result;
}

/// A percentage with one decimal, e.g. "31.8".
static std::string formatPercent(double percent) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.1f", percent);
  return text;
}

/// A bar of `width` cells, filled in proportion to `percent`.
static std::string formatBar(double percent, unsigned width) {
  auto filled = static_cast<unsigned>(std::lround(percent / 100.0 * width));
  filled = std::min(filled, width);
  return "|" + std::string(filled, '#') + std::string(width - filled, ' ') +
         "|";
}

/// Widest layer name the text report prints.
static constexpr size_t kNameWidth = 40;

/// `name` cut in the middle to at most `width` characters: TFLite tensor
/// names join every fused op's name with ';' and run to hundreds of
/// characters. The JSON form keeps them whole.
static std::string elide(StringRef name, size_t width) {
  if (name.size() <= width)
    return name.str();
  size_t head = (width - 3) / 2;
  size_t tail = width - 3 - head;
  return (name.take_front(head) + "..." + name.take_back(tail)).str();
}

namespace {
/// Columns sized to their widest cell; numbers right-aligned.
class Table {
public:
  Table(ArrayRef<StringRef> header, ArrayRef<bool> rightAligned)
      : rightAligned(rightAligned) {
    rows.emplace_back(header.begin(), header.end());
  }
  void addRow(SmallVector<std::string> row) { rows.push_back(std::move(row)); }
  void print(llvm::raw_ostream &os) const {
    SmallVector<size_t> widths(rightAligned.size(), 0);
    for (const auto &row : rows)
      for (auto [i, cell] : llvm::enumerate(row))
        widths[i] = std::max(widths[i], cell.size());
    for (const auto &row : rows) {
      std::string line;
      for (auto [i, cell] : llvm::enumerate(row)) {
        std::string pad(widths[i] - cell.size(), ' ');
        line += i ? "  " : "";
        line += rightAligned[i] ? pad + cell : cell + pad;
      }
      os << StringRef(line).rtrim() << "\n";
    }
  }

private:
  SmallVector<bool> rightAligned;
  SmallVector<SmallVector<std::string>> rows;
};
} // namespace

static void printTotals(const CostTotals &totals, llvm::raw_ostream &os) {
  auto line = [&](StringRef label, std::string value, StringRef unit = "") {
    os << "  " << llvm::left_justify(label, 20)
       << llvm::right_justify(value, 14);
    if (!unit.empty())
      os << " " << unit;
    os << "\n";
  };
  auto optional = [](std::optional<int64_t> value) {
    return value ? formatWithSeparators(*value) : std::string("-");
  };
  line("MACC", formatWithSeparators(totals.macc));
  line("pure MACs", formatWithSeparators(totals.pureMacs));
  line("params", formatWithSeparators(totals.params));
  line("weights ROM", formatWithSeparators(totals.weightsBytes), "B");
  line("largest activation",
       formatWithSeparators(totals.largestActivationBytes), "B");
  line("arena (planned)", optional(totals.arenaBytes),
       totals.arenaBytes ? "B" : "(memory planner not run)");
  line("arena lower bound", optional(totals.lowerBoundBytes),
       totals.lowerBoundBytes ? "B" : "");
  if (totals.peakLayer)
    line("peak live", optional(totals.peakLiveBytes),
         "B at " + elide(*totals.peakLayer, kNameWidth));
  line("inputs", formatWithSeparators(totals.inputBytes), "B");
  line("outputs", formatWithSeparators(totals.outputBytes), "B");
}

void nn::printCostReport(const ModuleCost &cost, llvm::raw_ostream &os) {
  constexpr unsigned kBarWidth = 20;
  for (const FunctionCost &function : cost.functions) {
    os << "@" << function.name << ": " << function.layers.size()
       << " layers\n\n";
    Table table({"#", "name", "type", "output", "params", "MACC", "MACC %",
                 "c_macc %", "ROM", "c_rom %", "act. bytes", "live bytes",
                 "MACC share"},
                {true, false, false, false, true, true, true, true, true, true,
                 true, true, false});
    // The first layer with the most live bytes gets a '*'.
    const LayerCost *peak = nullptr;
    for (const LayerCost &layer : function.layers)
      if (layer.liveBytes && (!peak || *layer.liveBytes > *peak->liveBytes))
        peak = &layer;
    for (auto [index, layer] : llvm::enumerate(function.layers)) {
      std::string live = "-  ";
      if (layer.liveBytes)
        live = formatWithSeparators(*layer.liveBytes) +
               (&layer == peak ? " *" : "  ");
      table.addRow(
          {std::to_string(index), elide(layer.name, kNameWidth), layer.type,
           layer.output, formatWithSeparators(layer.params),
           formatWithSeparators(layer.macc), formatPercent(layer.maccShare),
           formatPercent(layer.cumulativeMacc),
           formatWithSeparators(layer.romBytes),
           formatPercent(layer.cumulativeRom),
           formatWithSeparators(layer.activationBytes), live,
           formatBar(layer.maccShare, kBarWidth)});
    }
    table.print(os);
    os << "\ntotals of @" << function.name << "\n";
    printTotals(function.totals, os);
    os << "\n";
  }
  if (cost.functions.size() > 1) {
    os << "totals of the module\n";
    printTotals(cost.totals, os);
  }
}

/// A percentage as a JSON number with two decimals.
static void writePercent(llvm::json::OStream &json, StringRef key,
                         double percent) {
  json.attributeBegin(key);
  json.rawValue(
      [&](llvm::raw_ostream &os) { os << llvm::format("%.2f", percent); });
  json.attributeEnd();
}

static void writeOptional(llvm::json::OStream &json, StringRef key,
                          std::optional<int64_t> value) {
  if (value)
    json.attribute(key, *value);
  else
    json.attribute(key, nullptr);
}

static void writeTotals(llvm::json::OStream &json, const CostTotals &totals) {
  json.attribute("macc", totals.macc);
  json.attribute("pure_macs", totals.pureMacs);
  json.attribute("params", totals.params);
  json.attribute("weights_bytes", totals.weightsBytes);
  json.attribute("activations_bytes", totals.getActivationsBytes());
  json.attribute("largest_activation_bytes", totals.largestActivationBytes);
  writeOptional(json, "arena_bytes", totals.arenaBytes);
  writeOptional(json, "lower_bound_bytes", totals.lowerBoundBytes);
  writeOptional(json, "peak_live_bytes", totals.peakLiveBytes);
  if (totals.peakLayer)
    json.attribute("peak_layer", *totals.peakLayer);
  else
    json.attribute("peak_layer", nullptr);
  json.attribute("input_bytes", totals.inputBytes);
  json.attribute("output_bytes", totals.outputBytes);
}

void nn::printCostReportJSON(const ModuleCost &cost, llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    writeTotals(json, cost.totals);
    json.attributeArray("layers", [&] {
      for (const FunctionCost &function : cost.functions) {
        for (size_t index = 0; index < function.layers.size(); ++index) {
          const LayerCost &layer = function.layers[index];
          json.object([&] {
            json.attribute("index", static_cast<int64_t>(index));
            json.attribute("function", function.name);
            json.attribute("name", layer.name);
            json.attribute("type", layer.type);
            json.attribute("output", layer.output);
            json.attribute("params", layer.params);
            json.attribute("macc", layer.macc);
            json.attribute("pure_macs", layer.pureMacs);
            writePercent(json, "macc_share", layer.maccShare);
            writePercent(json, "c_macc", layer.cumulativeMacc);
            json.attribute("rom", layer.romBytes);
            writePercent(json, "rom_share", layer.romShare);
            writePercent(json, "c_rom", layer.cumulativeRom);
            json.attribute("activation_bytes", layer.activationBytes);
            writeOptional(json, "live_bytes", layer.liveBytes);
          });
        }
      }
    });
    json.attributeArray("functions", [&] {
      for (const FunctionCost &function : cost.functions)
        json.object([&] {
          json.attribute("name", function.name);
          json.attribute("layers",
                         static_cast<int64_t>(function.layers.size()));
          writeTotals(json, function.totals);
        });
    });
  });
  os << "\n";
}
