// The one-customer ledger of a what-if scenario (issue #4). The sandbox rows go through the
// ledger's LedgerAssembler: build_ledger's own binding and payment application, so an
// unchanged sandbox gets exactly the customer's real allocations and credits: the application
// is per customer, and its order (events by date and kind, then row order; FIFO ties by row
// order) only needs the rows in their ledger order, which make_sandbox keeps.
//
// Binding a payment to invoices, as build_ledger does:
//  * a payment read from an invoice's own row (one-table ledger; SandboxPayment::own_invoice)
//    goes to that one invoice first, while the sandbox still holds it;
//  * else a payment naming an invoice id goes to the invoices with that id, oldest first;
//  * a payment naming an id the customer does not have goes FIFO (a problem says so).
// Rows build_ledger could not have produced are left out with a problem: an invoice without an
// invoice date or an amount, a payment of zero, a negative or no amount.
#include <algorithm>
#include <utility>

#include "overdue/ledger/assembler.hpp"
#include "overdue/ledger/dates.hpp"
#include "classify/what_if_internal.hpp"

namespace overdue::what_if_detail {
namespace {

std::string row_name(const char* kind, size_t row, const std::string& id) {
  std::string s = std::string(kind) + " " + std::to_string(row + 1);
  if (!id.empty()) s += " (" + id + ")";
  return s;
}

const int kDefaultTermsDays = LedgerOptions{}.terms_days_default;

}  // namespace

ScenarioLedger scenario_ledger(const Sandbox& sandbox, const Customer& record) {
  ScenarioLedger out;
  LedgerAssembler assembler;
  Ledger& l = assembler.ledger();
  l.customers.push_back(record);

  out.invoice_of_row.assign(sandbox.invoices.size(), -1);
  l.invoices.reserve(sandbox.invoices.size());
  for (size_t k = 0; k < sandbox.invoices.size(); ++k) {
    const SandboxInvoice& si = sandbox.invoices[k];
    if (si.invoice_date == kMissingDays) {
      out.problems.push_back(row_name("invoice", k, si.id) + ": no invoice date, left out");
      continue;
    }
    if (si.amount_cents == kMissingCents) {
      out.problems.push_back(row_name("invoice", k, si.id) + ": no amount, left out");
      continue;
    }
    Invoice inv;
    inv.customer = 0;
    inv.id = l.text.add(si.id.empty() ? "what-if-row-" + std::to_string(k + 1) : si.id);
    inv.invoice_date = si.invoice_date;
    inv.due_date = si.due_date;
    if (inv.due_date == kMissingDays) {
      inv.due_date = due_date_from_terms(si.invoice_date, kDefaultTermsDays);
      out.problems.push_back(row_name("invoice", k, si.id) + ": no due date, taken as due " +
                             std::to_string(kDefaultTermsDays) + " days after the invoice date");
    }
    inv.amount_cents = si.amount_cents;
    inv.disputed_from = si.disputed_from;
    out.invoice_of_row[k] = static_cast<int64_t>(l.invoices.size());
    out.row_of_invoice.push_back(static_cast<int64_t>(k));
    l.invoices.push_back(std::move(inv));
  }

  l.payments.reserve(sandbox.payments.size());
  std::vector<size_t> payment_row;   // per ledger payment: its Sandbox::payments row
  for (size_t k = 0; k < sandbox.payments.size(); ++k) {
    const SandboxPayment& sp = sandbox.payments[k];
    if (sp.amount_cents == kMissingCents || sp.amount_cents <= 0) {
      out.problems.push_back(row_name("payment", k, sp.invoice_id) + ": amount must be more than zero, left out");
      continue;
    }
    if (sp.date == kMissingDays && sp.added)
      out.problems.push_back(row_name("payment", k, sp.invoice_id) + ": no date, assumed paid by the as-of date");
    Payment p;
    p.customer = 0;
    p.date = sp.date;
    p.amount_cents = sp.amount_cents;
    p.invoice_id = l.text.add(sp.invoice_id);
    assembler.add_payment(p);
    payment_row.push_back(k);
  }

  assembler.index_invoice_ids();
  // Real invoices still in the sandbox, by origin (sorted pairs: a lookup per payment, no hashing).
  std::vector<std::pair<int64_t, int64_t>> by_origin;
  for (size_t k = 0; k < sandbox.invoices.size(); ++k)
    if (sandbox.invoices[k].origin >= 0 && out.invoice_of_row[k] >= 0)
      by_origin.emplace_back(sandbox.invoices[k].origin, out.invoice_of_row[k]);
  std::sort(by_origin.begin(), by_origin.end());
  for (size_t p = 0; p < l.payments.size(); ++p) {
    const SandboxPayment& sp = sandbox.payments[payment_row[p]];
    if (sp.own_invoice >= 0) {
      const auto it = std::lower_bound(by_origin.begin(), by_origin.end(), std::make_pair(sp.own_invoice, int64_t{-1}));
      if (it != by_origin.end() && it->first == sp.own_invoice) {   // the first row of that origin
        assembler.target_invoice(p, it->second);
        continue;
      }
    }
    if (sp.invoice_id.empty()) continue;
    if (!assembler.target_invoice_id(p, 0, sp.invoice_id))
      out.problems.push_back(row_name("payment", payment_row[p], sp.invoice_id) + ": names invoice " +
                             sp.invoice_id + ", which the sandbox does not have: applied FIFO");
  }

  Ledger ledger = assembler.finish();   // `l` is spent from here on

  auto see = [&](int32_t day) {   // build_ledger's date span
    if (day == kMissingDays) return;
    if (ledger.first_date == kMissingDays || day < ledger.first_date) ledger.first_date = day;
    if (ledger.last_date == kMissingDays || day > ledger.last_date) ledger.last_date = day;
  };
  for (const Invoice& inv : ledger.invoices) see(inv.invoice_date);
  for (const Payment& p : ledger.payments) see(p.date);
  out.ledger = std::move(ledger);
  return out;
}

}  // namespace overdue::what_if_detail
