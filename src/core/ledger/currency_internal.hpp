// The ledger job's currency work (issue #17 item 6; rules in currency_resolve.cpp and
// currency_convert.cpp). Not a public header.
//
// While rows are read, each invoice and payment gets a draft currency: an index into
// CurrencyDraft::codes, where 0 stands for "the reporting currency, whichever it will be" (a
// table without a currency column, a blank cell, an amount taken from a 本位币 column).
// Before the payments are applied, the reporting currency is chosen, payments without a currency
// of their own get one, and each (customer, currency) becomes an account of its own for the
// FIFO application, so money only ever meets invoices of its own currency. At the end the ledger
// is converted to the reporting currency and the currencies without a rate are left out.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/ledger/ledger.hpp"

namespace overdue::ledger_detail {

struct Draft;
struct PaymentTarget;

struct CurrencyDraft {
  bool has_column = false;                  // some table of the ledger had a currency column
  std::vector<std::string> codes{""};       // draft index → code; 0: the reporting currency
  std::unordered_map<std::string, uint16_t> index_of_code;
  std::vector<uint64_t> declared;           // per code: invoices whose row named it (本位币 rows too)
  std::vector<uint64_t> declared_payments;  // per code: payments whose row named it (used when no invoice names one)
  std::vector<uint8_t> payment_stated;      // per payment: 1 when its row stated its currency
  uint16_t reporting = 0;                   // draft index of the reporting code (0: none named)
  bool provisional = false;                 // chosen on a tie of invoice counts: final after the application
  std::vector<PaymentTarget> saved_targets; // targets before cross-currency names were unbound (ties only)
  // FIFO accounts: (customer, currency) pairs, empty when the ledger is in one currency (then the
  // account is the customer).
  std::vector<uint32_t> invoice_account, payment_account;
  uint32_t account_count = 0;

  // The file being read and its currency column, bound on its first row.
  const ImportedFile* file = nullptr;
  int column = -1;
  bool home = false;                        // amounts from a 本位币 column: the reporting currency
  std::string last_text;                    // the previous cell and its code (most rows repeat it)
  uint16_t last_code = 0;

  // account_count 0: one currency, the account is the customer.
  uint32_t invoice_account_of(const Ledger& l, uint32_t i) const {
    return account_count == 0 ? l.invoices[i].customer : invoice_account[i];
  }
  uint32_t payment_account_of(const Ledger& l, uint32_t p) const {
    return account_count == 0 ? l.payments[p].customer : payment_account[p];
  }
  uint32_t accounts(const Ledger& l) const {
    return account_count == 0 ? static_cast<uint32_t>(l.customers.size()) : account_count;
  }
};

// The draft currency of a row of `file` (0 when it names none, or its amount is a 本位币 one);
// an invoice row also counts towards the choice of the reporting currency by the currency it
// names, 本位币 rows included.
uint16_t row_currency(Draft& draft, const ImportedFile& file, size_t row, bool invoice);
// A payment read from a row of `file`: its currency from the row when the file has a currency
// column; else it is decided before the application (its invoice's, its customer's, else the
// reporting currency).
void set_payment_currency(Draft& draft, const ImportedFile& file, size_t row, uint32_t payment);
// Payments' currencies and the FIFO accounts for the reporting currency chosen (CurrencyDraft::reporting).
void assign_payment_currencies(Draft& draft);
// Before the application: the reporting currency, every payment's currency, the FIFO accounts.
void resolve_currencies(Draft& draft, const LedgerOptions& options);
// At the end: a tie of invoice counts decided by open invoices (the payments reapplied when that
// changes a payment's currency), the ledger converted to the reporting currency, the currencies
// without a rate left out, the notes. Nothing happens to a ledger in one currency with no
// currency column.
void finish_currencies(Draft& draft, const LedgerOptions& options);

}  // namespace overdue::ledger_detail
