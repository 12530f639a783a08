// Roles of a table's columns and its kind (DESIGN.md §1, issue #17 "roles from words"):
//   1. candidates: every role scored for each header (roles/word_scores.cpp: the phrase table,
//      else the header's words), minus derived columns and minus roles the column's values
//      contradict (a date role needs dates, a money role numbers, a currency role currency codes);
//   2. kind: decided from all candidates together (roles/kind_rules.cpp);
//   3. content vetoes on the customer columns: an id that stands for several names is no customer
//      id; in a transaction table of 20 rows or more, a column with a distinct value on nearly
//      every row is no customer when another column can be;
//   4. resolve: one role per column and one column per role, the assignment with the best total
//      score (Hungarian method); equal totals go to the earlier column.
// Each column keeps the chosen role's score as its confidence and the words that decided it. The
// final table kind is then re-derived from the chosen roles, exactly as after a user edit.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "overdue/import/table.hpp"
#include "overdue/roles/header_text.hpp"
#include "overdue/import/role_assignment.hpp"
#include "overdue/roles/synonyms.hpp"
#include "overdue/roles/word_scores.hpp"
#include "overdue/text/value_parsers.hpp"
#include "overdue/roles/kind_rules.hpp"
#include "role_content.hpp"

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
  if (role == Role::currency) return column.type == ColumnType::text && holds_currencies(column);
  return column.type != ColumnType::date;  // names, ids, terms, channels are not calendar dates
}

std::vector<RoleCandidate> column_candidates(const Column& column) {
  if (column.role_set_by_user) {
    if (column.role == Role::none) return {};
    return {{column.role, kExactRoleName, 1.0, {}}};
  }
  // Derived columns (days late, 逾期天数, 账龄, aging buckets) never take an input role
  // (header_candidates gives them none).
  auto allowed = [&](const std::vector<RoleCandidate>& candidates) {
    std::vector<RoleCandidate> out;
    for (RoleCandidate c : candidates) {
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
  };
  const std::vector<RoleCandidate> phrase = header_candidates(column.name);
  std::vector<RoleCandidate> out = allowed(phrase);
  // The values ruled out every role of a known phrase: its words may still fit another
  // (Invoicely's "Due" holds dates: a due date, not the amount due).
  if (out.empty() && !phrase.empty()) out = allowed(header_word_candidates(column.name));
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

// [SECTION] content vetoes on the customer columns -------------------------------------------------------

namespace {

bool has_role(const std::vector<RoleCandidate>& list, Role role) {
  return std::any_of(list.begin(), list.end(), [&](const RoleCandidate& c) { return c.role == role; });
}

double role_score(const std::vector<RoleCandidate>& list, Role role) {
  for (const RoleCandidate& c : list)
    if (c.role == role) return c.score;
  return 0;
}

void drop_role(std::vector<RoleCandidate>& list, Role role) {
  list.erase(std::remove_if(list.begin(), list.end(), [&](const RoleCandidate& c) { return c.role == role; }), list.end());
}

bool is_transaction_kind(TableKind kind) {
  return kind == TableKind::ledger || kind == TableKind::invoices || kind == TableKind::payments ||
         kind == TableKind::running_ledger || kind == TableKind::general_ledger;
}

// Issue #17: the customer columns must agree with the data. Columns the user mapped are left alone.
void veto_customer_columns(const ImportedFile& file, RoleEvidence& evidence, TableKind kind) {
  const size_t n = file.columns.size();
  auto guessable = [&](size_t c) { return !file.columns[c].role_set_by_user; };
  // An id that stands for several names (the seller's own AccountId on every row): the names decide.
  for (size_t id = 0; id < n; ++id) {
    if (!guessable(id) || !has_role(evidence.columns[id], Role::customer_id)) continue;
    size_t best = n;
    for (size_t c = 0; c < n; ++c)
      if (c != id && has_role(evidence.columns[c], Role::customer_name) &&
          (best == n || role_score(evidence.columns[c], Role::customer_name) >
                            role_score(evidence.columns[best], Role::customer_name)))
        best = c;
    if (best < n && id_names_several(file.columns[id], file.columns[best]))
      drop_role(evidence.columns[id], Role::customer_id);
  }
  // In a transaction table of 20 rows or more, a distinct value on nearly every row is an
  // invoice or document number, when another column can be the customer.
  if (!is_transaction_kind(kind) || file.row_count() < 20) return;
  std::vector<size_t> customer_columns;
  for (size_t c = 0; c < n; ++c)
    if (has_role(evidence.columns[c], Role::customer_id) || has_role(evidence.columns[c], Role::customer_name))
      customer_columns.push_back(c);
  if (customer_columns.size() < 2) return;
  std::vector<size_t> vetoed;
  for (size_t c : customer_columns)
    if (guessable(c) && distinct_on_nearly_every_row(file.columns[c])) vetoed.push_back(c);
  if (vetoed.size() == customer_columns.size()) return;  // nothing else could be the customer
  for (size_t c : vetoed) {
    drop_role(evidence.columns[c], Role::customer_id);
    drop_role(evidence.columns[c], Role::customer_name);
  }
}

}  // namespace

// [SECTION] the best total assignment -------------------------------------------------------------------

namespace {

// Minimum-cost assignment of every row to a distinct column (rows <= columns), the Hungarian
// method with potentials, O(rows² × columns). Returns the column of each row.
std::vector<size_t> hungarian(const std::vector<std::vector<int64_t>>& cost, size_t columns) {
  const size_t rows = cost.size();
  const int64_t inf = INT64_MAX / 4;
  std::vector<int64_t> u(rows + 1, 0), v(columns + 1, 0);
  std::vector<size_t> p(columns + 1, 0), way(columns + 1, 0);
  for (size_t i = 1; i <= rows; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<int64_t> minv(columns + 1, inf);
    std::vector<char> used(columns + 1, 0);
    do {
      used[j0] = 1;
      const size_t i0 = p[j0];
      int64_t delta = inf;
      size_t j1 = 0;
      for (size_t j = 1; j <= columns; ++j) {
        if (used[j]) continue;
        const int64_t cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= columns; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<size_t> column_of(rows, 0);
  for (size_t j = 1; j <= columns; ++j)
    if (p[j] != 0) column_of[p[j] - 1] = j - 1;
  return column_of;
}

// Each guessable column with a candidate gets at most one role, each role at most one column, and
// the sum of the chosen scores is the largest possible. Scores count in hundredths; an earlier
// column wins an equal total (one unit per column index, below a hundredth). Only the few best
// columns of each role take part (kColumnsPerRole), so a file of thousands of "Amount" columns
// stays a small problem.
void resolve_roles(ImportedFile& file, const RoleEvidence& evidence, TableKind kind, const std::vector<Role>& taken) {
  constexpr size_t kColumnsPerRole = 6;
  constexpr int64_t kUnit = 100000;  // one hundredth of a score
  const std::vector<Role>& roles = all_roles();
  // by_role[j]: the columns that may take role j (all_roles() lists the enum in order), best first.
  struct Entry {
    int64_t weight;
    size_t column;
  };
  std::vector<std::vector<Entry>> by_role(roles.size());
  for (size_t c = 0; c < file.columns.size(); ++c) {
    if (file.columns[c].role_set_by_user) continue;
    for (const RoleCandidate& cand : evidence.columns[c]) {
      if (!role_valid_in_kind(cand.role, kind)) continue;
      if (std::find(taken.begin(), taken.end(), cand.role) != taken.end()) continue;
      const int64_t hundredths = static_cast<int64_t>(std::llround(cand.score * 100.0));
      by_role[static_cast<size_t>(cand.role) - 1].push_back({hundredths * kUnit - static_cast<int64_t>(c), c});
    }
  }
  std::vector<size_t> rows;  // columns that take part
  for (auto& list : by_role) {
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.weight > b.weight; });
    if (list.size() > kColumnsPerRole) list.resize(kColumnsPerRole);
    for (const Entry& e : list)
      if (std::find(rows.begin(), rows.end(), e.column) == rows.end()) rows.push_back(e.column);
  }
  if (rows.empty()) return;
  std::sort(rows.begin(), rows.end());
  const size_t m = roles.size() + rows.size();  // every role, then one "no role" per row
  constexpr int64_t kForbidden = int64_t{1} << 40;
  std::vector<std::vector<int64_t>> cost(rows.size(), std::vector<int64_t>(m, kForbidden));
  for (size_t r = 0; r < rows.size(); ++r) cost[r][roles.size() + r] = 0;  // no role
  for (size_t j = 0; j < roles.size(); ++j)
    for (const Entry& e : by_role[j]) {
      const size_t r = static_cast<size_t>(std::lower_bound(rows.begin(), rows.end(), e.column) - rows.begin());
      cost[r][j] = std::min(cost[r][j], -e.weight);
    }
  const std::vector<size_t> chosen = hungarian(cost, m);
  for (size_t r = 0; r < rows.size(); ++r)
    if (chosen[r] < roles.size() && cost[r][chosen[r]] < 0) file.columns[rows[r]].role = roles[chosen[r]];
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
  TableKind kind = kind_from_evidence(evidence);
  veto_customer_columns(file, evidence, kind);
  kind = kind_from_evidence(evidence);

  std::vector<Role> taken;  // roles already held (the user's first)
  for (const Column& column : file.columns)
    if (column.role_set_by_user && column.role != Role::none) taken.push_back(column.role);
  auto is_taken = [&](Role role) { return std::find(taken.begin(), taken.end(), role) != taken.end(); };

  for (Column& column : file.columns)
    if (!column.role_set_by_user) column.role = Role::none;
  resolve_roles(file, evidence, kind, taken);
  for (const Column& column : file.columns)
    if (!column.role_set_by_user && column.role != Role::none) taken.push_back(column.role);
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
  // Confidence and deciding words (issue #17): the chosen candidate's; the user's own choice is
  // certain and decided by no header word; no role, no confidence.
  for (size_t c = 0; c < n; ++c) {
    Column& column = file.columns[c];
    column.role_confidence = 0;
    column.matched_words.clear();
    if (column.role == Role::none) continue;
    if (column.role_set_by_user) {
      column.role_confidence = 1;
      continue;
    }
    for (const RoleCandidate& cand : evidence.columns[c])
      if (cand.role == column.role) {
        column.role_confidence = std::min(1.0, std::max(0.0, cand.score));
        column.matched_words = cand.words;
        break;
      }
  }
  file.table_kind = decide_table_kind(file);
}

TableKind decide_table_kind(const ImportedFile& file) {
  RoleEvidence evidence;
  for (const Column& column : file.columns) {
    evidence.columns.emplace_back();
    if (column.role != Role::none) evidence.columns.back().push_back({column.role, kExactRoleName, 1.0, {}});
  }
  return kind_from_evidence(evidence);
}

}  // namespace overdue
