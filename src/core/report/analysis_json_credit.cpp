// The analysis JSON's dispute and credit-limit keys (issue #20 §2 and §4; analysis_json_internal.hpp):
//   totals.in_dispute, totals.in_dispute_overdue, totals.in_dispute_invoices   (write_dispute_totals)
//   customers[].in_dispute, in_dispute_overdue, credit_limit, utilisation, credit_level            (write_customer_credit)
//   disputes  [{invoice, customer_id, customer, open, days_past_due, disputed_from}]: the open
//             invoices disputed at the as-of date, in ledger order
//   credit    {warning_share, customers_with_limit, over_limit, near_limit, over_amount,
//              flagged: [{customer_id, customer, limit, open, utilisation, level, headroom,
//                         change_pct, suggested_limit, suggested_headroom}]}
//             flagged: over the limit or at/above warning_share of it (credit.hpp's order);
//             change_pct/suggested_limit/suggested_headroom null unless the customer is overdue
#include "report/analysis_json_internal.hpp"

namespace overdue::analysis_detail {

void write_dispute_totals(JsonWriter& w, const MonitorResult& r) {
  w.key("in_dispute").money(r.disputed_cents);
  w.key("in_dispute_overdue").money(r.disputed_overdue_cents);
  w.key("in_dispute_invoices").unsigned_integer(r.disputed_invoices);
}

void write_customer_credit(JsonWriter& w, const CustomerStatus& c, const CreditWatch& credit) {
  w.key("in_dispute").money(c.disputed_cents);
  w.key("in_dispute_overdue").money(c.disputed_overdue_cents);
  const CreditStatus* s = credit_status_of(credit, c.customer);
  w.key("credit_limit");
  if (s) w.money(s->limit_cents);
  else w.null();
  w.key("utilisation");
  if (s && s->utilisation) w.fixed(*s->utilisation, kRatioDecimals);
  else w.null();
  w.key("credit_level");
  if (s) w.string(credit_level_name(s->level));
  else w.null();
}

void write_disputes(JsonWriter& w, const Ledger& ledger, const MonitorResult& r) {
  w.key("disputes").begin_array();
  for (const OpenItem& item : r.open_items) {
    if (!item.disputed || item.invoice >= ledger.invoices.size()) continue;
    const Invoice& inv = ledger.invoices[item.invoice];
    const bool known = inv.customer < ledger.customers.size();
    w.begin_object();
    w.key("invoice").string(ledger.invoice_id(inv));
    w.key("customer_id").string(known ? ledger.customers[inv.customer].id : std::string());
    w.key("customer").string(known ? ledger.customers[inv.customer].name : std::string());
    w.key("open").money(item.open_cents);
    w.key("days_past_due").integer(item.days_past_due);
    w.key("disputed_from").date_or_null(inv.disputed_from);
    w.end_object();
  }
  w.end_array();
}

void write_credit(JsonWriter& w, const Ledger& ledger, const CreditWatch& credit) {
  w.key("credit").begin_object();
  w.key("warning_share").fixed(credit.warning_share, kRatioDecimals);
  w.key("customers_with_limit").unsigned_integer(credit.with_limit);
  w.key("over_limit").unsigned_integer(credit.over);
  w.key("near_limit").unsigned_integer(credit.warning);
  w.key("over_amount").money(credit.over_cents);
  w.key("flagged").begin_array();
  for (uint32_t i : credit.flagged) {
    const CreditStatus& s = credit.customers[i];
    const Customer& who = ledger.customers[s.customer];
    w.begin_object();
    w.key("customer_id").string(who.id);
    w.key("customer").string(who.name);
    w.key("limit").money(s.limit_cents);
    w.key("open").money(s.open_cents);
    w.key("utilisation");
    if (s.utilisation) w.fixed(*s.utilisation, kRatioDecimals);
    else w.null();
    w.key("level").string(credit_level_name(s.level));
    w.key("headroom").money(s.headroom_cents);
    const bool planned = s.suggested_limit_cents != kMissingCents;
    w.key("change_pct");
    if (planned) w.integer(s.change_pct);
    else w.null();
    w.key("suggested_limit");
    if (planned) w.money(s.suggested_limit_cents);
    else w.null();
    w.key("suggested_headroom");
    if (planned) w.money(s.suggested_headroom_cents);
    else w.null();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace overdue::analysis_detail
