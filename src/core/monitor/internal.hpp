// Internal pieces of the monitor (issue #3) shared by monitor.cpp, monitor_aging.cpp,
// monitor_metrics.cpp and monitor_replay.cpp. Not a public header.
//
// One definition of "open" everywhere (monitor, metrics, replay), so they agree by construction:
//  * an invoice counts from its invoice date on; an invoice without an invoice date is never open
//    (it cannot be placed in time — the ledger normally rejects such rows);
//  * an allocation reduces the invoice from its date on; an allocation without a date (a paid
//    amount with no paid date) counts from the invoice date on, i.e. it is paid by any as-of date
//    the invoice exists at — the documented assumption;
//  * DPD = as-of − due date; an invoice without a due date is due on its invoice date.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/ledger/dates.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/text/civil_date.hpp"

namespace overdue::monitor_detail {

// Date from which an allocation counts as paid, or kMissingDays when it never does.

// Open amount of every invoice at `as_of` (0 for invoices not yet issued or fully paid).
std::vector<int64_t> open_amounts_at(const Ledger& ledger, int32_t as_of);
// The same in two passes over ranges, for MonitorJob: `open` (one per invoice, zeros) gets the
// amounts of invoices [begin, end) issued by `as_of`, then loses allocations [begin, end).
void add_issued_invoices(const Ledger& ledger, int32_t as_of, std::vector<int64_t>& open,
                         size_t begin, size_t end);
void subtract_allocations(const Ledger& ledger, int32_t as_of, std::vector<int64_t>& open,
                          size_t begin, size_t end);
// Invoices [begin, end) of `open` (at as_of) added to their customer's overdue sum.
void add_customer_overdue(const Ledger& ledger, const std::vector<int64_t>& open, int32_t as_of,
                          int threshold_days, std::vector<int64_t>& overdue, size_t begin,
                          size_t end);

// Index of the bucket a DPD falls in (buckets from make_aging_buckets).
size_t bucket_index(const std::vector<AgingBucket>& buckets, int32_t dpd);

// The as-of date one step earlier (the previous periodic check) / later (the next replay point).
// Months keep the day of month, clamped to the month's last day.
int32_t step_back(int32_t date, ReplayStep step);

// Per-customer overdue amounts (open with DPD > threshold) at a date.
std::vector<int64_t> customer_overdue_at(const Ledger& ledger, int32_t as_of, int threshold_days);

PortfolioMetrics compute_metrics(const Ledger& ledger, const MonitorResult& result);
// compute_metrics in pieces: the three sums it needs (gathered over ranges by MonitorJob), then
// the ratios.
struct MetricSums {
  int64_t sales = 0;        // invoices dated in the window
  int64_t current_end = 0;  // open items not past due
  int64_t ar_begin = 0;     // open at the window's start
};
int32_t metrics_window_begin(const MonitorResult& result);
void add_window_sales(const Ledger& ledger, const MonitorResult& result, MetricSums& sums,
                      size_t begin, size_t end);
void add_current(const MonitorResult& result, MetricSums& sums, size_t begin, size_t end);
PortfolioMetrics finish_metrics(const MonitorResult& result, const MetricSums& sums);

// [SECTION] work in slices (monitor_job_stages.cpp) ------------------------------------------------

// A fixed list of stages run in order, each a number of items (invoices, allocations, payments,
// customers, events) done in runs of any length. Sliced by a budget of items, never by a clock:
// where the slices fall never changes what the stages compute, as each stage does its items in
// order and keeps its results in the caller's state.
class StagedWork {
 public:
  using Count = std::function<size_t()>;
  using Run = std::function<void(size_t begin, size_t end)>;
  // `count` is read when the stage starts (it may depend on earlier stages); `estimate` stands for
  // it in progress() until then. Each item costs `weight` units of the budget.
  void add(Count count, size_t estimate, uint64_t weight, Run run);
  // A stage done in one piece, costing `weight`.
  void add_once(uint64_t weight, std::function<void()> run);
  // Does about `budget.units` of work (at least one item when any is left) and takes it off the
  // budget; Step::done once all is done. The job protocol (overdue/job/job.hpp), internal to the
  // monitor: MonitorJob is what the outside drives.
  Step step(Budget& budget);
  bool done() const { return stage_ >= stages_.size(); }
  double progress() const;  // work done / work expected, 0 … 1

 private:
  struct Stage {
    Count count;
    uint64_t weight = 1;
    uint64_t work = 0;  // expected, then (once started) actual
    Run run;
  };
  std::vector<Stage> stages_;
  size_t stage_ = 0, cursor_ = 0, count_ = 0;
  bool started_ = false;
  uint64_t done_work_ = 0, total_work_ = 0;
};

// detect_pattern_changes in pieces for the monitor job (pattern_change.cpp): one pass over the
// ledger collecting every customer's facts, then each customer's evaluation, a slice at a time.
class PatternScan {
 public:
  PatternScan(const Ledger& ledger, int32_t as_of);   // as_of kMissingDays: the ledger's last date
  ~PatternScan();
  // The customers' histories, in kCollectSteps passes over the ledger (collect_step(0), (1)…:
  // the page draws between them), or all at once.
  static constexpr int kCollectSteps = 4;
  void collect_step(int step);
  void collect();
  PatternChange evaluate(size_t customer);   // after collect(); each customer once
  // After collect(): the customers' facts (invoices and payments, +1 each) end to end, so that a
  // slice of facts is a slice of the evaluation's work: customers [first_customer_at(b),
  // first_customer_at(e)) are those whose facts start in [b, e).
  size_t facts() const;
  size_t first_customer_at(size_t fact) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

// The replay (monitor_replay.cpp) as stages of `work`; take_trend once they are done.
struct ReplayRun;
std::shared_ptr<ReplayRun> add_replay_stages(StagedWork& work, const Ledger& ledger, int32_t from,
                                             int32_t to, ReplayStep step, int threshold_days);
std::vector<TrendPoint> take_trend(ReplayRun& run);

}  // namespace overdue::monitor_detail
