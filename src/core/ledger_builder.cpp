// build_ledger (include/overdue/ledger.hpp; issue #3, first bullet; DESIGN.md §1).
//
// Order of work, chosen so identities and invoice ids are known before they are needed:
//   1. customers tables — they hold id and name together, so later files that carry only one of
//      them still find the same customer;
//   2. invoice tables (`ledger`, `invoices`) and running ledgers, in file order;
//   3. the invoice-id index; running-ledger credits naming an invoice are bound to it;
//   4. payments tables (a payment may name an invoice of any file read in step 2);
//   5. the FIFO application (ledger_fifo.cpp), then the customers' sales reps and the date span.
// Files of other kinds (accounts, contacts, unrecognised) and files that could not be read are
// not part of the ledger and are not counted.
// Counts: read = Σ rows.read of the ledger's files; rejected = the import's rejected records +
// the rows the ledger rejected (Ledger::rejected); accepted = read − rejected (rows used).
#include "ledger_internal.hpp"

namespace overdue {

using namespace ledger_detail;

namespace {

bool is_ledger_kind(const ImportedFile& file) {
  if (!file.error.empty()) return false;
  const std::string& k = file.table_kind;
  return k == "ledger" || k == "invoices" || k == "payments" || k == "running_ledger" || k == "customers";
}

// A customer's sales rep: the customers table's, else the one on its latest invoice (latest
// invoice date, then the later row).
void fill_sales_reps(Draft& draft) {
  Ledger& ledger = draft.ledger;
  std::vector<int64_t> latest(ledger.customers.size(), -1);
  for (size_t i = 0; i < ledger.invoices.size(); ++i) {
    const Invoice& inv = ledger.invoices[i];
    if (inv.sales_rep.empty()) continue;
    int64_t& best = latest[inv.customer];
    if (best < 0 || ledger.invoices[static_cast<size_t>(best)].invoice_date <= inv.invoice_date)
      best = static_cast<int64_t>(i);
  }
  for (size_t c = 0; c < ledger.customers.size(); ++c) {
    const bool from_table = c < draft.sales_rep_from_table.size() && draft.sales_rep_from_table[c];
    if (!from_table && latest[c] >= 0) ledger.customers[c].sales_rep = ledger.invoices[static_cast<size_t>(latest[c])].sales_rep;
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

Ledger build_ledger(FileList files, const LedgerOptions& options) {
  Draft draft;
  for (const ImportedFile& f : files) draft.file_names.push_back(f.name);
  auto each_file_of = [&](std::initializer_list<const char*> kinds, auto&& read) {
    for (uint32_t i = 0; i < files.size(); ++i) {
      if (!is_ledger_kind(files[i])) continue;
      for (const char* k : kinds)
        if (files[i].table_kind == k) read(files[i], i);
    }
  };

  size_t row_total = 0;
  for (const ImportedFile& f : files)
    if (is_ledger_kind(f) && f.table_kind != "customers") row_total += f.row_count();
  draft.ledger.invoices.reserve(row_total);
  draft.ledger.payments.reserve(row_total);
  draft.targets.reserve(row_total);

  each_file_of({"customers"}, [&](const ImportedFile& f, uint32_t i) { read_customers_table(draft, f, i); });
  each_file_of({"ledger", "invoices", "running_ledger"}, [&](const ImportedFile& f, uint32_t i) {
    if (f.table_kind == "running_ledger") read_running_ledger(draft, f, i, options);
    else read_invoice_table(draft, f, i, options);
  });
  index_invoice_ids(draft);
  for (uint32_t p = 0; p < draft.ledger.payments.size(); ++p)
    if (draft.targets[p].invoice < 0 && !draft.ledger.payments[p].invoice_id.empty()) bind_named_payment(draft, p);
  const size_t payments_from_ledgers = draft.ledger.payments.size();
  bool has_payments_table = false;
  each_file_of({"payments"}, [&](const ImportedFile& f, uint32_t i) {
    read_payments_table(draft, f, i);
    has_payments_table = true;
  });
  // Both are applied (they may be different money), but the same receipt in both would count twice.
  if (payments_from_ledgers > 0 && has_payments_table)
    draft.log.note("payments in two places",
                   "payments come both from ledger files (paid amounts/dates or 贷方 credits) and from payments "
                   "tables: a receipt listed in both is counted twice");

  apply_payments(draft);
  fill_sales_reps(draft);
  fill_date_span(draft.ledger);
  // An export that states its date ("As of Jul 25, 2026", 截止日期) is analysed as of that date by
  // default (issue #9): it extends the span like a payment on that day would.
  for (const ImportedFile& f : files) {
    if (!is_ledger_kind(f)) continue;
    const int32_t as_of = f.layout.as_of;
    if (as_of != kMissingDays && (draft.ledger.last_date == kMissingDays || as_of >= draft.ledger.last_date)) {
      draft.ledger.last_date = as_of;
      draft.log.assume(file_base_name(f.name) + " states its date in its title rows (" + date_text(as_of) +
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
  for (const ImportedFile& f : files) {
    if (!is_ledger_kind(f)) continue;
    rows.read += f.rows.read;
    rows.rejected += f.rows.rejected;
  }
  rows.rejected += draft.ledger_rejected;
  rows.accepted = rows.read - rows.rejected;

  draft.log.finish(draft.ledger);
  return std::move(draft.ledger);
}

}  // namespace overdue
