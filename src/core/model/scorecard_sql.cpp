// The scorecard as one portable SQL query (scorecard_export.hpp).
//
// Shape (nested derived tables, no CTE, no window function):
//   t1: record and b_j, the bin of feature j (a CASE per feature; −1 = no bin)
//   t2: p_j, the points of that bin, and c_j, its cost (scorecard_reasons.hpp); DISTINCT so that
//       it is computed once per row, not inlined into every reference

//   t3: points = Σ p_j, and r_j = the rank of c_j: Σ_k [c_k > c_j or (c_k = c_j and k < j)]
//   outer: reason_m = the feature whose rank is m−1, when its cost is > 0
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "overdue/model/scorecard_export.hpp"
#include "overdue/model/scorecard_reasons.hpp"

namespace overdue {
namespace {

// [SECTION] literals
// -------------------------------------------------------------------------------
std::string identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string text_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// 17 significant digits round-trip a double; text cast to DOUBLE PRECISION is read the same way
// by SQLite (REAL affinity) and PostgreSQL.
std::string number_literal(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", v);
  return std::string("CAST('") + text + "' AS DOUBLE PRECISION)";
}

// A name inside a "--" comment: a line break would end the comment, so it becomes a space.
std::string comment_text(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

std::string numbered(const char* prefix, size_t j) {
  return identifier(prefix + std::to_string(j + 1));
}

// [SECTION] the bin of a feature
// ---------------------------------------------------------------------- Mirrors bin_of through the
// same functions: NULL → the bin of a missing value; special codes (exact) before the ranges;
// ranges in order, the first whose upper edge is ≥ x (the last is left open, as bin_of keeps values
// above every edge in the last range bin).
std::string numeric_bin_case(const ScorecardFeature& f, const std::string& x) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::string out =
      "CASE WHEN " + x + " IS NULL THEN " + std::to_string(scorecard_bin_of_value(f, nan));
  const std::vector<WoeBin>& bins = f.binning.bins;
  for (size_t k = 0; k < bins.size(); ++k)
    if (bins[k].kind == WoeBin::Kind::special)
      out += " WHEN " + x + " = " + number_literal(bins[k].special) + " THEN " +
             std::to_string(scorecard_bin_of_value(f, bins[k].special));
  for (size_t k = 0; k < bins.size(); ++k)
    if (bins[k].kind == WoeBin::Kind::range && std::isfinite(bins[k].upper))
      out += " WHEN " + x + " <= " + number_literal(bins[k].upper) + " THEN " + std::to_string(k);
  const double above_all = std::numeric_limits<double>::infinity();
  return out + " ELSE " + std::to_string(scorecard_bin_of_value(f, above_all)) + " END";
}

// Levels grouped by the bin scorecard_bin_of_value gives each training level; any other text is an
// unseen level; NULL or '' is missing.
std::string categorical_bin_case(const ScorecardFeature& f, const std::string& x) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::string out = "CASE WHEN " + x + " IS NULL OR " + x + " = '' THEN " +
                    std::to_string(scorecard_bin_of_value(f, nan));
  std::map<int, std::vector<size_t>> levels_of_bin;
  for (size_t c = 0; c < f.levels.size(); ++c)
    levels_of_bin[scorecard_bin_of_value(f, static_cast<double>(c))].push_back(c);
  for (const auto& [bin, codes] : levels_of_bin) {
    out += " WHEN " + x + " IN (";
    for (size_t i = 0; i < codes.size(); ++i)
      out += (i ? ", " : "") + text_literal(f.levels[codes[i]]);
    out += ") THEN " + std::to_string(bin);
  }
  return out + " ELSE " + std::to_string(scorecard_bin_of_value(f, kUnseenLevel)) + " END";
}

// CASE b_j WHEN k THEN value(k) … ELSE value(−1) END for a per-bin constant.
template <class ValueOfBin>
std::string per_bin_case(const ScorecardFeature& f, const std::string& b, ValueOfBin value) {
  std::string out = "CASE " + b;
  for (size_t k = 0; k < f.bins.size(); ++k)
    out += " WHEN " + std::to_string(k) + " THEN " + number_literal(value(static_cast<int>(k)));
  return out + " ELSE " + number_literal(value(-1)) + " END";
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
  for (const std::string& x : list)
    if (x == s) return true;
  return false;
}

}  // namespace

std::vector<std::string> date_feature_names(const ModelDataset& data) {
  std::vector<std::string> out;
  for (size_t i = 0; i < data.numeric.names.size() && i < data.numeric_types.size(); ++i)
    if (data.numeric_types[i] == ColumnType::date) out.push_back(data.numeric.names[i]);
  return out;
}

std::string scorecard_sql(const Scorecard& card, const std::vector<std::string>& date_features,
                          std::string& error) {
  error.clear();
  const size_t n = card.features.size();
  if (n == 0) {
    error = "the scorecard has no feature";
    return "";
  }
  // [SECTION] header: what the query expects and gives
  char scale[256];
  std::snprintf(
      scale, sizeof scale,
      "base score %.17g at base odds %.17g:1 (good:bad), PDO %.17g, factor %.17g, offset %.17g",
      card.base_score, card.base_odds, card.pdo, card.factor, card.offset);
  std::string sql =
      "-- overdue-lens scorecard as SQL (issue #21). A higher score means a lower risk.\n"
      "-- Scaling: " +
      std::string(scale) +
      ".\n"
      "-- Reads table \"accounts\": \"record\" (the record number --score prints) and the columns "
      "below;\n"
      "-- numbers as DOUBLE PRECISION, text as trimmed text, every missing marker as NULL.\n"
      "-- Returns record, points, reason_1..reason_3 (the features that cost the most points).\n"
      "-- \"record\" must be unique (one row per record).\n";
  for (const ScorecardFeature& f : card.features)
    sql += "--   " + comment_text(identifier(f.name)) + ": " +
           (f.binning.categorical             ? "text"
            : contains(date_features, f.name) ? "DOUBLE PRECISION, days since 1970-01-01"
                                              : "DOUBLE PRECISION") +
           "\n";
  // [SECTION] t1: bins
  std::string t1 = "SELECT " + identifier("record");
  for (size_t j = 0; j < n; ++j) {
    const ScorecardFeature& f = card.features[j];
    const std::string x = identifier(f.name);
    t1 += ",\n      " +
          (f.binning.categorical ? categorical_bin_case(f, x) : numeric_bin_case(f, x)) + " AS " +
          numbered("b_", j);
  }
  t1 += "\n    FROM " + identifier("accounts");
  // [SECTION] t2: points and costs of the bins
  // DISTINCT (the rows are distinct anyway: "record" is unique) keeps both SQLite and PostgreSQL
  // from inlining t2 into the rank sums, which would evaluate each cost's CASE once per reference
  // (n² times a row) instead of once.
  std::string t2 = "SELECT DISTINCT " + identifier("record");
  for (size_t j = 0; j < n; ++j) {
    const ScorecardFeature& f = card.features[j];
    const std::string b = numbered("b_", j);
    t2 += ",\n     " + per_bin_case(f, b, [&](int k) { return scorecard_points_of_bin(f, k); }) +
          " AS " + numbered("p_", j);
    t2 += ",\n     " + per_bin_case(f, b, [&](int k) { return scorecard_cost_of_bin(f, k); }) +
          " AS " + numbered("c_", j);
  }
  t2 += "\n   FROM (" + t1 + ") AS " + identifier("t1");
  // [SECTION] t3: total points and the rank of each cost
  std::string t3 = "SELECT " + identifier("record") + ", ";
  for (size_t j = 0; j < n; ++j) t3 += (j ? " + " : "") + numbered("p_", j);
  t3 += " AS " + identifier("points");
  for (size_t j = 0; j < n; ++j) {
    t3 += ", " + numbered("c_", j) + ",\n    ";
    std::string rank;
    for (size_t k = 0; k < n; ++k) {
      if (k == j) continue;
      // A feature ranks ahead of j when it costs more, or as much and comes earlier on the card.
      const char* op = k < j ? " >= " : " > ";
      rank += (rank.empty() ? "" : " + ") + std::string("CASE WHEN ") + numbered("c_", k) + op +
              numbered("c_", j) + " THEN 1 ELSE 0 END";
    }
    t3 += (rank.empty() ? std::string("0") : rank) + " AS " + numbered("r_", j);
  }
  t3 += "\n  FROM (" + t2 + ") AS " + identifier("t2");
  // [SECTION] outer: reasons
  sql += "SELECT " + identifier("record") + ", " + identifier("points");
  for (size_t m = 0; m < kReasonCount; ++m) {
    sql += ",\n  CASE";
    for (size_t j = 0; j < n; ++j)
      sql += " WHEN " + numbered("r_", j) + " = " + std::to_string(m) + " AND " +
             numbered("c_", j) + " > " + number_literal(0) + " THEN " +
             text_literal(card.features[j].name);
    sql += " END AS " + numbered("reason_", m);
  }
  sql +=
      "\nFROM (" + t3 + ") AS " + identifier("t3") + "\nORDER BY " + identifier("record") + ";\n";
  return sql;
}

}  // namespace overdue
