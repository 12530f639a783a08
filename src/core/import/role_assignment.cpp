// Roles of a table's columns and its kind (DESIGN.md §1), from the roles vocabulary:
//   1. candidates: each header's possible roles from the synonym table (roles/synonyms.cpp),
//      minus derived columns and minus roles the column's values contradict;
//   2. kind: decided from all candidates together (roles/kind_rules.cpp);
//   3. resolve: each column takes its best candidate valid in that kind; no two columns share a
//      role — the stronger match wins, ties go to the earlier column.
// The final table kind is then re-derived from the chosen roles, exactly as after a user edit.
#include <algorithm>
#include <cstdint>

#include "overdue/import/table.hpp"
#include "overdue/roles/header_text.hpp"
#include "overdue/import/role_assignment.hpp"
#include "overdue/roles/synonyms.hpp"
#include "overdue/text/value_parsers.hpp"
#include "overdue/roles/kind_rules.hpp"

namespace overdue {
namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace

// [SECTION] candidates of one column ----------------------------------------------------------------

namespace {

// A model-lab target is a 0/1-ish flag: integer or text with at most two distinct values.
bool looks_like_binary_target(const Column& column) {
  if (column.type != ColumnType::integer && column.type != ColumnType::text) return false;
  std::string_view seen[2];
  size_t distinct = 0;
  for (size_t i = 0; i < column.text.size(); ++i) {
    const std::string_view cell = column.text.at(i);
    if (is_missing_marker(trim_cell(cell), true)) continue;
    if (std::find(seen, seen + distinct, cell) != seen + distinct) continue;
    if (distinct == 2) return false;
    seen[distinct++] = cell;
  }
  return true;
}

// Whether the column's values allow the role (a date role on a column that is not dates, or a
// money role on text, is suspicious). A column without any value allows everything.
bool values_allow_role(const Column& column, Role role) {
  const bool has_values = column.missing < column.text.size();
  if (role == Role::target) return looks_like_binary_target(column);
  if (!has_values) return true;
  if (role_is_date(role)) return column.type == ColumnType::date;
  if (role_is_money(role)) return column.type == ColumnType::integer || column.type == ColumnType::decimal;
  return column.type != ColumnType::date;  // names, ids, terms, channels are not calendar dates
}

std::vector<RoleCandidate> column_candidates(const Column& column) {
  if (column.role_set_by_user) {
    if (column.role == Role::none) return {};
    return {{column.role, kExactRoleName}};
  }
  // Derived columns (days late, 逾期天数, 账龄, aging buckets) never take an input role.
  if (is_derived_header(column.name)) return {};
  std::vector<RoleCandidate> out;
  for (RoleCandidate c : synonym_candidates(normalize_header(column.name))) {
    // A header spelled like a role name takes that role whatever the values (DESIGN.md §1): the
    // values' problems show up as cell errors, not as a silently dropped role.
    const bool exact_name = c.strength == kExactRoleName;
    // A whole number is an id, not a name ("Party" when numbered, EXPORT-FORMATS.md).
    if (!exact_name && c.role == Role::customer_name && column.type == ColumnType::integer) c.role = Role::customer_id;
    if (!exact_name && !values_allow_role(column, c.role)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const RoleCandidate& o) { return o.role == c.role; })) continue;
    out.push_back(c);
  }
  return out;
}

bool is_exact_role_name(const Column& column, Role role) {
  return normalize_header(column.name) == normalize_header(role_name(role));
}

}  // namespace

// [SECTION] original vs home currency ----------------------------------------------------------------

namespace {

// Which currency a header names: 1 home (本位币, 本币), -1 original (原币), 0 neither.
int currency_side(std::string_view header) {
  if (contains(header, "本位币") || contains(header, "本位幣") || contains(header, "本币") || contains(header, "本幣"))
    return 1;
  if (contains(header, "原币") || contains(header, "原幣")) return -1;
  return 0;
}

// The header without its currency words, to pair 尚未收款金额(原币) with 尚未收款金额(本位币) and
// 原币金额 with 本币金额.
std::string currency_free_key(std::string_view header) {
  std::string n = normalize_header(header);
  for (std::string_view w : {"本位币", "本位幣", "本币", "本幣", "原币", "原幣"})
    for (size_t at; (at = n.find(w)) != std::string::npos;) n.erase(at, w.size());
  return n;
}

// Kingdee 云星空 and Yonyou print each figure twice, in the original currency (原币) and in the
// home currency (本位币). Both would want the same role; the home one keeps it (the sums across
// customers are then in one currency) unless file.prefer_original_currency.
void choose_currency_side(ImportedFile& file, RoleEvidence& evidence) {
  const int keep = file.prefer_original_currency ? -1 : 1;
  bool paired = false;
  for (size_t a = 0; a < file.columns.size(); ++a) {
    const int side_a = currency_side(file.columns[a].name);
    if (side_a == 0) continue;
    for (size_t b = 0; b < file.columns.size(); ++b) {
      if (b == a || currency_side(file.columns[b].name) != -side_a) continue;
      if (currency_free_key(file.columns[a].name) != currency_free_key(file.columns[b].name)) continue;
      paired = true;
      if (side_a != keep && !file.columns[a].role_set_by_user) evidence.columns[a].clear();
    }
  }
  file.layout.amount_basis = paired ? (keep == 1 ? "home" : "original") : "";
}

}  // namespace

// [SECTION] assign_roles / decide_table_kind -----------------------------------------------------------

void assign_roles(ImportedFile& file) {
  const size_t n = file.columns.size();
  RoleEvidence evidence;
  evidence.columns.resize(n);
  // Headerless files (column_1, column_2, …) have nothing to match.
  if (file.header)
    for (size_t c = 0; c < n; ++c) evidence.columns[c] = column_candidates(file.columns[c]);
  for (Column& column : file.columns) column.derived = file.header && is_derived_header(column.name);
  if (file.header) choose_currency_side(file, evidence);
  const TableKind kind = kind_from_evidence(evidence);

  std::vector<Role> taken;  // roles already held (the user's first)
  for (const Column& column : file.columns)
    if (column.role_set_by_user && column.role != Role::none) taken.push_back(column.role);
  auto is_taken = [&](Role role) { return std::find(taken.begin(), taken.end(), role) != taken.end(); };

  struct Choice {
    int strength;
    size_t column;
    size_t rank;  // position in the column's candidate list
    Role role;
  };
  std::vector<Choice> choices;
  for (size_t c = 0; c < n; ++c) {
    if (file.columns[c].role_set_by_user) continue;
    file.columns[c].role = Role::none;
    for (size_t r = 0; r < evidence.columns[c].size(); ++r) {
      const RoleCandidate& cand = evidence.columns[c][r];
      if (role_valid_in_kind(cand.role, kind)) choices.push_back({cand.strength, c, r, cand.role});
    }
  }
  // Stronger matches first; ties by column order, then by the column's own preference.
  std::sort(choices.begin(), choices.end(), [](const Choice& a, const Choice& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    if (a.column != b.column) return a.column < b.column;
    return a.rank < b.rank;
  });
  for (const Choice& ch : choices) {
    Column& column = file.columns[ch.column];
    if (column.role != Role::none || is_taken(ch.role)) continue;
    column.role = ch.role;
    taken.push_back(ch.role);
  }
  // A header spelled exactly like a role name keeps that role even when the kind does not use it
  // (DESIGN.md §1), as long as no other column holds it.
  for (size_t c = 0; c < n; ++c) {
    Column& column = file.columns[c];
    if (column.role_set_by_user || column.role != Role::none) continue;
    for (const RoleCandidate& cand : evidence.columns[c])
      if (cand.strength == kExactRoleName && is_exact_role_name(column, cand.role) && !is_taken(cand.role)) {
        column.role = cand.role;
        taken.push_back(cand.role);
        break;
      }
  }
  file.table_kind = decide_table_kind(file);
}

TableKind decide_table_kind(const ImportedFile& file) {
  RoleEvidence evidence;
  for (const Column& column : file.columns) {
    evidence.columns.emplace_back();
    if (column.role != Role::none) evidence.columns.back().push_back({column.role, kExactRoleName});
  }
  return kind_from_evidence(evidence);
}

}  // namespace overdue
