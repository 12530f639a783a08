// The analysis JSON's "forecast" object (issue #20 §1): the expected cash per week for 13 weeks,
// in the next 7 and 30 days (each with its low–high range), and the backtest of the method
// against the due date and the due date plus the customer's average delay.
//   "forecast": {"weeks": [{"from", "to", "expected", "low", "high"} × 13],
//                "next_7_days": {"expected", "low", "high"}, "next_30_days": {…},
//                "backtest": {"dates", "invoices", "never_paid",
//                             "mae_days": {"method", "due_date", "due_plus_average_delay"},
//                             "cash_30d_error": {…}}}
// The per-invoice dates are in forecast.csv (csv_export_forecast.cpp), not here: one row per open
// invoice would make the JSON of a large ledger much larger for what a table shows better.
#include "report/analysis_json_internal.hpp"

namespace overdue::analysis_detail {

namespace {

void write_range(JsonWriter& w, const CashRange& r) {
  w.key("expected").money(r.expected_cents);
  w.key("low").money(r.low_cents);
  w.key("high").money(r.high_cents);
}

void write_scores(JsonWriter& w, const char* key, const MethodScores& s, int decimals) {
  w.key(key).begin_object();
  w.key("method").fixed(s.method, decimals);
  w.key("due_date").fixed(s.due_date, decimals);
  w.key("due_plus_average_delay").fixed(s.due_plus_average_delay, decimals);
  w.end_object();
}

}  // namespace

void write_forecast(JsonWriter& w, const CashForecast& f) {
  w.key("forecast").begin_object();
  w.key("weeks").begin_array();
  for (const ForecastWeek& week : f.weeks) {
    w.begin_object();
    w.key("from").date_or_null(week.from);
    w.key("to").date_or_null(week.to);
    write_range(w, week.cash);
    w.end_object();
  }
  w.end_array();
  w.key("next_7_days").begin_object();
  write_range(w, f.next_7_days);
  w.end_object();
  w.key("next_30_days").begin_object();
  write_range(w, f.next_30_days);
  w.end_object();
  const ForecastBacktest& b = f.backtest;
  w.key("backtest").begin_object();
  w.key("dates").unsigned_integer(b.dates);
  w.key("invoices").unsigned_integer(b.invoices);
  w.key("never_paid").unsigned_integer(b.never_paid);
  write_scores(w, "mae_days", b.mae_days, kDaysDecimals);
  write_scores(w, "cash_30d_error", b.cash_30d_error, kRatioDecimals);
  w.end_object();
  w.end_object();
}

}  // namespace overdue::analysis_detail
