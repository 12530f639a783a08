// Running ledger (应收账款明细账, issue #3 input (c); DESIGN.md §1): dated entries with debit (借方,
// billed), credit (贷方, received) and balance (余额) with its direction (方向 借/贷/平).
//
//  (The entry rules below are add_debit_credit_entry's, shared with general_ledger.cpp.)
//  * A debit is an invoice: invoice date = entry date; due = due_date column, else entry date +
//    terms_days column, else + LedgerOptions::terms_days_default. A negative debit (红字 reversal)
//    is a credit note.
//  * A credit is a payment applied FIFO to the customer's oldest open invoices (or to the invoice
//    its invoice_id cell names). A negative credit (a reversed receipt) puts the money back on
//    the customer: it is taken as a debit of the same size, and noted.
//  * An opening-balance row (期初余额, 上年结转, Opening balance) is one invoice of that balance
//    issued on its date (an opening credit balance: a credit note). Its real invoices are older,
//    so its days past due are a lower bound — recorded as an assumption.
//  * Subtotal rows (本月合计, 本年累计, Total) are rejected: they repeat the entries above them.
//  * Balance check: per customer, in file order, running = previous + debit − credit (starting at
//    0, or at the opening balance). When the row has a balance and it differs from the running
//    value, a note gives the file, line, both values and the customer; the running value then
//    restarts from the stated balance so one error is reported once, not on every later line.
//    方向 signs an unsigned balance: 借/Dr → +, 贷/Cr → −, 平 → 0.
//  * The customer: customer_id/customer_name columns; when the file has neither (Kingdee exports
//    one customer per file, its name in the title rows), the whole file is one customer named
//    after the file without its extension — recorded as an assumption (a later issue reads the
//    title rows).
#include <unordered_map>

#include "ledger/internal.hpp"

namespace overdue::ledger_detail {

namespace {

// +1 debit side, −1 credit side, 0 balanced, 2 not stated/unknown (balance used as written).
int direction_sign(std::string_view cell) {
  if (cell.empty()) return 2;
  if (cell == "借" || cell == "Dr" || cell == "DR" || cell == "dr" || cell == "D" || cell == "Debit" ||
      cell == "debit")
    return 1;
  if (cell == "贷" || cell == "Cr" || cell == "CR" || cell == "cr" || cell == "C" || cell == "Credit" ||
      cell == "credit")
    return -1;
  if (cell == "平" || cell == "0" || cell == "Nil" || cell == "nil" || cell == "balanced") return 0;
  return 2;
}

int64_t signed_balance(const ImportedFile& file, int balance, int direction, size_t row) {
  const int64_t b = cell_cents(file, balance, row);
  if (b == kMissingCents) return kMissingCents;
  const int sign = direction_sign(cell_text(file, direction, row));
  if (sign == 2) return b;
  const int64_t magnitude = b < 0 ? -b : b;
  return sign * magnitude;
}

// Excel's default sheet names ("Sheet1", "Sheet 2", "工作表1", "Feuil1" …): they name no customer.
bool default_sheet_name(const std::string& sheet) {
  size_t end = sheet.size();
  while (end > 0 && ((sheet[end - 1] >= '0' && sheet[end - 1] <= '9') || sheet[end - 1] == ' ')) --end;
  std::string word = sheet.substr(0, end);
  for (char& c : word) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return word.empty() || word == "sheet" || word == "工作表" || word == "feuil" || word == "tabelle" || word == "hoja" ||
         word == "foglio" || word == "planilha";
}

// A running ledger without a customer column is one customer's: a workbook sheet named after it
// (a 台账 kept one sheet per customer, issue #18), else the file (its name without extension).
std::string name_from_file(const ImportedFile& file) {
  if (!file.sheet.empty() && !default_sheet_name(file.sheet)) return file.sheet;
  std::string base = file_base_name(file.name);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

struct RunningBalance {
  int64_t cents = 0;
};

}  // namespace

EntryColumns bind_entry_columns(const ImportedFile& file) {
  EntryColumns e;
  e.date = find_role(file, Role::entry_date);
  if (e.date < 0) e.date = find_role(file, Role::invoice_date);
  e.debit = find_role(file, Role::debit);
  e.credit = find_role(file, Role::credit);
  e.invoice_id = find_role(file, Role::invoice_id);
  e.due_date = find_role(file, Role::due_date);
  e.terms = find_role(file, Role::terms_days);
  e.sales_rep = find_role(file, Role::sales_rep);
  return e;
}

bool add_debit_credit_entry(Draft& draft, const ImportedFile& file, const EntryColumns& e, uint32_t file_index,
                            size_t row, uint32_t c, bool may_be_empty, const LedgerOptions& options, int64_t& net) {
  const uint64_t line = file.row_line[row];
  const int32_t on = cell_days(file, e.date, row);
  int64_t billed = 0, received = 0;
  if (e.amount >= 0) {
    // One amount and its side (a general ledger's 金额 + 方向 借/贷, Amount + Dr/Cr); no side:
    // a positive amount is a debit, a negative one a credit.
    const int64_t v = cell_cents(file, e.amount, row);
    const int side = direction_sign(cell_text(file, e.direction, row));
    if (v != kMissingCents) {
      if (side == 1) billed = v;
      else if (side == -1) received = v;
      else if (v >= 0) billed = v;
      else received = -v;
    }
  } else {
    const int64_t debit_cell = cell_cents(file, e.debit, row), credit_cell = cell_cents(file, e.credit, row);
    billed = debit_cell == kMissingCents ? 0 : debit_cell;
    received = credit_cell == kMissingCents ? 0 : credit_cell;
  }
  if (billed == 0 && received == 0 && !may_be_empty) {
    draft.reject(file_index, line, ProblemKind::no_debit_or_credit);
    return false;
  }
  if ((billed != 0 || received != 0) && on == kMissingDays) {
    draft.reject(file_index, line, ProblemKind::no_entry_date);
    return false;
  }
  if (billed != 0)
    add_invoice_row(draft, file, file_index, row, c, billed, on, cell_days(file, e.due_date, row), e.terms,
                    e.invoice_id, e.sales_rep, options);
  if (received > 0) {
    const std::string_view named = cell_text(file, e.invoice_id, row);
    const uint32_t p = add_payment(draft, c, on, received, billed != 0 ? TextRef{} : draft.ledger.text.add(named),
                                   {file_index, line}, -1);
    set_payment_currency(draft, file, row, p);   // the row's 币别 (currency_resolve.cpp)
  } else if (received < 0) {
    add_invoice_row(draft, file, file_index, row, c, -received, on, cell_days(file, e.due_date, row), e.terms, -1,
                    e.sales_rep, options);
    draft.log.note("reversed receipt", where(file, line) + ": negative credit " + cents_text(received) +
                                           " (a reversed receipt) taken as a debit");
  }
  net = billed - received;
  return true;
}

void read_running_ledger(Draft& draft, const ImportedFile& file, uint32_t file_index, const LedgerOptions& options) {
  const int customer_id = find_role(file, Role::customer_id), customer_name = find_role(file, Role::customer_name);
  const EntryColumns entry = bind_entry_columns(file);
  const int date = entry.date, terms = entry.terms, sales_rep = entry.sales_rep;
  const int balance = find_role(file, Role::balance), direction = find_role(file, Role::direction);

  int64_t file_customer = -1;
  if (customer_id < 0 && customer_name < 0) {
    const std::string name = name_from_file(file);
    file_customer = draft.customers.find_or_add("", name);
    draft.log.assume("a running ledger without a customer column is one customer named after its file (" +
                     file_base_name(file.label()) + " → \"" + name + "\")");
  }
  std::unordered_map<uint32_t, RunningBalance> running;

  for (size_t row = 0; row < file.row_count(); ++row) {
    const uint64_t line = file.row_line[row];
    const RowMark mark = row_mark(file, row);
    if (mark == RowMark::subtotal) {
      draft.reject(file_index, line, ProblemKind::summary_row_not_entry);
      continue;
    }
    if (has_oversized_amount(file, row)) {
      draft.reject(file_index, line, ProblemKind::amount_too_large);
      continue;
    }
    const int64_t customer = file_customer >= 0 ? file_customer
                                                : draft.customers.find_or_add(cell_text(file, customer_id, row),
                                                                              cell_text(file, customer_name, row));
    if (customer < 0) {
      draft.reject(file_index, line, ProblemKind::no_customer);
      continue;
    }
    const auto c = static_cast<uint32_t>(customer);
    const int32_t on = cell_days(file, date, row);
    const int64_t stated = signed_balance(file, balance, direction, row);

    if (mark == RowMark::opening) {
      if (stated == kMissingCents) {
        draft.reject(file_index, line, ProblemKind::opening_balance_without_balance);
        continue;
      }
      if (on == kMissingDays && stated != 0) {
        draft.reject(file_index, line, ProblemKind::opening_balance_without_date);
        continue;
      }
      running[c].cents = stated;
      if (stated != 0) {
        add_invoice_row(draft, file, file_index, row, c, stated, on, kMissingDays, terms, -1, sales_rep, options);
        draft.log.assume(
            "an opening balance (期初余额) is one invoice issued on the opening date (a credit balance: a credit "
            "note); its real invoices are older, so its days past due are a lower bound");
      }
      continue;
    }

    int64_t net = 0;
    if (!add_debit_credit_entry(draft, file, entry, file_index, row, c, stated != kMissingCents, options, net)) continue;

    // Balance check (rule in the header comment).
    RunningBalance& r = running[c];
    r.cents += net;
    if (stated != kMissingCents && stated != r.cents) {
      draft.log.note("running-ledger balance mismatch",
                     where(file, line) + ": balance " + cents_text(stated) + " stated, " + cents_text(r.cents) +
                         " computed from the entries (customer " + draft.ledger.customers[c].name + ")");
      r.cents = stated;
    }
  }
}

}  // namespace overdue::ledger_detail
