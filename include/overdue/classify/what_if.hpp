// The what-if sandbox of the customer card (issue #4): the user adds, removes or moves a payment
// or an invoice of ONE customer and sees the type, the rule trace and the scores change live.
// The real ledger is never modified: the sandbox is a copy of that customer's invoices and
// payments, evaluated as a one-customer ledger (payments re-applied exactly the way build_ledger
// applies them: named invoice first, then FIFO, credit notes, over-payment kept as customer
// credit) with the rest of the portfolio as context for the impact score (the other customers'
// overdue amounts and billing stay as they really are). An unchanged sandbox gives exactly the
// real analysis of the customer (tested), except the priority, which ranks the whole portfolio.
//
// Edits are plain vector edits (erase a row, change a date or an amount, push a row); the
// add_sandbox_* helpers push a row marked `added` with an id that does not clash.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/classify/classify.hpp"

namespace overdue {

struct SandboxInvoice {
  std::string id;                 // a payment naming this id goes to it (like a real invoice id)
  int32_t invoice_date = kMissingDays;  // required: an invoice without one is left out (a problem)
  int32_t due_date = kMissingDays;      // missing: invoice date + 30 days (a problem says so)
  int64_t amount_cents = 0;       // negative: a credit note, applied like build_ledger applies one
  bool added = false;             // made up in the sandbox (the card marks it)
  int64_t origin = -1;            // index into the real Ledger::invoices; -1 when added
  int32_t disputed_from = kMissingDays;  // kept from the real invoice (issue #20 §2; Invoice::disputed_from)
};

struct SandboxPayment {
  int32_t date = kMissingDays;    // missing: assumed paid by the as-of date (build_ledger's rule)
  int64_t amount_cents = 0;       // must be > 0 (else left out, a problem)
  std::string invoice_id;         // empty: applied FIFO like a real payment without an invoice
  bool added = false;
  int64_t origin = -1;            // index into the real Ledger::payments; -1 when added
  // The real invoice (index into Ledger::invoices) on whose row this payment was read — the paid
  // columns of a one-table ledger. build_ledger pays exactly that invoice first (not every invoice
  // sharing its id), so the sandbox does too while the invoice with that origin is still there;
  // once it is removed, invoice_id decides. -1: none (payments tables, added payments).
  int64_t own_invoice = -1;
};

struct Sandbox {
  uint32_t customer = 0;          // index into the real Ledger::customers
  std::vector<SandboxInvoice> invoices;   // the customer's real invoices, in ledger order
  std::vector<SandboxPayment> payments;   // the customer's real payments, in ledger order
};

// A fresh sandbox holding the customer's real invoices and payments.
Sandbox make_sandbox(const Ledger& ledger, uint32_t customer);

// Appends an invoice / payment marked `added` and returns it. The invoice gets the id
// "what-if-N", N the first number no invoice of the sandbox uses yet.
SandboxInvoice& add_sandbox_invoice(Sandbox& sandbox, int32_t invoice_date, int32_t due_date, int64_t amount_cents);
SandboxPayment& add_sandbox_payment(Sandbox& sandbox, int32_t date, int64_t amount_cents,
                                    const std::string& invoice_id = {});

// The portfolio around the customer, taken once from the real analysis (O(ledger)); evaluating
// then never touches the real ledger again.
struct SandboxContext {
  int32_t as_of = kMissingDays;
  MonitorOptions monitor;                  // threshold, buckets, step (as_of set from the real result)
  int64_t others_overdue_cents = 0;        // all overdue minus this customer's real overdue
  int64_t others_largest_overdue_cents = 0;  // the largest overdue among the other customers
  int64_t others_billed_365_cents = 0;     // trailing-12-month billing of the other customers
  int64_t credit_limit_cents = kMissingCents;  // the plan's limit change starts from this (editable)
  ContactSummary contacts;                 // the real contact log's summary at the as-of date (for display)
  Customer record;                         // the customer's record (id, name, credit limit, …)
  // The customer's own contact-log rows (customer renumbered 0). Broken promises depend on the
  // payments, so the sandbox recounts them from this and its own payments: a payment added inside
  // a promise's window keeps the promise. has_contact_log false: no log was given (S3/S4 not evaluated).
  bool has_contact_log = false;
  ContactLog contact_log;
};
SandboxContext make_sandbox_context(const Ledger& ledger, const MonitorResult& real, const ContactLog* contacts,
                                    uint32_t customer);

// What the scenario makes of one sandbox invoice (parallel to Sandbox::invoices).
struct SandboxInvoiceState {
  bool used = false;              // false: left out (see problems)
  bool added = false;             // copied from the sandbox row
  int64_t open_cents = 0;         // open at the as-of date (negative: unused credit note)
  int32_t days_past_due = 0;      // as-of − due date (≤ 0: not due)
  bool overdue = false;           // open > 0 with DPD > threshold
};

struct SandboxResult {
  bool overdue = false;           // false: not overdue in this scenario (no type; the card says so)
  // Classification, scores, plan and allowance exactly as analyze_overdue would give them;
  // priority is 0 (not ranked against the real portfolio). When not overdue, only `customer`,
  // `history`, `contacts`, `ability` and `allowance_cents` are filled (the rest stays default).
  ClassifiedCustomer customer;
  // Open, overdue, max DPD … of the scenario; revenue_share against the real portfolio's billing;
  // oldest_open_invoice indexes Sandbox::invoices.
  CustomerStatus status;
  std::vector<SandboxInvoiceState> invoices;  // parallel to Sandbox::invoices
  int64_t customer_credit_cents = 0;  // over-payment left unapplied (Ledger::credits of the scenario)
  std::vector<std::string> problems;  // rows that could not be used, with why (English; the card
                                      // shows them under the sandbox)
};

// Evaluates the scenario at ctx.as_of with the given settings. Fast enough to call every frame
// the sandbox changes: work is proportional to the customer's own rows (plus the replay's steps
// from its first date, which monitor() always computes).
SandboxResult evaluate_sandbox(const Sandbox& sandbox, const SandboxContext& ctx, const OverdueSettings& settings);

}  // namespace overdue
