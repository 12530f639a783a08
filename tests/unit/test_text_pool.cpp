// TextPool (include/overdue/ledger/text_pool.hpp): the ledger's invoice ids held once.
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include "overdue/ledger/text_pool.hpp"

using namespace overdue;

TEST_CASE("text pool: views stay valid while texts are added across blocks") {
  TextPool pool;
  CHECK(pool.add("").empty());
  CHECK(pool.view(TextRef{}).empty());
  std::vector<TextRef> refs;
  std::vector<std::string_view> early;
  // ~3 MB of ids: several 1 MiB blocks, and one text longer than a block in the middle.
  for (int i = 0; i < 200000; ++i) {
    const std::string id = i == 1000 ? std::string(3u << 20, 'x') : "INV-" + std::to_string(i);
    refs.push_back(pool.add(id));
    if (i < 2000) early.push_back(pool.view(refs.back()));
  }
  CHECK(pool.size() == 200000);
  CHECK(pool.view(refs[0]) == "INV-0");
  CHECK(pool.view(refs[1000]).size() == (3u << 20));
  CHECK(pool.view(refs[1001]) == "INV-1001");
  CHECK(pool.view(refs[199999]) == "INV-199999");
  for (size_t i = 0; i < early.size(); ++i) CHECK(early[i].data() == pool.view(refs[i]).data());   // never moved

  const TextPool copy = pool;   // a copy: the same refs name the same texts, in its own bytes
  CHECK(copy.size() == pool.size());
  CHECK(copy.view(refs[123456]) == "INV-123456");
  CHECK(copy.view(refs[5]).data() != pool.view(refs[5]).data());
  TextPool moved = std::move(pool);
  CHECK(moved.view(refs[0]).data() == early[0].data());   // a move keeps the bytes where they are
  CHECK(pool.size() == 0);   // NOLINT(bugprone-use-after-move): moved-from is empty and usable
  CHECK(pool.view(pool.add("again")) == "again");
}
