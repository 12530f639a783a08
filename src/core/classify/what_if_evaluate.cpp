// evaluate_sandbox (issue #4): the scenario's one-customer ledger → monitor → classification,
// scores, plan and allowance, with the real portfolio as the impact score's context.
//
// Cost: monitor() on the one-customer ledger is linear in the customer's rows, plus its replay
// trend (a sweep over the steps from the customer's first date to the as-of date: ~150 weekly
// steps for three years) and the newly-overdue check. The step is kept as the real analysis has
// it, so CustomerStatus::newly_overdue agrees with the real one; the trend itself is not used.
// Measured (generated_1000.csv's biggest customer, 183 invoices + 136 payments): about
// 0.1 ms natively, 0.25–0.8 ms as wasm under node; the replay is under 10 % of it.
#include <algorithm>
#include <numeric>

#include "overdue/ledger/dates.hpp"
#include "classify/what_if_internal.hpp"

namespace overdue {

using namespace what_if_detail;

SandboxResult evaluate_sandbox(const Sandbox& sandbox, const SandboxContext& ctx, const OverdueSettings& settings) {
  SandboxResult out;
  Customer record = ctx.record;
  record.credit_limit_cents = ctx.credit_limit_cents;
  ScenarioLedger sc = scenario_ledger(sandbox, record);
  out.problems = std::move(sc.problems);
  const Ledger& ledger = sc.ledger;
  for (const CustomerCredit& c : ledger.credits) out.customer_credit_cents += c.cents;

  out.invoices.resize(sandbox.invoices.size());
  for (size_t k = 0; k < sandbox.invoices.size(); ++k) {
    out.invoices[k].added = sandbox.invoices[k].added;
    out.invoices[k].used = sc.invoice_of_row[k] >= 0;
  }
  out.customer.customer = sandbox.customer;
  out.status.customer = sandbox.customer;
  if (ctx.as_of == kMissingDays) {
    out.problems.push_back("no as-of date: the data has no dates");
    return out;
  }

  MonitorOptions options = ctx.monitor;
  options.as_of = ctx.as_of;
  const MonitorResult m = monitor(ledger, options);
  const int32_t as_of = m.as_of;
  const int threshold = m.options.threshold_days;

  CustomerStatus st = m.customers.front();
  // Revenue share against the real portfolio: the same integer sum monitor() divides by.
  const int64_t billed = billed_365_cents(ledger, 0, as_of);
  const int64_t all_billed = ctx.others_billed_365_cents + billed;
  st.revenue_share = all_billed > 0 ? static_cast<double>(billed) / static_cast<double>(all_billed) : 0.0;

  std::vector<int32_t> upcoming;
  for (const OpenItem& item : m.open_items) {
    const auto row = static_cast<size_t>(sc.row_of_invoice[item.invoice]);
    SandboxInvoiceState& s = out.invoices[row];
    s.open_cents = item.open_cents;
    s.days_past_due = item.days_past_due;
    s.overdue = item.open_cents > 0 && item.days_past_due > threshold;
    if (item.open_cents > 0 && item.days_past_due < 0)
      upcoming.push_back(effective_due_date(ledger.invoices[item.invoice]));
  }
  // Invoices not open have their DPD shown against their due date all the same.
  for (size_t k = 0; k < sandbox.invoices.size(); ++k)
    if (out.invoices[k].used && out.invoices[k].open_cents == 0)
      out.invoices[k].days_past_due =
          as_of - effective_due_date(ledger.invoices[static_cast<size_t>(sc.invoice_of_row[k])]);

  const int64_t allowance = compute_allowance(ledger, m, settings.allowance).by_customer_cents.front();

  std::vector<uint32_t> invoices(ledger.invoices.size()), allocations(ledger.allocations.size()),
      payments(ledger.payments.size());
  std::iota(invoices.begin(), invoices.end(), 0u);
  std::iota(allocations.begin(), allocations.end(), 0u);
  std::iota(payments.begin(), payments.end(), 0u);
  const classify_detail::CustomerRows rows{invoices, allocations, payments};
  const ContactLog* contacts = ctx.has_contact_log ? &ctx.contact_log : nullptr;

  out.overdue = st.overdue;
  if (st.overdue) {
    const classify_detail::PortfolioFacts portfolio{std::max(ctx.others_largest_overdue_cents, st.overdue_cents),
                                   ctx.others_overdue_cents + st.overdue_cents};
    out.customer = classify_detail::classify_one(ledger, rows, st, contacts, as_of, threshold, portfolio, std::move(upcoming),
                                allowance, settings);
  } else {
    // Not overdue: no type, impact or plan; the facts the card still shows.
    out.customer.history = classify_detail::history_of(ledger, rows, as_of, threshold, settings.classify);
    if (contacts) out.customer.contacts = summarize_contacts(*contacts, ledger, payments, 0, as_of);
    out.customer.ability = ability_score(classify_detail::ability_facts(out.customer.history, as_of), settings.scores);
    out.customer.allowance_cents = allowance;
  }
  out.customer.customer = sandbox.customer;
  out.customer.priority = 0;

  st.customer = sandbox.customer;
  if (st.oldest_open_invoice >= 0)
    st.oldest_open_invoice = static_cast<int32_t>(sc.row_of_invoice[static_cast<size_t>(st.oldest_open_invoice)]);
  out.status = std::move(st);
  return out;
}

}  // namespace overdue
