// Helpers of the classification tests (issue #4): histories written as CSV text (invoices,
// payments, optional contact log) and run through import_bytes → build_ledger → monitor →
// analyze_overdue, so the tests cover the whole path a user's files take.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/classify/classify.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/disputes.hpp"

namespace classify_test {

using namespace overdue;

inline int32_t day(int y, int m, int d) { return days_from_civil(y, m, d); }
// The as-of date of every end-to-end history.
inline const int32_t kAsOf = day(2024, 6, 30);

inline std::string iso(int32_t d) {
  const CivilDate c = civil_from_days(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

inline std::string money(int64_t cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buf;
}

class Book {
 public:
  void invoice(const std::string& customer, const std::string& id, int32_t issued, int32_t due, int64_t cents) {
    hand_invoices_.push_back({customer, id, issued, due, cents});
    invoices_ += customer + "," + id + "," + iso(issued) + "," + iso(due) + "," + money(cents) + "\n";
  }
  // invoice_id empty: applied FIFO to the oldest open invoices.
  void pay(const std::string& customer, int32_t date, int64_t cents, const std::string& invoice_id = "") {
    hand_payments_.push_back({customer, invoice_id, date, date, cents});
    payments_ += customer + "," + iso(date) + "," + money(cents) + "," + invoice_id + "\n";
    has_payments_ = true;
  }
  void contact(const std::string& customer, int32_t date, const std::string& channel, const std::string& outcome,
               int32_t promised = kMissingDays, int64_t promised_cents = kMissingCents) {
    contacts_ += customer + "," + iso(date) + "," + channel + "," + outcome + "," +
                 (promised == kMissingDays ? "" : iso(promised)) + "," +
                 (promised_cents == kMissingCents ? "" : money(promised_cents)) + "\n";
    has_contacts_ = true;
  }
  // Monthly invoices of `cents`, issued every 30 days with 30-day terms, the last one issued
  // `last_issued_days_before` days before the as-of date. Returns the due dates, oldest first.
  std::vector<int32_t> monthly(const std::string& customer, int n, int64_t cents, int last_issued_days_before = 30) {
    std::vector<int32_t> dues;
    for (int k = 0; k < n; ++k) {
      const int32_t issued = kAsOf - last_issued_days_before - 30 * (n - 1 - k);
      invoice(customer, customer + "-" + std::to_string(k), issued, issued + 30, cents);
      dues.push_back(issued + 30);
    }
    return dues;
  }

  // The same history as a Ledger built here by hand: named payments go to their invoice, the
  // others FIFO to the oldest open invoice (earliest due date, then invoice date, then id) — the
  // rule of issue #3, written independently of build_ledger so these tests do not depend on it.
  Ledger ledger_by_hand() const {
    Ledger l;
    auto customer_of = [&](const std::string& id) {
      for (uint32_t c = 0; c < l.customers.size(); ++c)
        if (l.customers[c].id == id) return c;
      Customer c;
      c.id = c.name = id;
      l.customers.push_back(c);
      return static_cast<uint32_t>(l.customers.size() - 1);
    };
    for (const HandRow& r : hand_invoices_) {
      Invoice inv;
      inv.customer = customer_of(r.customer);
      inv.id = l.text.add(r.id);
      inv.invoice_date = r.date;
      inv.due_date = r.due;
      inv.amount_cents = r.cents;
      l.invoices.push_back(inv);
    }
    std::vector<HandRow> pays = hand_payments_;
    std::stable_sort(pays.begin(), pays.end(), [](const HandRow& a, const HandRow& b) { return a.date < b.date; });
    std::vector<int64_t> open;
    for (const Invoice& inv : l.invoices) open.push_back(inv.amount_cents);
    for (const HandRow& r : pays) {
      Payment p;
      p.customer = customer_of(r.customer);
      p.date = r.date;
      p.amount_cents = r.cents;
      p.invoice_id = l.text.add(r.id);
      l.payments.push_back(p);
      const auto pi = static_cast<uint32_t>(l.payments.size() - 1);
      int64_t left = r.cents;
      auto take = [&](uint32_t i) {
        const int64_t part = std::min(open[i], left);
        if (part <= 0) return;
        l.allocations.push_back({i, pi, part, r.date, -1});
        open[i] -= part;
        left -= part;
      };
      for (uint32_t i = 0; i < l.invoices.size(); ++i)
        if (!r.id.empty() && l.invoice_id(l.invoices[i]) == r.id) take(i);
      std::vector<uint32_t> fifo;
      for (uint32_t i = 0; i < l.invoices.size(); ++i)
        if (l.invoices[i].customer == p.customer && l.invoices[i].invoice_date <= r.date) fifo.push_back(i);
      std::sort(fifo.begin(), fifo.end(), [&](uint32_t a, uint32_t b) {
        const Invoice &x = l.invoices[a], &y = l.invoices[b];
        if (x.due_date != y.due_date) return x.due_date < y.due_date;
        if (x.invoice_date != y.invoice_date) return x.invoice_date < y.invoice_date;
        return l.invoice_id(x) < l.invoice_id(y);
      });
      for (uint32_t i : fifo) take(i);
      if (left > 0) l.credits.push_back({p.customer, r.date, left, pi});
    }
    for (const Invoice& inv : l.invoices) {
      if (l.first_date == kMissingDays || inv.invoice_date < l.first_date) l.first_date = inv.invoice_date;
      if (l.last_date == kMissingDays || inv.invoice_date > l.last_date) l.last_date = inv.invoice_date;
    }
    for (const Payment& p : l.payments) l.last_date = std::max(l.last_date, p.date);
    return l;
  }

  std::vector<ImportedFile> files() const {
    std::vector<ImportedFile> out;
    out.push_back(import_bytes("invoices.csv", "customer_id,invoice_id,invoice_date,due_date,amount\n" + invoices_));
    REQUIRE(out.back().table_kind == TableKind::invoices);
    if (has_payments_) {
      out.push_back(import_bytes("payments.csv", "customer_id,payment_date,payment_amount,invoice_id\n" + payments_));
      REQUIRE(out.back().table_kind == TableKind::payments);
    }
    if (has_contacts_) {
      out.push_back(import_bytes(
          "contacts.csv", "customer_id,contact_date,channel,outcome,promised_date,promised_amount\n" + contacts_));
      REQUIRE(out.back().table_kind == TableKind::contacts);
    }
    return out;
  }

 private:
  struct HandRow {
    std::string customer, id;
    int32_t date, due;
    int64_t cents;
  };
  std::vector<HandRow> hand_invoices_, hand_payments_;
  std::string invoices_, payments_, contacts_;
  bool has_payments_ = false, has_contacts_ = false;
};

struct Run {
  Ledger ledger;
  MonitorResult monitor;
  ContactLog contacts;
  OverdueAnalysis analysis;

  const ClassifiedCustomer& of(const std::string& id) const {
    for (const ClassifiedCustomer& c : analysis.customers)
      if (ledger.customers[c.customer].id == id) return c;
    FAIL("customer " << id << " is not in the overdue analysis");
    return analysis.customers.front();
  }
  bool overdue(const std::string& id) const {
    for (const ClassifiedCustomer& c : analysis.customers)
      if (ledger.customers[c.customer].id == id) return true;
    return false;
  }
};

// How a test gets its Ledger: from the CSV text through build_ledger (the default, the user's
// path), or built by hand (a cross-check that the classification does not hinge on the builder).
enum class LedgerSource { csv, hand };

inline Ledger ledger_of(const Book& book, const std::vector<ImportedFile>& files,
                        LedgerSource source = LedgerSource::csv) {
  return source == LedgerSource::csv ? build_ledger(files) : book.ledger_by_hand();
}

inline Run run(const Book& book, const OverdueSettings& settings = {}, int32_t as_of = kAsOf,
               LedgerSource source = LedgerSource::csv) {
  Run r;
  const std::vector<ImportedFile> files = book.files();
  r.ledger = ledger_of(book, files, source);
  r.contacts = build_contact_log(files, r.ledger);
  mark_contact_disputes(r.ledger, r.contacts);   // as the session does (issue #20 §2)
  MonitorOptions o;
  o.as_of = as_of;
  r.monitor = monitor(r.ledger, o);
  r.analysis = analyze_overdue(r.ledger, r.monitor, r.contacts.present ? &r.contacts : nullptr, settings);
  return r;
}

inline const RuleCheck& rule_of(const Classification& c, const std::string& id) {
  for (const RuleCheck& r : c.rules)
    if (rule_name(r.id) == id) return r;
  FAIL("no rule " << id);
  return c.rules.front();
}

inline bool has_reason(const Classification& c, const std::string& start) {
  for (const std::string& r : c.reasons)
    if (r.rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace classify_test
