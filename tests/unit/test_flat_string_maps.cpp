// The flat text maps of issue #19 (native performance): the ledger's StringIndexMap (customers by id
// and by name) and the import's StringViewIndex (distinct cells). They replace node-based
// std::unordered_map / unordered_set, so each must answer exactly as those did, through growth.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ledger/string_map.hpp"
#include "text/string_view_index.hpp"

using overdue::StringViewIndex;
using overdue::ledger_detail::StringIndexMap;

TEST_CASE("StringIndexMap: find, emplace keeps a value, erase and emplace again, through growth") {
  StringIndexMap m;
  constexpr uint32_t kAbsent = StringIndexMap::kAbsent;
  CHECK(m.find("a") == kAbsent);   // empty map
  m.erase("a");                    // nothing to erase: no effect
  m.emplace("a", 1);
  m.emplace("a", 2);               // like unordered_map::emplace: the first value stays
  CHECK(m.find("a") == 1);
  m.erase("a");
  CHECK(m.find("a") == kAbsent);
  m.emplace("a", 3);               // the erased key takes a new value
  CHECK(m.find("a") == 3);
  CHECK(m.find("") == kAbsent);
  m.emplace("", 4);                // the empty text is a key like any other
  CHECK(m.find("") == 4);
  // Thousands of keys (many growths), including keys that are prefixes of one another.
  for (uint32_t k = 0; k < 5000; ++k) m.emplace("C" + std::to_string(k), k + 10);
  for (uint32_t k = 0; k < 5000; ++k) REQUIRE(m.find("C" + std::to_string(k)) == k + 10);
  CHECK(m.find("C5000") == kAbsent);
  CHECK(m.find("a") == 3);
  CHECK(m.find("") == 4);
}

TEST_CASE("StringViewIndex: distinct texts numbered in the order first seen, through growth") {
  StringViewIndex index;
  std::vector<std::string> keys;
  for (int k = 0; k < 3000; ++k) keys.push_back("INV-" + std::to_string(k % 1000));  // each three times
  for (size_t k = 0; k < keys.size(); ++k) {
    bool added = false;
    const uint32_t number = index.find_or_add(keys[k], added);
    CHECK(number == k % 1000);
    CHECK(added == (k < 1000));
  }
  CHECK(index.size() == 1000);
  StringViewIndex reserved;
  reserved.reserve(10);
  bool added = false;
  CHECK(reserved.find_or_add("x", added) == 0);
  CHECK(added);
  CHECK(reserved.find_or_add("y", added) == 1);
  CHECK(reserved.find_or_add("x", added) == 0);
  CHECK_FALSE(added);
}
