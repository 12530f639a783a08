// The analysis JSON's "currency" block (issue #17 item 6), written only when a table of the
// ledger has a currency column, so documents of one-currency files stay as they were:
//   "currency": {"reporting": "USD",
//                "by_currency": [{"currency": "USD", "invoices": 12, "open": 4200.00, "overdue": 900.00, "rate": 1},
//                                {"currency": "EUR", "invoices": 2, "open": 800.00, "overdue": 0.00, "rate": null}]}
// Reporting currency first, then by code; amounts in each currency's own money at the analysis's
// as-of date and threshold (the monitor's rules); rate = reporting units per unit, null when the
// user gave none (then that currency is left out of every other figure of the document).
#include "overdue/ledger/currency.hpp"
#include "report/analysis_json_internal.hpp"

namespace overdue::analysis_detail {

void write_currency(JsonWriter& w, const Ledger& ledger, const MonitorResult& r) {
  w.key("currency").begin_object();
  w.key("reporting");
  if (ledger.currency.reporting.empty()) w.null();
  else w.string(ledger.currency.reporting);
  w.key("by_currency").begin_array();
  for (const CurrencyFigures& f : currency_figures(ledger, r.as_of, r.options.threshold_days)) {
    w.begin_object();
    w.key("currency").string(f.code);
    w.key("invoices").unsigned_integer(f.invoices);
    w.key("open").money(f.open_cents);
    w.key("overdue").money(f.overdue_cents);
    w.key("rate");
    if (f.rate_micros == 0) w.null();
    else w.raw(rate_text(f.rate_micros));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace overdue::analysis_detail
