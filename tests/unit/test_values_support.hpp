// Helpers of the issue #17 value tests (identifiers, date forms, unreadable cells): typing one
// column alone, and the open amount per customer of a ledger built from fixtures.
#pragma once
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "import/column_typing.hpp"
#include "test_ledger_support.hpp"

namespace values_test {

using namespace overdue;

struct Typed {
  Column col;
  ColumnTypingResult result;
  std::vector<uint64_t> lines;
};

inline Typed type_cells(const std::string& name, const std::vector<std::string>& cells, bool money = false) {
  Typed t;
  t.col.name = name;
  t.col.money = money;
  for (size_t i = 0; i < cells.size(); ++i) {
    t.col.text.push(cells[i]);
    t.lines.push_back(i + 2);
  }
  ColumnTypingContext ctx;
  ctx.row_line = &t.lines;
  t.result = type_column(t.col, ctx);
  return t;
}

inline const Column& column_named(const ImportedFile& f, const std::string& name) {
  for (const Column& c : f.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return f.columns.front();
}

// Open cents per Customer::id once every payment is applied.
inline std::map<std::string, int64_t> open_by_customer(const Ledger& l) {
  std::map<std::string, int64_t> open;
  for (size_t i = 0; i < l.invoices.size(); ++i) open[l.customers[l.invoices[i].customer].id] += ledger_test::open_at_end(l, i);
  return open;
}

}  // namespace values_test
