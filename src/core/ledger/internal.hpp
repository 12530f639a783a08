// Internal pieces of build_ledger (issue #3, part 1) shared by the ledger_*.cpp files.
// Not a public header.
//
//   ledger_rows.cpp       cell access by role, trimming, subtotal/opening-row markers, terms text
//   ledger_customers.cpp  customer identity (id, else name; a name→customer map across files)
//                         and the customers-table join
//   ledger_tables.cpp     one-table ledgers, invoices tables, payments tables
//   ledger_running.cpp    running ledgers (借方/贷方/余额/方向) and their balance check; the
//                         debit/credit entry shared with general ledgers
//   general_ledger.cpp    general ledgers: the receivables account's rows, the others set aside
//   ledger_invoice_ids.cpp  invoice ids: duplicates, payments naming an invoice
//   ledger_fifo.cpp       applying payments, credit notes and customer credit to invoices
//   ledger_builder.cpp    build_ledger: order of the files, counts, dates, final sorting
#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/ledger/line_items.hpp"
#include "overdue/text/value_parsers.hpp"
#include "ledger/currency_internal.hpp"
#include "ledger/string_map.hpp"

namespace overdue::ledger_detail {

// [SECTION] cells ------------------------------------------------------------------------------

// Index of the first column with `role`, or -1.
int find_role(const ImportedFile& file, Role role);

// ASCII white space, no-break space and the ideographic space U+3000 removed at both ends.

// Typed values of one cell; missing when the column is absent (-1) or not of the needed type.
std::string_view cell_text(const ImportedFile& file, int column, size_t row);  // trimmed
int32_t cell_days(const ImportedFile& file, int column, size_t row);
int64_t cell_cents(const ImportedFile& file, int column, size_t row);

// A present cell that did not read in its column's type (a cell error): true, with its problem
// (amount_out_of_range, not_a_number, invalid_date, not_a_date, …) in `kind` (cell_problems.cpp).
bool cell_problem(const ImportedFile& file, int column, size_t row, ProblemKind& kind);
// The first such cell among `columns` (-1 entries skipped).
bool row_cell_problem(const ImportedFile& file, std::initializer_list<int> columns, size_t row, ProblemKind& kind);

// True when a numeric cell of the row in a money role holds more than ±kMaxLedgerAmountCents.
bool has_oversized_amount(const ImportedFile& file, size_t row);

// Rows of real exports that are not facts: subtotals (合计, 本月合计, 本年累计, Total for …) and
// opening balances (期初余额, 上年结转, Opening balance, Balance brought forward).
enum class RowMark { entry, subtotal, opening };
RowMark row_mark(const ImportedFile& file, size_t row);
// The marks of one table's rows, each computed once (row_mark reads every text cell of the row):
// the line-item judgement and the reading of an invoices table both ask for every row. For
// another table, or a row past the end, it is row_mark itself.
class RowMarks {
 public:
  void reset(const ImportedFile& file) {
    file_ = &file;
    marks_.assign(file.row_count(), kUnknown);
  }
  RowMark get(const ImportedFile& file, size_t row) {
    if (&file != file_ || row >= marks_.size()) return row_mark(file, row);
    uint8_t& m = marks_[row];
    if (m == kUnknown) m = static_cast<uint8_t>(row_mark(file, row));
    return static_cast<RowMark>(m);
  }

 private:
  static constexpr uint8_t kUnknown = 0xFF;
  const ImportedFile* file_ = nullptr;
  std::vector<uint8_t> marks_;
};

// Payment terms in days from a cell: an integer column, or text such as "Net 30", "月结30天",
// "30 days", "Due on receipt"/"货到付款"/"现结" (0). -1 when it cannot be read.
int terms_days_of_cell(const ImportedFile& file, int column, size_t row);

std::string file_base_name(const std::string& name);                // without directories
std::string generated_invoice_id(const ImportedFile& file, uint64_t line);  // "<file name>:<line>"
std::string where(const ImportedFile& file, uint64_t line);         // "<file> line N", for notes
std::string cents_text(int64_t cents);   // "-12800.05": for notes, locale-free
std::string date_text(int32_t days);     // "2024-01-05"

// [SECTION] line items (line_items.cpp) -------------------------------------------------------

// detect_line_items (line_items.hpp) reading the rows' marks through `marks`.
LineItemLayout detect_line_items(const ImportedFile& file, RowMarks& marks);

// The invoice starting at head row `row` of a line-item layout (any row when not line items): its
// rows, and its value of a column — the first non-blank cell; a money column that varies per line
// is summed.
size_t invoice_row_count(const LineItemLayout& layout, size_t row);
size_t first_filled_row(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row);
std::string_view invoice_text(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row);
int32_t invoice_days(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row);
int64_t invoice_cents(const ImportedFile& file, const LineItemLayout& layout, int column, size_t row);
bool invoice_has_oversized_amount(const ImportedFile& file, const LineItemLayout& layout, size_t row);

// [SECTION] notes ------------------------------------------------------------------------------

// Notes and assumptions, each kind capped so a million bad rows do not make a million notes.
class NoteLog {
 public:
  void note(const std::string& kind, std::string text);
  void assume(std::string_view text);            // recorded once (no copy when already there)
  void finish(Ledger& ledger);                   // appends "… and N more" lines per kind
  static constexpr size_t kNotesPerKind = 20;

 private:
  std::vector<std::string> notes_;
  std::map<std::string, uint64_t> count_by_kind_;
  std::vector<std::string> assumptions_;
};

// [SECTION] customers --------------------------------------------------------------------------

// Customer identity: by customer_id when the row has one, else by the trimmed name. A name→customer
// map lets a payments file with only names meet an invoices file with ids (DESIGN.md §1).
class CustomerRegistry {
 public:
  explicit CustomerRegistry(std::vector<Customer>& customers) : customers_(customers) {}
  // Index of the customer, created when new; -1 when both id and name are empty.
  int64_t find_or_add(std::string_view id, std::string_view name);

 private:
  std::vector<Customer>& customers_;
  std::vector<bool> has_data_id_;    // the id came from a customer_id column (not the name)
  std::vector<bool> has_data_name_;
  StringIndexMap by_id_, by_name_;
  int64_t find_or_add_uncached(std::string_view id, std::string_view name);
  std::string last_id_, last_name_;   // the previous call's arguments (trimmed) and answer
  int64_t last_index_ = -1;
};

// [SECTION] the draft ledger -------------------------------------------------------------------

// What a payment is bound to before the FIFO application: the invoice of its own row (one-table
// ledger), or the invoices carrying the invoice id it names, or nothing (FIFO).
struct PaymentTarget {
  int64_t invoice = -1;          // the row's own invoice
  uint32_t named_begin = 0;      // else: range [named_begin, named_end) in Draft::invoice_id_index
  uint32_t named_end = 0;
};

struct InvoiceKey {
  uint32_t customer;
  std::string_view id;
  bool operator==(const InvoiceKey& o) const { return customer == o.customer && id == o.id; }
};
// (customer, invoice id) → group number, groups numbered in the order keys were first added.
// Open addressing over one array of (hash, group) slots, keys kept once per group: a node-based
// map made a million allocations (and as many frees) at 1 M invoices. Lookups only — never
// iterated — so the hash cannot change results.
class InvoiceGroupIndex {
 public:
  void reset(size_t expected_keys);
  // The key's group; a new key gets group size() (then `added` is true).
  uint32_t find_or_add(const InvoiceKey& key, bool& added);
  int64_t find(const InvoiceKey& key) const;   // -1 when absent
  size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t group_plus_one = 0;   // 0: empty
  };
  static uint32_t hash_of(const InvoiceKey& key);
  void grow();
  std::vector<Slot> slots_;        // size a power of two, at most half full
  std::vector<InvoiceKey> keys_;   // by group
};

struct Draft {
  Ledger ledger;
  CustomerRegistry customers{ledger.customers};
  NoteLog log;
  std::vector<std::string> file_names;       // ImportedFile::name by file index, for notes
  std::vector<PaymentTarget> targets;        // one per payment
  std::vector<bool> sales_rep_from_table;    // per customer: customers table set it
  // Each invoice's sales rep (fill_sales_reps gives a customer its latest invoice's): an index into
  // sales_reps, interned (a few names over a million rows), kNoSalesRep when the row has none.
  static constexpr uint32_t kNoSalesRep = StringIndexMap::kAbsent;
  std::vector<uint32_t> invoice_sales_rep;   // by invoice, as read (before currencies drop any)
  std::vector<std::string> sales_reps;
  StringIndexMap sales_rep_index;            // name → index into sales_reps
  // Invoices grouped by (customer, invoice id), FIFO order within a group: group g is
  // invoice_id_index[group_start[g] .. group_start[g + 1]). Keys view Ledger::invoices' ids.
  InvoiceGroupIndex invoice_group;
  std::vector<uint32_t> group_start;
  std::vector<uint32_t> invoice_id_index;
  // Invoice id → its customer, or -1 when several customers use the id (built on first use).
  std::unordered_map<std::string_view, int64_t> customer_by_invoice_id;
  uint64_t ledger_rejected = 0;
  std::vector<std::string> other_statuses;   // status words read as open invoices (AUTHORISED …)
  std::vector<std::string> other_disputed;   // `disputed` cells that are not a yes or a no
  CurrencyDraft currency;                    // draft currencies, FIFO accounts (currency_internal.hpp)
  RowMarks row_marks;                        // of the invoices table being read (reset by LedgerJob)

  void reject(uint32_t file, uint64_t line, ProblemKind kind, ProblemDetail detail = {}) {
    std::string reason = problem_text(kind, detail);
    ledger.rejected.push_back({file, line, kind, std::move(detail), std::move(reason)});
    ++ledger_rejected;
  }
};

// [SECTION] stages -----------------------------------------------------------------------------

void read_customers_table(Draft& draft, const ImportedFile& file, uint32_t file_index);
// The columns a table's rows are read from, bound once per table (index, or -1 when absent).
struct InvoiceColumns {   // ledger and invoices tables
  int customer_id = -1, customer_name = -1, invoice_id = -1, invoice_date = -1, due_date = -1, terms = -1;
  int amount = -1, sales_rep = -1;
  int paid_amount = -1, paid_date = -1, open_amount = -1;   // ledgers only (invoices settled in the table)
  int status = -1, line_amount = -1;
  int disputed = -1;   // issue #20 §2: yes/no per invoice (ledger/disputes.hpp)
};
InvoiceColumns bind_invoice_columns(const ImportedFile& file);
struct PaymentColumns {
  int customer_id = -1, customer_name = -1, invoice_id = -1, date = -1, amount = -1;
};
PaymentColumns bind_payment_columns(const ImportedFile& file);

// Rows [row_begin, row_end) of a table (the ledger job reads big files a slice at a time; rows of
// one file are read in order, so slicing never changes the result).
// `layout`: detect_line_items(file), computed once per table.
void read_invoice_table(Draft& draft, const ImportedFile& file, const InvoiceColumns& columns,
                        const LineItemLayout& layout, uint32_t file_index, const LedgerOptions& options,
                        size_t row_begin, size_t row_end);   // ledger, invoices
void read_payments_table(Draft& draft, const ImportedFile& file, const PaymentColumns& columns, uint32_t file_index,
                         size_t row_begin, size_t row_end);
void read_running_ledger(Draft& draft, const ImportedFile& file, uint32_t file_index,
                         const LedgerOptions& options);
// A dated debit/credit entry (running ledgers, and a general ledger's receivables rows): the
// columns, bound once per table, and one row of `customer` read by the rules of running.cpp's
// header comment (a debit an invoice, a credit a payment, a negative credit a debit). Rejects the
// row and returns false when it has no money (unless `may_be_empty`: a balance-only row) or money
// without a date; else sets `net` = debit − credit.
struct EntryColumns {
  int date = -1, debit = -1, credit = -1, invoice_id = -1, due_date = -1, terms = -1, sales_rep = -1;
  // A general ledger with one amount column and its side (借/贷, Dr/Cr) instead of debit and
  // credit: set by read_general_ledger only (a running ledger's 方向 is its balance's side).
  int amount = -1, direction = -1;
};
EntryColumns bind_entry_columns(const ImportedFile& file);
bool add_debit_credit_entry(Draft& draft, const ImportedFile& file, const EntryColumns& columns, uint32_t file_index,
                            size_t row, uint32_t customer, bool may_be_empty, const LedgerOptions& options,
                            int64_t& net);
// General ledger (general_ledger.cpp, issue #17 item 4): only the receivables account's rows,
// read as a running ledger's entries; every other account's rows set aside, one entry per
// account (Ledger::set_aside).
void read_general_ledger(Draft& draft, const ImportedFile& file, uint32_t file_index,
                         const LedgerOptions& options);
// Appends an invoice from one row, completing its dates (due = invoice date + terms, …; the rules
// are in ledger_tables.cpp) and noting a due date before the invoice date. Returns its index.
uint32_t add_invoice_row(Draft& draft, const ImportedFile& file, uint32_t file_index, size_t row,
                         uint32_t customer, int64_t amount, int32_t invoice_date, int32_t due_date,
                         int terms_column, int invoice_id_column, int sales_rep_column,
                         const LedgerOptions& options);
// Appends a payment (and its target: `own_invoice` ≥ 0 binds it to that invoice); an undated
// payment records the undated assumption. Returns its index.
// `invoice_id`: the id it names, in Ledger::text (empty: none).
uint32_t add_payment(Draft& draft, uint32_t customer, int32_t date, int64_t cents, TextRef invoice_id,
                     SourceRef source, int64_t own_invoice);
// Builds the invoice-id indexes once every invoice is read; notes duplicate ids per customer.
void index_invoice_ids(Draft& draft);
// The same as a job (overdue/job/job.hpp) driven by LedgerJob: a step indexes about
// `budget.units` invoices (a unit each); Step::done when the indexes are complete. Its result
// stays in the draft (no take()).
class InvoiceIdIndexer {
 public:
  explicit InvoiceIdIndexer(Draft& draft);
  Step step(Budget& budget);
  double progress() const;   // 0…1

 private:
  void finish();   // groups together in file order, FIFO order within a group, duplicates noted
  Draft& draft_;
  size_t next_ = 0;
  std::vector<uint32_t> group_of_, group_size_;
};
// Binds payment `p` (which names an invoice id) to the invoices of its customer with that id; a
// payment whose customer has no such invoice keeps FIFO and gets a note.
void bind_named_payment(Draft& draft, uint32_t p);
// Customer of the only customer that has invoice `id`, or -1 (none, or several customers).
int64_t customer_of_invoice_id(Draft& draft, std::string_view id);
// Fills allocations and credits (ledger_fifo.cpp), as a job driven by LedgerJob: a step replays
// about `budget.units` events (invoices, credit notes, payments in date order, a unit each), or
// does one of the set-up and closing pieces (the events sorted, undated money, the final sorts),
// which ends the step and uses its whole budget; Step::done when allocations and credits are
// complete and sorted. Its result stays in the draft (no take()).
class PaymentApplication {
 public:
  explicit PaymentApplication(Draft& draft);
  ~PaymentApplication();
  Step step(Budget& budget);
  double progress() const;   // 0…1

 private:
  class Replay;
  std::unique_ptr<Replay> replay_;
  Draft& draft_;
  int stage_ = 0;
};
void apply_payments(Draft& draft);   // all of it at once

// FIFO order of open invoices: earliest due date, then invoice date, then invoice id (in `text`,
// the ledger's Ledger::text), then index.
bool fifo_before(const TextPool& text, const Invoice& a, uint32_t ia, const Invoice& b, uint32_t ib);

}  // namespace overdue::ledger_detail
