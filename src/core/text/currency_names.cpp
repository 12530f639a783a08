// The currency names table (currency_names.hpp). One row per currency: its ISO code, the sign
// shown before amounts, and the names and signs exports write in a currency (币别/币种/Currency)
// column. ¥ alone is read as CNY (the tool's users are mostly Chinese businesses; JPY is 日元/円/
// JP¥). Extend the table by adding a row or a name; matching is exact after trimming, removing
// spaces and upper-casing ASCII.
#include "overdue/text/currency_names.hpp"

#include <initializer_list>

#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

struct CurrencyRow {
  const char* code;
  const char* symbol;
  std::initializer_list<const char*> names;   // upper-cased ASCII, no spaces
};

const CurrencyRow kCurrencies[] = {
    {"CNY", "¥", {"人民币", "人民幣", "RMB", "￥", "¥", "CN¥", "元", "RENMINBI", "YUAN", "CNH"}},
    {"USD", "$", {"美元", "美金", "US$", "$", "USDOLLAR", "U.S.DOLLAR", "DOLLAR", "美圆"}},
    {"HKD", "HK$", {"港币", "港元", "港幣", "HK$", "HONGKONGDOLLAR"}},
    {"EUR", "€", {"欧元", "歐元", "€", "EURO"}},
    {"JPY", "JP¥", {"日元", "日圓", "日圆", "円", "JP¥", "YEN"}},
    {"GBP", "£", {"英镑", "英鎊", "£", "POUND", "POUNDSTERLING"}},
    {"AUD", "A$", {"澳元", "澳大利亚元", "A$", "AUSTRALIANDOLLAR"}},
    {"CAD", "C$", {"加元", "加拿大元", "C$", "CANADIANDOLLAR"}},
    {"SGD", "S$", {"新加坡元", "新币", "S$", "SINGAPOREDOLLAR"}},
    {"TWD", "NT$", {"新台币", "新台幣", "台币", "NT$"}},
    {"MOP", "MOP$", {"澳门元", "澳門元", "澳门币", "MOP$"}},
    {"KRW", "₩", {"韩元", "韓元", "₩", "WON"}},
    {"CHF", "", {"瑞士法郎", "SWISSFRANC"}},
    {"INR", "₹", {"印度卢比", "卢比", "₹", "RUPEE"}},
    {"ILS", "₪", {"以色列新谢克尔", "谢克尔", "₪", "SHEKEL"}},
    {"RUB", "₽", {"卢布", "俄罗斯卢布", "₽", "RUBLE"}},
    {"THB", "", {"泰铢", "BAHT"}},   // the baht sign (U+0E3F) is in neither of the page's fonts
    {"MYR", "RM", {"林吉特", "马来西亚林吉特", "RINGGIT"}},
    {"VND", "₫", {"越南盾", "₫", "DONG"}},
    {"NZD", "NZ$", {"新西兰元", "纽元", "NZ$"}},
};

// Upper-cased ASCII, spaces (ASCII, no-break, ideographic) removed.
std::string key_of(std::string_view cell) {
  const std::string_view t = trim_cell(cell);
  std::string key;
  key.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ' ' || c == '\t') continue;
    if (t.compare(i, 2, "\xC2\xA0") == 0) { ++i; continue; }
    if (t.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }
    key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (key.size() > 1 && key.back() == 'S' && key.compare(0, 2, "US") != 0) {
    // "Dollars", "Euros", "Pounds": the plural names the same currency.
    const std::string singular = key.substr(0, key.size() - 1);
    for (const CurrencyRow& row : kCurrencies)
      for (const char* name : row.names)
        if (singular == name) return singular;
  }
  return key;
}

bool is_iso_shape(std::string_view key) {
  if (key.size() != 3) return false;
  for (const char c : key)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace

std::string currency_code(std::string_view cell) {
  const std::string key = key_of(cell);
  if (key.empty()) return {};
  for (const CurrencyRow& row : kCurrencies) {
    if (key == row.code) return row.code;
    for (const char* name : row.names)
      if (key == name) return row.code;
  }
  return is_iso_shape(key) ? key : std::string();
}

bool is_known_currency(std::string_view code) {
  for (const CurrencyRow& row : kCurrencies)
    if (code == row.code) return true;
  return false;
}

std::string currency_symbol(std::string_view code) {
  if (code.empty()) return {};
  for (const CurrencyRow& row : kCurrencies)
    if (code == row.code && row.symbol[0] != '\0') return row.symbol;
  return std::string(code) + " ";
}

}  // namespace overdue
