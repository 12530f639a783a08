// Invoices, payments and customers built from the imported tables (DESIGN.md §1, issue #3):
// a one-table ledger, invoices + payments (FIFO open-item application), a running ledger
// (借方/贷方/余额), and an optional customers table joined by id or name.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/ledger/currency.hpp"
#include "overdue/ledger/text_pool.hpp"
#include "overdue/import/file_list.hpp"
#include "overdue/import/table.hpp"
#include "overdue/text/problem.hpp"

namespace overdue {

// Where a fact came from: file index (into the files given to build_ledger) and physical line.
struct SourceRef {
  uint32_t file = 0;
  uint64_t line = 0;
};

struct Customer {
  std::string id;            // customer_id when the data has one, else the name
  std::string name;          // customer_name, else the id
  std::string sales_rep;     // from the customers table or the customer's latest invoice
  std::string segment;
  std::string contact;
  std::string company;
  std::string person_in_charge;
  int64_t credit_limit_cents = kMissingCents;
};

// 32 bytes, two to a cache line: the monitor, the classification, the forecast and the FIFO read
// invoices by index, so only what they read is here (the id is a TextRef, the row it came from is
// in Ledger::invoice_sources).
struct Invoice {
  int64_t amount_cents = 0;  // negative: a credit note (see Allocation::credit_note; an unused rest
                             // stays open on it as a negative open amount, not in Ledger::credits)
  uint32_t customer = 0;     // index into Ledger::customers
  int32_t invoice_date = kMissingDays;
  int32_t due_date = kMissingDays;
  // Disputed (issue #20 §2) from this date on; kMissingDays: never. The `disputed` column of the
  // invoice's own row marks it from its invoice date; a contact-log row with the outcome `dispute`
  // from the contact's date (ledger/disputes.hpp). A dispute lasts until the invoice is settled:
  // nothing in the data ends it earlier.
  int32_t disputed_from = kMissingDays;
  TextRef id;                // in Ledger::text (Ledger::invoice_id): invoice_id, or a generated
                             // "file:line" id when the data has none
  uint16_t currency = 0;     // index into Ledger::currency.used (0: the reporting currency)
};

static_assert(sizeof(Invoice) == 32, "Invoice is read by index in the hot loops: keep it two to a cache line");

// Whether the invoice is disputed at the as-of date (known by then).
inline bool invoice_disputed(const Invoice& invoice, int32_t as_of) {
  return invoice.disputed_from != kMissingDays && invoice.disputed_from <= as_of;
}

struct Payment {
  int64_t amount_cents = 0;
  uint32_t customer = 0;
  int32_t date = kMissingDays;   // kMissingDays: a paid amount with no date (see Ledger::assumptions)
  TextRef invoice_id;            // in Ledger::text (Ledger::named_invoice_id); empty: applied FIFO
                                 // to the customer's oldest open invoices
  uint16_t currency = 0;         // index into Ledger::currency.used (0: the reporting currency)
  SourceRef source;
};

// Allocation::payment of money that came from a credit note (see Allocation::credit_note).
constexpr uint32_t kNoPayment = 0xFFFFFFFFu;

// Part of a payment (or credit note / customer credit) applied to one invoice on one date.
struct Allocation {             // 24 bytes
  uint32_t invoice = 0;
  uint32_t payment = 0;          // index into Ledger::payments; kNoPayment for credit-note money
  int64_t cents = 0;
  int32_t date = kMissingDays;   // when the money reached the invoice (≥ payment and invoice date)
  // ≥ 0: the money came from this credit note (an index into Ledger::invoices), not from
  // Ledger::payments[payment]. A credit note applied to an invoice gives two allocations on the
  // same date: +cents on the invoice and −cents on the credit note itself, so the credit note's
  // own open amount (amount − its allocations) goes from −A towards 0 as it is used up.
  int32_t credit_note = -1;
};

static_assert(sizeof(Allocation) == 24, "Allocation: no padding (read by index in the hot loops)");

// Money a customer paid beyond what it owed (over-payment), not a negative invoice.
struct CustomerCredit {
  uint32_t customer = 0;
  int32_t date = kMissingDays;
  int64_t cents = 0;
  uint32_t payment = 0;
};

// A row an earlier stage accepted but the ledger cannot use (required role missing, …).
// `kind` is the source of truth; `reason` is its English text (problem_text), kept for printing.
struct LedgerRejectedRow {
  uint32_t file = 0;
  uint64_t line = 0;
  ProblemKind kind = ProblemKind::no_customer;
  ProblemDetail detail;  // no_customer_invoice_ambiguous: the invoice id
  std::string reason;    // problem_text(kind, detail)
};

// The largest amount one ledger cell may hold: ±100,000,000,000.00 (¥1000亿). Far above any real
// invoice, and small enough that the sums of up to 900,000 such rows still fit in int64 cents, so
// totals, balances and aging never overflow. A row with a larger amount is rejected with a reason.
constexpr int64_t kMaxLedgerAmountCents = 10'000'000'000'000;

// A row that is data but not a receivable: a draft or void invoice (status column), or a general
// ledger's row of another account. Counted apart from rejected rows (RowCounts::set_aside).
struct SetAsideRow {
  uint32_t file = 0;
  uint64_t line = 0;
  ProblemKind kind = ProblemKind::draft_invoice;  // draft_invoice, void_invoice, not_receivables_account
  ProblemDetail detail;  // value: the status word or the account
  std::string reason;    // problem_text(kind, detail)
  uint64_t rows = 1;     // not_receivables_account: one entry per (file, account), `line` its first row
};

struct LedgerOptions {
  int terms_days_default = 30;   // due = invoice date + terms when the data has no due date/terms
  bool keep_drafts = false;      // `--keep-drafts`, settings import.keep_drafts: drafts are invoices
  // `--set import.receivables_account=…`: the general ledger's receivables account (name or code);
  // empty: recognised by name (Accounts Receivable, 应收账款 …) or code prefix (1122, 1131).
  std::string receivables_account;
  CurrencySettings currency;     // reporting currency and rates (currency.hpp)
};

struct Ledger {
  // Invoices' and payments' ids, held once (no std::string per row): Invoice::id, Payment::invoice_id.
  TextPool text;
  std::string_view invoice_id(const Invoice& invoice) const { return text.view(invoice.id); }
  std::string_view named_invoice_id(const Payment& payment) const { return text.view(payment.invoice_id); }

  std::vector<Customer> customers;
  std::vector<Invoice> invoices;
  // Where each invoice was read (file, line), by invoice index: read for the what-if's one-table
  // rows only, so kept out of Invoice. Shorter than `invoices` (or empty) for a ledger built by
  // hand; use invoice_source().
  std::vector<SourceRef> invoice_sources;
  SourceRef invoice_source(size_t invoice) const {
    return invoice < invoice_sources.size() ? invoice_sources[invoice] : SourceRef{};
  }
  std::vector<Payment> payments;
  std::vector<Allocation> allocations;    // sorted by date, then invoice, then payment
  std::vector<CustomerCredit> credits;    // over-payments left unapplied
  std::vector<LedgerRejectedRow> rejected;
  std::vector<SetAsideRow> set_aside;     // drafts, void invoices, other accounts' rows
  std::vector<std::string> assumptions;   // e.g. "paid amounts without a date: assumed paid by the as-of date"
  std::vector<std::string> notes;         // e.g. running-ledger balance mismatches
  RowCounts rows;                         // over all files: read = accepted + set_aside + rejected
  LedgerCurrencies currency;              // currencies found, rates, own-currency items (currency.hpp)
  int32_t first_date = kMissingDays;      // earliest invoice or payment date
  int32_t last_date = kMissingDays;       // latest invoice or payment date, or a later date an export
                                          // states in its title rows (the default as-of date)
};

// Builds the ledger from every file whose table kind is ledger, invoices, payments,
// running_ledger, general_ledger (its receivables account's rows) or customers (others are
// ignored here). Never throws on bad data: rows it
// cannot use go to Ledger::rejected with a reason.
Ledger build_ledger(FileList files, const LedgerOptions& options = {});
// build_ledger as a job (overdue/job/job.hpp), for the page: a step reads about `budget.units`
// rows (or replays about as many payments and invoices, a unit each, or does one whole-file task
// such as a customers table, which uses the whole budget), so building the
// ledger of a 1 M-row file never holds a frame for seconds. The result is build_ledger's (which
// runs this to the end). The files must outlive the job and stay unchanged while it runs.
class LedgerJob {
 public:
  explicit LedgerJob(FileList files, const LedgerOptions& options = {});
  ~LedgerJob();
  LedgerJob(const LedgerJob&) = delete;
  LedgerJob& operator=(const LedgerJob&) = delete;
  Step step(Budget& budget);  // Step::done when the ledger is complete
  double progress() const;    // 0…1
  Ledger take();              // once step() returned Step::done

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The same for a braced list of files ({file_a, file_b}): tests and small callers.
inline Ledger build_ledger(const std::vector<ImportedFile>& files, const LedgerOptions& options = {}) {
  return build_ledger(FileList(files), options);
}

}  // namespace overdue
