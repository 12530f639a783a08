// Reason codes of a scorecard and scoring a file with them (scorecard_reasons.hpp).
#include "overdue/model/scorecard_reasons.hpp"

#include <algorithm>
#include <numeric>

namespace overdue {

double scorecard_best_points(const ScorecardFeature& f) {
  double best = f.no_bin_points;
  for (const ScorecardBinPoints& b : f.bins) best = std::max(best, b.points);
  return best;
}

double scorecard_cost_of_bin(const ScorecardFeature& f, int bin) {
  return scorecard_best_points(f) - scorecard_points_of_bin(f, bin);
}

std::array<int, kReasonCount> scorecard_reasons(const Scorecard& card,
                                                const std::vector<int>& bins) {
  const size_t n = card.features.size();
  std::vector<double> cost(n);
  for (size_t j = 0; j < n; ++j) cost[j] = scorecard_cost_of_bin(card.features[j], bins.at(j));
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  // Largest cost first; the card's feature order breaks ties (stable sort on the index order).
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return cost[a] > cost[b]; });
  std::array<int, kReasonCount> out{{-1, -1, -1}};
  for (size_t r = 0; r < kReasonCount && r < n; ++r)
    if (cost[order[r]] > 0) out[r] = static_cast<int>(order[r]);
  return out;
}

std::vector<ScoredRecord> score_file_with_reasons(const Scorecard& card, const ImportedFile& file,
                                                  std::string& error) {
  error.clear();
  const size_t rows = file.row_count(), n = card.features.size();
  std::vector<const Column*> columns(n);
  for (size_t j = 0; j < n; ++j) {
    columns[j] = find_scorecard_column(card.features[j], file);
    if (!columns[j]) {
      error = "column '" + card.features[j].name + "' is not in " + file.name;
      return {};
    }
  }
  const std::vector<uint64_t> record = accepted_record_numbers(file);
  std::vector<ScoredRecord> out(rows);
  std::vector<int> bins(n);
  for (size_t i = 0; i < rows; ++i) {
    ScoredRecord& s = out[i];
    s.record = record[i];
    for (size_t j = 0; j < n; ++j) {
      const ScorecardFeature& f = card.features[j];
      bins[j] = scorecard_bin_of_value(f, scorecard_value_of_cell(f, *columns[j], i));
      s.points += scorecard_points_of_bin(f, bins[j]);
    }
    s.reasons = scorecard_reasons(card, bins);
  }
  return out;
}

}  // namespace overdue
