// Internal pieces of the what-if sandbox (issue #4). Not a public header.
//
//   what_if.cpp           make_sandbox, make_sandbox_context, the add_sandbox_* helpers
//   what_if_ledger.cpp    the one-customer ledger of a scenario (build_ledger's payment application)
//   what_if_classify.cpp  one customer classified, scored and planned (analyze_overdue's body)
//   what_if_evaluate.cpp  evaluate_sandbox
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "classify_internal.hpp"
#include "overdue/what_if.hpp"

namespace overdue::what_if_detail {

// The scenario as a ledger with one customer (index 0).
struct ScenarioLedger {
  Ledger ledger;
  std::vector<int64_t> invoice_of_row;   // per Sandbox::invoices row: index into ledger.invoices, -1 left out
  std::vector<int64_t> row_of_invoice;   // per ledger invoice: its Sandbox::invoices row
  std::vector<std::string> problems;
};
ScenarioLedger scenario_ledger(const Sandbox& sandbox, const Customer& record);

// What analyze_overdue needs from the rest of the portfolio to score one customer.
struct PortfolioFacts {
  int64_t largest_overdue_cents = 0;     // including this customer
  int64_t all_overdue_cents = 0;         // including this customer
};

// One overdue customer of `ledger` classified, scored, placed on the risk matrix and planned,
// line for line what analyze_overdue does in its loop (priority left 0).
//
// COPY of the per-customer body of classify_analysis.cpp's analyze_overdue (read-only for the
// sandbox's author). Proposed refactor, for classify_analysis.cpp's owner: move this function
// into classify_detail (declared in classify_internal.hpp, defined in classify_analysis.cpp) and
// let analyze_overdue's loop call it with
//   classify_one(ledger, rows, st, contacts, as_of, threshold, {largest, all_overdue},
//                upcoming[st.customer], allowance.by_customer_cents[st.customer], settings)
// then delete this copy. Tests (test_what_if.cpp) assert both give identical results.
ClassifiedCustomer classify_one(const Ledger& ledger, const classify_detail::CustomerRows& rows,
                                const CustomerStatus& status, const ContactLog* contacts, int32_t as_of,
                                int threshold_days, const PortfolioFacts& portfolio,
                                std::vector<int32_t> upcoming_due_dates, int64_t allowance_cents,
                                const OverdueSettings& settings);

// The ability facts analyze_overdue derives from a history (part of the copy above).
AbilityFacts ability_facts(const CustomerHistory& h, int32_t as_of);

// Billing of the customer's invoices dated in (as_of − 365, as_of] — the revenue-share numerator
// monitor() uses (credit notes net it down).
int64_t billed_365_cents(const Ledger& ledger, uint32_t customer, int32_t as_of);

}  // namespace overdue::what_if_detail
