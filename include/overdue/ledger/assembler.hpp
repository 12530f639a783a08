// A ledger of rows the caller already holds (the what-if sandbox), bound and applied exactly as
// build_ledger binds and applies the rows it reads, so that the same rows give the same
// allocations: the caller adds customers and invoices to ledger(), then the payments, indexes
// the invoice ids, gives each payment its target (its own invoice, or the invoices with the id
// it names, oldest first), and finish() applies the money (FIFO where a payment has no target).
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>

#include "overdue/ledger/ledger.hpp"

namespace overdue {

namespace ledger_detail {
struct Draft;
}

class LedgerAssembler {
 public:
  LedgerAssembler();
  ~LedgerAssembler();
  LedgerAssembler(const LedgerAssembler&) = delete;
  LedgerAssembler& operator=(const LedgerAssembler&) = delete;

  Ledger& ledger();                     // customers and invoices go in here first
  void add_payment(Payment payment);    // a payment with no target yet
  void index_invoice_ids();             // after the invoices, before the targets
  void target_invoice(size_t payment, int64_t invoice);
  // The invoices of `customer` with this id, oldest first; false (no target) when it has none.
  bool target_invoice_id(size_t payment, uint32_t customer, std::string_view invoice_id);
  Ledger finish();                      // applies the payments; the assembler is spent

 private:
  std::unique_ptr<ledger_detail::Draft> draft_;
};

}  // namespace overdue
