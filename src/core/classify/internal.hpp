// Internal pieces of the classification (issue #4): a per-customer index of the ledger built once,
// so analysing every overdue customer is linear in the ledger's size rather than customers × rows.
// Not a public header.
#pragma once
#include <cstdint>
#include <vector>

#include "overdue/classify/classify.hpp"

namespace overdue::classify_detail {

// R3's reading of the open balance ÷ 12-month billing: the rise factor over the look-back, the
// share of the rise reached by the midpoint, and whether it was gradual (at least a third of the
// rise by the midpoint and still rising: a good payer hit by a shock last month only jumps at the
// end; a linear build-up has half of its rise by then). Needs the three ratios and then > 0.
struct BalanceRise {
  double factor = 0, by_mid = 0;
  bool gradual = false;
};
BalanceRise balance_rise(const CustomerHistory& h);

struct CustomerIndex {
  // Per customer, ascending indices into Ledger::invoices / ::allocations / ::payments.
  std::vector<std::vector<uint32_t>> invoices, allocations, payments;
};
CustomerIndex index_by_customer(const Ledger& ledger);

// The rows of one customer (the same lists as CustomerIndex holds for it).
struct CustomerRows {
  const std::vector<uint32_t>& invoices;
  const std::vector<uint32_t>& allocations;
  const std::vector<uint32_t>& payments;
};

CustomerHistory history_of(const Ledger& ledger, const CustomerRows& rows, int32_t as_of, int threshold_days,
                           const ClassifySettings& s);

// What analyze_overdue needs from the rest of the portfolio to score one customer.
struct PortfolioFacts {
  int64_t largest_overdue_cents = 0;     // including this customer
  int64_t all_overdue_cents = 0;         // including this customer
};

// The ability facts of a history (paid ÷ billed, recency, partial share, on-time share).
AbilityFacts ability_facts(const CustomerHistory& h, int32_t as_of);

// One overdue customer classified, scored, placed on the risk matrix and planned (priority left 0).
// analyze_overdue calls it for every overdue customer; the what-if sandbox for its one customer.
ClassifiedCustomer classify_one(const Ledger& ledger, const CustomerRows& rows, const CustomerStatus& status,
                                const ContactLog* contacts, int32_t as_of, int threshold_days,
                                const PortfolioFacts& portfolio, std::vector<int32_t> upcoming_due_dates,
                                int64_t allowance_cents, const OverdueSettings& settings);

}  // namespace overdue::classify_detail
