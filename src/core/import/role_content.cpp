// Content checks of the role assignment (role_content.hpp). Each looks at the raw cell text, so
// it works before and after typing and the same in native and wasm.
#include "role_content.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "overdue/text/value_parsers.hpp"
#include "text/string_view_index.hpp"

namespace overdue {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

bool filled(std::string_view cell) { return !is_missing_marker(trim_cell(cell), false); }

}  // namespace

bool is_currency_text(std::string_view cell) {
  static const std::unordered_set<std::string> known = {
      // ISO 4217 codes small businesses meet
      "CNY", "RMB", "USD", "EUR", "HKD", "JPY", "GBP", "AUD", "CAD", "NZD", "SGD", "CHF", "ILS", "INR",
      "KRW", "TWD", "MOP", "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "THB", "MYR", "IDR", "PHP",
      "VND", "AED", "SAR", "PLN", "CZK", "HUF", "TRY", "NGN", "KES", "EGP", "PKR", "BDT", "CLP", "COP",
      "ARS", "PEN",
      // signs and names
      "$", "US$", "USD$", "HK$", "NT$", "A$", "C$", "S$", "¥", "￥", "€", "£", "₪", "₹", "₩",
      "人民币", "元", "美元", "美金", "港币", "港元", "港幣", "欧元", "歐元", "日元", "英镑", "英鎊",
      "澳元", "加元", "新加坡元", "新台币", "台币", "澳门元", "本位币", "本币"};
  const std::string key = upper_ascii(trim_cell(cell));
  return known.count(key) > 0;
}

bool holds_currencies(const Column& column) {
  size_t filled_cells = 0, currencies = 0;
  for (size_t i = 0; i < column.text.size(); ++i) {
    const std::string_view cell = column.text.at(i);
    if (!filled(cell)) continue;
    ++filled_cells;
    if (is_currency_text(cell)) ++currencies;
  }
  // Under three filled cells the values say too little to overrule the header.
  return filled_cells < 3 || currencies * 5 >= filled_cells * 4;
}

bool id_names_several(const Column& ids, const Column& names) {
  // Each id numbered as first seen, with the first name seen with it and whether another followed.
  StringViewIndex by_id;
  std::vector<std::string_view> first_name;
  std::vector<uint8_t> several;
  const size_t rows = std::min(ids.text.size(), names.text.size());
  std::vector<uint32_t> id_of_row(rows, StringViewIndex::kAbsent);  // rows with both filled
  for (size_t i = 0; i < rows; ++i) {
    const std::string_view id = trim_cell(ids.text.at(i)), name = trim_cell(names.text.at(i));
    if (!filled(id) || !filled(name)) continue;
    bool added = false;
    const uint32_t k = by_id.find_or_add(id, added);
    if (added) {
      first_name.push_back(name);
      several.push_back(0);
    } else if (first_name[k] != name) {
      several[k] = 1;
    }
    id_of_row[i] = k;
  }
  size_t both = 0, conflicting = 0;
  for (size_t i = 0; i < rows; ++i) {
    if (id_of_row[i] == StringViewIndex::kAbsent) continue;
    ++both;
    if (several[id_of_row[i]]) ++conflicting;
  }
  return both >= 2 && conflicting * 2 > both;
}

bool distinct_on_nearly_every_row(const Column& column) {
  StringViewIndex seen;
  size_t filled_cells = 0;
  const size_t rows = column.text.size();
  for (size_t i = 0; i < rows; ++i) {
    const std::string_view cell = trim_cell(column.text.at(i));
    if (!filled(cell)) continue;
    ++filled_cells;
    bool added = false;
    seen.find_or_add(cell, added);
    // More repeats than 5 % of all rows: under 95 % distinct whatever the rest holds.
    if ((filled_cells - seen.size()) * 20 > rows) return false;
  }
  return filled_cells >= 20 && seen.size() * 100 >= filled_cells * 95;
}

}  // namespace overdue
