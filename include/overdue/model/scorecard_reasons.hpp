// Reason codes of a scorecard (issue #21 §2, the usual adverse-action reasons): the features that
// cost a record the most points against the best points each feature can give.
//
//   cost_j(bin) = best_j − points_j(bin),  best_j = max over feature j's bins and its no-bin points
//
// Reasons: the features with cost > 0, largest cost first, ties broken by the card's feature order,
// at most kReasonCount; fewer leave the rest empty. A cost is computed once per bin as a double
// (scorecard_cost_of_bin), and the SQL export writes that same double, so C++ and SQL compare the
// very same numbers.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/model/scorecard.hpp"

namespace overdue {

constexpr size_t kReasonCount = 3;

// The best points feature f can give (over its bins and its no-bin points).
double scorecard_best_points(const ScorecardFeature& f);
// best − points of bin `bin` (−1: no bin); 0 for the best bin.
double scorecard_cost_of_bin(const ScorecardFeature& f, int bin);

// The reasons of one record from its bin per card feature (bins[j] for card.features[j]): feature
// indices, largest cost first (ties: lower index first), −1 where there is no further reason.
std::array<int, kReasonCount> scorecard_reasons(const Scorecard& card,
                                                const std::vector<int>& bins);

struct ScoredRecord {
  uint64_t record = 0;  // 1-based data-record number (accepted_record_numbers)
  double points = 0;
  std::array<int, kReasonCount> reasons{{-1, -1, -1}};  // feature indices into card.features
};
// Every accepted row of `file` scored: points (the sum of scorecard_feature_points) and reasons.
// A column the card needs missing from the file: `error` set, result empty.
std::vector<ScoredRecord> score_file_with_reasons(const Scorecard& card, const ImportedFile& file,
                                                  std::string& error);

}  // namespace overdue
