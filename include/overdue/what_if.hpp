// The what-if sandbox of the customer card (issue #4): the user adds, removes or moves a payment
// or an invoice of ONE customer and sees the type, the rule trace and the scores change live.
// The real ledger is never modified: the sandbox is a copy of that customer's invoices and
// payments, evaluated as a one-customer ledger (payments re-applied the way build_ledger applies
// them) with the rest of the portfolio as context for the impact score (the other customers'
// overdue amounts and billing stay as they really are).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/classify.hpp"

namespace overdue {

struct SandboxInvoice {
  std::string id;
  int32_t invoice_date = kMissingDays;
  int32_t due_date = kMissingDays;
  int64_t amount_cents = 0;
  bool added = false;             // made up in the sandbox (the card marks it)
};

struct SandboxPayment {
  int32_t date = kMissingDays;
  int64_t amount_cents = 0;
  std::string invoice_id;         // empty: applied FIFO like a real payment without an invoice
  bool added = false;
};

struct Sandbox {
  uint32_t customer = 0;          // index into the real Ledger::customers
  std::vector<SandboxInvoice> invoices;   // the customer's real invoices, in ledger order
  std::vector<SandboxPayment> payments;   // the customer's real payments, in ledger order
};

// A fresh sandbox holding the customer's real invoices and payments.
Sandbox make_sandbox(const Ledger& ledger, uint32_t customer);

// The portfolio around the customer, taken once from the real analysis.
struct SandboxContext {
  int32_t as_of = kMissingDays;
  MonitorOptions monitor;                  // threshold, buckets (as_of set from the real result)
  int64_t others_overdue_cents = 0;        // all overdue minus this customer's real overdue
  int64_t others_largest_overdue_cents = 0;  // the largest overdue among the other customers
  int64_t others_billed_365_cents = 0;     // trailing-12-month billing of the other customers
  int64_t credit_limit_cents = kMissingCents;
  ContactSummary contacts;                 // the real contact log's summary (not editable here)
};
SandboxContext make_sandbox_context(const Ledger& ledger, const MonitorResult& real, const ContactLog* contacts,
                                    uint32_t customer);

struct SandboxResult {
  bool overdue = false;           // false: not overdue in this scenario (no type; the card says so)
  ClassifiedCustomer customer;    // classification, scores, plan as analyze_overdue would give;
                                  // priority is 0 (not ranked against the real portfolio)
  CustomerStatus status;          // open, overdue, max DPD … of the scenario
  std::vector<std::string> problems;  // edits that could not be used ("payment with no date", …)
};

// Evaluates the scenario at ctx.as_of with the given settings. Fast enough to call every frame
// the sandbox changes (work is proportional to the customer's own rows only).
SandboxResult evaluate_sandbox(const Sandbox& sandbox, const SandboxContext& ctx, const OverdueSettings& settings);

}  // namespace overdue
