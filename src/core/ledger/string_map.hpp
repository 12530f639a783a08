// A map from text to an index (a customer), for lookups once per row: open addressing over one
// array of (hash, key) slots, the keys' bytes back to back in one pool. A node-based
// std::unordered_map<std::string, …> costs a node and a pointer chase per key, and hashing plus
// a bucket walk per lookup (the customer lookup was 4 % of analysing a million-row ledger).
// Never iterated, so the hash cannot change a result. Not a public header.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::ledger_detail {

class StringIndexMap {
 public:
  static constexpr uint32_t kAbsent = 0xFFFFFFFFu;

  // The value of `key`, or kAbsent.
  uint32_t find(std::string_view key) const {
    if (slots_.empty()) return kAbsent;
    const uint32_t slot = find_slot(key, hash_of(key));
    return slots_[slot].key_plus_one == 0 ? kAbsent : values_[slots_[slot].key_plus_one - 1];
  }
  // Sets `key` to `value` when it has no value (std::unordered_map::emplace: an existing value stays).
  void emplace(std::string_view key, uint32_t value) {
    if (slots_.empty() || 2 * (values_.size() + 1) > slots_.size()) grow();
    const uint32_t h = hash_of(key);
    Slot& s = slots_[find_slot(key, h)];
    if (s.key_plus_one != 0) {
      uint32_t& v = values_[s.key_plus_one - 1];
      if (v == kAbsent) v = value;
      return;
    }
    pool_.append(key.data(), key.size());
    key_end_.push_back(pool_.size());
    values_.push_back(value);
    s.hash = h;
    s.key_plus_one = static_cast<uint32_t>(values_.size());
  }
  // Removes the key's value (the key keeps its slot; a later emplace gives it a value again).
  void erase(std::string_view key) {
    if (slots_.empty()) return;
    const Slot& s = slots_[find_slot(key, hash_of(key))];
    if (s.key_plus_one != 0) values_[s.key_plus_one - 1] = kAbsent;
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t key_plus_one = 0;   // 0: empty
  };
  std::vector<Slot> slots_;         // size a power of two, at most half full
  std::string pool_;                // the keys' bytes, key k is [key_end_[k - 1], key_end_[k])
  std::vector<size_t> key_end_;
  std::vector<uint32_t> values_;    // by key; kAbsent after erase

  static uint32_t hash_of(std::string_view key) {
    const uint64_t h = std::hash<std::string_view>{}(key);
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  std::string_view key_at(uint32_t k) const {
    const size_t begin = k == 0 ? 0 : key_end_[k - 1];
    return std::string_view(pool_).substr(begin, key_end_[k] - begin);
  }
  // The slot holding `key`, else the empty slot where it would go.
  uint32_t find_slot(std::string_view key, uint32_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key_plus_one == 0 || (s.hash == h && key_at(s.key_plus_one - 1) == key)) return static_cast<uint32_t>(i);
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key_plus_one == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].key_plus_one != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

}  // namespace overdue::ledger_detail
