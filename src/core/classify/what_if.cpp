// The what-if sandbox (issue #4): a copy of one customer's rows and the portfolio around it.
// The evaluation is in what_if_evaluate.cpp.
#include <algorithm>
#include <map>
#include <utility>

#include "classify/what_if_internal.hpp"

namespace overdue {

Sandbox make_sandbox(const Ledger& ledger, uint32_t customer) {
  Sandbox sb;
  sb.customer = customer;
  // An invoice's own source line, to find the payments read from the same row (one-table ledger).
  std::map<std::pair<uint32_t, uint64_t>, uint32_t> invoice_at;
  for (uint32_t i = 0; i < ledger.invoices.size(); ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.customer != customer) continue;
    sb.invoices.push_back({std::string(ledger.invoice_id(inv)), inv.invoice_date, inv.due_date, inv.amount_cents, false, i, inv.disputed_from});
    const SourceRef source = ledger.invoice_source(i);
    if (source.line != 0) invoice_at.emplace(std::make_pair(source.file, source.line), i);
  }
  for (uint32_t p = 0; p < ledger.payments.size(); ++p) {
    const Payment& pay = ledger.payments[p];
    if (pay.customer != customer) continue;
    SandboxPayment sp{pay.date, pay.amount_cents, std::string(ledger.named_invoice_id(pay)), false, p, -1};
    // build_ledger binds a one-table ledger's paid columns to their own row's invoice; the row
    // is found again by the shared source line and the invoice id the payment carries.
    if (pay.source.line != 0 && !pay.invoice_id.empty()) {
      const auto it = invoice_at.find({pay.source.file, pay.source.line});
      if (it != invoice_at.end() && ledger.invoice_id(ledger.invoices[it->second]) == ledger.named_invoice_id(pay))
        sp.own_invoice = it->second;
    }
    sb.payments.push_back(std::move(sp));
  }
  return sb;
}

SandboxInvoice& add_sandbox_invoice(Sandbox& sandbox, int32_t invoice_date, int32_t due_date, int64_t amount_cents) {
  auto taken = [&](const std::string& id) {
    for (const SandboxInvoice& si : sandbox.invoices)
      if (si.id == id) return true;
    return false;
  };
  int n = 1;
  while (taken("what-if-" + std::to_string(n))) ++n;
  SandboxInvoice si;
  si.id = "what-if-" + std::to_string(n);
  si.invoice_date = invoice_date;
  si.due_date = due_date;
  si.amount_cents = amount_cents;
  si.added = true;
  sandbox.invoices.push_back(std::move(si));
  return sandbox.invoices.back();
}

SandboxPayment& add_sandbox_payment(Sandbox& sandbox, int32_t date, int64_t amount_cents, const std::string& invoice_id) {
  SandboxPayment sp;
  sp.date = date;
  sp.amount_cents = amount_cents;
  sp.invoice_id = invoice_id;
  sp.added = true;
  sandbox.payments.push_back(std::move(sp));
  return sandbox.payments.back();
}

SandboxContext make_sandbox_context(const Ledger& ledger, const MonitorResult& real, const ContactLog* contacts,
                                    uint32_t customer) {
  SandboxContext ctx;
  ctx.as_of = real.as_of;
  ctx.monitor = real.options;
  ctx.monitor.as_of = real.as_of;
  // analyze_overdue's portfolio facts over the overdue customers, without this one.
  for (const CustomerStatus& st : real.customers) {
    if (!st.overdue || st.customer == customer) continue;
    ctx.others_overdue_cents += st.overdue_cents;
    ctx.others_largest_overdue_cents = std::max(ctx.others_largest_overdue_cents, st.overdue_cents);
  }
  // monitor()'s revenue-share denominator without this customer.
  if (real.as_of != kMissingDays)
    for (const Invoice& inv : ledger.invoices)
      if (inv.customer != customer && inv.customer < ledger.customers.size() && inv.invoice_date != kMissingDays &&
          inv.invoice_date <= real.as_of && inv.invoice_date > real.as_of - 365)
        ctx.others_billed_365_cents += inv.amount_cents;
  if (customer < ledger.customers.size()) {
    ctx.record = ledger.customers[customer];
    ctx.credit_limit_cents = ctx.record.credit_limit_cents;
  }
  if (contacts) {
    ctx.has_contact_log = true;
    ctx.contact_log.present = contacts->present;
    ctx.contacts = summarize_contacts(*contacts, ledger, customer, real.as_of);
    for (const Contact& c : contacts->contacts)
      if (c.customer == customer) {
        ctx.contact_log.contacts.push_back(c);
        ctx.contact_log.contacts.back().customer = 0;
      }
  }
  return ctx;
}

}  // namespace overdue
