// Invoice ids (issue #3): payments that name an invoice find it here, and duplicate ids of one
// customer are noted (both invoices are kept: two documents may share a number).
// Hash maps keyed by (customer, id) rather than a sort: one probe per invoice instead of ~20
// string comparisons scattered over a million invoices. The maps are only looked up, never
// iterated, and groups are numbered in file order, so results do not depend on the hash.
#include <algorithm>

#include "ledger_internal.hpp"

namespace overdue::ledger_detail {

void index_invoice_ids(Draft& draft) {
  const std::vector<Invoice>& inv = draft.ledger.invoices;
  const auto n = static_cast<uint32_t>(inv.size());
  draft.invoice_group.clear();
  draft.invoice_group.reserve(n);
  std::vector<uint32_t> group_of(n);
  std::vector<uint32_t> group_size;
  for (uint32_t i = 0; i < n; ++i) {
    const auto [it, added] = draft.invoice_group.emplace(InvoiceKey{inv[i].customer, inv[i].id},
                                                         static_cast<uint32_t>(group_size.size()));
    if (added) group_size.push_back(0);
    group_of[i] = it->second;
    ++group_size[it->second];
  }
  // Counting sort: each group's invoices together, in file order, then FIFO order within groups.
  const size_t groups = group_size.size();
  draft.group_start.assign(groups + 1, 0);
  for (size_t g = 0; g < groups; ++g) draft.group_start[g + 1] = draft.group_start[g] + group_size[g];
  draft.invoice_id_index.assign(n, 0);
  std::vector<uint32_t> fill(draft.group_start.begin(), draft.group_start.end() - 1);
  for (uint32_t i = 0; i < n; ++i) draft.invoice_id_index[fill[group_of[i]]++] = i;
  for (size_t g = 0; g < groups; ++g) {
    if (group_size[g] < 2) continue;
    const auto begin = draft.invoice_id_index.begin() + draft.group_start[g];
    const auto end = draft.invoice_id_index.begin() + draft.group_start[g + 1];
    std::sort(begin, end, [&](uint32_t a, uint32_t b) { return fifo_before(inv[a], a, inv[b], b); });
    const Invoice& first = inv[*begin];
    draft.log.note("duplicate invoice ids", "invoice id " + first.id + " appears " + std::to_string(group_size[g]) +
                                                " times for customer " + draft.ledger.customers[first.customer].name +
                                                " (all kept)");
  }
}

void bind_named_payment(Draft& draft, uint32_t p) {
  const Payment& pay = draft.ledger.payments[p];
  const auto it = draft.invoice_group.find(InvoiceKey{pay.customer, pay.invoice_id});
  if (it == draft.invoice_group.end()) {
    draft.log.note("payment names an unknown invoice",
                   "payment at " + draft.file_names[pay.source.file] + " line " + std::to_string(pay.source.line) +
                       " names invoice " + pay.invoice_id + ", which customer " +
                       draft.ledger.customers[pay.customer].name + " does not have: applied FIFO");
    return;
  }
  draft.targets[p].named_begin = draft.group_start[it->second];
  draft.targets[p].named_end = draft.group_start[it->second + 1];
}

int64_t customer_of_invoice_id(Draft& draft, std::string_view id) {
  const std::vector<Invoice>& inv = draft.ledger.invoices;
  if (draft.customer_by_invoice_id.empty() && !inv.empty()) {   // built on first use
    for (const Invoice& v : inv) {
      const auto [it, added] = draft.customer_by_invoice_id.emplace(v.id, v.customer);
      if (!added && it->second != static_cast<int64_t>(v.customer)) it->second = -1;
    }
  }
  const auto it = draft.customer_by_invoice_id.find(id);
  return it == draft.customer_by_invoice_id.end() ? -1 : it->second;
}

}  // namespace overdue::ledger_detail
