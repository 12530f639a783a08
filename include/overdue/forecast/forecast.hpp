// When each open invoice will be paid, the cash that follows, and how well that has worked on this
// data (issue #20 §1). For every open invoice at the as-of date: an expected payment date with a
// low–high range and the basis it came from; the expected cash per week for 13 weeks and in the
// next 7 and 30 days; and a backtest that replays the method at past month ends next to two simple
// ones. docs/method.md ("When the money comes in") explains the method and shows its figures.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"

namespace overdue {

// Where an expected date came from. The names are written untranslated (JSON, CSV, report, page),
// like the overdue type keys.
enum class ForecastBasis { history, promise, segment, book, disputed };
const char* forecast_basis_name(ForecastBasis basis);  // "history", "promise", "segment", "book", "disputed"

struct InvoiceForecast {
  uint32_t invoice = 0;        // index into Ledger::invoices
  int64_t open_cents = 0;      // open at the as-of date (> 0)
  int32_t expected = 0;        // days since 1970; always after the as-of date
  int32_t low = 0, high = 0;   // as_of < low ≤ expected ≤ high
  ForecastBasis basis = ForecastBasis::book;
};

// Cash expected in a window. low: the invoices whose whole range lies in it; high: those whose
// range touches it; expected: those whose expected date is in it (low ≤ expected ≤ high).
struct CashRange {
  int64_t expected_cents = 0, low_cents = 0, high_cents = 0;
};

struct ForecastWeek {
  int32_t from = 0, to = 0;    // inclusive: week k is as_of + 7(k−1) + 1 … as_of + 7k
  CashRange cash;
};

// The same figure for the method and the two simple ones it is compared with.
struct MethodScores {
  double method = 0, due_date = 0, due_plus_average_delay = 0;
};

struct ForecastBacktest {
  uint32_t dates = 0;          // replay dates with at least one open invoice
  uint64_t invoices = 0;       // (date, invoice) pairs open at a replay date and paid by the as-of date
  uint64_t never_paid = 0;     // (date, invoice) pairs open at a replay date and still open at the as-of date
  MethodScores mae_days;       // mean |expected − paid date| over `invoices`
  // Mean over the replay dates (with money paid in their 30 days) of |forecast − paid| ÷ paid in
  // the 30 days after the date, both over the same invoices, each invoice with its open amount then.
  MethodScores cash_30d_error;
  uint32_t cash_dates = 0;     // replay dates in cash_30d_error
};

struct CashForecast {
  int32_t as_of = kMissingDays;
  std::vector<InvoiceForecast> invoices;  // by expected date, then due date, then ledger order
  std::vector<ForecastWeek> weeks;        // 13 (none when there is no open invoice and no ledger)
  CashRange next_7_days, next_30_days;
  ForecastBacktest backtest;
};

constexpr int kForecastWeeks = 13;

// The forecast as a job (overdue/job/job.hpp): a unit is an allocation, an invoice or a customer
// visited, at each replay date and at the as-of date, so a million-row ledger is cut into slices
// like the monitor. The ledger, the monitor result and the contact log must outlive the job and not
// change while it runs; `contacts` may be null. Disputes (issue #20 §2) are read from
// Invoice::disputed_from: at a date T an invoice is disputed when it was marked by T (what was
// known then), and a settled invoice is a settled dispute when it was marked by its settled date.
class ForecastJob {
 public:
  ForecastJob(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts);
  ~ForecastJob();
  ForecastJob(const ForecastJob&) = delete;
  ForecastJob& operator=(const ForecastJob&) = delete;
  Step step(Budget& budget);
  double progress() const;
  CashForecast take();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The job run to the end.
CashForecast forecast_cash(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts = nullptr);

// Month ends from first_date + 180 days to last − 30 days (the backtest's replay dates), the
// latest kMaxReplayDates of them (five years: a bound on the work that a mistyped year cannot
// push to thousands of replays).
constexpr size_t kMaxReplayDates = 60;
std::vector<int32_t> forecast_replay_dates(int32_t first_date, int32_t last);

}  // namespace overdue
