// Writing, reading and --set of the settings document (settings_json.hpp). Every value goes
// through the field table (settings_json_fields.cpp), so the three cannot disagree about a key.
// nlohmann's ordered_json keeps the key order; its number output (its own shortest-round-trip
// double formatting, no locale, no printf) is the same natively and in wasm.
//
// [SECTION] writing: the document from the field table
// [SECTION] the pretty form
// [SECTION] reading: values, choices, bands, with their errors
// [SECTION] reading: mappings, letters, nested objects
// [SECTION] --set: a value from text
// [SECTION] entry points
#include "overdue/report/settings_json.hpp"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "overdue/report/analysis_json.hpp"
#include "report/settings_json_internal.hpp"
#include "overdue/text/lang.hpp"

namespace overdue {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using settings_detail::Field;
using settings_detail::FieldKind;

constexpr const char* kTextSizeNames[] = {"s", "m", "l"};  // ui.text_size
constexpr int32_t kNoLowerBound = std::numeric_limits<int32_t>::min();

// [SECTION] writing: the document from the field table -------------------------------------------

ordered_json value_json(const Field& f, AnalysisSettings& s) {
  void* p = f.ref(s);
  switch (f.kind) {
    case FieldKind::integer: return *static_cast<int*>(p);
    case FieldKind::number: return *static_cast<double*>(p);
    case FieldKind::language: return lang_name(*static_cast<Lang*>(p));
    case FieldKind::step: return replay_step_name(*static_cast<ReplayStep*>(p));
    case FieldKind::allowance_method: return allowance_method_name(*static_cast<AllowanceMethod*>(p));
    case FieldKind::date_or_null: {
      const int32_t d = *static_cast<int32_t*>(p);
      return d == kMissingDays ? ordered_json(nullptr) : ordered_json(iso_date_text(d));
    }
    case FieldKind::int_list: return *static_cast<std::vector<int>*>(p);
    case FieldKind::bands: {
      ordered_json list = ordered_json::array();
      for (const AllowanceBand& b : *static_cast<std::vector<AllowanceBand>*>(p)) {
        ordered_json band = ordered_json::object();
        band["label"] = b.label;
        band["from"] = b.from == kNoLowerBound ? ordered_json(nullptr) : ordered_json(b.from);
        band["rate_bp"] = b.rate_bp;
        list.push_back(std::move(band));
      }
      return list;
    }
    case FieldKind::boolean: return *static_cast<bool*>(p);
    case FieldKind::text: return *static_cast<std::string*>(p);
    case FieldKind::date_swap: return *static_cast<bool*>(p) ? "keep" : "swap";
    case FieldKind::text_size: return kTextSizeNames[std::clamp(*static_cast<int*>(p), 0, 2)];
  }
  return nullptr;
}

// Fields added after the document's first version are left out at their default, so the settings
// of someone who never touched them are written as before.
bool written(const Field& f, AnalysisSettings& s) {
  if (f.kind == FieldKind::boolean || f.kind == FieldKind::date_swap) return *static_cast<bool*>(f.ref(s));
  if (std::string_view(f.key) == "credit.warning_share")   // issue #20 §4
    return *static_cast<double*>(f.ref(s)) != AnalysisSettings::Credit{}.warning_share;
  if (f.kind == FieldKind::text) return !static_cast<std::string*>(f.ref(s))->empty();
  if (f.kind == FieldKind::text_size) return *static_cast<int*>(f.ref(s)) != 0;
  return true;
}

ordered_json settings_document(const AnalysisSettings& settings) {
  AnalysisSettings s = settings;  // the field refs are non-const
  ordered_json doc = ordered_json::object();
  doc["format"] = kSettingsFormat;
  doc["version"] = kSettingsVersion;
  for (const Field& f : settings_detail::fields()) {
    if (!written(f, s)) continue;
    ordered_json* node = &doc;
    std::string key = f.key;
    for (size_t dot; (dot = key.find('.')) != std::string::npos; key = key.substr(dot + 1))
      node = &(*node)[key.substr(0, dot)];
    (*node)[key] = value_json(f, s);
  }
  ordered_json mappings = ordered_json::array();
  for (const RoleOverride& r : s.mappings) {
    ordered_json m = ordered_json::object();
    m["file"] = r.file;
    m["role"] = std::string(role_override_name(r.role));
    m["column"] = r.column;
    if (!r.signature.empty()) m["signature"] = r.signature;  // the page's remembered choices only
    mappings.push_back(std::move(m));
  }
  doc["mappings"] = std::move(mappings);
  if (s.letters != LetterTemplates{}) {
    ordered_json letters = ordered_json::object();
    letters["temporary"] = s.letters.temporary;
    letters["structural"] = s.letters.structural;
    letters["stubborn"] = s.letters.stubborn;
    letters["company"] = s.letters.company;
    letters["contact"] = s.letters.contact;
    doc["letters"] = std::move(letters);
  }
  if (s.ledger.currency != CurrencySettings{}) doc["currency"] = settings_detail::currency_settings_json(s.ledger.currency);
  return doc;
}

// [SECTION] the pretty form ----------------------------------------------------------------------

// Pretty form for people who edit the file: sections on their own lines, lists of numbers on one
// line ("bucket_edges": [30, 60, 90, 180]) and each allowance band or mapping on one line.
std::string scalar_text(const ordered_json& v) { return v.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

std::string inline_text(const ordered_json& v) {
  if (v.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + inline_text(v[i]);
    return out + "]";
  }
  if (v.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& item : v.items()) {
      out += (first ? "" : ", ") + scalar_text(item.key()) + ": " + inline_text(item.value());
      first = false;
    }
    return out + "}";
  }
  return scalar_text(v);
}

std::string pretty_text(const ordered_json& v, const std::string& indent) {
  const std::string inner = indent + "  ";
  if (v.is_object() && !v.empty()) {
    std::string out = "{\n";
    bool first = true;
    for (const auto& item : v.items()) {
      out += (first ? "" : ",\n") + inner + scalar_text(item.key()) + ": " + pretty_text(item.value(), inner);
      first = false;
    }
    return out + "\n" + indent + "}";
  }
  bool nested = false;
  if (v.is_array())
    for (const auto& e : v) nested = nested || e.is_structured();
  if (nested) {
    std::string out = "[\n";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ",\n" : "") + inner + inline_text(v[i]);
    return out + "\n" + indent + "]";
  }
  return inline_text(v);
}

// [SECTION] reading: values, choices, bands, with their errors -----------------------------------

std::string type_error(const Field& f, const char* expected, const json& v) {
  return std::string(f.key) + ": expected " + expected + ", got " +
         v.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Reads a whole number in [lo, hi] (the range check first, so a huge value cannot overflow int).
std::string read_int(const Field& f, const json& v, double lo, double hi, int& out) {
  if (!v.is_number_integer()) return type_error(f, "a whole number", v);
  const double d = v.get<double>();
  if (d < lo || d > hi) return settings_detail::range_error(f, d);
  out = static_cast<int>(v.get<int64_t>());
  return "";
}

std::string read_choice(const Field& f, const json& v, std::initializer_list<const char*> choices, size_t& index) {
  std::string list;
  for (const char* c : choices) list += std::string(list.empty() ? "" : " or ") + "\"" + c + "\"";
  if (!v.is_string()) return type_error(f, list.c_str(), v);
  const std::string text = v.get<std::string>();
  index = 0;
  for (const char* c : choices) {
    if (text == c) return "";
    ++index;
  }
  return type_error(f, list.c_str(), v);
}

std::string read_bands(const Field& f, const json& v, std::vector<AllowanceBand>& out,
                       std::vector<std::string>& warnings) {
  if (!v.is_array()) return type_error(f, "a list of bands {\"label\",\"from\",\"rate_bp\"}", v);
  std::vector<AllowanceBand> bands;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& b = v[i];
    const std::string at = std::string(f.key) + "[" + std::to_string(i) + "]";
    if (!b.is_object()) return at + ": expected an object {\"label\",\"from\",\"rate_bp\"}";
    for (const auto& item : b.items())
      if (item.key() != "label" && item.key() != "from" && item.key() != "rate_bp")
        warnings.push_back("unknown key '" + at + "." + item.key() + "' ignored");
    if (!b.contains("label") || !b["label"].is_string()) return at + ".label: expected a text";
    if (!b.contains("from") || !(b["from"].is_null() || b["from"].is_number_integer()))
      return at + ".from: expected a whole number or null";
    if (!b.contains("rate_bp") || !b["rate_bp"].is_number_integer())
      return at + ".rate_bp: expected a whole number";
    AllowanceBand band;
    band.label = b["label"].get<std::string>();
    if (b["from"].is_null()) {
      band.from = kNoLowerBound;
    } else {
      const double from = b["from"].get<double>();
      if (from < -1e6 || from > 1e6) return at + ".from: out of range";
      band.from = static_cast<int>(from);
    }
    const double rate = b["rate_bp"].get<double>();
    if (rate < 0 || rate > 10000) return at + ".rate_bp: expected a whole number in [0, 10000], got " + b["rate_bp"].dump();
    band.rate_bp = static_cast<int>(rate);
    bands.push_back(band);
  }
  out = std::move(bands);
  return "";
}

// Stores one JSON value into the field; type and per-value range checked here, cross-field rules
// by validate_settings afterwards.
std::string apply_value(const Field& f, const json& v, AnalysisSettings& s, std::vector<std::string>& warnings) {
  void* p = f.ref(s);
  switch (f.kind) {
    case FieldKind::integer: return read_int(f, v, f.lo, f.hi, *static_cast<int*>(p));
    case FieldKind::number: {
      if (!v.is_number()) return type_error(f, "a number", v);
      const double d = v.get<double>();
      if (!(d >= f.lo && d <= f.hi)) return settings_detail::range_error(f, d);
      *static_cast<double*>(p) = d;
      return "";
    }
    case FieldKind::language: {
      size_t i = 0;
      if (std::string e = read_choice(f, v, {lang_name(Lang::zh), lang_name(Lang::en)}, i); !e.empty()) return e;
      *static_cast<Lang*>(p) = i == 0 ? Lang::zh : Lang::en;
      return "";
    }
    case FieldKind::step: {
      size_t i = 0;
      if (std::string e = read_choice(f, v, {"day", "week", "month"}, i); !e.empty()) return e;
      *static_cast<ReplayStep*>(p) = i == 0 ? ReplayStep::day : i == 1 ? ReplayStep::week : ReplayStep::month;
      return "";
    }
    case FieldKind::allowance_method: {
      size_t i = 0;
      if (std::string e = read_choice(f, v, {"dpd_bucket", "invoice_age_years"}, i); !e.empty()) return e;
      *static_cast<AllowanceMethod*>(p) = i == 0 ? AllowanceMethod::dpd_bucket : AllowanceMethod::invoice_age_years;
      return "";
    }
    case FieldKind::date_or_null: {
      if (v.is_null()) {
        *static_cast<int32_t*>(p) = kMissingDays;
        return "";
      }
      const int32_t d = v.is_string() ? iso_date_days(v.get<std::string>()) : kMissingDays;
      if (d == kMissingDays) return type_error(f, "a date \"YYYY-MM-DD\" or null (the latest date in the data)", v);
      *static_cast<int32_t*>(p) = d;
      return "";
    }
    case FieldKind::int_list: {
      if (!v.is_array()) return type_error(f, "a list of whole numbers", v);
      std::vector<int> list(v.size());
      for (size_t i = 0; i < v.size(); ++i)
        if (std::string e = read_int(f, v[i], f.lo, f.hi, list[i]); !e.empty()) return e;
      *static_cast<std::vector<int>*>(p) = std::move(list);
      return "";
    }
    case FieldKind::bands: return read_bands(f, v, *static_cast<std::vector<AllowanceBand>*>(p), warnings);
    case FieldKind::boolean:
      if (!v.is_boolean()) return type_error(f, "true or false", v);
      *static_cast<bool*>(p) = v.get<bool>();
      return "";
    case FieldKind::text:
      if (!v.is_string()) return type_error(f, "a text", v);
      *static_cast<std::string*>(p) = v.get<std::string>();
      return "";
    case FieldKind::date_swap: {
      size_t i = 0;
      if (std::string e = read_choice(f, v, {"swap", "keep"}, i); !e.empty()) return e;
      *static_cast<bool*>(p) = i == 1;
      return "";
    }
    case FieldKind::text_size: {
      size_t i = 0;
      if (std::string e = read_choice(f, v, {"s", "m", "l"}, i); !e.empty()) return e;
      *static_cast<int*>(p) = static_cast<int>(i);
      return "";
    }
  }
  return "";
}

// [SECTION] reading: mappings, letters, nested objects -------------------------------------------

std::string read_mappings(const json& v, std::vector<RoleOverride>& out, std::vector<std::string>& warnings) {
  if (!v.is_array()) return "mappings: expected a list of {\"file\",\"role\",\"column\"}";
  std::vector<RoleOverride> list;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& m = v[i];
    const std::string at = "mappings[" + std::to_string(i) + "]";
    if (!m.is_object()) return at + ": expected an object {\"file\",\"role\",\"column\"}";
    RoleOverride r;
    std::string role;
    for (const auto& item : m.items()) {
      std::string* target = item.key() == "file" ? &r.file : item.key() == "role" ? &role
                            : item.key() == "column" ? &r.column
                            : item.key() == "signature" ? &r.signature : nullptr;
      if (!target) {
        warnings.push_back("unknown key '" + at + "." + item.key() + "' ignored");
        continue;
      }
      if (!item.value().is_string()) return at + "." + item.key() + ": expected a text";
      *target = item.value().get<std::string>();
    }
    if (role != "none" && !parse_role(role, r.role)) return at + ".role: unknown role '" + role + "'";
    list.push_back(std::move(r));
  }
  out = std::move(list);
  return "";
}

// "letters": {"temporary": "…", …}: texts; a missing key keeps its value.
std::string read_letters(const json& v, LetterTemplates& out, std::vector<std::string>& warnings) {
  if (!v.is_object()) return "letters: expected an object {\"temporary\",\"structural\",\"stubborn\",\"company\",\"contact\"}";
  LetterTemplates t = out;
  for (const auto& item : v.items()) {
    const std::string& k = item.key();
    std::string* target = k == "temporary" ? &t.temporary : k == "structural" ? &t.structural
                          : k == "stubborn" ? &t.stubborn : k == "company" ? &t.company
                          : k == "contact" ? &t.contact : nullptr;
    if (!target) {
      warnings.push_back("unknown key 'letters." + k + "' ignored");
      continue;
    }
    if (!item.value().is_string()) return "letters." + k + ": expected a text";
    *target = item.value().get<std::string>();
  }
  out = std::move(t);
  return "";
}

// True when some field lives under "path." (an object of the document, not a value).
bool is_section(const std::string& path) {
  const std::string prefix = path + ".";
  for (const Field& f : settings_detail::fields())
    if (std::string(f.key).compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

std::string read_object(const json& obj, const std::string& prefix, AnalysisSettings& s, SettingsLoadResult& r) {
  for (const auto& item : obj.items()) {
    const std::string& key = item.key();
    const json& v = item.value();
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (prefix.empty() && key == "format") {
      if (!v.is_string() || v.get<std::string>() != kSettingsFormat)
        return std::string("format: expected \"") + kSettingsFormat + "\" (not an OverdueLens settings file)";
    } else if (prefix.empty() && key == "version") {
      if (!v.is_number_integer() || v.get<double>() < 1) return "version: expected a whole number ≥ 1";
      if (v.get<double>() > kSettingsVersion)
        r.warnings.push_back("version " + v.dump() + " is newer than this build reads (" +
                             std::to_string(kSettingsVersion) + "); unknown keys are ignored");
    } else if (prefix.empty() && key == "mappings") {
      if (std::string e = read_mappings(v, s.mappings, r.warnings); !e.empty()) return e;
    } else if (prefix.empty() && key == "letters") {
      if (std::string e = read_letters(v, s.letters, r.warnings); !e.empty()) return e;
    } else if (prefix.empty() && key == "currency") {
      if (std::string e = settings_detail::read_currency_settings(v, s.ledger.currency, r.warnings); !e.empty()) return e;
    } else if (const Field* f = settings_detail::find_field(path)) {
      if (std::string e = apply_value(*f, v, s, r.warnings); !e.empty()) return e;
    } else if (is_section(path)) {
      if (!v.is_object()) return path + ": expected an object";
      if (std::string e = read_object(v, path, s, r); !e.empty()) return e;
    } else {
      r.warnings.push_back("unknown key '" + path + "' ignored");
    }
  }
  return "";
}

// [SECTION] --set: a value from text -------------------------------------------------------------

// "not_due::100,1-30:1:300" → bands (the last two ':' split, so a label may contain ':').
std::string bands_from_text(const Field& f, std::string_view text, json& out) {
  out = json::array();
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const size_t comma = text.find(',', start);
    const std::string part(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    const size_t c2 = part.rfind(':');
    const size_t c1 = c2 == std::string::npos || c2 == 0 ? std::string::npos : part.rfind(':', c2 - 1);
    if (c1 == std::string::npos)
      return std::string(f.key) + ": expected LABEL:FROM:RATE_BP,… (FROM empty = no lower bound), got '" + part + "'";
    const std::string from = part.substr(c1 + 1, c2 - c1 - 1), rate = part.substr(c2 + 1);
    json band = json::object();
    band["label"] = part.substr(0, c1);
    band["from"] = from.empty() ? json(nullptr) : json::parse(from, nullptr, false);
    band["rate_bp"] = json::parse(rate, nullptr, false);
    if (band["from"].is_discarded() || band["rate_bp"].is_discarded())
      return std::string(f.key) + ": expected whole numbers in '" + part + "'";
    out.push_back(std::move(band));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return "";
}

}  // namespace

// [SECTION] entry points -------------------------------------------------------------------------

std::string settings_json(const AnalysisSettings& s) {
  return pretty_text(settings_document(s), "") + "\n";
}

std::string settings_json_compact(const AnalysisSettings& s) {
  return settings_document(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

SettingsLoadResult load_settings_json(std::string_view text, AnalysisSettings& out) {
  SettingsLoadResult r;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e99999
    r.error = std::string("not valid JSON: ") + e.what();
    return r;
  }
  if (!doc.is_object()) {
    r.error = "expected a JSON object {\"format\":\"overdue-lens-settings\",…}";
    return r;
  }
  AnalysisSettings s = out;
  r.error = read_object(doc, "", s, r);
  if (r.error.empty()) r.error = validate_settings(s);
  if (r.error.empty()) out = std::move(s);
  return r;
}

std::string set_setting(AnalysisSettings& s, std::string_view key, std::string_view value) {
  if (settings_detail::is_currency_key(key)) return settings_detail::set_currency_setting(s.ledger.currency, key, value);
  const Field* f = settings_detail::find_field(std::string(key));
  if (!f) return "unknown setting '" + std::string(key) + "' (overdue-lens analyze --help lists the keys)";
  json v;
  switch (f->kind) {
    case FieldKind::integer:
    case FieldKind::number:
      v = json::parse(value.begin(), value.end(), nullptr, false);
      if (v.is_discarded() || !v.is_number())
        return std::string(f->key) + ": expected a number, got '" + std::string(value) + "'";
      break;
    case FieldKind::language:
    case FieldKind::step:
    case FieldKind::date_swap:
    case FieldKind::text_size:
    case FieldKind::allowance_method: v = std::string(value); break;
    case FieldKind::date_or_null:
      v = value.empty() || value == "null" ? json(nullptr) : json(std::string(value));
      break;
    case FieldKind::int_list: {
      const std::string list = "[" + std::string(value) + "]";
      v = json::parse(list, nullptr, false);
      if (v.is_discarded())
        return std::string(f->key) + ": expected comma-separated whole numbers, got '" + std::string(value) + "'";
      break;
    }
    case FieldKind::bands:
      if (std::string e = bands_from_text(*f, value, v); !e.empty()) return e;
      break;
    case FieldKind::boolean:
      if (value == "true" || value == "1" || value == "yes") v = true;
      else if (value == "false" || value == "0" || value == "no") v = false;
      else return std::string(f->key) + ": expected true or false, got '" + std::string(value) + "'";
      break;
    case FieldKind::text: v = std::string(value); break;
  }
  AnalysisSettings changed = s;
  std::vector<std::string> warnings;
  if (std::string e = apply_value(*f, v, changed, warnings); !e.empty()) return e;
  if (std::string e = validate_settings(changed); !e.empty()) return e;
  s = std::move(changed);
  return "";
}

}  // namespace overdue
