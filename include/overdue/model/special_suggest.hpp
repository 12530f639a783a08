// Special codes the page suggests for a numeric feature (issue #21 §1): values at the edge of the
// range that look like codes rather than quantities. Only a suggestion — nothing is applied until
// the user asks, so a run's figures do not change by themselves.
//
// On the training rows (NaN left out) with d ≥ 5 distinct values, sorted, with counts c_i; a
// candidate is one of the two lowest or the two highest distinct values, its "inward neighbours"
// the next three distinct values toward the middle. A candidate v is suggested when
//   spike     c(v) ≥ 5 × the mean count of its inward neighbours (and, for the second value from
//             an edge, ≥ 5 × the count of the edge value beside it), c(v) ≥ max(10, 0.1 % of the
//             rows) and c(v) < half the rows (a value far more frequent than its neighbours, 9999
//             standing for "unknown"; a value held by most rows, the 0 of a count of late
//             payments, is the population's normal case, not a code);
//   negative  the column holds whole numbers only, it has at most 2 distinct negative values, at
//             least half the rows are ≥ 0, v < 0 and c(v) ≥ max(10, 0.1 % of the rows)
//             (UCI's PAY_*: −2 "no consumption", −1 "paid in full" before 0, 1, 2 … months late);
//   outlying  the column holds whole numbers only, v is one of the two highest values, v > 0 and
//             v ≥ 4 × the third-highest value (> 0), and the two highest together hold ≥ 10 rows
//             (give-me-some-credit's 96 / 98 "not reported" after 0 … 13 times late).
// Codes already special are not suggested again. Ascending by code.
#pragma once
#include <cstdint>
#include <vector>

#include "overdue/model/data.hpp"

namespace overdue {

struct SpecialSuggestion {
  enum class Why { spike, negative, outlying };
  double code = 0;
  Why why = Why::spike;
  uint64_t rows = 0;  // training rows with this value
};

std::vector<SpecialSuggestion> suggest_special_codes(const std::vector<double>& x,
                                                     const RowSubset& train,
                                                     const std::vector<double>& already_special);

}  // namespace overdue
