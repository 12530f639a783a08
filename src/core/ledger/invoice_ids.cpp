// Invoice ids (issue #3): payments that name an invoice find it here, and duplicate ids of one
// customer are noted (both invoices are kept: two documents may share a number).
// Hash maps keyed by (customer, id) rather than a sort: one probe per invoice instead of ~20
// string comparisons scattered over a million invoices. The maps are only looked up, never
// iterated, and groups are numbered in file order, so results do not depend on the hash.
#include <algorithm>

#include "ledger/internal.hpp"

namespace overdue::ledger_detail {

void InvoiceGroupIndex::reset(size_t expected_keys) {
  keys_.clear();
  keys_.reserve(expected_keys);
  size_t n = 16;
  while (n < 2 * expected_keys) n *= 2;
  slots_.assign(n, Slot{});
}

uint32_t InvoiceGroupIndex::hash_of(const InvoiceKey& key) {
  // FNV-1a over the id, then the customer mixed in (splitmix's finaliser spreads the bits).
  uint64_t h = 1469598103934665603ull;
  for (const char c : key.id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h ^= static_cast<uint64_t>(key.customer) * 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return static_cast<uint32_t>(h ^ (h >> 31));
}

void InvoiceGroupIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.group_plus_one == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].group_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t InvoiceGroupIndex::find_or_add(const InvoiceKey& key, bool& added) {
  if (slots_.empty() || 2 * (keys_.size() + 1) > slots_.size()) grow();
  const uint32_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.group_plus_one == 0) {
      s.hash = h;
      s.group_plus_one = static_cast<uint32_t>(keys_.size() + 1);
      keys_.push_back(key);
      added = true;
      return s.group_plus_one - 1;
    }
    if (s.hash == h && keys_[s.group_plus_one - 1] == key) {
      added = false;
      return s.group_plus_one - 1;
    }
  }
}

int64_t InvoiceGroupIndex::find(const InvoiceKey& key) const {
  if (slots_.empty()) return -1;
  const uint32_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.group_plus_one == 0) return -1;
    if (s.hash == h && keys_[s.group_plus_one - 1] == key) return s.group_plus_one - 1;
  }
}

void index_invoice_ids(Draft& draft) {
  InvoiceIdIndexer indexer(draft);
  for (Budget budget = Budget::unbounded(); indexer.step(budget) == Step::more;) budget = Budget::unbounded();
}

InvoiceIdIndexer::InvoiceIdIndexer(Draft& draft) : draft_(draft) {
  const auto n = draft.ledger.invoices.size();
  draft.invoice_group.reset(n);
  group_of_.resize(n);
  group_size_.reserve(n);
}

Step InvoiceIdIndexer::step(Budget& budget) {
  const std::vector<Invoice>& inv = draft_.ledger.invoices;
  const TextPool& text = draft_.ledger.text;
  const size_t n = inv.size();
  const size_t work = static_cast<size_t>(std::min<uint64_t>(budget.units, SIZE_MAX));
  const size_t end = next_ + std::min(std::max<size_t>(work, 1), n - next_);
  budget.spend(end - next_);
  for (; next_ < end; ++next_) {
    bool added = false;
    const uint32_t g = draft_.invoice_group.find_or_add(InvoiceKey{inv[next_].customer, text.view(inv[next_].id)}, added);
    if (added) group_size_.push_back(0);
    group_of_[next_] = g;
    ++group_size_[g];
  }
  if (next_ < n) return Step::more;
  finish();
  return Step::done;
}

double InvoiceIdIndexer::progress() const {
  const size_t n = draft_.ledger.invoices.size();
  return n == 0 ? 1.0 : static_cast<double>(next_) / static_cast<double>(n);
}

void InvoiceIdIndexer::finish() {
  Draft& draft = draft_;
  const std::vector<Invoice>& inv = draft.ledger.invoices;
  const auto n = static_cast<uint32_t>(inv.size());
  std::vector<uint32_t>& group_of = group_of_;
  std::vector<uint32_t>& group_size = group_size_;
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
    std::sort(begin, end, [&](uint32_t a, uint32_t b) { return fifo_before(draft.ledger.text, inv[a], a, inv[b], b); });
    const Invoice& first = inv[*begin];
    draft.log.note("duplicate invoice ids", "invoice id " + std::string(draft.ledger.invoice_id(first)) + " appears " + std::to_string(group_size[g]) +
                                                " times for customer " + draft.ledger.customers[first.customer].name +
                                                " (all kept)");
  }
}

void bind_named_payment(Draft& draft, uint32_t p) {
  const Payment& pay = draft.ledger.payments[p];
  const std::string_view named = draft.ledger.named_invoice_id(pay);
  const int64_t group = draft.invoice_group.find(InvoiceKey{pay.customer, named});
  if (group < 0) {
    draft.log.note("payment names an unknown invoice",
                   "payment at " + draft.file_names[pay.source.file] + " line " + std::to_string(pay.source.line) +
                       " names invoice " + std::string(named) + ", which customer " +
                       draft.ledger.customers[pay.customer].name + " does not have: applied FIFO");
    return;
  }
  draft.targets[p].named_begin = draft.group_start[static_cast<size_t>(group)];
  draft.targets[p].named_end = draft.group_start[static_cast<size_t>(group) + 1];
}

int64_t customer_of_invoice_id(Draft& draft, std::string_view id) {
  const std::vector<Invoice>& inv = draft.ledger.invoices;
  if (draft.customer_by_invoice_id.empty() && !inv.empty()) {   // built on first use
    for (const Invoice& v : inv) {
      const auto [it, added] = draft.customer_by_invoice_id.emplace(draft.ledger.invoice_id(v), v.customer);
      if (!added && it->second != static_cast<int64_t>(v.customer)) it->second = -1;
    }
  }
  const auto it = draft.customer_by_invoice_id.find(id);
  return it == draft.customer_by_invoice_id.end() ? -1 : it->second;
}

}  // namespace overdue::ledger_detail
