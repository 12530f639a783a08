// The delay samples and the rule that picks each open invoice's expected payment date
// (forecast/internal.hpp).
#include <algorithm>

#include "forecast/internal.hpp"

namespace overdue::forecast_detail {

int32_t clip_delay(int64_t delay) {
  return static_cast<int32_t>(std::clamp<int64_t>(delay, kMinDelay, kMaxDelay));
}

// [SECTION] pools ---------------------------------------------------------------------------------

void DelayHistogram::clear() {
  counts_.clear();
  cumulative_.clear();
  total_ = 0;
}

void DelayHistogram::add(int32_t delay) {
  if (counts_.empty()) counts_.assign(static_cast<size_t>(kMaxDelay - kMinDelay + 1), 0);
  ++counts_[static_cast<size_t>(clip_delay(delay) - kMinDelay)];
  ++total_;
}

void DelayHistogram::finish() {
  cumulative_.assign(counts_.size() + 1, 0);
  for (size_t k = 0; k < counts_.size(); ++k) cumulative_[k + 1] = cumulative_[k] + counts_[k];
}

// Bucket index of the first delay > after.
static size_t first_bucket_above(int32_t after) {
  const int64_t k = static_cast<int64_t>(after) + 1 - kMinDelay;
  return static_cast<size_t>(std::clamp<int64_t>(k, 0, kMaxDelay - kMinDelay + 1));
}

uint64_t DelayHistogram::count_above(int32_t after) const {
  if (total_ == 0) return 0;
  return total_ - cumulative_[first_bucket_above(after)];
}

bool DelayHistogram::quantile_above(int32_t after, int permille, int32_t& out) const {
  const uint64_t n = count_above(after);
  if (n == 0) return false;
  const uint64_t base = cumulative_[first_bucket_above(after)];
  // The first bucket k where (cumulative_[k + 1] − base) × 1000 ≥ permille × n.
  const uint64_t need = static_cast<uint64_t>(permille) * n;
  auto it = std::lower_bound(cumulative_.begin() + static_cast<long>(first_bucket_above(after)) + 1, cumulative_.end(),
                             need, [&](uint64_t c, uint64_t v) { return (c - base) * 1000 < v; });
  const size_t k = static_cast<size_t>(it - cumulative_.begin()) - 1;
  out = static_cast<int32_t>(k) + kMinDelay;
  return true;
}

// [SECTION] a customer's weighted delays ---------------------------------------------------------

uint32_t recency_weight(int32_t days_ago) {
  constexpr int32_t kHalfLifeDays = 20, kMaxHalvings = 12;
  const int32_t halvings = days_ago < 0 ? 0 : std::min(days_ago / kHalfLifeDays, kMaxHalvings);
  return (1u << kMaxHalvings) >> halvings;
}

void WeightedDelays::clear() {
  items_.clear();
  prefix_.clear();
}

void WeightedDelays::add(int32_t delay, uint32_t weight) { items_.emplace_back(clip_delay(delay), weight); }

void WeightedDelays::finish() {
  // The forecast adds a customer's items in this order already (forecast.cpp, HistoryItem).
  if (!std::is_sorted(items_.begin(), items_.end())) std::sort(items_.begin(), items_.end());
  prefix_.assign(items_.size() + 1, 0);
  for (size_t k = 0; k < items_.size(); ++k) prefix_[k + 1] = prefix_[k] + items_[k].second;
}

static size_t first_item_above(const std::vector<std::pair<int32_t, uint32_t>>& items, int32_t after) {
  return static_cast<size_t>(
      std::upper_bound(items.begin(), items.end(), after,
                       [](int32_t v, const std::pair<int32_t, uint32_t>& x) { return v < x.first; }) -
      items.begin());
}

size_t WeightedDelays::count_above(int32_t after) const { return items_.size() - first_item_above(items_, after); }

bool WeightedDelays::quantile_above(int32_t after, int permille, int32_t& out) const {
  const size_t first = first_item_above(items_, after);
  if (first == items_.size()) return false;
  const uint64_t base = prefix_[first], total = prefix_.back() - base;
  const uint64_t need = static_cast<uint64_t>(permille) * total;
  auto it = std::lower_bound(prefix_.begin() + static_cast<long>(first) + 1, prefix_.end(), need,
                             [&](uint64_t c, uint64_t v) { return (c - base) * 1000 < v; });
  out = items_[static_cast<size_t>(it - prefix_.begin()) - 1].first;
  return true;
}

// [SECTION] the rule -----------------------------------------------------------------------------

namespace {

template <class Sample>
bool from_sample(const Sample& s, const InvoiceFacts& f, int low_pm, int mid_pm, int high_pm, ForecastBasis basis,
                 Expectation& out) {
  const int32_t elapsed = f.as_of - f.due;  // the invoice is unpaid this many days after its due date
  int32_t low = 0, mid = 0, high = 0;
  if (!s.quantile_above(elapsed, low_pm, low)) return false;
  s.quantile_above(elapsed, mid_pm, mid);
  s.quantile_above(elapsed, high_pm, high);
  out = {f.due + mid, f.due + low, f.due + high, basis};
  return true;
}

}  // namespace

Expectation expect_payment(const InvoiceFacts& f) {
  Expectation e;
  const int32_t elapsed = f.as_of - f.due;
  if (f.disputed) {
    if (f.disputes && f.disputes->count_above(elapsed) > 0 &&
        from_sample(*f.disputes, f, kWideLowPermille, kMidPermille, kWideHighPermille, ForecastBasis::disputed, e))
      return e;
    // No dispute settled this late in the data: after the book's slowest quartile.
    if (from_sample(*f.book, f, kMidPermille, kSlowQuartilePermille, kSlowHighPermille, ForecastBasis::disputed, e))
      return e;
    return {f.as_of + kOutlivedDays, f.as_of + 1, f.as_of + kOutlivedHighDays, ForecastBasis::disputed};
  }
  if (f.promised != kMissingDays && f.promised > f.as_of)
    return {f.promised, f.promised, f.promised + kPromiseSlackDays, ForecastBasis::promise};
  if (f.customer && f.customer->size() >= kMinHistory &&
      from_sample(*f.customer, f, kLowPermille, kMidPermille, kHighPermille, ForecastBasis::history, e))
    return e;
  if (f.segment && f.segment->total() >= kMinSegmentPool &&
      from_sample(*f.segment, f, kLowPermille, kMidPermille, kHighPermille, ForecastBasis::segment, e))
    return e;
  if (from_sample(*f.book, f, kLowPermille, kMidPermille, kHighPermille, ForecastBasis::book, e)) return e;
  return {f.as_of + kOutlivedDays, f.as_of + 1, f.as_of + kOutlivedHighDays, ForecastBasis::book};
}

}  // namespace overdue::forecast_detail
