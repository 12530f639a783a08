// Helpers of the ledger tests: real CSV text through import_bytes, then build_ledger, so the whole
// path (sniffing, typing, roles, table kinds, ledger) is covered.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"

namespace ledger_test {

using namespace overdue;

inline int32_t day(int y, int m, int d) { return days_from_civil(y, m, d); }

// Imports CSV text and checks the table kind the test is written for.
inline ImportedFile csv(const std::string& name, const std::string& text, const std::string& kind) {
  ImportedFile f = import_bytes(name, text);
  REQUIRE_MESSAGE(f.error.empty(), f.error);
  REQUIRE_MESSAGE(table_kind_name(f.table_kind) == kind, name << " was read as '" << table_kind_name(f.table_kind) << "'");
  return f;
}

inline ImportedFile fixture(const std::string& relative_path, const std::string& kind) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), relative_path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return csv(relative_path, bytes.str(), kind);
}

inline int64_t cents(int64_t units, int64_t hundredths = 0) { return units * 100 + hundredths; }

inline size_t invoice_index(const Ledger& l, const std::string& id) {
  for (size_t i = 0; i < l.invoices.size(); ++i)
    if (l.invoice_id(l.invoices[i]) == id) return i;
  FAIL("no invoice " << id);
  return 0;
}

inline size_t customer_index(const Ledger& l, const std::string& name) {
  for (size_t i = 0; i < l.customers.size(); ++i)
    if (l.customers[i].name == name) return i;
  FAIL("no customer " << name);
  return 0;
}

// Money that reached the invoice by the end of `as_of` (undated allocations count always).
inline int64_t paid_by(const Ledger& l, size_t invoice, int32_t as_of) {
  int64_t sum = 0;
  for (const Allocation& a : l.allocations)
    if (a.invoice == invoice && (a.date == kMissingDays || a.date <= as_of)) sum += a.cents;
  return sum;
}

inline int64_t open_at_end(const Ledger& l, size_t invoice) {
  return l.invoices[invoice].amount_cents - paid_by(l, invoice, std::numeric_limits<int32_t>::max());
}

inline int64_t allocated_from_payment(const Ledger& l, size_t payment) {
  int64_t sum = 0;
  for (const Allocation& a : l.allocations)
    if (a.payment == payment && a.credit_note < 0) sum += a.cents;
  return sum;
}

inline bool has_text(const std::vector<std::string>& lines, const std::string& part) {
  for (const std::string& s : lines)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

inline size_t count_text(const std::vector<std::string>& lines, const std::string& part) {
  size_t n = 0;
  for (const std::string& s : lines)
    if (s.find(part) != std::string::npos) ++n;
  return n;
}

// Every payment's money is accounted for: allocations + credit left = amount.
inline void check_payments_conserved(const Ledger& l) {
  for (size_t p = 0; p < l.payments.size(); ++p) {
    int64_t credit = 0;
    for (const CustomerCredit& c : l.credits)
      if (c.payment == p) credit += c.cents;
    CHECK_MESSAGE(allocated_from_payment(l, p) + credit == l.payments[p].amount_cents, "payment " << p);
  }
  // No invoice is paid beyond its amount; allocations are sorted by date, invoice, payment.
  for (size_t i = 0; i < l.invoices.size(); ++i)
    if (l.invoices[i].amount_cents >= 0) CHECK(open_at_end(l, i) >= 0);
  for (size_t k = 1; k < l.allocations.size(); ++k) {
    const Allocation &a = l.allocations[k - 1], &b = l.allocations[k];
    const bool ordered = a.date != b.date ? a.date < b.date
                         : a.invoice != b.invoice ? a.invoice < b.invoice
                                                  : a.payment <= b.payment;
    CHECK(ordered);
  }
}

}  // namespace ledger_test
