// The model lab's data preparation (model_data.hpp): per-column profile, median/mode imputation
// and quantile capping, each reported.
#include <algorithm>
#include <cmath>
#include <map>

#include "overdue/model/data.hpp"

namespace overdue {
namespace {

std::vector<double> present_sorted(const std::vector<double>& v, const RowSubset* rows) {
  std::vector<double> s;
  if (rows) {
    s.reserve(rows->size());
    for (uint32_t i : *rows)
      if (!std::isnan(v[i])) s.push_back(v[i]);
  } else {
    s.reserve(v.size());
    for (double x : v)
      if (!std::isnan(x)) s.push_back(x);
  }
  std::sort(s.begin(), s.end());
  return s;
}

}  // namespace

double sorted_quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return NAN;
  const double h = (static_cast<double>(sorted.size()) - 1.0) * std::clamp(q, 0.0, 1.0);
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<ColumnProfile> profile_dataset(const ModelDataset& data) {
  std::vector<ColumnProfile> out;
  const uint64_t n = data.rows();
  auto rate = [n](uint64_t k) { return n ? static_cast<double>(k) / static_cast<double>(n) : 0.0; };
  {
    ColumnProfile p;
    p.name = data.target_name;
    p.kind = "target";
    p.import_type = "";
    p.count = n;
    p.distinct = 2;
    p.min = p.max = NAN;
    for (double& q : p.quantiles) q = NAN;
    out.push_back(p);
  }
  for (size_t j = 0; j < data.numeric.cols(); ++j) {
    ColumnProfile p;
    p.name = data.numeric.names[j];
    p.kind = "numeric";
    p.import_type = j < data.numeric_types.size() ? column_type_name(data.numeric_types[j]) : "";
    p.count = n;
    const std::vector<double> s = present_sorted(data.numeric.columns[j], nullptr);
    p.missing = n - s.size();
    p.missing_rate = rate(p.missing);
    for (size_t k = 0; k < s.size(); ++k) p.distinct += (k == 0 || s[k] != s[k - 1]);
    p.min = s.empty() ? NAN : s.front();
    p.max = s.empty() ? NAN : s.back();
    for (int q = 0; q < 7; ++q) p.quantiles[q] = sorted_quantile(s, kProfileQuantiles[q]);
    out.push_back(p);
  }
  for (const CategoricalFeature& f : data.categorical) {
    ColumnProfile p;
    p.name = f.name;
    p.kind = "categorical";
    p.import_type = "text";
    p.count = n;
    for (int32_t c : f.codes) p.missing += (c < 0);
    p.missing_rate = rate(p.missing);
    p.distinct = f.levels.size();
    p.min = p.max = NAN;
    for (double& q : p.quantiles) q = NAN;
    out.push_back(p);
  }
  for (const std::string& name : data.identifiers) {
    ColumnProfile p;
    p.name = name;
    p.kind = "identifier";
    p.import_type = "integer";
    p.count = n;
    p.distinct = n;
    p.min = p.max = NAN;
    for (double& q : p.quantiles) q = NAN;
    out.push_back(p);
  }
  return out;
}

std::vector<ImputationReport> impute_missing(ModelDataset& data, const RowSubset& train) {
  std::vector<ImputationReport> out;
  for (size_t j = 0; j < data.numeric.cols(); ++j) {
    std::vector<double>& v = data.numeric.columns[j];
    uint64_t missing = 0;
    for (double x : v) missing += std::isnan(x);
    if (missing == 0) continue;
    std::vector<double> s = present_sorted(v, &train);
    if (s.empty()) s = present_sorted(v, nullptr);  // no training value: all rows, else 0
    const double median = s.empty() ? 0.0 : sorted_quantile(s, 0.5);
    for (double& x : v)
      if (std::isnan(x)) x = median;
    out.push_back({data.numeric.names[j], "median", median, "", missing});
  }
  for (CategoricalFeature& f : data.categorical) {
    uint64_t missing = 0;
    for (int32_t c : f.codes) missing += (c < 0);
    if (missing == 0 || f.levels.empty()) continue;
    std::vector<uint64_t> counts(f.levels.size(), 0);
    for (uint32_t i : train)
      if (f.codes[i] >= 0) ++counts[static_cast<size_t>(f.codes[i])];
    // Most frequent training level; ties go to the first level (levels are sorted bytewise).
    const size_t mode = static_cast<size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
    for (int32_t& c : f.codes)
      if (c < 0) c = static_cast<int32_t>(mode);
    out.push_back({f.name, "mode", static_cast<double>(mode), f.levels[mode], missing});
  }
  return out;
}

std::vector<CappingReport> cap_outliers(ModelDataset& data, const RowSubset& train, double low_q,
                                        double high_q) {
  std::vector<CappingReport> out;
  for (size_t j = 0; j < data.numeric.cols(); ++j) {
    std::vector<double>& v = data.numeric.columns[j];
    const std::vector<double> s = present_sorted(v, &train);
    if (s.empty()) continue;
    CappingReport r;
    r.name = data.numeric.names[j];
    r.low = sorted_quantile(s, low_q);
    r.high = sorted_quantile(s, high_q);
    for (double& x : v) {
      if (std::isnan(x)) continue;
      if (x < r.low) x = r.low, ++r.capped_low;
      else if (x > r.high) x = r.high, ++r.capped_high;
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace overdue
