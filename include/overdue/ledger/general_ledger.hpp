// The accounts of a general-ledger file (issue #17 item 4), for the mapping screen's picker and
// the ledger: which account each row belongs to, how many rows each has, which is receivables.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue {

struct GeneralLedgerAccount {
  std::string account;       // as written: the account columns' cells joined ("1122.01 应收账款-华东公司")
  uint64_t rows = 0;         // rows of this account (subtotal rows not counted)
  uint64_t first_line = 0;   // physical line of its first row
  bool receivables = false;  // LedgerOptions::receivables_account (when the file has it), else by name or code
  std::string customer;      // receivables: the customer its sub-account names, else empty
};

struct GeneralLedgerAccounts {
  std::vector<GeneralLedgerAccount> accounts;   // in the order first seen
  std::vector<uint32_t> account_of_row;         // index into accounts; kNoAccount for subtotal rows
  static constexpr uint32_t kNoAccount = 0xFFFFFFFFu;
  bool any_receivables() const;
};

// Reads the account columns: the one with the account role, and any other column without a role
// whose header names an account (科目代码 beside 科目名称), codes first.
GeneralLedgerAccounts general_ledger_accounts(const ImportedFile& file, const LedgerOptions& options);

}  // namespace overdue
