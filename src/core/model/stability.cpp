// Stability monitoring (stability.hpp): score PSI over the lab's bands, feature CSI over the
// card's bins, for another file or per month of a date column.
//
// [SECTION] index from counts
// [SECTION] records as the card sees them
// [SECTION] expected vs actual
// [SECTION] per month
// [SECTION] the job
// [SECTION] the CLI's calls
#include "overdue/model/stability.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "overdue/model/data.hpp"
#include "overdue/model/metrics.hpp"
#include "overdue/text/civil_date.hpp"

namespace overdue {

// [SECTION] index from counts --------------------------------------------------------------------
const char* stability_band(double index) {
  if (index >= kStabilityShift) return "shift";
  if (index >= kStabilityWatch) return "watch";
  return "stable";
}

StabilityIndex stability_from_counts(const std::vector<uint64_t>& expected,
                                     const std::vector<uint64_t>& actual) {
  StabilityIndex s;
  const std::vector<double> e(expected.begin(), expected.end()), a(actual.begin(), actual.end());
  const PsiResult psi = psi_from_counts(e, a);  // the one PSI formula of the lab (metrics.hpp)
  s.index = psi.psi;
  s.band = stability_band(s.index);
  for (size_t i = 0; i < psi.expected.size(); ++i) {
    StabilityBin b;
    b.expected_count = expected[i];
    b.actual_count = actual[i];
    b.expected = psi.expected[i];
    b.actual = psi.actual[i];
    b.contribution = psi.contribution[i];
    s.bins.push_back(std::move(b));
  }
  return s;
}

// [SECTION] records as the card sees them --------------------------------------------------------
namespace {

// The columns of `file` for the card's features, in the card's order; the first missing one is an
// error naming it.
std::vector<const Column*> card_columns(const Scorecard& card, const ImportedFile& file,
                                        std::string& error) {
  std::vector<const Column*> cols;
  for (const ScorecardFeature& f : card.features) {
    const Column* col = find_scorecard_column(f, file);
    if (!col) {
      error = "column '" + f.name + "' is not in " + file.name;
      return {};
    }
    cols.push_back(col);
  }
  return cols;
}

// Appends rows[from, to) of the file to `out`.
void append_records(const Scorecard& card, const std::vector<const Column*>& cols,
                    const std::vector<size_t>& rows, size_t from, size_t to, CardRecords& out) {
  out.bins.resize(card.features.size());
  const size_t base = out.points.size();
  out.points.resize(base + (to - from), 0.0);
  for (size_t j = 0; j < card.features.size(); ++j) {
    const ScorecardFeature& f = card.features[j];
    std::vector<int>& bins = out.bins[j];
    bins.resize(base + (to - from));
    for (size_t k = from; k < to; ++k) {
      const int bin = scorecard_bin_of_value(f, scorecard_value_of_cell(f, *cols[j], rows[k]));
      bins[base + k - from] = bin;
      out.points[base + k - from] +=
          scorecard_points_of_bin(f, bin);  // the same sum, in the same order, as --score
    }
  }
}

}  // namespace

CardRecords card_records(const Scorecard& card, const ImportedFile& file,
                         const std::vector<size_t>& rows, std::string& error) {
  error.clear();
  const std::vector<const Column*> cols = card_columns(card, file, error);
  if (!error.empty()) return {};
  CardRecords r;
  append_records(card, cols, rows, 0, rows.size(), r);
  return r;
}

std::vector<size_t> accepted_rows(const ImportedFile& file,
                                  const std::vector<uint64_t>& accepted_records) {
  // Both lists ascend: the file's rows in record order, the data set's records likewise.
  const std::vector<uint64_t> record = accepted_record_numbers(file);
  std::vector<size_t> rows;
  rows.reserve(accepted_records.size());
  size_t k = 0;
  for (size_t i = 0; i < record.size() && k < accepted_records.size(); ++i)
    if (record[i] == accepted_records[k]) {
      rows.push_back(i);
      ++k;
    }
  return rows;
}

std::vector<double> band_point_edges(const std::vector<ScoreBand>& bands) {
  std::vector<double> edges;
  for (const ScoreBand& b : bands) edges.push_back(b.hi);
  std::sort(edges.begin(), edges.end());
  if (!edges.empty()) edges.back() = std::numeric_limits<double>::infinity();
  return edges;
}

// [SECTION] expected vs actual -------------------------------------------------------------------
namespace {

// Score bins: one per band, ordered like the lab's table (band 1 = highest points first).
StabilityIndex score_stability(const std::vector<ScoreBand>& bands,
                               const std::vector<double>& expected,
                               const std::vector<double>& actual) {
  const std::vector<double> edges = band_point_edges(bands);
  const size_t n = edges.size();
  auto count = [&](const std::vector<double>& points) {
    std::vector<uint64_t> c(n, 0);  // ascending points order
    for (double p : points) {
      const size_t b = size_t(std::lower_bound(edges.begin(), edges.end(), p) - edges.begin());
      ++c[std::min(b, n - 1)];
    }
    std::reverse(c.begin(), c.end());  // band 1 (the highest points) first
    return c;
  };
  if (n == 0) return {};
  StabilityIndex s = stability_from_counts(count(expected), count(actual));
  for (size_t i = 0; i < s.bins.size(); ++i) {
    const size_t asc = n - 1 - i;  // position in ascending edges
    StabilityBin& b = s.bins[i];
    b.band = int(i) + 1;
    b.lower = asc == 0 ? -std::numeric_limits<double>::infinity() : edges[asc - 1];
    b.upper = edges[asc];
    b.label = "band " + std::to_string(b.band);
  }
  return s;
}

FeatureStability feature_stability(const ScorecardFeature& f, const std::vector<int>& expected,
                                   const std::vector<int>& actual) {
  const size_t n = f.bins.size();
  auto count = [&](const std::vector<int>& bins) {
    std::vector<uint64_t> c(n + 1, 0);  // the last: no bin
    for (int b : bins) ++c[b < 0 ? n : size_t(b)];
    return c;
  };
  std::vector<uint64_t> e = count(expected), a = count(actual);
  const bool no_bin_row = e[n] > 0 || a[n] > 0;
  if (!no_bin_row) {
    e.pop_back();
    a.pop_back();
  }
  FeatureStability fs;
  fs.feature = f.name;
  fs.csi = stability_from_counts(e, a);
  for (size_t i = 0; i < fs.csi.bins.size(); ++i)
    fs.csi.bins[i].label = i < n ? f.bins[i].label : "no bin";
  return fs;
}

}  // namespace

StabilityReport compare_stability(const Scorecard& card, const std::vector<ScoreBand>& bands,
                                  const CardRecords& expected, const CardRecords& actual) {
  StabilityReport r;
  r.expected_records = expected.points.size();
  r.actual_records = actual.points.size();
  r.score = score_stability(bands, expected.points, actual.points);
  for (size_t j = 0; j < card.features.size() && j < expected.bins.size() && j < actual.bins.size();
       ++j)
    r.features.push_back(feature_stability(card.features[j], expected.bins[j], actual.bins[j]));
  return r;
}

// [SECTION] per month ----------------------------------------------------------------------------
std::string month_of_days(int32_t days) {
  if (days == kMissingDays) return "";
  const CivilDate c = civil_from_days(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d", c.year, c.month);
  return text;
}

namespace {

const Column* date_column(const ImportedFile& dev, const std::string& column, std::string& error) {
  const Column* col = nullptr;
  for (const Column& c : dev.columns)
    if (c.name == column) col = &c;
  if (col == nullptr)
    error = "no column named '" + column + "' in " + dev.name;
  else if (col->type != ColumnType::date)
    error = "the column '" + column + "' is not a date column";
  return error.empty() ? col : nullptr;
}

// `all` = the card's view of dev's rows `rows` (same order).
StabilityByMonth by_month(const Scorecard& card, const std::vector<ScoreBand>& bands,
                          const Column& col, const std::string& column,
                          const std::vector<size_t>& rows, const CardRecords& all) {
  StabilityByMonth out;
  out.column = column;
  // Record positions per month; std::map keeps "YYYY-MM" keys ascending.
  std::map<std::string, std::vector<size_t>> months;
  for (size_t k = 0; k < rows.size(); ++k) {
    const std::string m = month_of_days(col.days[rows[k]]);
    if (m.empty())
      ++out.missing_dates;
    else
      months[m].push_back(k);
  }
  auto subset = [&](const std::vector<size_t>& ks) {
    CardRecords s;
    for (const std::vector<int>& f : all.bins) {
      std::vector<int> b(ks.size());
      for (size_t i = 0; i < ks.size(); ++i) b[i] = f[ks[i]];
      s.bins.push_back(std::move(b));
    }
    for (size_t k : ks) s.points.push_back(all.points[k]);
    return s;
  };
  if (months.empty()) return out;
  const CardRecords first = subset(months.begin()->second);
  for (const auto& [month, ks] : months) {
    MonthStability m;
    m.month = month;
    m.report = compare_stability(card, bands, first, subset(ks));
    out.months.push_back(std::move(m));
  }
  return out;
}

}  // namespace

// [SECTION] the job ------------------------------------------------------------------------------
StabilityJob::StabilityJob(const Scorecard& card, const std::vector<ScoreBand>& bands,
                           const ImportedFile& dev, const std::vector<uint64_t>& accepted_records,
                           const ImportedFile* other, std::string column)
    : card_(card), bands_(bands), dev_(dev), other_(other), column_(std::move(column)) {
  card_columns(card_, dev_, error_);
  if (error_.empty() && other_ != nullptr) card_columns(card_, *other_, error_);
  // An empty file has no distribution: "stable" (index 0 over no records) would be a false comfort.
  if (error_.empty() && other_ != nullptr && other_->row_count() == 0)
    error_ = other_->name + " has no records";
  if (error_.empty() && !column_.empty()) date_column(dev_, column_, error_);
  if (!error_.empty()) {
    done_ = true;
    return;
  }
  dev_rows_ = accepted_rows(dev_, accepted_records);
  if (other_ != nullptr) {
    other_rows_.resize(other_->row_count());
    for (size_t i = 0; i < other_rows_.size(); ++i) other_rows_[i] = i;
  }
}

Step StabilityJob::step(Budget& budget) {
  if (done_) return Step::done;
  // At least one record per step; a chunk never crosses from one file to the other.
  if (dev_done_ < dev_rows_.size()) {
    const size_t n = size_t(
        std::min<uint64_t>(std::max<uint64_t>(budget.units, 1), dev_rows_.size() - dev_done_));
    std::string unused;
    append_records(card_, card_columns(card_, dev_, unused), dev_rows_, dev_done_, dev_done_ + n,
                   expected_);
    dev_done_ += n;
    budget.spend(n);
    if (dev_done_ < dev_rows_.size() || budget.spent()) return Step::more;
  }
  if (other_done_ < other_rows_.size()) {
    const size_t n = size_t(
        std::min<uint64_t>(std::max<uint64_t>(budget.units, 1), other_rows_.size() - other_done_));
    std::string unused;
    append_records(card_, card_columns(card_, *other_, unused), other_rows_, other_done_,
                   other_done_ + n, actual_);
    other_done_ += n;
    budget.spend(n);
    if (other_done_ < other_rows_.size()) return Step::more;
  }
  if (other_ != nullptr) {
    result_.has_file = true;
    result_.file = other_->name;
    result_.report = compare_stability(card_, bands_, expected_, actual_);
  }
  if (!column_.empty()) {
    std::string unused;
    result_.has_by_month = true;
    result_.by_month =
        by_month(card_, bands_, *date_column(dev_, column_, unused), column_, dev_rows_, expected_);
  }
  done_ = true;
  return Step::done;
}

double StabilityJob::progress() const {
  const size_t total = dev_rows_.size() + other_rows_.size();
  return done_ || total == 0 ? 1.0 : double(dev_done_ + other_done_) / double(total);
}

LabMonitoring StabilityJob::take() { return std::move(result_); }

// [SECTION] the CLI's calls (the job run to its end)
// ------------------------------------------------
StabilityReport monitor_file(const Scorecard& card, const std::vector<ScoreBand>& bands,
                             const ImportedFile& dev, const std::vector<uint64_t>& accepted_records,
                             const ImportedFile& other, std::string& error) {
  StabilityJob job(card, bands, dev, accepted_records, &other, "");
  LabMonitoring m = run_to_end(job);
  error = job.error();
  return std::move(m.report);
}

StabilityByMonth monitor_by_month(const Scorecard& card, const std::vector<ScoreBand>& bands,
                                  const ImportedFile& dev,
                                  const std::vector<uint64_t>& accepted_records,
                                  const std::string& column, std::string& error) {
  StabilityJob job(card, bands, dev, accepted_records, nullptr, column);
  LabMonitoring m = run_to_end(job);
  error = job.error();
  m.by_month.column = column;
  return std::move(m.by_month);
}

}  // namespace overdue
