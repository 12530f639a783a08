// analyze_overdue(): every overdue customer of a monitor result classified, scored, placed on the
// risk matrix, given an action plan and its allowance, then put in priority order (issue #4).
#include <algorithm>

#include "classify/internal.hpp"
#include "overdue/ledger/dates.hpp"

namespace overdue {

namespace classify_detail {

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
  if (contacts) cc.contacts = summarize_contacts(*contacts, ledger, rows.payments, st.customer, as_of);
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
  // The plan asks for what the customer does not dispute (issue #20 §2); the scores keep it all.
  in.overdue_cents = st.overdue_cents - st.disputed_overdue_cents;
  in.paid_last_180_days_cents = h.paid_last_180_cents;
  in.upcoming_due_dates = std::move(upcoming_due_dates);
  std::sort(in.upcoming_due_dates.begin(), in.upcoming_due_dates.end());
  in.credit_limit_cents = st.customer < ledger.customers.size() ? ledger.customers[st.customer].credit_limit_cents
                                                                : kMissingCents;
  cc.plan = plan_actions(in, settings.actions);
  cc.allowance_cents = allowance_cents;
  return cc;
}

}  // namespace classify_detail

struct OverdueJob::State {
  const Ledger& ledger;
  const MonitorResult& monitor;
  const ContactLog* contacts;
  const OverdueSettings& settings;
  enum class Phase { allowance, index, customers, order, done } phase = Phase::allowance;
  OverdueAnalysis out;
  int64_t largest = 0, all_overdue = 0;
  size_t overdue_count = 0;
  std::vector<std::vector<int32_t>> upcoming;   // per customer: due dates of open items not yet overdue
  classify_detail::CustomerIndex index;
  size_t next = 0;                              // next entry of monitor.customers

  State(const Ledger& l, const MonitorResult& m, const ContactLog* c, const OverdueSettings& s)
      : ledger(l), monitor(m), contacts(c), settings(s) {}

  void build_index() {
    for (const CustomerStatus& st : monitor.customers)
      if (st.overdue) {
        largest = std::max(largest, st.overdue_cents);
        all_overdue += st.overdue_cents;
        ++overdue_count;
      }
    out.customers.reserve(overdue_count);
    // Open items not yet overdue, per customer: the due dates the reminders are set before.
    upcoming.assign(ledger.customers.size(), {});
    for (const OpenItem& item : monitor.open_items) {
      const Invoice& inv = ledger.invoices[item.invoice];
      if (item.open_cents > 0 && item.days_past_due < 0 && inv.customer < upcoming.size())
        upcoming[inv.customer].push_back(effective_due_date(inv));
    }
    index = classify_detail::index_by_customer(ledger);
  }

  // Classifies customers until about `work` rows were read; true when all are done.
  // Classifies customers until about `work` units (a customer and each of its rows) are `spent`.
  bool classify_some(size_t work, size_t& spent) {
    const int32_t as_of = monitor.as_of;
    const int threshold = monitor.options.threshold_days;
    while (next < monitor.customers.size() && spent < work) {
      const CustomerStatus& st = monitor.customers[next++];
      ++spent;
      if (!st.overdue || st.customer >= ledger.customers.size()) continue;
      const classify_detail::CustomerRows rows{index.invoices[st.customer], index.allocations[st.customer],
                                               index.payments[st.customer]};
      spent += rows.invoices.size() + rows.allocations.size() + rows.payments.size();
      const int64_t allowance_cents = st.customer < out.allowance.by_customer_cents.size()
                                          ? out.allowance.by_customer_cents[st.customer]
                                          : 0;
      ClassifiedCustomer cc = classify_detail::classify_one(ledger, rows, st, contacts, as_of, threshold,
                                                            {largest, all_overdue}, std::move(upcoming[st.customer]),
                                                            allowance_cents, settings);
      auto& total = out.by_type[static_cast<int>(cc.classification.type)];
      ++total.customers;
      total.overdue_cents += cc.overdue_cents;
      out.customers.push_back(std::move(cc));
    }
    return next >= monitor.customers.size();
  }

  void order() {
    std::sort(out.customers.begin(), out.customers.end(), [&](const ClassifiedCustomer& a, const ClassifiedCustomer& b) {
      if (a.quadrant != b.quadrant) return a.quadrant < b.quadrant;
      if (a.impact.value != b.impact.value) return a.impact.value > b.impact.value;
      if (a.overdue_cents != b.overdue_cents) return a.overdue_cents > b.overdue_cents;
      const std::string& ia = ledger.customers[a.customer].id;
      const std::string& ib = ledger.customers[b.customer].id;
      if (ia != ib) return ia < ib;
      return a.customer < b.customer;
    });
    for (size_t k = 0; k < out.customers.size(); ++k) out.customers[k].priority = static_cast<uint32_t>(k + 1);
    upcoming = {};
    index = {};
  }
};

OverdueJob::OverdueJob(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts,
                       const OverdueSettings& settings)
    : state_(std::make_unique<State>(ledger, monitor, contacts, settings)) {}

OverdueJob::~OverdueJob() = default;

Step OverdueJob::step(Budget& budget) {
  State& s = *state_;
  using Phase = State::Phase;
  // The allowance runs a slice of the open items per step; the index and the final sort cannot be
  // cut: each ends its step and uses the budget.
  switch (s.phase) {
    case Phase::allowance: {   // a slice of the open items (the first step starts the result)
      if (s.next == 0) s.out.allowance = begin_allowance(s.ledger, s.settings.allowance);
      const size_t items = s.monitor.open_items.size();
      const size_t n = static_cast<size_t>(std::min<uint64_t>(std::max<uint64_t>(1, budget.units), items - std::min(s.next, items)));
      add_allowance_items(s.out.allowance, s.ledger, s.monitor, s.settings.allowance, s.next, s.next + n);
      s.next += std::max<size_t>(n, 1);
      budget.spend(n);
      if (s.next >= items) {
        s.next = 0;   // the customers' pass counts from its first entry again
        s.phase = Phase::index;
      }
      return Step::more;
    }
    case Phase::index:
      s.build_index();
      s.phase = Phase::customers;
      budget.units = 0;
      return Step::more;
    case Phase::customers: {
      const size_t work = std::max<size_t>(1, static_cast<size_t>(std::min<uint64_t>(budget.units, SIZE_MAX)));
      size_t spent = 0;
      if (s.classify_some(work, spent)) s.phase = Phase::order;
      budget.spend(spent);
      return Step::more;
    }
    case Phase::order:
      s.order();
      s.phase = Phase::done;
      budget.units = 0;
      return Step::done;
    case Phase::done:
      return Step::done;
  }
  return Step::done;
}

double OverdueJob::progress() const {
  const State& s = *state_;
  switch (s.phase) {
    case State::Phase::allowance:
      return s.monitor.open_items.empty() ? 0 : 0.05 * static_cast<double>(s.next) / s.monitor.open_items.size();
    case State::Phase::index: return 0.05;
    case State::Phase::customers:
      return 0.1 + 0.85 * (s.monitor.customers.empty() ? 1.0 : static_cast<double>(s.next) / s.monitor.customers.size());
    case State::Phase::order: return 0.95;
    case State::Phase::done: return 1;
  }
  return 1;
}

OverdueAnalysis OverdueJob::take() { return std::move(state_->out); }

OverdueAnalysis analyze_overdue(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts,
                                const OverdueSettings& settings) {
  OverdueJob job(ledger, monitor, contacts, settings);
  return run_to_end(job);
}

}  // namespace overdue
