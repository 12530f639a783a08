// The settings' "currency" object (issue #17 item 6; settings_json_internal.hpp):
//   "currency": {"reporting": "USD", "rates": {"EUR": 7.8, "CNY": 0.138}}
// Written only when something is set, so every settings file written before stays the same
// bytes. A rate is reporting units per unit of the code, an exact decimal of at most 6 places: in
// the file a number (or its text), with --set the list "EUR:7.8,CNY:0.138".
#include <cmath>

#include "overdue/ledger/currency.hpp"
#include "overdue/text/currency_names.hpp"
#include "overdue/text/utf8.hpp"
#include "overdue/text/value_parsers.hpp"
#include "report/settings_json_internal.hpp"

namespace overdue::settings_detail {

namespace {

// "美元" → "USD"; text that names no currency we know is kept (the ledger keeps such a cell too).
std::string code_of(std::string_view text) {
  text = trim_cell(text);
  const std::string code = currency_code(text);
  return code.empty() ? std::string(text) : code;
}

}  // namespace

bool is_currency_key(std::string_view key) { return key == "currency.reporting" || key == "currency.rates"; }

std::vector<std::string> currency_keys() { return {"currency.reporting", "currency.rates"}; }

nlohmann::ordered_json currency_settings_json(const CurrencySettings& c) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["reporting"] = c.reporting;
  nlohmann::ordered_json rates = nlohmann::ordered_json::object();
  for (const CurrencyRate& r : c.rates)   // the number's shortest text is the rate's exact decimal
    rates[r.code] = static_cast<double>(r.micros) / static_cast<double>(kRateOne);
  out["rates"] = std::move(rates);
  return out;
}

std::string read_currency_settings(const nlohmann::json& v, CurrencySettings& out, std::vector<std::string>& warnings) {
  if (!v.is_object()) return "currency: expected an object {\"reporting\": \"CODE\", \"rates\": {\"CODE\": RATE}}";
  CurrencySettings c = out;
  for (const auto& item : v.items()) {
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    if (key == "reporting") {
      if (!value.is_string()) return "currency.reporting: expected a currency code such as \"CNY\" (\"\" = automatic)";
      c.reporting = code_of(value.get<std::string>());
    } else if (key == "rates") {
      if (!value.is_object()) return "currency.rates: expected an object {\"EUR\": 7.8, …}";
      std::vector<CurrencyRate> rates;
      for (const auto& r : value.items()) {
        const std::string at = "currency.rates." + r.key();
        CurrencyRate rate;
        rate.code = code_of(r.key());
        if (rate.code.empty()) return "currency.rates: a rate needs a currency code";
        bool ok = false;
        if (r.value().is_string()) {
          ok = parse_rate_micros(r.value().get<std::string>(), rate.micros);
        } else if (r.value().is_number()) {
          const double d = r.value().get<double>() * static_cast<double>(kRateOne);
          const double whole = std::round(d);
          ok = d > 0 && d <= static_cast<double>(kMaxRateMicros) && std::fabs(d - whole) < 1e-3;
          rate.micros = ok ? static_cast<int64_t>(whole) : 0;
          ok = ok && rate.micros > 0;
        }
        if (!ok) return at + ": expected a positive rate of at most 6 decimal places, got " + r.value().dump();
        set_rate(rates, rate);
      }
      c.rates = std::move(rates);
    } else {
      warnings.push_back("unknown key 'currency." + key + "' ignored");
    }
  }
  out = std::move(c);
  return "";
}

std::string set_currency_setting(CurrencySettings& c, std::string_view key, std::string_view value) {
  // Kept as written when no currency of the names table: must be text a settings file can hold.
  if (utf8::count_invalid(value, true) != 0) return std::string(key) + ": not valid UTF-8 text";
  if (trim_cell(value) == "null") value = "";   // as for analysis.as_of: back to the default
  if (key == "currency.reporting") {
    c.reporting = code_of(value);
    return "";
  }
  std::vector<CurrencyRate> rates;
  if (std::string e = parse_rate_list(value, rates); !e.empty()) return "currency.rates: " + e;
  c.rates = std::move(rates);
  return "";
}

}  // namespace overdue::settings_detail
