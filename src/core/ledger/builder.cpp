// build_ledger (include/overdue/ledger/ledger.hpp; issue #3, first bullet; DESIGN.md §1).
//
// Order of work, chosen so identities and invoice ids are known before they are needed:
//   1. customers tables — they hold id and name together, so later files that carry only one of
//      them still find the same customer;
//   2. invoice tables (`ledger`, `invoices`), running ledgers and general ledgers (their
//      receivables account only, general_ledger.cpp), in file order;
//   3. the invoice-id index; running-ledger credits naming an invoice are bound to it;
//   4. payments tables (a payment may name an invoice of any file read in step 2);
//   5. the FIFO application (ledger_fifo.cpp), then the customers' sales reps and the date span.
// Files of other kinds (accounts, contacts, unrecognised) and files that could not be read are
// not part of the ledger and are not counted.
// Counts: read = Σ rows.read of the ledger's files; rejected = the import's rejected records +
// the rows the ledger rejected (Ledger::rejected); set_aside = Σ SetAsideRow::rows (drafts, void
// invoices, other accounts); accepted = read − rejected − set_aside (rows used).
#include "ledger/internal.hpp"
#include "overdue/import/importer.hpp"

namespace overdue {

using namespace ledger_detail;

namespace {

bool is_ledger_kind(const ImportedFile& file) {
  if (!file.error.empty()) return false;
  const TableKind k = file.table_kind;
  return k == TableKind::ledger || k == TableKind::invoices || k == TableKind::payments || k == TableKind::running_ledger || k == TableKind::customers ||
         k == TableKind::general_ledger;
}

// A customer's sales rep: the customers table's, else the one on its latest invoice (latest
// invoice date, then the later row).
void fill_sales_reps(Draft& draft) {
  Ledger& ledger = draft.ledger;
  std::vector<int64_t> latest(ledger.customers.size(), -1);
  const size_t read = std::min(ledger.invoices.size(), draft.invoice_sales_rep.size());
  for (size_t i = 0; i < read; ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (draft.invoice_sales_rep[i] == Draft::kNoSalesRep) continue;
    int64_t& best = latest[inv.customer];
    if (best < 0 || ledger.invoices[static_cast<size_t>(best)].invoice_date <= inv.invoice_date)
      best = static_cast<int64_t>(i);
  }
  for (size_t c = 0; c < ledger.customers.size(); ++c) {
    const bool from_table = c < draft.sales_rep_from_table.size() && draft.sales_rep_from_table[c];
    if (!from_table && latest[c] >= 0)
      ledger.customers[c].sales_rep = draft.sales_reps[draft.invoice_sales_rep[static_cast<size_t>(latest[c])]];
  }
}

void fill_date_span(Ledger& ledger) {
  auto see = [&](int32_t day) {
    if (day == kMissingDays) return;
    if (ledger.first_date == kMissingDays || day < ledger.first_date) ledger.first_date = day;
    if (ledger.last_date == kMissingDays || day > ledger.last_date) ledger.last_date = day;
  };
  for (const Invoice& inv : ledger.invoices) see(inv.invoice_date);
  for (const Payment& p : ledger.payments) see(p.date);
}

}  // namespace

// The work of build_ledger as a list of tasks, in the order above; a task over a table's rows is
// done a slice at a time.
struct LedgerJob::State {
  enum class Task { customers, invoice_rows, running, general, index_ids, bind_named, payment_rows, apply, finish };
  struct Item {
    Task task;
    uint32_t file = 0;
    size_t size = 1;   // rows (row tasks, bind_named: payments), else 1
  };

  std::vector<const ImportedFile*> files;   // FileList views the caller's vector: keep our own
  LedgerOptions options;
  Draft draft;
  std::vector<Item> plan;
  size_t item = 0, cursor = 0;              // plan position; rows of the current item done
  size_t payments_from_ledgers = 0;
  bool has_payments_table = false;
  std::unique_ptr<InvoiceIdIndexer> indexer;
  InvoiceColumns invoice_columns;   // of the current item's table, bound when it starts
  LineItemLayout line_items;        // of the current item's table (a whole-table pass, at its start)
  bool line_items_ready = false;    // judged for the current item (a step of its own)
  PaymentColumns payment_columns;
  std::unique_ptr<PaymentApplication> application;
  size_t work_total = 0, work_done = 0;     // for progress()

  State(FileList list, const LedgerOptions& o) : options(o) {
    for (const ImportedFile& f : list) {
      files.push_back(&f);
      draft.file_names.push_back(f.name);
      // Excel's day/month swaps (issue #18) change dates the analysis reads: said in its notes.
      for (const DateSwap& swap : f.date_swaps) draft.log.note("excel date swap", date_swap_note(f, swap));
    }
    auto each_file_of = [&](std::initializer_list<TableKind> kinds, auto&& add) {
      for (uint32_t i = 0; i < files.size(); ++i) {
        if (!is_ledger_kind(*files[i])) continue;
        for (const TableKind k : kinds)
          if (files[i]->table_kind == k) add(*files[i], i);
      }
    };
    size_t row_total = 0;
    for (const ImportedFile* f : files)
      if (is_ledger_kind(*f) && f->table_kind != TableKind::customers) row_total += f->row_count();
    draft.ledger.invoices.reserve(row_total);
    draft.ledger.payments.reserve(row_total);
    draft.targets.reserve(row_total);

    each_file_of({TableKind::customers}, [&](const ImportedFile&, uint32_t i) { plan.push_back({Task::customers, i, 1}); });
    each_file_of({TableKind::ledger, TableKind::invoices, TableKind::running_ledger, TableKind::general_ledger},
                 [&](const ImportedFile& f, uint32_t i) {
      if (f.table_kind == TableKind::running_ledger) plan.push_back({Task::running, i, 1});
      else if (f.table_kind == TableKind::general_ledger) plan.push_back({Task::general, i, 1});
      else plan.push_back({Task::invoice_rows, i, f.row_count()});
    });
    plan.push_back({Task::index_ids, 0, 1});
    plan.push_back({Task::bind_named, 0, 0});   // sized when reached: the payments of the ledgers
    each_file_of({TableKind::payments}, [&](const ImportedFile& f, uint32_t i) { plan.push_back({Task::payment_rows, i, f.row_count()}); });
    plan.push_back({Task::apply, 0, 1});
    plan.push_back({Task::finish, 0, 1});
    for (const Item& it : plan) work_total += std::max<size_t>(it.size, 1);
    work_total += 2 * row_total;   // index and application, about a row's work per row each
  }

  // Does part of the current item (up to `budget.units` rows, at least one) and takes what it did
  // off the budget; true when the item is finished. A whole-file task (a customers table, a
  // running ledger, the closing pass) cannot be cut: it uses the whole budget.
  bool run_item(Item& it, Budget& budget) {
    const ImportedFile& f = *files[it.file];
    const size_t work = std::max<size_t>(1, static_cast<size_t>(std::min<uint64_t>(budget.units, SIZE_MAX)));
    switch (it.task) {
      case Task::customers:
        read_customers_table(draft, f, it.file);
        budget.units = 0;
        return true;
      case Task::running:
        read_running_ledger(draft, f, it.file, options);
        budget.units = 0;
        return true;
      case Task::general:
        read_general_ledger(draft, f, it.file, options);
        budget.units = 0;
        return true;
      case Task::invoice_rows:
      case Task::payment_rows: {
        if (cursor == 0 && it.task == Task::invoice_rows && !line_items_ready) {
          // The line-item judgement reads the whole table once: a step of its own, like a
          // running ledger, before the table's rows are read a slice at a time.
          invoice_columns = bind_invoice_columns(f);
          draft.row_marks.reset(f);
          line_items = detect_line_items(f, draft.row_marks);
          line_items_ready = true;
          if (line_items.line_items)
            draft.log.note("line items", file_base_name(f.label()) + ": line items, " + std::to_string(line_items.rows) +
                                             " rows → " + std::to_string(line_items.invoices) + " invoices");
          budget.units = 0;
          return false;
        }
        if (cursor == 0 && it.task == Task::payment_rows) payment_columns = bind_payment_columns(f);
        const size_t end = cursor + std::min(work, it.size - cursor);
        budget.spend(end - cursor);
        if (it.task == Task::invoice_rows) read_invoice_table(draft, f, invoice_columns, line_items, it.file, options, cursor, end);
        else read_payments_table(draft, f, payment_columns, it.file, cursor, end);
        work_done += end - cursor;
        cursor = end;
        if (it.task == Task::payment_rows && cursor >= it.size) has_payments_table = true;
        return cursor >= it.size;
      }
      case Task::index_ids: {
        if (!indexer) indexer = std::make_unique<InvoiceIdIndexer>(draft);
        if (indexer->step(budget) == Step::more) return false;
        indexer.reset();
        work_done += draft.ledger.invoices.size();
        payments_from_ledgers = draft.ledger.payments.size();
        return true;
      }
      case Task::bind_named: {
        const size_t end = cursor + std::min(work, payments_from_ledgers - cursor);
        budget.spend(end - cursor);
        for (size_t p = cursor; p < end; ++p)
          if (draft.targets[p].invoice < 0 && !draft.ledger.payments[p].invoice_id.empty())
            bind_named_payment(draft, static_cast<uint32_t>(p));
        cursor = end;
        return cursor >= payments_from_ledgers;
      }
      case Task::apply: {
        if (!application) {
          resolve_currencies(draft, options);   // reporting currency, payments' currencies, FIFO accounts
          // Both are applied (they may be different money), but the same receipt in both would count twice.
          if (payments_from_ledgers > 0 && has_payments_table)
            draft.log.note("payments in two places",
                           "payments come both from ledger files (paid amounts/dates or 贷方 credits) and from "
                           "payments tables: a receipt listed in both is counted twice");
          application = std::make_unique<PaymentApplication>(draft);
        }
        const bool done = application->step(budget) == Step::done;
        if (done) {
          application.reset();
          work_done += draft.ledger.invoices.size();
        }
        return done;
      }
      case Task::finish:
        finish();
        budget.units = 0;
        return true;
    }
    return true;
  }

  void finish() {
    fill_sales_reps(draft);
    fill_date_span(draft.ledger);
    // An export that states its date ("As of Jul 25, 2026", 截止日期) is analysed as of that date by
    // default (issue #9): it extends the span like a payment on that day would.
    for (const ImportedFile* fp : files) {
      const ImportedFile& f = *fp;
      if (!is_ledger_kind(f)) continue;
      const int32_t as_of = f.layout.as_of;
      if (as_of != kMissingDays && (draft.ledger.last_date == kMissingDays || as_of >= draft.ledger.last_date)) {
        draft.ledger.last_date = as_of;
        draft.log.assume(file_base_name(f.label()) + " states its date in its title rows (" + date_text(as_of) +
                         "): the default as-of date");
      }
      // A printed total that the rows above it do not add up to is reported with the analysis too
      // (the rows, not the total, are used).
      for (const TotalCheck& t : f.layout.total_checks)
        if (!t.ok())
          draft.log.note("totals check", where(f, t.line) + ": total row states " + cents_text(t.stated_cents) +
                                             " for " + t.column + ", the rows above add up to " +
                                             cents_text(t.sum_cents) + " (the rows are used)");
    }

    RowCounts& rows = draft.ledger.rows;
    for (const ImportedFile* f : files) {
      if (!is_ledger_kind(*f)) continue;
      rows.read += f->rows.read;
      rows.rejected += f->rows.rejected;
    }
    rows.rejected += draft.ledger_rejected;
    for (const SetAsideRow& s : draft.ledger.set_aside) rows.set_aside += s.rows;
    rows.accepted = rows.read - rows.rejected - rows.set_aside;
    if (!draft.other_statuses.empty()) {
      std::string words;
      for (const std::string& w : draft.other_statuses) words += (words.empty() ? "" : ", ") + w;
      draft.log.note("status words", "statuses read as real invoices (not Draft, Void or Paid): " + words);
    }
    if (!draft.other_disputed.empty()) {
      std::string words;
      for (const std::string& w : draft.other_disputed) words += (words.empty() ? "" : ", ") + w;
      draft.log.note("disputed words", "disputed cells read as not disputed (not yes/no, 是/否, Y/N, true/false, 1/0): " + words);
    }
    finish_currencies(draft, options);   // the ledger in the reporting currency (currency_convert.cpp)
    draft.log.finish(draft.ledger);
  }
};

LedgerJob::LedgerJob(FileList files, const LedgerOptions& options)
    : state_(std::make_unique<State>(files, options)) {}

LedgerJob::~LedgerJob() = default;

Step LedgerJob::step(Budget& budget) {
  State& s = *state_;
  // One piece of one plan item per step: a slice of rows, a whole-table task, or a finished slice.
  if (s.item < s.plan.size() && s.run_item(s.plan[s.item], budget)) {
    ++s.item;
    s.cursor = 0;
    s.line_items_ready = false;
  }
  return s.item >= s.plan.size() ? Step::done : Step::more;
}

double LedgerJob::progress() const {
  const State& s = *state_;
  if (s.item >= s.plan.size()) return 1.0;
  return s.work_total == 0 ? 0.0 : std::min(0.99, static_cast<double>(s.work_done) / s.work_total);
}

Ledger LedgerJob::take() { return std::move(state_->draft.ledger); }

Ledger build_ledger(FileList files, const LedgerOptions& options) {
  LedgerJob job(files, options);
  return run_to_end(job);
}

}  // namespace overdue
