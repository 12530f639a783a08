// General ledgers and transaction exports (issue #17 item 4; DESIGN.md §1 "general_ledger"): one
// file, several accounts, an account column (科目名称, 科目代码, Account Name, Account Code).
//
//  * The account of a row is its account columns' cells joined, codes first: 科目代码 "1122.01" and
//    科目名称 "应收账款-华东公司" read "1122.01 应收账款-华东公司".
//  * The receivables account: LedgerOptions::receivables_account when set (its sub-accounts too)
//    and the file has it, else by name or code (roles/receivables_account.hpp). Its rows are read as a running
//    ledger's entries (running.cpp, add_debit_credit_entry): a debit is an invoice, a credit a
//    payment, applied to the invoice its invoice-number cell names, else FIFO.
//  * The customer: the row's customer id / name cells (without a customer role, a column headed
//    Contact, Name, Customer, 往来单位 or 客户: Xero's Contact), else the sub-account's customer
//    ("1122.01 应收账款-华东公司" → 华东公司, "Accounts Receivable:Acme Ltd" → Acme Ltd); a row with
//    neither is rejected (no_customer).
//  * Every other account's rows are set aside: ONE Ledger::set_aside entry per account of the file
//    (kind not_receivables_account, the account as written, its row count, its first line), so a
//    ledger of 50,000 rows of other accounts reports a few lines, not 50,000.
//  * No receivables account in the file: nothing is used (every row set aside, by account) and a
//    note in English and Chinese lists the accounts seen and how to pick one.
//  * One amount column with its side (金额 + 方向 借/贷, Amount + Dr/Cr) reads like debit and credit
//    columns; without a side, a positive amount is a debit and a negative one a credit.
//  * Subtotal rows (Total for …, 本月合计) are rejected as in running ledgers; an opening-balance
//    row of the receivables account is an entry like any other (its debit an invoice issued on its
//    date), with the running ledger's assumption recorded. The balance column is the account's
//    running balance, not a customer's: it is not checked.
#include "overdue/ledger/general_ledger.hpp"

#include <algorithm>
#include <unordered_map>

#include "ledger/internal.hpp"
#include "overdue/roles/header_text.hpp"
#include "overdue/roles/receivables_account.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {

using namespace ledger_detail;

namespace {

// Most of the first 50 non-empty cells start with a digit: an account code column.
bool holds_codes(const Column& column) {
  size_t seen = 0, digits = 0;
  for (size_t i = 0; i < column.text.size() && seen < 50; ++i) {
    const std::string_view cell = trim_cell(column.text.at(i));
    if (cell.empty()) continue;
    ++seen;
    if (cell[0] >= '0' && cell[0] <= '9') ++digits;
  }
  return seen > 0 && 2 * digits >= seen;
}

std::vector<int> account_columns(const ImportedFile& file) {
  std::vector<int> columns;
  for (size_t c = 0; c < file.columns.size(); ++c) {
    const Column& column = file.columns[c];
    if (column.role == Role::account || (column.role == Role::none && !column.derived && file.header &&
                                         header_names_account(column.name)))
      columns.push_back(static_cast<int>(c));
  }
  std::stable_partition(columns.begin(), columns.end(),
                        [&](int c) { return holds_codes(file.columns[static_cast<size_t>(c)]); });
  return columns;
}

// The customer's column when no column has a customer role: Xero calls it "Contact" (elsewhere a
// phone-or-person role), 金蝶 / 用友 往来单位 or 客户; -1 when there is none.
int contact_customer_column(const ImportedFile& file) {
  if (!file.header) return -1;
  static const std::vector<std::vector<std::string>> kWords = {
      {"contact"}, {"contact", "name"}, {"name"}, {"customer"}, {"customer", "name"}, {"client"}, {"client", "name"}};
  static const std::string_view kChinese[] = {"往来单位", "往来单位名称", "客户", "客户名称", "对方单位", "单位名称"};
  for (size_t c = 0; c < file.columns.size(); ++c) {
    const Column& column = file.columns[c];
    if (column.role != Role::none && column.role != Role::contact) continue;
    const std::string_view name = trim_cell(column.name);
    const std::vector<std::string> words = header_words(name);
    if (std::find(kWords.begin(), kWords.end(), words) != kWords.end() ||
        std::find(std::begin(kChinese), std::end(kChinese), name) != std::end(kChinese))
      return static_cast<int>(c);
  }
  return -1;
}

}  // namespace

bool GeneralLedgerAccounts::any_receivables() const {
  return std::any_of(accounts.begin(), accounts.end(), [](const GeneralLedgerAccount& a) { return a.receivables; });
}

GeneralLedgerAccounts general_ledger_accounts(const ImportedFile& file, const LedgerOptions& options) {
  GeneralLedgerAccounts out;
  const std::vector<int> columns = account_columns(file);
  std::unordered_map<std::string, uint32_t> index;
  out.account_of_row.assign(file.row_count(), GeneralLedgerAccounts::kNoAccount);
  std::string account;
  for (size_t row = 0; row < file.row_count(); ++row) {
    if (row_mark(file, row) == RowMark::subtotal) continue;
    account.clear();
    for (const int c : columns) {
      const std::string_view cell = cell_text(file, c, row);
      if (cell.empty()) continue;
      if (!account.empty()) account += ' ';
      account.append(cell.data(), cell.size());
    }
    auto [it, added] = index.emplace(account, static_cast<uint32_t>(out.accounts.size()));
    if (added) {
      GeneralLedgerAccount a;
      a.account = account;
      a.first_line = file.row_line[row];
      const ReceivablesMatch m = match_receivables_account(account, options.receivables_account);
      a.receivables = m.receivables;
      a.customer = m.customer;
      out.accounts.push_back(std::move(a));
    }
    ++out.accounts[it->second].rows;
    out.account_of_row[row] = it->second;
  }
  // One pick serves every file: a file without the picked account keeps the usual names and codes
  // (a Chinese 序时账 picked by 1124 beside an English ledger with its Accounts Receivable).
  if (!options.receivables_account.empty() && !out.any_receivables())
    for (GeneralLedgerAccount& a : out.accounts) {
      const ReceivablesMatch m = match_receivables_account(a.account);
      a.receivables = m.receivables;
      a.customer = m.customer;
    }
  return out;
}

namespace ledger_detail {

namespace {

std::string accounts_list(const GeneralLedgerAccounts& seen) {
  constexpr size_t kListed = 12;
  std::string out;
  for (size_t i = 0; i < seen.accounts.size() && i < kListed; ++i) {
    if (i > 0) out += ", ";
    out += seen.accounts[i].account.empty() ? "\"\"" : seen.accounts[i].account;
  }
  if (seen.accounts.size() > kListed) out += ", …";
  return out;
}

}  // namespace

void read_general_ledger(Draft& draft, const ImportedFile& file, uint32_t file_index, const LedgerOptions& options) {
  const GeneralLedgerAccounts seen = general_ledger_accounts(file, options);
  const bool use = seen.any_receivables();
  if (!use) {
    const std::string name = file_base_name(file.label()), count = std::to_string(seen.accounts.size()),
                      list = accounts_list(seen);
    draft.log.note("no receivables account",
                   textf(Lang::en, S::gl_no_receivables_fmt, name.c_str(), count.c_str(), list.c_str()) + " / " +
                       textf(Lang::zh, S::gl_no_receivables_fmt, name.c_str(), count.c_str(), list.c_str()));
  } else {
    std::string used;
    size_t others = 0;
    for (const GeneralLedgerAccount& a : seen.accounts) {
      if (!a.receivables) {
        ++others;
        continue;
      }
      if (!used.empty()) used += ", ";
      used += "\"" + a.account + "\"";
    }
    draft.log.assume(file_base_name(file.label()) + " is a general ledger: only the rows of " + used +
                     " are receivables (debits invoices, credits payments); the " + std::to_string(others) +
                     " other accounts are set aside");
  }

  const int customer_id = find_role(file, Role::customer_id);
  int customer_name = find_role(file, Role::customer_name);
  if (customer_id < 0 && customer_name < 0) customer_name = contact_customer_column(file);
  EntryColumns entry = bind_entry_columns(file);
  if (entry.debit < 0 && entry.credit < 0) {
    entry.amount = find_role(file, Role::amount);
    entry.direction = find_role(file, Role::direction);
  }
  for (size_t row = 0; row < file.row_count(); ++row) {
    const uint64_t line = file.row_line[row];
    const uint32_t account = seen.account_of_row[row];
    if (account == GeneralLedgerAccounts::kNoAccount) {   // a subtotal row: it repeats the rows above
      draft.reject(file_index, line, ProblemKind::summary_row_not_entry);
      continue;
    }
    const GeneralLedgerAccount& a = seen.accounts[account];
    if (!a.receivables) continue;   // set aside below, one entry per account
    if (has_oversized_amount(file, row)) {
      draft.reject(file_index, line, ProblemKind::amount_too_large);
      continue;
    }
    const std::string_view id = cell_text(file, customer_id, row), named = cell_text(file, customer_name, row);
    const int64_t customer = id.empty() && named.empty() ? draft.customers.find_or_add("", a.customer)
                                                         : draft.customers.find_or_add(id, named);
    if (customer < 0) {
      draft.reject(file_index, line, ProblemKind::no_customer);
      continue;
    }
    if (row_mark(file, row) == RowMark::opening)
      draft.log.assume(
          "a general ledger's opening-balance row (期初余额) of the receivables account is an entry: its debit one "
          "invoice issued on the opening date, whose real invoices are older (its days past due are a lower bound)");
    int64_t net = 0;
    add_debit_credit_entry(draft, file, entry, file_index, row, static_cast<uint32_t>(customer), false, options, net);
  }

  for (const GeneralLedgerAccount& a : seen.accounts) {
    if (a.receivables || a.rows == 0) continue;
    SetAsideRow s;
    s.file = file_index;
    s.line = a.first_line;
    s.kind = ProblemKind::not_receivables_account;
    s.detail.value = a.account;
    s.reason = problem_text(s.kind, s.detail);
    s.rows = a.rows;
    draft.ledger.set_aside.push_back(std::move(s));
  }
}

}  // namespace ledger_detail
}  // namespace overdue
