// The export-layout pass over every row (see export_layout.hpp; issue #9), cut into steps so the
// page can draw between them (issue #7). What a row is comes from classify_layout_row; this file
// walks the rows and acts: total/subtotal/label rows rejected and kept as summary rows, group rows
// carried down into a customer_name column, padded rows that are none of these rejected.
//
// Phases, each resumable at any row:
//   classify  every row without plain group rows (a report shows itself by its title rows or a
//             total row); only rows that are not data are kept (sparse)
//   groups    only in a report without a customer column: the data rows again, now a row holding
//             one name is a group row
//   place     every row in order: kept or rejected, the customer carried, the summary blocks
//   compact   each column's text copied without the rows that went, then the row lines
//   finish    the carried customer column, its note, rejected rows in line order
// The work never depends on where the steps were cut: each phase keeps its cursor in State.
#include <algorithm>

#include "import/export_layout.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {

enum class LayoutPhase { classify, groups, place, compact, lines, finish, done };

struct ExportLayoutPass::State {
  ImportedFile& file;
  std::vector<PaddedRow> padded;
  std::vector<uint64_t> unmarked;  // lines the user unmarked, sorted
  LayoutPhase phase = LayoutPhase::classify;
  size_t rows = 0, ncol = 0;
  std::vector<std::string_view> cells;
  std::string customer, title_customer;

  size_t r = 0, m = 0;  // row cursor, cursor into `marked`
  std::vector<std::pair<size_t, LayoutRow>> marked, all;
  bool report = false, carry = false;

  std::vector<const PaddedRow*> padded_at;
  std::vector<bool> keep;
  std::vector<std::string> carried;  // customer of each kept row
  size_t kept = 0, block_sub = 0, block_total = 0;

  size_t column = 0;  // compact: the column being copied into `text`
  TextColumn text;
  std::vector<uint64_t> lines;

  State(ImportedFile& f, std::vector<PaddedRow> p, std::vector<uint64_t> d)
      : file(f), padded(std::move(p)), unmarked(std::move(d)) {}

  bool is_unmarked(size_t row) const {
    return !unmarked.empty() &&
           std::binary_search(unmarked.begin(), unmarked.end(), file.row_line[row]);
  }
  const std::vector<std::string_view>& row_cells(size_t row) {
    for (size_t c = 0; c < ncol; ++c) cells[c] = file.columns[c].text.at(row);
    return cells;
  }
  // A row classified costs about as much time as typing ncol / 5 cells (measured: 110 ns for a
  // 10-column row, 11–67 ns a typed cell), so the page's slice sizing carries over to typing.
  uint64_t row_cost() const { return std::max<uint64_t>(1, ncol / 5); }
  const PaddedRow* padded_row(size_t row) const {
    return padded_at.empty() ? nullptr : padded_at[row];
  }

  void begin();
  void after_classify();
  void begin_place();
  uint64_t place_row();
  void finish();
};

void ExportLayoutPass::State::begin() {
  std::sort(unmarked.begin(), unmarked.end());
  ExportLayout& layout = file.layout;
  for (const std::string& line : layout.title_lines)
    if (layout.as_of == kMissingDays) layout.as_of = as_of_from_title_line(line);
  // A customer named in the title rows (Kingdee 科目 line): the last one.
  for (const std::string& line : layout.title_lines) {
    std::string c = customer_from_title_line(line);
    if (!c.empty()) customer = std::move(c);
  }
  title_customer = customer;
  if (!file.header || file.columns.empty()) {
    phase = LayoutPhase::done;
    return;
  }
  rows = file.row_count();
  ncol = file.columns.size();
  cells.resize(ncol);
  report = layout.skipped_title_lines > 0;
}

void ExportLayoutPass::State::after_classify() {
  carry = !has_customer_column(file);
  if (report && carry) {
    phase = LayoutPhase::groups;
    r = m = 0;
    return;
  }
  begin_place();
}

void ExportLayoutPass::State::begin_place() {
  if (marked.empty() && padded.empty() && (customer.empty() || !carry)) {
    phase = LayoutPhase::done;
    return;
  }
  padded_at.assign(padded.empty() ? 0 : rows, nullptr);
  for (const PaddedRow& p : padded)
    if (p.row < rows) padded_at[p.row] = &p;
  keep.assign(rows, false);
  phase = LayoutPhase::place;
  r = m = 0;
}

// One row in order; returns its cost in cells.
uint64_t ExportLayoutPass::State::place_row() {
  static const LayoutRow data_row;
  ExportLayout& layout = file.layout;
  const bool is_marked = m < marked.size() && marked[m].first == r;
  const LayoutRow& k = is_marked ? marked[m++].second : data_row;
  const uint64_t line = file.row_line[r];
  if (k.kind == LayoutRowKind::data) {
    if (padded_row(r) && !is_unmarked(r)) {  // a short record that is no layout row: rejected as before
      --file.rows.accepted;
      ++file.rows.rejected;
      const PaddedRow& p = *padded_row(r);
      file.rejected.push_back({line, ProblemKind::field_count_mismatch, p.detail,
                               problem_text(ProblemKind::field_count_mismatch, p.detail), p.text});
      return 1;
    }
    keep[r] = true;
    if (carry) carried.push_back(customer);
    ++kept;
    return 1;
  }
  if (k.kind == LayoutRowKind::group) {
    customer = k.customer;
    ++layout.group_rows;
    --file.rows.read;
    --file.rows.accepted;
    block_sub = kept;
    return 1;
  }
  --file.rows.accepted;
  ++file.rows.rejected;
  const std::vector<std::string_view>& rc = row_cells(r);
  SummaryRow s;
  s.line = line;
  s.kind = layout_problem_kind(k.kind);
  s.reason = problem_text(s.kind);
  s.rows_before = kept;
  s.block_begin = k.kind == LayoutRowKind::total ? block_total : block_sub;
  s.checkable = k.checkable && !padded_row(r);  // a short row's cells are not under their columns
  for (std::string_view c : rc) s.cells.emplace_back(trim_cell(c));
  const std::string text = padded_row(r) ? padded_row(r)->text : joined_cells(rc);
  file.rejected.push_back({line, s.kind, {}, s.reason, text});
  layout.summary_rows.push_back(std::move(s));
  block_sub = kept;  // a subtotal, a total or a bucket label starts the next block
  if (k.kind == LayoutRowKind::total) block_total = kept;
  return std::max<uint64_t>(1, ncol / 5);
}

void ExportLayoutPass::State::finish() {
  ExportLayout& layout = file.layout;
  const bool named =
      std::any_of(carried.begin(), carried.end(), [](const std::string& c) { return !c.empty(); });
  if (carry && named) {
    // The role's own name: the role tables give it customer_name whatever the language.
    Column col;
    col.name = "customer_name";
    for (const std::string& c : carried) col.text.push(c);
    file.columns.push_back(std::move(col));
    std::string from =
        layout.group_rows > 0 ? "group rows (" + std::to_string(layout.group_rows) + ")" : "";
    if (!title_customer.empty()) from = "the title rows" + (from.empty() ? "" : " and " + from);
    file.notes.push_back("customer_name: the customer named in " + from +
                         ", carried down into the rows below");
  }
  std::stable_sort(file.rejected.begin(), file.rejected.end(),
                   [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
  phase = LayoutPhase::done;
}

ExportLayoutPass::ExportLayoutPass(ImportedFile& file, std::vector<PaddedRow> padded,
                                   std::vector<uint64_t> data_lines)
    : s_(std::make_unique<State>(file, std::move(padded), std::move(data_lines))) {
  s_->begin();
}

ExportLayoutPass::~ExportLayoutPass() = default;

Step ExportLayoutPass::step(Budget& b) {
  State& s = *s_;
  uint64_t& budget = b.units;
  auto spend = [&b](uint64_t cost) { b.spend(cost); };
  while (s.phase != LayoutPhase::done && budget > 0) {
    switch (s.phase) {
      case LayoutPhase::classify:
        if (s.r == s.rows) {
          s.after_classify();
          break;
        }
        if (!s.is_unmarked(s.r)) {
          LayoutRow k = classify_layout_row(s.row_cells(s.r), false);
          if (k.kind != LayoutRowKind::data) {
            s.report = s.report || k.kind == LayoutRowKind::total ||
                       k.kind == LayoutRowKind::subtotal;
            s.marked.emplace_back(s.r, std::move(k));
          }
        }
        spend(s.row_cost());
        ++s.r;
        break;
      case LayoutPhase::groups:
        if (s.r == s.rows) {
          s.marked = std::move(s.all);
          s.all.clear();
          s.begin_place();
          break;
        }
        if (s.m < s.marked.size() && s.marked[s.m].first == s.r) {
          s.all.push_back(std::move(s.marked[s.m++]));
          spend(1);
        } else if (!s.is_unmarked(s.r)) {
          LayoutRow k = classify_layout_row(s.row_cells(s.r), true);
          if (k.kind != LayoutRowKind::data) s.all.emplace_back(s.r, std::move(k));
          spend(s.row_cost());
        }
        ++s.r;
        break;
      case LayoutPhase::place:
        if (s.r == s.rows) {
          s.phase = LayoutPhase::compact;
          s.column = s.r = 0;
          s.text = TextColumn();
          s.text.end.reserve(s.kept);
          break;
        }
        spend(s.place_row());
        ++s.r;
        break;
      case LayoutPhase::compact: {
        if (s.column == s.ncol) {
          s.phase = LayoutPhase::lines;
          s.r = 0;
          s.lines.reserve(s.kept);
          break;
        }
        Column& col = s.file.columns[s.column];
        if (s.r == s.rows) {
          col.text = std::move(s.text);
          s.text = TextColumn();
          s.text.end.reserve(s.kept);
          ++s.column;
          s.r = 0;
          break;
        }
        // A run of rows at once: a cell copied costs about an eighth of a typed one.
        const size_t n = static_cast<size_t>(std::min<uint64_t>(budget, (s.rows - s.r + 7) / 8) * 8);
        for (const size_t end = std::min(s.rows, s.r + n); s.r < end; ++s.r)
          if (s.keep[s.r]) s.text.push(col.text.at(s.r));
        spend(n / 8);
        break;
      }
      case LayoutPhase::lines:
        if (s.r == s.rows) {
          s.file.row_line = std::move(s.lines);
          s.phase = LayoutPhase::finish;
          break;
        }
        for (const size_t end = std::min(s.rows, s.r + 8); s.r < end; ++s.r)
          if (s.keep[s.r]) s.lines.push_back(s.file.row_line[s.r]);
        spend(1);
        break;
      case LayoutPhase::finish:
        spend(s.carried.size() + s.file.rejected.size() + 1);
        s.finish();
        break;
      case LayoutPhase::done:
        break;
    }
  }
  return s.phase == LayoutPhase::done ? Step::done : Step::more;
}

double ExportLayoutPass::progress() const {
  const State& s = *s_;
  if (s.phase == LayoutPhase::done) return 1.0;
  // Each phase an equal share, the row cursor (and the column, while compacting) within it.
  double within = s.rows == 0 ? 0.0 : static_cast<double>(s.r) / static_cast<double>(s.rows);
  if (s.phase == LayoutPhase::compact && s.ncol > 0)
    within = (static_cast<double>(s.column) + within) / static_cast<double>(s.ncol);
  return (static_cast<double>(s.phase) + std::min(1.0, within)) / static_cast<double>(LayoutPhase::done);
}

void apply_export_layout(ImportedFile& file, const std::vector<PaddedRow>& padded,
                         const std::vector<uint64_t>& data_lines) {
  ExportLayoutPass pass(file, padded, data_lines);
  for (Budget budget = Budget::unbounded(); pass.step(budget) == Step::more;) budget = Budget::unbounded();
}

}  // namespace overdue
