// Which account of a general ledger is the receivables account (issue #17 item 4), and which
// customer a sub-account names. Words, not tables: used by the importer (is a file a general
// ledger?) and by the ledger (which rows are receivables).
#pragma once
#include <string>
#include <string_view>

namespace overdue {

struct ReceivablesMatch {
  bool receivables = false;
  std::string customer;   // the sub-account's customer ("华东公司"), empty when it names none
};

// An account as written ("1122.01 应收账款-华东公司", "Accounts Receivable:Acme Ltd", "1131",
// "Debtors Control Account", "A/R - Acme") against the receivables account: `picked` (the user's
// choice: an account name or code; the account itself or one of its sub-accounts matches), or,
// when `picked` is empty, the usual names (Accounts Receivable, Debtors, Trade receivables, Trade
// debtors, A/R, 应收账款, 应收帐款) and codes (1122…, 1131…: the receivables codes of the Chinese
// charts of accounts, 2007 and before).
ReceivablesMatch match_receivables_account(std::string_view account, std::string_view picked = {});

// True when a column header names a general ledger's account (科目名称, 科目代码, Account Name,
// Account Code, GL Account …), not an account manager or an account type.
bool header_names_account(std::string_view header);

}  // namespace overdue
