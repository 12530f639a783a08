// Distinct texts numbered in the order first seen: open addressing over one array of (hash,
// number) slots, the keys kept as views (the caller keeps their bytes alive and unchanged). For
// passes over a column's million cells, where a node-based std::unordered_map / unordered_set of
// string_view made a node (an allocation) per distinct cell. Lookups only, never iterated, so the
// hash cannot change a result. Not a public header.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace overdue {

class StringViewIndex {
 public:
  static constexpr uint32_t kAbsent = 0xFFFFFFFFu;

  void reserve(size_t keys) {
    size_t n = 16;
    while (n < 2 * keys) n *= 2;
    if (n > slots_.size()) rehash(n);
    keys_.reserve(keys);
  }
  size_t size() const { return keys_.size(); }
  // The key's number; a new key gets number size() (then `added` is true).
  uint32_t find_or_add(std::string_view key, bool& added) {
    if (slots_.empty() || 2 * (keys_.size() + 1) > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const uint32_t h = hash_of(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.number_plus_one == 0) {
        keys_.push_back(key);
        s.hash = h;
        s.number_plus_one = static_cast<uint32_t>(keys_.size());
        added = true;
        return s.number_plus_one - 1;
      }
      if (s.hash == h && keys_[s.number_plus_one - 1] == key) {
        added = false;
        return s.number_plus_one - 1;
      }
    }
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t number_plus_one = 0;  // 0: empty
  };
  std::vector<Slot> slots_;             // size a power of two, at most half full
  std::vector<std::string_view> keys_;  // by number

  static uint32_t hash_of(std::string_view key) {
    const uint64_t h = std::hash<std::string_view>{}(key);
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  void rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    const size_t mask = n - 1;
    for (const Slot& s : old) {
      if (s.number_plus_one == 0) continue;
      size_t i = s.hash & mask;
      while (slots_[i].number_plus_one != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
};

}  // namespace overdue
