// Disputed invoices: the `disputed` cell's words and the marks of the contact log's `dispute`
// rows (include/overdue/ledger/disputes.hpp).
#include "overdue/ledger/disputes.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "overdue/text/value_parsers.hpp"

namespace overdue {

std::optional<bool> parse_disputed_flag(std::string_view text) {
  text = trim_cell(text);
  if (text.empty()) return false;
  std::string f(text);
  for (char& ch : f)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  static const char* const kYes[] = {"yes", "y", "true", "1", "是", "有争议", "争议"};
  static const char* const kNo[] = {"no", "n", "false", "0", "否", "无争议", "无"};
  for (const char* w : kYes)
    if (f == w) return true;
  for (const char* w : kNo)
    if (f == w) return false;
  return std::nullopt;
}

size_t mark_contact_disputes(Ledger& ledger, const ContactLog& log) {
  std::vector<const Contact*> disputes;
  for (const Contact& c : log.contacts)
    if (c.outcome == ContactOutcome::dispute) disputes.push_back(&c);
  if (disputes.empty()) return 0;

  size_t marked = 0;
  auto mark = [&](uint32_t invoice, int32_t date) {
    int32_t& from = ledger.invoices[invoice].disputed_from;
    if (from != kMissingDays && from <= date) return;
    from = date;
    ++marked;
  };
  // Invoices of each disputing customer, and what was paid on each by a date (allocations are
  // few per invoice: a scan of the invoice's own is enough).
  std::vector<std::vector<uint32_t>> invoices_of(ledger.customers.size());
  std::vector<bool> disputing(ledger.customers.size(), false);
  for (const Contact* c : disputes)
    if (c->invoice < 0 && c->customer < disputing.size()) disputing[c->customer] = true;
  for (uint32_t i = 0; i < ledger.invoices.size(); ++i)
    if (disputing[ledger.invoices[i].customer]) invoices_of[ledger.invoices[i].customer].push_back(i);
  std::vector<std::vector<uint32_t>> allocations_of(ledger.invoices.size());
  for (uint32_t a = 0; a < ledger.allocations.size(); ++a) {
    const Allocation& al = ledger.allocations[a];
    if (al.invoice < ledger.invoices.size() && disputing[ledger.invoices[al.invoice].customer])
      allocations_of[al.invoice].push_back(a);
  }
  for (const Contact* c : disputes) {
    if (c->invoice >= 0) {
      mark(static_cast<uint32_t>(c->invoice), c->date);
      continue;
    }
    for (uint32_t i : invoices_of[c->customer]) {
      const Invoice& inv = ledger.invoices[i];
      if (inv.amount_cents <= 0 || inv.due_date == kMissingDays || inv.due_date >= c->date) continue;
      int64_t paid = 0;   // undated money (kMissingDays) counts as paid: it is paid by any as-of date
      for (uint32_t a : allocations_of[i])
        if (ledger.allocations[a].date <= c->date) paid += ledger.allocations[a].cents;
      if (paid < inv.amount_cents) mark(i, c->date);
    }
  }
  return marked;
}

}  // namespace overdue
