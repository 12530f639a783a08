// The forecast's private pieces (forecast.hpp): the delay samples it draws quantiles from and the
// one rule that picks an invoice's expected date. Integers only (counts, whole-number weights,
// per-mille quantiles), so native and wasm give the same dates.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "overdue/forecast/forecast.hpp"

namespace overdue::forecast_detail {

// Delays (paid date − due date, days) outside this span are clipped to it: a mistyped year must not
// make a pool of millions of buckets.
constexpr int32_t kMinDelay = -400, kMaxDelay = 1500;
int32_t clip_delay(int64_t delay);

// Quantiles in per mille: the range is the 20th–80th percentile, a dispute's the 10th–90th.
constexpr int kLowPermille = 200, kMidPermille = 500, kHighPermille = 800;
constexpr int kWideLowPermille = 100, kWideHighPermille = 900;
// The book's slowest quartile (a disputed invoice when no dispute has settled in the data).
constexpr int kSlowQuartilePermille = 750, kSlowHighPermille = 950;

// A pool of delays (a segment, the whole book, the settled disputes), unweighted: a histogram, so
// the quantile of the delays beyond a point is a binary search whatever the pool's size.
class DelayHistogram {
 public:
  void clear();
  void add(int32_t delay);
  void finish();                               // before the queries below
  uint64_t total() const { return total_; }
  uint64_t count_above(int32_t after) const;   // delays > after
  // The smallest delay d > after with at least permille/1000 of the delays > after at or below it;
  // false when no delay is > after.
  bool quantile_above(int32_t after, int permille, int32_t& out) const;

 private:
  std::vector<uint32_t> counts_;
  std::vector<uint64_t> cumulative_;  // cumulative_[k] = counts of buckets < k
  uint64_t total_ = 0;
};

// One customer's delays, the recent ones weighing more: the weight halves every 20 days since the
// invoice was settled (4096 in the last 20 days, 2048 in the 20 before, … 1 from 240 days on), so
// what the payment-pattern change sees as the recent window (its last 90 days) outweighs the whole
// baseline, and a customer who slows down (or speeds up) is followed within one or two
// settlements. The half-life was chosen on the backtest (docs/method.md): 90- and 30-day ones
// followed changes more slowly; 10 days chased noise on the demo ledger.
uint32_t recency_weight(int32_t days_ago);

class WeightedDelays {
 public:
  void clear();
  void add(int32_t delay, uint32_t weight);
  void finish();
  size_t size() const { return items_.size(); }
  size_t count_above(int32_t after) const;
  bool quantile_above(int32_t after, int permille, int32_t& out) const;

 private:
  std::vector<std::pair<int32_t, uint32_t>> items_;  // (delay, weight), sorted by delay after finish
  std::vector<uint64_t> prefix_;                     // prefix_[k] = weights of items_[0..k)
};

// Fewest settled invoices for a customer's own history to count, and for a segment's pool.
constexpr size_t kMinHistory = 3;
constexpr uint64_t kMinSegmentPool = 10;
// A pending promise's range: the promised date to this many days after it.
constexpr int32_t kPromiseSlackDays = 14;
// Nothing in the book was ever this late: expected this many days after the as-of date, range
// as-of + 1 … as-of + kOutlivedHighDays.
constexpr int32_t kOutlivedDays = 30, kOutlivedHighDays = 90;

struct Expectation {
  int32_t expected = 0, low = 0, high = 0;
  ForecastBasis basis = ForecastBasis::book;
};

// What is known about one open invoice at `as_of`.
struct InvoiceFacts {
  int32_t as_of = 0;
  int32_t due = 0;
  bool disputed = false;
  int32_t promised = kMissingDays;            // a pending promise (after as_of) covering it
  const WeightedDelays* customer = nullptr;   // the customer's settled history (finished)
  const DelayHistogram* segment = nullptr;    // its segment's pool, when it has one
  const DelayHistogram* book = nullptr;       // every settled invoice (required)
  const DelayHistogram* disputes = nullptr;   // settled disputed invoices (required)
};

// The rule (docs/method.md): disputed → promise → the customer's history → its segment → the book,
// every sample conditioned on the invoice being unpaid at as_of (only delays > as_of − due), so
// the expected date is always after as_of.
Expectation expect_payment(const InvoiceFacts& f);

}  // namespace overdue::forecast_detail
