// suggest_special_codes (special_suggest.hpp): the three rules on the distinct training values.
#include "overdue/model/special_suggest.hpp"

#include <algorithm>
#include <cmath>

namespace overdue {

std::vector<SpecialSuggestion> suggest_special_codes(const std::vector<double>& x,
                                                     const RowSubset& train,
                                                     const std::vector<double>& already_special) {
  std::vector<double> v;
  v.reserve(train.size());
  for (uint32_t i : train)
    if (!std::isnan(x[i])) v.push_back(x[i]);
  std::sort(v.begin(), v.end());
  std::vector<double> value;
  std::vector<uint64_t> count;
  for (double a : v) {
    if (value.empty() || a != value.back()) value.push_back(a), count.push_back(0);
    ++count.back();
  }
  const size_t d = value.size();
  std::vector<SpecialSuggestion> out;
  if (d < 5) return out;
  const double n = static_cast<double>(v.size());
  const double floor_rows = std::max(10.0, 0.001 * n);
  bool whole = true;
  size_t negatives = 0;
  uint64_t non_negative_rows = 0;
  for (size_t i = 0; i < d; ++i) {
    whole = whole && value[i] == std::floor(value[i]);
    if (value[i] < 0)
      ++negatives;
    else
      non_negative_rows += count[i];
  }
  const bool codes_below =
      whole && negatives <= 2 && static_cast<double>(non_negative_rows) >= 0.5 * n;
  const bool codes_above = whole && value[d - 1] > 0 && value[d - 3] > 0 &&
                           value[d - 2] >= 4 * value[d - 3] && count[d - 1] + count[d - 2] >= 10;
  // Mean count of the three distinct values after i toward the middle (step +1 or −1): a round
  // number next to one odd rare value (a limit of 10,000 beside 16,000) is no spike.
  auto inward_mean = [&](size_t i, long step) {
    double sum = 0;
    for (long k = 1; k <= 3; ++k)
      sum += static_cast<double>(count[static_cast<size_t>(static_cast<long>(i) + k * step)]);
    return sum / 3.0;
  };
  auto consider = [&](size_t i, long step, bool high) {
    if (std::find(already_special.begin(), already_special.end(), value[i]) !=
        already_special.end())
      return;
    const double c = static_cast<double>(count[i]);
    SpecialSuggestion s{value[i], SpecialSuggestion::Why::spike, count[i]};
    // The second value from an edge must also stand out from the edge value beside it.
    const bool second = (step > 0 && i == 1) || (step < 0 && i == d - 2);
    const double outer =
        second ? static_cast<double>(count[static_cast<size_t>(static_cast<long>(i) - step)]) : 0.0;
    if (c >= 5.0 * inward_mean(i, step) && c >= 5.0 * outer && c >= floor_rows && c < 0.5 * n)
      s.why = SpecialSuggestion::Why::spike;
    else if (!high && codes_below && value[i] < 0 && c >= floor_rows)
      s.why = SpecialSuggestion::Why::negative;
    else if (high && codes_above)
      s.why = SpecialSuggestion::Why::outlying;
    else
      return;
    out.push_back(s);
  };
  consider(0, +1, false);
  consider(1, +1, false);
  consider(d - 2, -1, true);
  consider(d - 1, -1, true);
  return out;  // ascending: the low candidates, then the high ones (d ≥ 5 keeps them apart)
}

}  // namespace overdue
