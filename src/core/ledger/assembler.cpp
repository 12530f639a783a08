// LedgerAssembler (include/overdue/ledger/assembler.hpp): build_ledger's draft, binding and
// payment application for rows the caller holds.
#include "overdue/ledger/assembler.hpp"

#include <string>
#include <utility>

#include "ledger/internal.hpp"

namespace overdue {

LedgerAssembler::LedgerAssembler() : draft_(std::make_unique<ledger_detail::Draft>()) {}
LedgerAssembler::~LedgerAssembler() = default;

Ledger& LedgerAssembler::ledger() { return draft_->ledger; }

void LedgerAssembler::add_payment(Payment payment) {
  draft_->ledger.payments.push_back(std::move(payment));
  draft_->targets.emplace_back();
}

void LedgerAssembler::index_invoice_ids() { ledger_detail::index_invoice_ids(*draft_); }

void LedgerAssembler::target_invoice(size_t payment, int64_t invoice) { draft_->targets[payment].invoice = invoice; }

bool LedgerAssembler::target_invoice_id(size_t payment, uint32_t customer, std::string_view invoice_id) {
  const int64_t group = draft_->invoice_group.find(ledger_detail::InvoiceKey{customer, invoice_id});
  if (group < 0) return false;
  draft_->targets[payment].named_begin = draft_->group_start[static_cast<size_t>(group)];
  draft_->targets[payment].named_end = draft_->group_start[static_cast<size_t>(group) + 1];
  return true;
}

Ledger LedgerAssembler::finish() {
  ledger_detail::apply_payments(*draft_);
  return std::move(draft_->ledger);
}

}  // namespace overdue
