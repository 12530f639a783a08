// Ledger from invoices + payments tables (issue #3 input (b)): FIFO application, partial
// payments, payments naming an invoice, over-payments as customer credit, credit notes.
// Every expected number is worked out by hand in the comments.
#include "test_ledger_support.hpp"

using namespace ledger_test;

namespace {

// Acme: A1 due 01-31; A2 and A3 both due 02-09 — A3 has the earlier invoice date, so FIFO order is
// A1, A3, A2. Beta: B1.
const char* const kInvoices =
    "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
    "Acme,A1,2024-01-01,2024-01-31,100.00\n"
    "Acme,A2,2024-01-10,2024-02-09,200.00\n"
    "Acme,A3,2024-01-05,2024-02-09,50.00\n"
    "Beta,B1,2024-01-02,2024-02-01,80.00\n";

}  // namespace

TEST_CASE("ledger FIFO: a payment naming no invoice pays the oldest open invoices, partial payments") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv", kInvoices, "invoices"),
      csv("payments.csv",
          "Customer,Payment Date,Payment Amount\n"
          "Acme,2024-02-01,120.00\n"   // A1 100 (due first), then A3 20
          "Acme,2024-02-15,100.00\n"   // A3 30 (its rest), then A2 70
          "Beta,2024-02-10,30.00\n",   // B1 30 of 80
          "payments")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.invoices.size() == 4);
  REQUIRE(l.payments.size() == 3);
  REQUIRE(l.customers.size() == 2);
  const size_t a1 = invoice_index(l, "A1"), a2 = invoice_index(l, "A2"), a3 = invoice_index(l, "A3"),
               b1 = invoice_index(l, "B1");
  CHECK(l.invoices[a1].due_date == day(2024, 1, 31));
  CHECK(l.invoices[a1].amount_cents == cents(100));

  // On 02-01 only the first payment has arrived.
  CHECK(paid_by(l, a1, day(2024, 2, 1)) == cents(100));
  CHECK(paid_by(l, a3, day(2024, 2, 1)) == cents(20));
  CHECK(paid_by(l, a2, day(2024, 2, 1)) == 0);
  CHECK(paid_by(l, a3, day(2024, 1, 31)) == 0);
  // At the end.
  CHECK(open_at_end(l, a1) == 0);
  CHECK(open_at_end(l, a3) == 0);
  CHECK(open_at_end(l, a2) == cents(130));
  CHECK(open_at_end(l, b1) == cents(50));
  CHECK(l.credits.empty());

  // Exactly these five allocations, sorted by date, then invoice, then payment.
  REQUIRE(l.allocations.size() == 5);
  CHECK(l.allocations[0].date == day(2024, 2, 1));
  CHECK(l.allocations[0].invoice == a1);
  CHECK(l.allocations[0].cents == cents(100));
  CHECK(l.allocations[1].invoice == a3);
  CHECK(l.allocations[1].cents == cents(20));
  CHECK(l.allocations[2].date == day(2024, 2, 10));
  CHECK(l.allocations[2].invoice == b1);
  CHECK(l.allocations[3].date == day(2024, 2, 15));
  CHECK(l.allocations[3].invoice == a2);
  CHECK(l.allocations[3].cents == cents(70));
  CHECK(l.allocations[4].invoice == a3);
  CHECK(l.allocations[4].cents == cents(30));
  check_payments_conserved(l);

  CHECK(l.first_date == day(2024, 1, 1));
  CHECK(l.last_date == day(2024, 2, 15));   // latest invoice or payment date, not a due date
  CHECK(l.rows.read == 7);
  CHECK(l.rows.accepted == 7);
  CHECK(l.rows.rejected == 0);
}

TEST_CASE("ledger FIFO: a payment naming an invoice pays it first, the excess goes FIFO") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv", kInvoices, "invoices"),
      csv("payments.csv",
          "Customer,Payment Date,Payment Amount,Invoice No\n"
          "Acme,2024-02-01,250.00,A2\n"   // A2 200 in full, then 50 to A1 (oldest)
          "Beta,2024-02-03,10.00,B9\n",   // Beta has no B9: applied FIFO to B1, noted
          "payments")};
  const Ledger l = build_ledger(files);
  const size_t a1 = invoice_index(l, "A1"), a2 = invoice_index(l, "A2"), a3 = invoice_index(l, "A3"),
               b1 = invoice_index(l, "B1");
  CHECK(open_at_end(l, a2) == 0);
  CHECK(open_at_end(l, a1) == cents(50));
  CHECK(open_at_end(l, a3) == cents(50));
  CHECK(open_at_end(l, b1) == cents(70));
  CHECK(l.named_invoice_id(l.payments[0]) == "A2");
  CHECK(has_text(l.notes, "names invoice B9"));
  check_payments_conserved(l);
}

TEST_CASE("ledger FIFO: an over-payment becomes customer credit, applied to the next invoice when issued") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv",
          "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "Acme,A1,2024-01-01,2024-01-31,100.00\n"
          "Acme,A2,2024-03-01,2024-03-31,100.00\n",
          "invoices"),
      csv("payments.csv",
          "Customer,Payment Date,Payment Amount\n"
          "Acme,2024-02-01,150.00\n"   // A1 100; 50 waits (A2 is not issued yet) and reaches A2 on 03-01
          "Acme,2024-03-05,80.00\n",   // A2's remaining 50; 30 left over → Ledger::credits
          "payments")};
  const Ledger l = build_ledger(files);
  const size_t a1 = invoice_index(l, "A1"), a2 = invoice_index(l, "A2");
  CHECK(open_at_end(l, a1) == 0);
  CHECK(paid_by(l, a2, day(2024, 2, 28)) == 0);        // not issued yet: it could not take the money
  CHECK(paid_by(l, a2, day(2024, 3, 1)) == cents(50));  // the credit, dated on the invoice date
  CHECK(open_at_end(l, a2) == 0);
  REQUIRE(l.credits.size() == 1);
  CHECK(l.credits[0].customer == 0);
  CHECK(l.credits[0].cents == cents(30));
  CHECK(l.credits[0].date == day(2024, 3, 5));
  CHECK(l.credits[0].payment == 1);
  // The credit applied on 03-01 still names the payment it came from.
  bool found = false;
  for (const Allocation& a : l.allocations)
    if (a.invoice == a2 && a.date == day(2024, 3, 1)) found = a.payment == 0 && a.cents == cents(50);
  CHECK(found);
  check_payments_conserved(l);
}

TEST_CASE("ledger FIFO: a payment on an invoice's issue date can pay it") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv",
          "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "Acme,A1,2024-01-10,2024-02-09,100.00\n",
          "invoices"),
      csv("payments.csv", "Customer,Payment Date,Payment Amount\nAcme,2024-01-10,100.00\n", "payments")};
  const Ledger l = build_ledger(files);
  CHECK(paid_by(l, 0, day(2024, 1, 10)) == cents(100));
  CHECK(l.credits.empty());
}

TEST_CASE("ledger FIFO: a credit note is applied on its date to the oldest open invoices") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv",
          "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "Acme,A1,2024-01-01,2024-01-31,100.00\n"
          "Acme,A2,2024-01-05,2024-02-04,100.00\n"
          "Acme,CN1,2024-01-20,2024-01-20,(150.00)\n"   // A1 100, A2 50
          "Acme,CN2,2024-02-01,2024-02-01,-80.00\n"     // A2 50; 30 waits for A3
          "Acme,A3,2024-02-10,2024-03-11,20.00\n",      // takes 20 of CN2's rest; 10 stays on CN2
          "invoices")};
  const Ledger l = build_ledger(files);
  const size_t a1 = invoice_index(l, "A1"), a2 = invoice_index(l, "A2"), a3 = invoice_index(l, "A3"),
               cn1 = invoice_index(l, "CN1"), cn2 = invoice_index(l, "CN2");
  CHECK(l.invoices[cn1].amount_cents == -cents(150));
  CHECK(l.payments.empty());
  CHECK(paid_by(l, a1, day(2024, 1, 19)) == 0);
  CHECK(paid_by(l, a1, day(2024, 1, 20)) == cents(100));
  CHECK(paid_by(l, a2, day(2024, 1, 20)) == cents(50));
  CHECK(open_at_end(l, a2) == 0);
  CHECK(open_at_end(l, a3) == 0);
  CHECK(paid_by(l, a3, day(2024, 2, 10)) == cents(20));
  // The credit notes' own open amounts: CN1 fully used (−150 + 150), CN2 has −10 left.
  CHECK(open_at_end(l, cn1) == 0);
  CHECK(open_at_end(l, cn2) == -cents(10));
  CHECK(l.credits.empty());   // a credit note's rest stays on the credit note, not in credits
  for (const Allocation& a : l.allocations) {
    CHECK(a.credit_note >= 0);
    CHECK(a.payment == kNoPayment);
  }
  // Pairs: the money on invoices equals the money taken off the credit notes.
  int64_t net = 0;
  for (const Allocation& a : l.allocations) net += a.cents;
  CHECK(net == 0);
}

TEST_CASE("ledger FIFO: a payment for a customer with no invoices is kept as that customer's credit") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv", kInvoices, "invoices"),
      csv("payments.csv", "Customer,Payment Date,Payment Amount\nGamma Ltd,2024-02-01,45.50\n", "payments")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.customers.size() == 3);
  const size_t gamma = customer_index(l, "Gamma Ltd");
  CHECK(l.customers[gamma].id == "Gamma Ltd");   // no customer_id in the data: the id is the name
  REQUIRE(l.credits.size() == 1);
  CHECK(l.credits[0].customer == gamma);
  CHECK(l.credits[0].cents == cents(45, 50));
  CHECK(l.credits[0].date == day(2024, 2, 1));
  CHECK(l.rows.rejected == 0);
}

TEST_CASE("ledger FIFO: a payment naming an invoice but no customer belongs to that invoice's customer") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv", kInvoices, "invoices"),
      csv("payments.csv",
          "Invoice No,Payment Date,Payment Amount\n"
          "B1,2024-02-05,80.00\n"
          "Z9,2024-02-05,10.00\n",   // nobody has Z9: no customer → rejected
          "payments")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.payments.size() == 1);
  CHECK(l.payments[0].customer == customer_index(l, "Beta"));
  CHECK(open_at_end(l, invoice_index(l, "B1")) == 0);
  REQUIRE(l.rejected.size() == 1);
  CHECK(l.rejected[0].file == 1);
  CHECK(l.rejected[0].line == 3);
  CHECK(l.rejected[0].reason.find("no customer") == 0);
  CHECK((l.rejected[0].kind == ProblemKind::no_customer ||
         l.rejected[0].kind == ProblemKind::no_customer_invoice_ambiguous));
}

TEST_CASE("ledger FIFO: deterministic — the same input gives the same allocations") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv", kInvoices, "invoices"),
      csv("payments.csv",
          "Customer,Payment Date,Payment Amount\nAcme,2024-02-01,60.00\nAcme,2024-02-01,60.00\n", "payments")};
  const Ledger a = build_ledger(files), b = build_ledger(files);
  REQUIRE(a.allocations.size() == b.allocations.size());
  for (size_t i = 0; i < a.allocations.size(); ++i) {
    CHECK(a.allocations[i].invoice == b.allocations[i].invoice);
    CHECK(a.allocations[i].payment == b.allocations[i].payment);
    CHECK(a.allocations[i].cents == b.allocations[i].cents);
  }
  // Same-day payments in file order: the first pays A1 60, the second A1 40 then A3 20.
  CHECK(allocated_from_payment(a, 0) == cents(60));
  CHECK(paid_by(a, invoice_index(a, "A3"), day(2024, 2, 1)) == cents(20));
}

TEST_CASE("ledger FIFO: a payment naming an invoice dated later reaches it on the invoice date (prepayment)") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv",
          "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "Acme,A1,2024-01-01,2024-01-31,100.00\n"
          "Acme,A2,2024-03-01,2024-03-31,100.00\n",
          "invoices"),
      csv("payments.csv", "Customer,Payment Date,Payment Amount,Invoice No\nAcme,2024-02-01,100.00,A2\n", "payments")};
  const Ledger l = build_ledger(files);
  const size_t a1 = invoice_index(l, "A1"), a2 = invoice_index(l, "A2");
  CHECK(open_at_end(l, a1) == cents(100));   // named A2: A1 is not touched although older
  REQUIRE(l.allocations.size() == 1);
  CHECK(l.allocations[0].invoice == a2);
  CHECK(l.allocations[0].date == day(2024, 3, 1));   // ≥ payment date and invoice date
}

TEST_CASE("ledger FIFO: undated money beyond its invoice goes FIFO after all dated money, the rest is credit") {
  const Ledger l = build_ledger({csv("ledger.csv",
                                     "Customer,Invoice No,Invoice Date,Due Date,Amount,Paid Amount\n"
                                     "Acme,A1,2024-01-01,2024-01-31,100.00,150.00\n"   // 100 on A1, 50 to A2
                                     "Acme,A2,2024-02-01,2024-03-02,80.00,\n"
                                     "Beta,B1,2024-01-01,2024-01-31,10.00,25.00\n",    // 15 left: credit
                                     "ledger")});
  const size_t a2 = invoice_index(l, "A2");
  CHECK(open_at_end(l, invoice_index(l, "A1")) == 0);
  CHECK(open_at_end(l, a2) == cents(30));
  for (const Allocation& a : l.allocations) CHECK(a.date == kMissingDays);
  REQUIRE(l.credits.size() == 1);
  CHECK(l.credits[0].customer == customer_index(l, "Beta"));
  CHECK(l.credits[0].cents == cents(15));
  CHECK(l.credits[0].date == kMissingDays);
  check_payments_conserved(l);
}
