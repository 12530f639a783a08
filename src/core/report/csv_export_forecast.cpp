// forecast.csv (issue #20 §1): every open invoice at the as-of date with its expected payment
// date, the low–high range and the basis word (untranslated, like the type keys), by expected date.
#include "report/csv_export_internal.hpp"
#include "overdue/ledger/dates.hpp"

namespace overdue::csv_detail {

CsvFile forecast_csv(const Ledger& ledger, const CashForecast& forecast, bool zh) {
  CsvTable t(zh, {"invoice_id", "customer_id", "customer_name", "open", "due_date", "expected_date", "expected_low",
                  "expected_high", "basis"});
  for (const InvoiceForecast& f : forecast.invoices) {
    const Invoice& inv = ledger.invoices[f.invoice];
    const Customer& who = ledger.customers[inv.customer];
    const int32_t due = effective_due_date(inv);
    t.row({std::string(ledger.invoice_id(inv)), who.id, who.name, money_text(f.open_cents), due == kMissingDays ? std::string() : iso_date_text(due),
           iso_date_text(f.expected), iso_date_text(f.low), iso_date_text(f.high), forecast_basis_name(f.basis)});
  }
  return {"forecast.csv", t.take()};
}

}  // namespace overdue::csv_detail
