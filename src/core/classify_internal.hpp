// Internal pieces of the classification (issue #4): a per-customer index of the ledger built once,
// so analysing every overdue customer is linear in the ledger's size rather than customers × rows.
// Not a public header.
#pragma once
#include <cstdint>
#include <vector>

#include "overdue/classify.hpp"

namespace overdue::classify_detail {

struct CustomerIndex {
  // Per customer, ascending indices into Ledger::invoices / ::allocations / ::payments.
  std::vector<std::vector<uint32_t>> invoices, allocations, payments;
};
CustomerIndex index_by_customer(const Ledger& ledger);

// The rows of one customer (the same lists as CustomerIndex holds for it).
struct CustomerRows {
  const std::vector<uint32_t>& invoices;
  const std::vector<uint32_t>& allocations;
  const std::vector<uint32_t>& payments;
};

CustomerHistory history_of(const Ledger& ledger, const CustomerRows& rows, int32_t as_of, int threshold_days,
                           const ClassifySettings& s);
ContactSummary contacts_of(const ContactLog& log, const Ledger& ledger, const std::vector<uint32_t>& payments,
                           uint32_t customer, int32_t as_of);

}  // namespace overdue::classify_detail
