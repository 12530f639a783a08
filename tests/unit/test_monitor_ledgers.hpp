// Hand-built ledgers for the monitor tests (issue #3). Ledger values are written out directly, not
// built from CSV, so each rule is tested apart from the ledger builder.
#pragma once
#include <cstdint>
#include <string>

#include "overdue/text/civil_date.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue::test {

// "2024-03-31" → days since 1970-01-01.
inline int32_t day(const char* iso) {
  const std::string s(iso);
  return days_from_civil(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
}

class LedgerBuilder {
 public:
  uint32_t customer(const std::string& name, const std::string& rep) {
    Customer c;
    c.id = name;
    c.name = name;
    c.sales_rep = rep;
    ledger_.customers.push_back(c);
    return static_cast<uint32_t>(ledger_.customers.size() - 1);
  }
  uint32_t invoice(uint32_t customer, const std::string& id, int32_t issued, int32_t due, int64_t cents) {
    Invoice inv;
    inv.customer = customer;
    inv.id = ledger_.text.add(id);
    inv.invoice_date = issued;
    inv.due_date = due;
    inv.amount_cents = cents;
    ledger_.invoices.push_back(inv);
    widen(issued);
    return static_cast<uint32_t>(ledger_.invoices.size() - 1);
  }
  // A payment applied entirely to one invoice on its date (date may be kMissingDays).
  void pay(uint32_t invoice, int32_t date, int64_t cents) {
    Payment p;
    p.customer = ledger_.invoices[invoice].customer;
    p.date = date;
    p.amount_cents = cents;
    p.invoice_id = ledger_.invoices[invoice].id;
    ledger_.payments.push_back(p);
    Allocation a;
    a.invoice = invoice;
    a.payment = static_cast<uint32_t>(ledger_.payments.size() - 1);
    a.date = date;
    a.cents = cents;
    ledger_.allocations.push_back(a);
    if (date != kMissingDays) widen(date);
  }
  const Ledger& ledger() const { return ledger_; }

 private:
  void widen(int32_t d) {
    if (ledger_.first_date == kMissingDays || d < ledger_.first_date) ledger_.first_date = d;
    if (ledger_.last_date == kMissingDays || d > ledger_.last_date) ledger_.last_date = d;
  }
  Ledger ledger_;
};

// The worked example of test_monitor.cpp (figures computed by hand in its comments).
// As of 2024-03-31, threshold 30:
//   inv0 c0 issued 01-01 due 01-31 1000.00, paid 300.00 on 03-10      → open 700, DPD 60
//   inv1 c0 issued 03-01 due 03-31  500.00                             → open 500, DPD 0
//   inv2 c1 issued 02-01 due 03-01  200.00, paid in full on 03-31      → closed (paid on as-of)
//   inv3 c1 issued 02-15 due 03-01  400.00, paid in full on 04-01      → open 400, DPD 30
//   inv4 c2 issued 04-05 due 05-05  900.00                             → not issued yet
//   inv5 c2 issued 2023-09-01 due 2023-10-01 250.00, 50.00 paid, no date → open 200, DPD 182
//   inv6 c2 credit note issued 03-20 due 03-20 −100.00                 → open −100, DPD 11
//   inv7 c0 issued 01-20 due 02-19  100.00                             → open 100, DPD 41
//   inv8 c1 issued 01-25 due 02-25   50.00                             → open 50, DPD 35
inline Ledger worked_example() {
  LedgerBuilder b;
  const uint32_t c0 = b.customer("A Co", "Li"), c1 = b.customer("B Co 北京", "Wang"),
                 c2 = b.customer("C Co", "Li");
  const uint32_t i0 = b.invoice(c0, "INV0", day("2024-01-01"), day("2024-01-31"), 100000);
  b.invoice(c0, "INV1", day("2024-03-01"), day("2024-03-31"), 50000);
  const uint32_t i2 = b.invoice(c1, "INV2", day("2024-02-01"), day("2024-03-01"), 20000);
  const uint32_t i3 = b.invoice(c1, "INV3", day("2024-02-15"), day("2024-03-01"), 40000);
  b.invoice(c2, "INV4", day("2024-04-05"), day("2024-05-05"), 90000);
  const uint32_t i5 = b.invoice(c2, "INV5", day("2023-09-01"), day("2023-10-01"), 25000);
  b.invoice(c2, "CN6", day("2024-03-20"), day("2024-03-20"), -10000);
  b.invoice(c0, "INV7", day("2024-01-20"), day("2024-02-19"), 10000);
  b.invoice(c1, "INV8", day("2024-01-25"), day("2024-02-25"), 5000);
  b.pay(i0, day("2024-03-10"), 30000);
  b.pay(i2, day("2024-03-31"), 20000);
  b.pay(i3, day("2024-04-01"), 40000);
  b.pay(i5, kMissingDays, 5000);
  return b.ledger();
}

}  // namespace overdue::test
