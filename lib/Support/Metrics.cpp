//===- Metrics.cpp - error metrics between two arrays ---------------------===//
//
// Part of the nn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "nn/Support/Metrics.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <limits>

using namespace llvm;

namespace nn {

Expected<Metrics> computeMetrics(const NpyArray &actual,
                                 const NpyArray &expected,
                                 std::optional<Dequantization> deq,
                                 bool isClassifier) {
  if (actual.dtype != expected.dtype)
    return createStringError(
        inconvertibleErrorCode(),
        "dtype mismatch: " + getNpyDTypeName(actual.dtype) + " vs " +
            getNpyDTypeName(expected.dtype));
  if (actual.shape != expected.shape)
    return createStringError(inconvertibleErrorCode(),
                             "shape mismatch: " + formatShape(actual.shape) +
                                 " vs " + formatShape(expected.shape));
  Metrics m;
  m.numElements = actual.getNumElements();
  m.isInteger = isNpyInteger(actual.dtype);
  Dequantization d = deq.value_or(Dequantization());

  double sumAbs = 0, sumSq = 0, sumRefSq = 0, dot = 0, sumActSq = 0;
  int64_t equal = 0;
  double maxLsb = 0;
  for (int64_t i = 0; i < m.numElements; ++i) {
    double qa = actual.getAsDouble(i), qe = expected.getAsDouble(i);
    if (qa == qe || (std::isnan(qa) && std::isnan(qe)))
      ++equal;
    maxLsb = std::max(maxLsb, std::fabs(qa - qe));
    double a = d.scale * (qa - d.zeroPoint), e = d.scale * (qe - d.zeroPoint);
    double diff = std::fabs(a - e);
    m.maxAbsError = std::max(m.maxAbsError, diff);
    if (std::isnan(diff))
      m.maxAbsError = std::numeric_limits<double>::quiet_NaN();
    sumAbs += diff;
    sumSq += diff * diff;
    sumRefSq += e * e;
    sumActSq += a * a;
    dot += a * e;
  }
  if (m.numElements > 0) {
    m.meanAbsError = sumAbs / m.numElements;
    m.rmse = std::sqrt(sumSq / m.numElements);
  }
  if (sumRefSq > 0)
    m.l2RelativeError = std::sqrt(sumSq) / std::sqrt(sumRefSq);
  else
    m.l2RelativeError =
        sumSq > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  if (sumRefSq > 0 && sumActSq > 0)
    m.cosineSimilarity = dot / (std::sqrt(sumRefSq) * std::sqrt(sumActSq));
  else
    m.cosineSimilarity = sumRefSq == sumActSq ? 1.0 : 0.0;
  if (m.isInteger) {
    m.exactShare =
        m.numElements ? static_cast<double>(equal) / m.numElements : 1.0;
    m.maxLsbDifference = static_cast<int64_t>(maxLsb);
  }

  // Top-1 over the last axis: each row is one sample's class scores. The
  // first maximum wins a tie, as in numpy.argmax.
  int64_t classes = actual.shape.empty() ? 0 : actual.shape.back();
  if (isClassifier && classes >= 1) {
    m.numRows = m.numElements / classes;
    int64_t agree = 0;
    for (int64_t r = 0; r < m.numRows; ++r) {
      int64_t bestA = 0, bestE = 0;
      for (int64_t c = 1; c < classes; ++c) {
        int64_t i = r * classes + c;
        if (actual.getAsDouble(i) > actual.getAsDouble(r * classes + bestA))
          bestA = c;
        if (expected.getAsDouble(i) > expected.getAsDouble(r * classes + bestE))
          bestE = c;
      }
      agree += bestA == bestE;
    }
    m.top1Agreement = m.numRows ? static_cast<double>(agree) / m.numRows : 1.0;
  }
  return m;
}

std::vector<std::string> checkThresholds(const Metrics &m,
                                         const Thresholds &t) {
  std::vector<std::string> failures;
  auto fail = [&](const Twine &msg) { failures.push_back(msg.str()); };
  if (m.isInteger && m.maxLsbDifference > t.maxLsbDifference)
    fail("largest difference " + Twine(m.maxLsbDifference) + " LSB exceeds " +
         Twine(t.maxLsbDifference) + " LSB");
  if (!m.isInteger && !(m.l2RelativeError <= t.maxL2RelativeError))
    fail("L2 relative error " + formatv("{0:e}", m.l2RelativeError).str() +
         " exceeds " + formatv("{0:e}", t.maxL2RelativeError).str());
  if (t.minCosineSimilarity && !(m.cosineSimilarity >= *t.minCosineSimilarity))
    fail("cosine similarity " + formatv("{0:f6}", m.cosineSimilarity).str() +
         " below " + formatv("{0:f6}", *t.minCosineSimilarity).str());
  if (t.minTop1Agreement && m.top1Agreement &&
      !(*m.top1Agreement >= *t.minTop1Agreement))
    fail("top-1 agreement " + formatv("{0:f4}", *m.top1Agreement).str() +
         " below " + formatv("{0:f4}", *t.minTop1Agreement).str());
  return failures;
}

json::Object toJSON(const Metrics &m) {
  json::Object o{{"elements", m.numElements},
                 {"max_abs_error", m.maxAbsError},
                 {"mean_abs_error", m.meanAbsError},
                 {"rmse", m.rmse},
                 {"l2_relative_error", m.l2RelativeError},
                 {"cosine_similarity", m.cosineSimilarity}};
  if (m.isInteger) {
    o["exact_share"] = m.exactShare;
    o["max_lsb_difference"] = m.maxLsbDifference;
  }
  if (m.top1Agreement) {
    o["top1_agreement"] = *m.top1Agreement;
    o["rows"] = m.numRows;
  }
  return o;
}

void printMetrics(raw_ostream &os, const Metrics &m) {
  os << formatv("  elements:           {0}\n", m.numElements);
  os << formatv("  max abs error:      {0:e}\n", m.maxAbsError);
  os << formatv("  mean abs error:     {0:e}\n", m.meanAbsError);
  os << formatv("  rmse:               {0:e}\n", m.rmse);
  os << formatv("  l2 relative error:  {0:e}\n", m.l2RelativeError);
  os << formatv("  cosine similarity:  {0:f6}\n", m.cosineSimilarity);
  if (m.isInteger) {
    os << formatv("  exactly equal:      {0:f2}%\n", 100 * m.exactShare);
    os << formatv("  max difference:     {0} LSB\n", m.maxLsbDifference);
  }
  if (m.top1Agreement)
    os << formatv("  top-1 agreement:    {0:f2}% of {1} rows\n",
                  100 * *m.top1Agreement, m.numRows);
}

} // namespace nn
