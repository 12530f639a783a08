// A CSV table being written (csv_export.cpp): BOM, header row translated from stable column keys,
// CRLF after every row. The header texts are in the string table (overdue/text/strings.hpp).
#pragma once
#include <initializer_list>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/forecast/forecast.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/report/csv_export.hpp"

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

// forecast.csv (csv_export_forecast.cpp): one row per open invoice, by expected date.
overdue::CsvFile forecast_csv(const Ledger& ledger, const CashForecast& forecast, bool zh);

}  // namespace overdue::csv_detail
