// Receivables monitoring at an as-of date (DESIGN.md §2, issue #3): open items, days past due,
// aging buckets, overdue customers, portfolio metrics, the periodic replay and payment-pattern
// change. Words: *past due* = open with DPD ≥ 1; *overdue* = open with DPD > threshold.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue {

enum class ReplayStep { day, week, month };

struct MonitorOptions {
  int32_t as_of = kMissingDays;            // kMissingDays: Ledger::last_date
  int threshold_days = 30;
  std::vector<int> bucket_edges{30, 60, 90, 180};  // buckets: not_due, 1-30, 31-60, …, >180
  ReplayStep step = ReplayStep::week;
  int dso_window_days = 90;                // DSO and CEI window ending at the as-of date
  int top_n = 10;                          // concentration: share of overdue in the top N customers
};

struct AgingBucket {
  std::string label;        // "not_due", "1-30", …, ">180"
  int min_dpd = 0;          // inclusive; not_due covers DPD ≤ 0
  int max_dpd = 0;          // inclusive; INT32_MAX for the last
  int64_t open_cents = 0;
  uint64_t invoices = 0;
};

struct OpenItem {
  uint32_t invoice = 0;
  int64_t open_cents = 0;
  int32_t days_past_due = 0;   // as-of − due date (≤ 0: not due)
  bool disputed = false;       // disputed at the as-of date (invoice_disputed, issue #20 §2)
};

// Evidence that a customer's recent payment behaviour departs from its own baseline.
struct PatternChange {
  bool flagged = false;
  bool enough_history = false;
  std::string summary;                 // e.g. "median interval 7 d → 31 d"
  double baseline_interval_days = 0, recent_interval_days = 0;
  double baseline_days_late = 0, recent_days_late = 0;
  double baseline_paid_ratio = 0, recent_paid_ratio = 0;
  std::vector<std::string> evidence;   // one line per rule that held
  // Added for the evidence view (pattern_change.cpp documents the rule):
  int32_t recent_from = kMissingDays;  // first day of the recent window (as-of − 89)
  uint32_t baseline_payment_days = 0, recent_payment_days = 0;  // distinct payment dates
  uint32_t baseline_late_invoices = 0, recent_late_invoices = 0;  // days-late observations
  int32_t days_since_last_payment = -1;  // as-of − last payment date; -1 when none
};

struct CustomerStatus {
  uint32_t customer = 0;
  int64_t open_cents = 0;
  int64_t past_due_cents = 0;
  int64_t overdue_cents = 0;           // open with DPD > threshold
  int32_t max_dpd = 0;
  double weighted_dpd = 0;             // open-amount-weighted DPD of past-due invoices
  int32_t oldest_open_invoice = -1;    // invoice index, -1 none
  int32_t last_payment_date = kMissingDays;
  int64_t last_payment_cents = 0;
  double revenue_share = 0;            // billed in the trailing 12 months / all billed in them
  bool overdue = false;
  bool newly_overdue = false;          // overdue now, not at the previous check (as-of − one step)
  std::optional<PatternChange> pattern;
  // issue #20 §2: open amounts of its invoices disputed at the as-of date (in the totals above too)
  int64_t disputed_cents = 0;          // "in dispute"
  int64_t disputed_overdue_cents = 0;  // the part of overdue_cents that is disputed
};

struct SalesRepStatus {
  std::string sales_rep;
  int64_t open_cents = 0, overdue_cents = 0;
  uint32_t overdue_customers = 0;
};

struct PortfolioMetrics {
  double dso = 0;            // (receivables at as-of / credit sales in window) × window days
  double bpdso = 0;          // (current receivables / credit sales in window) × window days
  double add = 0;            // DSO − BPDSO
  double cei = 0;            // CEI over the window, percent
  double overdue_ratio = 0;  // overdue / open
  double top_n_share = 0;    // share of overdue held by the top N overdue customers
};

struct TrendPoint {
  int32_t date = 0;
  int64_t open_cents = 0;
  int64_t overdue_cents = 0;
  uint32_t overdue_customers = 0;
};

struct MonitorResult {
  int32_t as_of = kMissingDays;
  MonitorOptions options;
  int64_t open_cents = 0, past_due_cents = 0, overdue_cents = 0;
  uint64_t invoices_open = 0;
  // issue #20 §2: open invoices disputed at the as-of date — in the totals and the aging, and
  // shown apart as "in dispute".
  int64_t disputed_cents = 0, disputed_overdue_cents = 0;
  uint64_t disputed_invoices = 0;
  std::vector<AgingBucket> aging;          // totals add up exactly to open_cents
  std::vector<OpenItem> open_items;        // every open invoice at the as-of date
  std::vector<CustomerStatus> customers;   // every customer seen, in Ledger::customers order
  std::vector<SalesRepStatus> sales_reps;
  PortfolioMetrics metrics;
  std::vector<TrendPoint> trend;           // from the data's first date, at most kMaxTrendSpanDays back
};

// The trend starts at the data's first date, but never more than this before the as-of date: one
// mistyped year (a payment dated 8186) would otherwise make a daily trend of two million points
// and a JSON of hundreds of MB (found by fuzz_analyze). Twenty years covers any real ledger.
constexpr int32_t kMaxTrendSpanDays = 20 * 366;

// Aging bucket labels for edges e1 < … < ek: not_due, 1-e1, (e1+1)-e2, …, >ek.
std::vector<AgingBucket> make_aging_buckets(const std::vector<int>& edges);

MonitorResult monitor(const Ledger& ledger, const MonitorOptions& options);

// monitor() in slices, for a page that must keep drawing while a million invoices are monitored
// (issue #7), a job (overdue/job/job.hpp): each step does about `budget.units` items of work (an invoice, an allocation, a payment, a customer
// or a replay event each count one; at least one item per call) — a count, never a clock, so
// where the steps fall never changes the result: monitor() is this job run in one step. The
// ledger must outlive the job and not change while it runs.
class MonitorJob {
 public:
  MonitorJob(const Ledger& ledger, const MonitorOptions& options);
  ~MonitorJob();
  MonitorJob(MonitorJob&&) noexcept;
  MonitorJob& operator=(MonitorJob&&) noexcept;

  Step step(Budget& budget);  // Step::done once the result is complete
  double progress() const;    // 0 … 1, for a progress line
  // The result once step() returned Step::done (then the job is spent).
  MonitorResult take();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Just the replay (the page recomputes it when the step changes).
std::vector<TrendPoint> replay_trend(const Ledger& ledger, int32_t from, int32_t to, ReplayStep step,
                                     int threshold_days);

// Payment-pattern change of one customer up to the as-of date (DESIGN.md §2).
PatternChange detect_pattern_change(const Ledger& ledger, uint32_t customer, int32_t as_of);
// The same for every customer at once, in Ledger::customers order: one pass over the ledger
// (detect_pattern_change scans the whole ledger for its one customer).
std::vector<PatternChange> detect_pattern_changes(const Ledger& ledger, int32_t as_of);

}  // namespace overdue
