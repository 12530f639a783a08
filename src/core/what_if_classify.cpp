// One overdue customer classified, scored and planned — a marked copy of analyze_overdue's
// per-customer body (classify_analysis.cpp), so the sandbox gives the same numbers. The refactor
// that would remove the copy is described at classify_one in what_if_internal.hpp.
#include <algorithm>

#include "what_if_internal.hpp"

namespace overdue::what_if_detail {

// --- COPY of classify_analysis.cpp (analyze_overdue's loop body) — keep in step -----------------

AbilityFacts ability_facts(const CustomerHistory& h, int32_t as_of) {
  AbilityFacts af;
  af.paid_ratio = h.billed_365_cents > 0
                      ? std::min(1.0, static_cast<double>(h.paid_365_cents) / static_cast<double>(h.billed_365_cents))
                      : (h.paid_365_cents > 0 ? 1.0 : 0.0);
  af.days_since_payment = h.last_payment_date == kMissingDays ? -1 : as_of - h.last_payment_date;
  af.partial_known = h.payments_last_180 > 0;
  af.partial_share = af.partial_known ? static_cast<double>(h.partial_payments_last_180) / h.payments_last_180 : 0;
  af.on_time_known = h.settled_all > 0;
  af.on_time_share = af.on_time_known ? static_cast<double>(h.on_time_all) / h.settled_all : 0;
  return af;
}

ClassifiedCustomer classify_one(const Ledger& ledger, const classify_detail::CustomerRows& rows,
                                const CustomerStatus& st, const ContactLog* contacts, int32_t as_of,
                                int threshold, const PortfolioFacts& portfolio,
                                std::vector<int32_t> upcoming_due_dates, int64_t allowance_cents,
                                const OverdueSettings& settings) {
  ClassifiedCustomer cc;
  cc.customer = st.customer;
  cc.overdue_cents = st.overdue_cents;
  cc.history = classify_detail::history_of(ledger, rows, as_of, threshold, settings.classify);
  if (contacts) cc.contacts = classify_detail::contacts_of(*contacts, ledger, rows.payments, st.customer, as_of);
  cc.classification = classify_customer(cc.history, cc.contacts, as_of, settings.classify);

  const CustomerHistory& h = cc.history;
  cc.ability = ability_score(ability_facts(h, as_of), settings.scores);
  cc.impact = impact_score({st.overdue_cents, portfolio.largest_overdue_cents, portfolio.all_overdue_cents,
                            st.weighted_dpd, st.revenue_share},
                           settings.scores);
  cc.quadrant = risk_quadrant(cc.ability.value, cc.impact.value, settings.scores);

  ActionInput in;
  in.type = cc.classification.type;
  in.as_of = as_of;
  in.overdue_cents = st.overdue_cents;
  in.paid_last_180_days_cents = h.paid_last_180_cents;
  in.upcoming_due_dates = std::move(upcoming_due_dates);
  std::sort(in.upcoming_due_dates.begin(), in.upcoming_due_dates.end());
  in.credit_limit_cents = st.customer < ledger.customers.size() ? ledger.customers[st.customer].credit_limit_cents
                                                                : kMissingCents;
  cc.plan = plan_actions(in, settings.actions);
  cc.allowance_cents = allowance_cents;
  return cc;
}

// --- end of the copy ----------------------------------------------------------------------------

int64_t billed_365_cents(const Ledger& ledger, uint32_t customer, int32_t as_of) {
  constexpr int kRevenueWindowDays = 365;  // monitor.cpp's "trailing 12 months"
  int64_t billed = 0;
  for (const Invoice& inv : ledger.invoices)
    if (inv.customer == customer && inv.invoice_date != kMissingDays && inv.invoice_date <= as_of &&
        inv.invoice_date > as_of - kRevenueWindowDays)
      billed += inv.amount_cents;
  return billed;
}

}  // namespace overdue::what_if_detail
