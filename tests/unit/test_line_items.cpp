// Line-item exports (issue #17, item 3): one row per item line, the invoice's number, total,
// balance, dates and status repeated on its rows. Each invoice is read once; open amounts per
// customer below are computed by hand from the fixtures in tests/data/invoicing/.
#include <doctest/doctest.h>

#include "overdue/import/role_overrides.hpp"
#include "overdue/ledger/line_items.hpp"
#include "overdue/report/inspect_json.hpp"
#include "test_ledger_support.hpp"

using namespace ledger_test;

namespace {

// Open amount of a customer's invoices once every payment is in (undated ones included).
int64_t customer_open(const Ledger& l, const std::string& name) {
  const size_t c = customer_index(l, name);
  int64_t open = 0;
  for (size_t i = 0; i < l.invoices.size(); ++i)
    if (l.invoices[i].customer == c) open += open_at_end(l, i);
  return open;
}

Ledger sliced(const ImportedFile& f, uint64_t slice) {
  const std::vector<ImportedFile> files{f};
  LedgerJob job{FileList(files)};
  for (Budget b{slice}; job.step(b) == Step::more; b = Budget{slice}) {
  }
  return job.take();
}

int column_with_role(const ImportedFile& f, Role role) {
  for (size_t c = 0; c < f.columns.size(); ++c)
    if (f.columns[c].role == role) return static_cast<int>(c);
  return -1;
}

}  // namespace

TEST_CASE("line items with the invoice total and balance repeated on each line") {
  const ImportedFile f = fixture("tests/data/invoicing/line_items_total.csv", "ledger");
  const LineItemLayout layout = detect_line_items(f);
  REQUIRE(layout.line_items);
  CHECK(layout.rows == 8);
  CHECK(layout.invoices == 4);

  const Ledger l = build_ledger({f});
  // Hand-computed: INV-001 350.00 (3 lines of 200 + 100 + 50) and INV-003 600.00 (400 + 200), both
  // fully open, are Acme's; INV-002 500.00 with 200.00 open is Beta's; INV-004 420.00 with balance
  // 0.00 (its second line leaves customer, dates, total and balance blank) is Gamma's.
  REQUIRE(l.invoices.size() == 4);
  CHECK(l.invoices[invoice_index(l, "INV-001")].amount_cents == cents(350));
  CHECK(l.invoices[invoice_index(l, "INV-003")].amount_cents == cents(600));
  CHECK(l.invoices[invoice_index(l, "INV-004")].amount_cents == cents(420));
  CHECK(customer_open(l, "Acme Ltd") == cents(950));   // not 2 250.00: 3 × 350 + 2 × 600
  CHECK(customer_open(l, "Beta Co") == cents(200));
  CHECK(customer_open(l, "Gamma GmbH") == 0);
  CHECK(l.rows.read == 8);
  CHECK(l.rows.accepted == 8);
  CHECK(l.rows.rejected == 0);
  CHECK(l.rows.set_aside == 0);
  CHECK(has_text(l.notes, "line items, 8 rows → 4 invoices"));
  CHECK_FALSE(has_text(l.notes, "duplicate invoice ids"));
  check_payments_conserved(l);

  // Slicing the job never changes the result.
  for (uint64_t slice : {1u, 3u, 7u}) {
    const Ledger s = sliced(f, slice);
    CHECK(s.invoices.size() == 4);
    CHECK(customer_open(s, "Acme Ltd") == cents(950));
    CHECK(s.notes == l.notes);
  }

  // inspect says the same.
  const std::string json = inspect_file_json(f);
  CHECK(json.find("\"line_items\":{\"rows\":8,\"invoices\":4}") != std::string::npos);
}

TEST_CASE("line items without an invoice total: the line totals are summed") {
  ImportedFile f = import_bytes("line_items_no_total.csv", [] {
    std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/invoicing/line_items_no_total.csv", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }());
  // Until `Line Total` alone makes an invoices table (role assignment, another part of issue #17),
  // the mapping is given as a user would give it.
  std::vector<ImportedFile> files{f};
  apply_role_overrides(files, {RoleOverride{"", Role::line_amount, "Line Total", ""}});
  if (files[0].table_kind != TableKind::invoices) files[0].table_kind = TableKind::invoices;
  REQUIRE(column_with_role(files[0], Role::line_amount) >= 0);

  const LineItemLayout layout = detect_line_items(files[0]);
  REQUIRE(layout.line_items);
  CHECK(layout.rows == 6);
  CHECK(layout.invoices == 3);
  const Ledger l = build_ledger(files);
  // 1001: 1 200.00 + 300.00; 1003: 150.00 + 100.00 + 250.50 — Delta's; 1002: 800.00 — Echo's.
  REQUIRE(l.invoices.size() == 3);
  CHECK(l.invoices[invoice_index(l, "1001")].amount_cents == cents(1500));
  CHECK(l.invoices[invoice_index(l, "1003")].amount_cents == cents(500, 50));
  CHECK(customer_open(l, "Delta LLC") == cents(2000, 50));
  CHECK(customer_open(l, "Echo Inc") == cents(800));
  CHECK(l.rows.accepted == 6);
}

TEST_CASE("repeated invoice numbers that are not line items are kept and noted as before") {
  // Different amounts and no line-amount column: two documents sharing a number (or instalments).
  const ImportedFile f = csv("dup.csv",
                             "Customer,Invoice,Invoice Date,Due Date,Amount\n"
                             "Acme,A-1,2024-01-05,2024-02-04,100.00\n"
                             "Acme,A-1,2024-01-06,2024-02-05,250.00\n"
                             "Beta,B-1,2024-01-07,2024-02-06,80.00\n",
                             "invoices");
  CHECK_FALSE(detect_line_items(f).line_items);
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 3);
  CHECK(has_text(l.notes, "invoice id A-1 appears 2 times"));
  CHECK(inspect_file_json(f).find("line_items") == std::string::npos);

  // Copies of one row (nothing varies per line) are duplicates, not line items.
  const ImportedFile copies = csv("copies.csv",
                                  "Customer,Invoice,Invoice Date,Due Date,Amount\n"
                                  "Acme,A-1,2024-01-05,2024-02-04,100.00\n"
                                  "Acme,A-1,2024-01-05,2024-02-04,100.00\n",
                                  "invoices");
  CHECK_FALSE(detect_line_items(copies).line_items);

  // One number used by two customers is two invoices, even in a line-item file.
  const ImportedFile shared = csv("shared.csv",
                                  "Customer,Invoice,Invoice Date,Due Date,Item,Line Total,Total\n"
                                  "Acme,X-1,2024-01-05,2024-02-04,Widget,60.00,100.00\n"
                                  "Acme,X-1,2024-01-05,2024-02-04,Gadget,40.00,100.00\n"
                                  "Beta,X-2,2024-01-05,2024-02-04,Widget,30.00,30.00\n"
                                  "Gamma,X-2,2024-01-05,2024-02-04,Widget,70.00,70.00\n",
                                  "invoices");
  const LineItemLayout layout = detect_line_items(shared);
  REQUIRE(layout.line_items);
  CHECK(layout.invoices == 3);
  const Ledger s = build_ledger({shared});
  CHECK(s.invoices.size() == 3);
  CHECK(customer_open(s, "Acme") == cents(100));
  CHECK(customer_open(s, "Beta") == cents(30));
  CHECK(customer_open(s, "Gamma") == cents(70));
}

TEST_CASE("a rejected line-item invoice takes its continuation rows with it") {
  // No date at all on INV-9: the invoice is rejected, and both of its rows are listed.
  const ImportedFile f = csv("reject.csv",
                             "Customer,Invoice,Invoice Date,Due Date,Item,Line Total,Total\n"
                             "Acme,INV-8,2024-01-05,2024-02-04,Widget,60.00,100.00\n"
                             "Acme,INV-8,2024-01-05,2024-02-04,Gadget,40.00,100.00\n"
                             "Acme,INV-9,,,Widget,10.00,30.00\n"
                             "Acme,INV-9,,,Gadget,20.00,30.00\n",
                             "invoices");
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 1);
  CHECK(l.rows.rejected == 2);
  CHECK(l.rows.accepted == 2);
  CHECK(l.rows.read == l.rows.accepted + l.rows.rejected + l.rows.set_aside);
}

TEST_CASE("invoice numbers that rise down the file and then repeat an earlier one are grouped as when unsorted") {
  // The grouping reads rising numbers without a hash and switches to one at the first that does
  // not rise (INV-001's second line, after INV-003): the groups must be those of any order.
  const std::string csv =
      "Invoice Date,Invoice Number,Customer Name,Due Date,Item Name,Item Total,Total,Balance\n"
      "2024-01-05,INV-001,Acme Ltd,2024-02-04,Widget,200.00,350.00,350.00\n"
      "2024-01-10,INV-002,Beta Co,2024-02-09,Widget,500.00,500.00,200.00\n"
      "2024-01-12,INV-003,Acme Ltd,2024-02-11,Gadget,400.00,400.00,400.00\n"
      "2024-01-05,INV-001,Acme Ltd,2024-02-04,Gadget,150.00,350.00,350.00\n"
      "2024-01-14,INV-004,Beta Co,2024-02-13,Widget,90.00,90.00,90.00\n";
  const ImportedFile f = import_bytes("rising_then_repeat.csv", csv);
  REQUIRE(f.table_kind == TableKind::ledger);
  const LineItemLayout layout = detect_line_items(f);
  CHECK(layout.rows == 5);
  CHECK(layout.invoices == 4);
  REQUIRE(layout.line_items);
  CHECK(layout.head[3] == 0);   // INV-001's second line belongs to its first
  CHECK(layout.next[0] == 3);
  CHECK(layout.head[2] == 2);
  CHECK(layout.head[4] == 4);

  // Numbers that rise all the way: every row its own invoice, no line items.
  const std::string sorted_csv =
      "Invoice Date,Invoice Number,Customer Name,Due Date,Total,Balance\n"
      "2024-01-05,INV-001,Acme Ltd,2024-02-04,350.00,350.00\n"
      "2024-01-10,INV-002,Beta Co,2024-02-09,500.00,200.00\n"
      "2024-01-12,INV-003,Acme Ltd,2024-02-11,400.00,400.00\n";
  const ImportedFile g = import_bytes("rising.csv", sorted_csv);
  const LineItemLayout rising = detect_line_items(g);
  CHECK_FALSE(rising.line_items);
  CHECK(rising.rows == 3);
  CHECK(rising.invoices == 3);
}
