//===- MemoryPlanReport.cpp - plan as JSON and SVG ---------------*- C++
//-*-===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/MemoryPlanReport.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <algorithm>

using namespace mlir::nn::memplan;

void mlir::nn::memplan::writePlanJSON(
    llvm::raw_ostream &os, llvm::ArrayRef<FunctionReport> functions) {
  llvm::json::Array functionArray;
  for (const FunctionReport &f : functions) {
    llvm::json::Array buffers;
    for (const ReportBuffer &b : f.buffers) {
      llvm::json::Object record{
          {"name", b.name},
          {"kind", b.kind},
          {"offset", b.offset},
          {"size", getReservedSize(b.record)},
          {"bytes", b.record.size},
          {"alignment", b.record.alignment},
          {"first_step", b.record.firstStep},
          {"last_step", b.record.lastStep},
      };
      if (b.record.aliasOf >= 0)
        record["alias_of"] = f.buffers[b.record.aliasOf].name;
      buffers.push_back(std::move(record));
    }
    functionArray.push_back(llvm::json::Object{
        {"name", f.function},
        {"arena_size", f.arenaSize},
        {"lower_bound", f.lowerBound},
        {"alignment", f.alignment},
        {"strategy", f.strategy},
        {"live_bytes", llvm::json::Array(f.liveBytes)},
        {"buffers", std::move(buffers)},
    });
  }
  os << llvm::formatv("{0:2}\n", llvm::json::Value(llvm::json::Object{
                                     {"functions", std::move(functionArray)}}));
}

static std::string escapeXML(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

void mlir::nn::memplan::writePlanSVG(llvm::raw_ostream &os,
                                     llvm::ArrayRef<FunctionReport> functions) {
  // Each panel: 800 x 400 plot area, step on x, offset on y (0 at bottom).
  const double width = 800, height = 400, margin = 60, title = 30;
  const double panel = height + 2 * margin + title;
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
     << int(width + 2 * margin) << "\" height=\""
     << int(panel * std::max<size_t>(functions.size(), 1)) << "\">\n";
  os << "<style>text{font-family:sans-serif;font-size:10px}"
        ".name{font-size:9px}</style>\n";
  static const char *colors[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"};
  for (auto [index, f] : llvm::enumerate(functions)) {
    double top = index * panel + title + margin / 2;
    int64_t steps = 1;
    for (const ReportBuffer &b : f.buffers)
      steps = std::max(steps, b.record.lastStep + 1);
    double arena = std::max<int64_t>(f.arenaSize, 1);
    double dx = width / steps, dy = height / arena;
    os << "<g>\n<text x=\"" << margin << "\" y=\"" << top - 10 << "\">"
       << escapeXML(f.function) << ": arena " << f.arenaSize
       << " B, lower bound " << f.lowerBound << " B, " << f.strategy
       << ", alignment " << f.alignment << "</text>\n";
    os << "<rect x=\"" << margin << "\" y=\"" << top << "\" width=\"" << width
       << "\" height=\"" << height << "\" fill=\"none\" stroke=\"black\"/>\n";
    for (const ReportBuffer &b : f.buffers) {
      int64_t size = getReservedSize(b.record);
      if (size == 0)
        continue;
      double x = margin + b.record.firstStep * dx;
      double w = (b.record.lastStep - b.record.firstStep + 1) * dx;
      double y = top + height - (b.offset + size) * dy;
      double h = size * dy;
      int color = b.kind == "input"     ? 1
                  : b.kind == "output"  ? 2
                  : b.kind == "scratch" ? 3
                                        : 0;
      os << "<g><title>" << escapeXML(b.name) << " (" << b.kind << "): ["
         << b.offset << ", " << b.offset + size << "), steps "
         << b.record.firstStep << "-" << b.record.lastStep << "</title>"
         << llvm::format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                         "height=\"%.1f\" ",
                         x, y, w, h)
         << "fill=\"" << colors[color]
         << "\" fill-opacity=\"0.6\" stroke=\"black\"/>";
      if (h >= 9)
        os << llvm::format("<text class=\"name\" x=\"%.1f\" y=\"%.1f\">", x + 2,
                           y + std::min(h, 20.0) - 3)
           << escapeXML(b.name) << "</text>";
      os << "</g>\n";
    }
    // The step with the most live bytes sets the lower bound: mark it.
    if (!f.liveBytes.empty()) {
      size_t peak = std::max_element(f.liveBytes.begin(), f.liveBytes.end()) -
                    f.liveBytes.begin();
      double x = margin + (peak + 0.5) * dx;
      os << llvm::format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                         "y2=\"%.1f\" stroke=\"red\" "
                         "stroke-dasharray=\"4\"/>",
                         x, top, x, top + height)
         << "<text x=\"" << x + 3 << "\" y=\"" << top + height + 12
         << "\" fill=\"red\">peak " << f.liveBytes[peak] << " B at step "
         << peak << "</text>\n";
    }
    // Axes: offsets at the bottom and top, steps along the bottom.
    os << "<text x=\"" << margin - 5 << "\" y=\"" << top + height
       << "\" text-anchor=\"end\">0</text>\n";
    os << "<text x=\"" << margin - 5 << "\" y=\"" << top + 10
       << "\" text-anchor=\"end\">" << f.arenaSize << "</text>\n";
    os << "<text x=\"" << margin + width / 2 << "\" y=\"" << top + height + 20
       << "\" text-anchor=\"middle\">step (0-" << steps - 1
       << ")</text>\n</g>\n";
  }
  os << "</svg>\n";
}
