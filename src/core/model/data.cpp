// ImportedFile → ModelDataset (model_data.hpp): the target column and its bad value, rejected
// records with reasons, numeric / categorical / identifier columns.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "overdue/model/data.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

// The importer's one whitespace rule (ASCII blanks, U+00A0, U+3000), so a model reads a cell
// the way the mapping screen shows it.
std::string trim(std::string_view s) { return std::string(trim_cell(s)); }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The importer's missing markers (table.hpp: empty, NA, N/A, null, "-") for text cells.
bool missing_text(const std::string& t) {
  const std::string l = lower(t);
  return l.empty() || l == "na" || l == "n/a" || l == "null" || l == "-" || l == "nan";
}

bool is_numeric(ColumnType t) { return t == ColumnType::integer || t == ColumnType::decimal; }

// One spelling per number, so "1", "1.0" and "01" are the same target value.
std::string number_key(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

// The target column: a name (exact, then case-insensitive), else a 1-based number.
long find_target(const ImportedFile& file, const std::string& target) {
  for (size_t i = 0; i < file.columns.size(); ++i)
    if (file.columns[i].name == target) return static_cast<long>(i);
  const std::string want = lower(trim(target));
  for (size_t i = 0; i < file.columns.size(); ++i)
    if (lower(trim(file.columns[i].name)) == want) return static_cast<long>(i);
  if (!target.empty() && std::all_of(target.begin(), target.end(), [](char c) {
        return c >= '0' && c <= '9';
      }) && target.size() < 9) {
    const long n = std::atol(target.c_str());
    if (n >= 1 && static_cast<size_t>(n) <= file.columns.size()) return n - 1;
  }
  return -1;
}

// Per accepted file row: its 1-based record number. Accepted and rejected records interleave in
// line order (each record starts on its own line), so merging the two line lists numbers them.
std::vector<uint64_t> record_numbers(const ImportedFile& file, std::vector<uint64_t>& rejected_records) {
  std::vector<uint64_t> rej_lines;
  rej_lines.reserve(file.rejected.size());
  for (const RejectedRow& r : file.rejected) rej_lines.push_back(r.line);
  std::sort(rej_lines.begin(), rej_lines.end());
  std::vector<uint64_t> out(file.row_line.size());
  rejected_records.assign(rej_lines.size(), 0);
  size_t a = 0, r = 0;
  uint64_t n = 0;
  while (a < file.row_line.size() || r < rej_lines.size()) {
    if (r >= rej_lines.size() || (a < file.row_line.size() && file.row_line[a] < rej_lines[r]))
      out[a++] = ++n;
    else
      rejected_records[r++] = ++n;
  }
  return out;
}

std::string join_values(const std::map<std::string, uint64_t>& counts) {
  std::string s;
  size_t k = 0;
  for (const auto& [v, n] : counts) {
    if (k++ == 8) {
      s += ", …";
      break;
    }
    s += (s.empty() ? "'" : ", '") + v + "' (" + std::to_string(n) + ")";
  }
  return s;
}

}  // namespace

std::vector<uint64_t> accepted_record_numbers(const ImportedFile& file) {
  std::vector<uint64_t> rejected;
  return record_numbers(file, rejected);
}

std::string level_text_of_cell(std::string_view cell) {
  std::string t = trim(cell);
  return missing_text(t) ? std::string() : t;
}

bool looks_like_identifier_name(const std::string& name) {
  const std::string l = lower(trim(name));
  if (l.empty() || l == "id" || l == "no" || l == "index" || l == "row" || l == "#" ||
      l == "unnamed: 0" || l == "序号" || l == "编号")
    return true;
  if (l.size() > 3 && (l.compare(l.size() - 3, 3, "_id") == 0 || l.compare(l.size() - 3, 3, " id") == 0))
    return true;
  return false;
}

uint64_t ModelDataset::bad_count() const {
  uint64_t n = 0;
  for (uint8_t t : target) n += t;
  return n;
}

ModelDataset build_model_dataset(const ImportedFile& file, const ModelDataOptions& options) {
  ModelDataset d;
  if (!file.error.empty()) {
    d.error = file.error;
    return d;
  }
  const long t = find_target(file, options.target);
  if (t < 0) {
    d.error = "target column '" + options.target + "' not found (give a column name or a 1-based number)";
    d.usage_error = true;
    return d;
  }
  const Column& tc = file.columns[static_cast<size_t>(t)];
  d.target_name = tc.name;
  const size_t n = file.row_count();

  // Target values as keys (numbers in one spelling), with their counts.
  const bool numeric_target = is_numeric(tc.type);
  std::vector<std::string> key(n);
  std::vector<bool> present(n, false);
  std::map<std::string, uint64_t> counts;
  for (size_t i = 0; i < n; ++i) {
    if (numeric_target) {
      if (std::isnan(tc.number[i])) continue;
      key[i] = number_key(tc.number[i]);
    } else {
      key[i] = trim(tc.text.at(i));
      if (missing_text(key[i])) continue;
    }
    present[i] = true;
    ++counts[key[i]];
  }
  std::string bad = trim(options.bad_value);
  double bad_number = 0;
  if (numeric_target && parse_number(bad, bad_number)) bad = number_key(bad_number);
  if (bad.empty()) {
    const bool zero_one = !counts.empty() && std::all_of(counts.begin(), counts.end(), [](const auto& kv) {
      return kv.first == "0" || kv.first == "1";
    });
    if (!zero_one) {
      d.error = "--bad is required: the target '" + tc.name + "' has the values " + join_values(counts);
      d.usage_error = true;
      return d;
    }
    bad = "1";
  }
  if (!counts.count(bad)) {
    d.error = "the bad value '" + options.bad_value + "' does not occur in the target '" + tc.name +
              "' (values: " + join_values(counts) + ")";
    d.usage_error = true;
    return d;
  }
  // Good = the most frequent other value (ties: the first bytewise); any third value is rejected.
  std::string good;
  uint64_t good_n = 0;
  for (const auto& [v, c] : counts)
    if (v != bad && c > good_n) good = v, good_n = c;
  if (good_n == 0) {
    d.error = "the target '" + tc.name + "' has only the value '" + bad + "': nothing to tell apart";
    return d;
  }
  d.bad_value = bad;
  d.good_value = good;

  // Records: the importer's rejects, then target rejects; kept rows get their record numbers.
  std::vector<uint64_t> rejected_records;
  const std::vector<uint64_t> rec = record_numbers(file, rejected_records);
  std::vector<const RejectedRow*> rej_sorted;
  for (const RejectedRow& r : file.rejected) rej_sorted.push_back(&r);
  std::stable_sort(rej_sorted.begin(), rej_sorted.end(),
                   [](const RejectedRow* a, const RejectedRow* b) { return a->line < b->line; });
  for (size_t k = 0; k < rej_sorted.size(); ++k)
    d.rejected.push_back({rejected_records[k], rej_sorted[k]->line, rej_sorted[k]->kind, rej_sorted[k]->detail,
                          rej_sorted[k]->reason});
  std::vector<size_t> keep;
  keep.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!present[i]) {
      d.rejected.push_back({rec[i], file.row_line[i], ProblemKind::target_missing, {},
                            problem_text(ProblemKind::target_missing)});
    } else if (key[i] != bad && key[i] != good) {
      ProblemDetail target;
      target.value = key[i];
      target.bad_value = bad;
      target.good_value = good;
      std::string reason = problem_text(ProblemKind::target_not_bad_or_good, target);
      d.rejected.push_back({rec[i], file.row_line[i], ProblemKind::target_not_bad_or_good, std::move(target),
                            std::move(reason)});
    } else {
      keep.push_back(i);
    }
  }
  std::sort(d.rejected.begin(), d.rejected.end(),
            [](const ModelRejectedRecord& a, const ModelRejectedRecord& b) { return a.record < b.record; });
  d.records_read = file.rows.read;
  d.accepted = keep.size();
  d.rejected_count = d.rejected.size();
  d.record.reserve(keep.size());
  d.target.reserve(keep.size());
  for (size_t i : keep) {
    d.record.push_back(rec[i]);
    d.target.push_back(key[i] == bad ? 1 : 0);
  }

  // Features.
  for (size_t c = 0; c < file.columns.size(); ++c) {
    if (static_cast<long>(c) == t) continue;
    const Column& col = file.columns[c];
    if (is_numeric(col.type) || col.type == ColumnType::date) {
      std::vector<double> v(keep.size());
      for (size_t k = 0; k < keep.size(); ++k) {
        if (col.type == ColumnType::date)
          v[k] = col.days[keep[k]] == kMissingDays ? NAN : static_cast<double>(col.days[keep[k]]);
        else
          v[k] = col.number[keep[k]];
      }
      if (col.type == ColumnType::integer && !v.empty() &&
          (v.size() >= kIdentifierMinRows || looks_like_identifier_name(col.name))) {
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        bool id = !std::isnan(s.back());  // NaN sorts unpredictably; any NaN means not an id
        for (double x : s) id = id && !std::isnan(x);
        for (size_t k = 1; k < s.size() && id; ++k) id = s[k] != s[k - 1];
        if (id) {
          d.identifiers.push_back(col.name);
          continue;
        }
      }
      d.numeric.names.push_back(col.name);
      d.numeric.columns.push_back(std::move(v));
      d.numeric_types.push_back(col.type);
    } else {
      CategoricalFeature f;
      f.name = col.name;
      std::vector<std::string> cell(keep.size());
      for (size_t k = 0; k < keep.size(); ++k) {
        cell[k] = trim(col.text.at(keep[k]));
        if (!missing_text(cell[k])) f.levels.push_back(cell[k]);
      }
      std::sort(f.levels.begin(), f.levels.end());
      const size_t present_cells = f.levels.size();
      f.levels.erase(std::unique(f.levels.begin(), f.levels.end()), f.levels.end());
      // A text column of all-distinct values (names, account numbers) identifies, not describes.
      if (present_cells == keep.size() && f.levels.size() == keep.size() &&
          (keep.size() >= kIdentifierMinRows || looks_like_identifier_name(col.name))) {
        d.identifiers.push_back(col.name);
        continue;
      }
      f.codes.resize(keep.size());
      for (size_t k = 0; k < keep.size(); ++k) {
        if (missing_text(cell[k])) {
          f.codes[k] = -1;
        } else {
          f.codes[k] = static_cast<int32_t>(std::lower_bound(f.levels.begin(), f.levels.end(), cell[k]) -
                                            f.levels.begin());
        }
      }
      d.categorical.push_back(std::move(f));
    }
  }
  return d;
}

}  // namespace overdue
