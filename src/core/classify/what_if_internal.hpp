// Internal pieces of the what-if sandbox (issue #4). Not a public header.
//
//   what_if.cpp           make_sandbox, make_sandbox_context, the add_sandbox_* helpers
//   what_if_ledger.cpp    the one-customer ledger of a scenario (build_ledger's payment application)
//   what_if_portfolio.cpp the customer's 12-month billing (for the revenue share against the portfolio)
//   what_if_evaluate.cpp  evaluate_sandbox
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "classify/internal.hpp"
#include "overdue/classify/what_if.hpp"

namespace overdue::what_if_detail {

// The scenario as a ledger with one customer (index 0).
struct ScenarioLedger {
  Ledger ledger;
  std::vector<int64_t> invoice_of_row;   // per Sandbox::invoices row: index into ledger.invoices, -1 left out
  std::vector<int64_t> row_of_invoice;   // per ledger invoice: its Sandbox::invoices row
  std::vector<std::string> problems;
};
ScenarioLedger scenario_ledger(const Sandbox& sandbox, const Customer& record);

// Billing of the customer's invoices dated in (as_of − 365, as_of] — the revenue-share numerator
// monitor() uses (credit notes net it down).
int64_t billed_365_cents(const Ledger& ledger, uint32_t customer, int32_t as_of);

}  // namespace overdue::what_if_detail
