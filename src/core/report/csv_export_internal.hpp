// A CSV table being written (csv_export.cpp): BOM, header row translated from stable column keys,
// CRLF after every row. The header texts are in the string table (overdue/text/strings.hpp).
#pragma once
#include <initializer_list>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::csv_detail {

// The header text of a column key ("customer_id" → "客户编号" / "Customer ID"), or nullptr when the
// table has no text for it (the key is written then).
const char* header_text(std::string_view key, bool zh);

class CsvTable {
 public:
  CsvTable(bool zh, std::initializer_list<const char*> keys);
  void row(std::initializer_list<std::string> cells);
  void row(const std::vector<std::string>& cells);  // a row built up cell by cell
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

}  // namespace overdue::csv_detail
