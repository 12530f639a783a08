// Scorecard fit, points table and scoring (model_scorecard.hpp).
#include "overdue/model/scorecard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace overdue {
namespace {

double bin_points(const Scorecard& c, double beta, double woe, size_t n) {
  const double dn = static_cast<double>(n);
  return -(beta * woe + c.intercept / dn) * c.factor + c.offset / dn;
}

}  // namespace

Scorecard fit_scorecard(const ModelDataset& data, const std::vector<FeatureBinning>& binnings,
                        const FeatureMatrix& woe, const std::vector<std::string>& selected,
                        const RowSubset& train, const ScorecardOptions& options) {
  Scorecard c;
  c.base_score = options.base_score;
  c.base_odds = options.base_odds;
  c.pdo = options.pdo;
  if (!(options.pdo > 0) || !(options.base_odds > 0)) {
    c.error = "PDO and base odds must be positive";
    return c;
  }
  c.factor = options.pdo / std::log(2.0);
  c.offset = options.base_score - c.factor * std::log(options.base_odds);

  LogisticOptions lo = options.logistic;
  lo.standardise = false;
  lo.columns.clear();
  std::vector<size_t> which;  // binning index per scorecard feature
  for (const std::string& name : selected)
    for (size_t k = 0; k < binnings.size(); ++k)
      if (binnings[k].name == name) {
        which.push_back(k);
        lo.columns.push_back(k);
        break;
      }
  if (which.empty()) {
    c.error = "no feature selected for the scorecard";
    return c;
  }
  c.model = fit_logistic(woe, data.target, train, lo);
  if (!c.model.ok()) {
    c.error = c.model.error;
    return c;
  }
  c.intercept = c.model.intercept;
  const size_t n = which.size();
  c.min_points = c.max_points = 0;
  for (size_t j = 0; j < n; ++j) {
    const FeatureBinning& b = binnings[which[j]];
    ScorecardFeature f;
    f.name = b.name;
    f.coefficient = c.model.coefficients[j];
    f.sign_ok = f.coefficient <= 0;
    f.binning = b;
    if (b.categorical) f.levels = data.categorical[b.column].levels;
    double lo_pts = std::numeric_limits<double>::infinity(), hi_pts = -lo_pts;
    for (const WoeBin& w : b.bins) {
      ScorecardBinPoints p;
      p.label = w.label;
      p.woe = w.woe;
      p.points = bin_points(c, f.coefficient, w.woe, n);
      p.good = w.good;
      p.bad = w.bad;
      lo_pts = std::min(lo_pts, p.points);
      hi_pts = std::max(hi_pts, p.points);
      f.bins.push_back(p);
    }
    f.no_bin_points = bin_points(c, f.coefficient, 0.0, n);
    if (f.bins.empty()) lo_pts = hi_pts = f.no_bin_points;
    c.min_points += lo_pts;
    c.max_points += hi_pts;
    c.features.push_back(std::move(f));
  }
  return c;
}

std::vector<double> scorecard_points(const Scorecard& card, const FeatureMatrix& woe, const RowSubset& rows) {
  std::vector<double> out(rows.size(), 0.0);
  const size_t n = card.features.size();
  for (size_t j = 0; j < n; ++j) {
    const std::vector<double>& col = woe.columns[card.model.columns[j]];
    const double beta = card.features[j].coefficient;
    for (size_t k = 0; k < rows.size(); ++k) out[k] += bin_points(card, beta, col[rows[k]], n);
  }
  return out;
}

int scorecard_bin_of_record(const ScorecardFeature& f, const Column& column, size_t row) {
  double x = std::numeric_limits<double>::quiet_NaN();
  if (f.binning.categorical) {
    std::string cell(column.text.at(row));
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.pop_back();
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.erase(cell.begin());
    const auto it = std::lower_bound(f.levels.begin(), f.levels.end(), cell);
    if (it != f.levels.end() && *it == cell) x = static_cast<double>(it - f.levels.begin());
    else if (!cell.empty()) return f.binning.rare_bin;  // an unseen level: scored like the pooled rare levels
  } else if (column.type == ColumnType::date) {
    if (column.days[row] != kMissingDays) x = column.days[row];
  } else if (column.type == ColumnType::integer || column.type == ColumnType::decimal) {
    x = column.number[row];
  }
  return bin_of(f.binning, x);
}

double scorecard_bin_points(const ScorecardFeature& f, int k) {
  return k < 0 ? f.no_bin_points : f.bins[static_cast<size_t>(k)].points;
}

const Column* scorecard_column(const ScorecardFeature& f, const ImportedFile& file) {
  for (const Column& c : file.columns)
    if (c.name == f.name) return &c;
  return nullptr;
}

std::vector<double> scorecard_points_for_file(const Scorecard& card, const ImportedFile& file,
                                              std::string& error) {
  error.clear();
  const size_t rows = file.row_count();
  std::vector<double> out(rows, 0.0);
  for (const ScorecardFeature& f : card.features) {
    const Column* col = scorecard_column(f, file);
    if (!col) {
      error = "column '" + f.name + "' is not in " + file.name;
      return {};
    }
    for (size_t i = 0; i < rows; ++i) out[i] += scorecard_bin_points(f, scorecard_bin_of_record(f, *col, i));
  }
  return out;
}

double points_to_bad_probability(const Scorecard& card, double points) {
  const double log_odds_good = (points - card.offset) / card.factor;
  return 1.0 / (1.0 + std::exp(log_odds_good));
}

}  // namespace overdue
