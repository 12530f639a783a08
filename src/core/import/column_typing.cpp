// Column typing (see column_typing.hpp).
//
// Pass 1 reads every cell once: missing or present, parsed as a number (the values are kept, so a
// numeric column needs no second pass) and, where a date is still possible, as a date (counting
// formats and day/month evidence). A type that can no longer reach the 95 % share stops being
// tried. Pass 2 only runs for date columns and for numbers written with a decimal comma.
#include "import/column_typing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>

#include "overdue/roles/roles.hpp"
#include "overdue/text/utf8.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kErrorTextBytes = 200;

// One slot per (pattern, time part, time separator) for the dominant date format.
constexpr size_t kFormatSlots = static_cast<size_t>(DatePattern::count) * 3 * 2;
size_t format_slot(const ParsedDate& d) {
  return (static_cast<size_t>(d.pattern) * 3 + static_cast<size_t>(d.time)) * 2 +
         (d.time_separator == 'T' ? 1 : 0);
}

struct Tally {
  uint64_t present = 0;
  uint64_t markers = 0;          // empty, NA, N/A, null, "-"
  uint64_t point_ok = 0, point_integer = 0;
  uint64_t comma_ok = 0, comma_integer = 0;
  uint64_t date_ok = 0;
  uint64_t day_first_only = 0;   // numeric d/m dates only valid day first (first number > 12)
  uint64_t month_first_only = 0;
  uint64_t formats[kFormatSlots] = {};
  // Identifiers (issue #17): what keeps a mostly numeric column text.
  uint64_t not_plain_digits = 0;  // present values other than digits without a leading zero
  uint64_t leading_zero = 0;      // digits only, 2 or more, the first a zero: 0000001, 0200706844
  bool numbers_possible = true, dates_possible = true, comma_possible;
};

// What a column's header or role says it should hold (issue #17 item 8): a column named for
// money or dates keeps that type when most of its values read, the rest being cell errors; an
// identifier column keeps its text as written.
struct ColumnIntent {
  bool money = false;
  bool dates = false;
  bool identifier = false;
};

bool has_byte(std::string_view s, char c) { return s.find(c) != std::string_view::npos; }

// Could `fails` non-parsing values still be within tolerance once the remaining rows are read?
// `named`: the header or role names the type, and a majority of readable values is enough.
bool still_possible(uint64_t fails, uint64_t present, uint64_t remaining, bool named) {
  if (named) return fails * 2 < present + remaining;
  return fails * kTypeToleranceDenominator <= present + remaining;
}
bool within_tolerance(uint64_t ok, uint64_t present, bool named) {
  if (named) return ok > 0 && ok * 2 > present;
  return ok > 0 && (present - ok) * kTypeToleranceDenominator <= present;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Counts the identifier evidence of one present cell (see Tally).
void tally_identifier(Tally& t, std::string_view cell) {
  bool digits_only = !cell.empty();
  for (const char c : cell) digits_only = digits_only && is_ascii_digit(c);
  const bool leading_zero = digits_only && cell.size() >= 2 && cell[0] == '0';
  t.leading_zero += leading_zero;
  t.not_plain_digits += !digits_only || leading_zero;
}

class ErrorList {
 public:
  ErrorList(ColumnTypingResult& out, const ColumnTypingContext& ctx) : out_(out), ctx_(ctx) {}
  void add(size_t row, std::string_view text, ProblemKind kind) {
    ++out_.error_total;
    if (out_.errors.size() >= kMaxCellErrorsListed) return;
    CellError e;
    e.line = ctx_.row_line != nullptr && row < ctx_.row_line->size() ? (*ctx_.row_line)[row] : 0;
    e.column = ctx_.column_index;
    e.text = std::string(utf8::cut_at_boundary(text, kErrorTextBytes));
    e.kind = kind;
    e.reason = problem_text(kind);
    out_.errors.push_back(std::move(e));
  }

 private:
  ColumnTypingResult& out_;
  const ColumnTypingContext& ctx_;
};

template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// [SECTION] pass 1 -------------------------------------------------------------------------------

// Everything a column's typing needs between two steps (ColumnTyper): the pass it is in and the
// next row, so the work can be cut anywhere and still give the same result as in one go.
enum class Phase { tally, tally_markers, dates, numbers, done };

struct TypingState {
  Phase phase = Phase::tally;
  size_t row = 0;
  Tally t;
  ColumnIntent intent;
  DateAllowances allow;
  bool day_first = false;
  DecimalMark mark = DecimalMark::point;
};

void begin_tally(Column& col, TypingState& st, bool comma_allowed) {
  const size_t rows = col.text.size();
  st.t = Tally();
  st.t.comma_possible = comma_allowed;
  // Values are appended as the cells are read (one pass over the memory, not fill then write);
  // once numbers are out of the question the vectors stop growing and are dropped later.
  col.cents.clear();
  col.number.clear();
  col.cents.reserve(rows);
  col.number.reserve(rows);
}

// Rows [st.row, end) of pass 1. Moves to tally_markers when the column can only be text.
void tally_rows(Column& col, TypingState& st, size_t end) {
  Tally& t = st.t;
  const DateAllowances allow = st.allow;
  const size_t rows = col.text.size();
  const bool dash_is_missing = !col.money;
  // Numbers are tried as dates too in a date-named column: 45296 (a serial), 20200210.0.
  const bool numbers_may_be_dates = allow.compact || allow.excel_serial;
  const ColumnIntent intent = st.intent;
  for (size_t i = st.row; i < end; ++i) {
    const std::string_view cell = trim_cell(col.text.at(i));
    if (is_missing_marker(cell, dash_is_missing)) {
      ++t.markers;
      if (t.numbers_possible) {
        col.cents.push_back(kMissingCents);
        col.number.push_back(kNaN);
      }
      continue;
    }
    ++t.present;
    const uint64_t remaining = rows - i - 1;
    bool number_ok = false;
    if (t.numbers_possible) {
      const ParsedNumber n = parse_number(cell, DecimalMark::point, col.money);
      col.cents.push_back(n.ok() ? n.cents : kMissingCents);
      col.number.push_back(n.ok() ? n.value : kNaN);
      if (n.ok()) {
        number_ok = true;
        ++t.point_ok;
        t.point_integer += n.integer_form;
      }
      if (t.comma_possible) {
        const bool differs = has_byte(cell, ',') || has_byte(cell, '.');
        const ParsedNumber c = differs ? parse_number(cell, DecimalMark::comma, col.money) : n;
        if (c.ok()) {
          ++t.comma_ok;
          t.comma_integer += c.integer_form;
        }
      }
      const uint64_t best = t.comma_possible && t.comma_ok > t.point_ok ? t.comma_ok : t.point_ok;
      t.numbers_possible = still_possible(t.present - best, t.present, remaining, intent.money);
      if (intent.identifier || (!intent.money && !intent.dates)) tally_identifier(t, cell);
    }
    if (t.dates_possible) {
      if (!number_ok || numbers_may_be_dates) {
        const ParsedDate d = parse_date(cell, allow);
        if (d.ok()) {
          ++t.date_ok;
          ++t.formats[format_slot(d)];
          if (d.order_matters()) {
            const bool mf = d.days_month_first != kMissingDays;
            const bool df = d.days_day_first != kMissingDays;
            t.month_first_only += mf && !df;
            t.day_first_only += df && !mf;
          }
        }
      }
      t.dates_possible = still_possible(t.present - t.date_ok, t.present, remaining, intent.dates);
    }
    if (!t.numbers_possible && !t.dates_possible) {
      // Text: only the missing markers are left to count.
      st.row = i + 1;
      st.phase = Phase::tally_markers;
      return;
    }
  }
  st.row = end;
}

void count_markers(const Column& col, TypingState& st, size_t end) {
  const bool dash_is_missing = !col.money;
  for (size_t j = st.row; j < end; ++j)
    st.t.markers += is_missing_marker(trim_cell(col.text.at(j)), dash_is_missing);
  st.row = end;
}

// [SECTION] pass 2 -------------------------------------------------------------------------------

void begin_dates(Column& col, TypingState& st) {
  const Tally& t = st.t;
  // Day/month order of numeric dates: the user's choice, else the evidence (values > 12), else
  // month first — the US default — with the column flagged as ambiguous.
  bool numeric_dates = false;
  for (size_t slot = 0; slot < kFormatSlots; ++slot) {
    const auto pattern = static_cast<DatePattern>(slot / 6);
    numeric_dates |= t.formats[slot] > 0 && (pattern == DatePattern::numeric_slash ||
                                             pattern == DatePattern::numeric_dash);
  }
  col.date_order_ambiguous = numeric_dates && t.day_first_only == 0 && t.month_first_only == 0;
  bool day_first = false;
  if (col.date_order == DateOrder::day_first) day_first = true;
  else if (col.date_order == DateOrder::month_first) day_first = false;
  else day_first = t.day_first_only > t.month_first_only;
  st.day_first = day_first;

  size_t dominant = 0;
  for (size_t s = 1; s < kFormatSlots; ++s)
    if (t.formats[s] > t.formats[dominant]) dominant = s;
  col.date_format = date_format_name(static_cast<DatePattern>(dominant / 6),
                                     static_cast<TimePart>(dominant / 2 % 3),
                                     dominant % 2 ? 'T' : ' ', day_first);
  col.days.assign(col.text.size(), kMissingDays);
}

void fill_dates(Column& col, TypingState& st, size_t end, ErrorList& errors) {
  const bool day_first = st.day_first;
  const bool dash_is_missing = !col.money;
  for (size_t i = st.row; i < end; ++i) {
    const std::string_view raw = col.text.at(i);
    const std::string_view cell = trim_cell(raw);
    if (is_missing_marker(cell, dash_is_missing)) {
      ++col.missing;
      continue;
    }
    const ParsedDate d = parse_date(cell, st.allow);
    int32_t days = kMissingDays;
    std::optional<ProblemKind> problem;
    if (!d.ok()) {
      problem = d.status == ParsedDate::Status::invalid_date ? ProblemKind::invalid_date : ProblemKind::not_a_date;
    } else if (d.order_matters()) {
      days = day_first ? d.days_day_first : d.days_month_first;
      if (days == kMissingDays)
        problem = day_first ? ProblemKind::not_day_month_date : ProblemKind::not_month_day_date;
    } else {
      days = d.days;
    }
    if (problem) {
      ++col.missing;
      errors.add(i, raw, *problem);
      continue;
    }
    col.days[i] = days;
  }
  st.row = end;
}

// Numbers: values from pass 1 (decimal point) or parsed again (decimal comma).
void begin_numbers(Column& col) {
  const size_t rows = col.text.size();
  col.cents.resize(rows, kMissingCents);  // complete already unless read with a decimal comma
  col.number.resize(rows, kNaN);
}

void fill_numbers(Column& col, TypingState& st, size_t end, ErrorList& errors) {
  const DecimalMark mark = st.mark;
  const bool dash_is_missing = !col.money;
  for (size_t i = st.row; i < end; ++i) {
    if (mark == DecimalMark::point && col.cents[i] != kMissingCents) continue;  // parsed in pass 1
    const std::string_view raw = col.text.at(i);
    const std::string_view cell = trim_cell(raw);
    if (is_missing_marker(cell, dash_is_missing)) {
      ++col.missing;
      col.cents[i] = kMissingCents;
      col.number[i] = kNaN;
      continue;
    }
    const ParsedNumber n = parse_number(cell, mark, col.money);
    if (n.ok()) {
      col.cents[i] = n.cents;
      col.number[i] = n.value;
      continue;
    }
    ++col.missing;
    col.cents[i] = kMissingCents;
    col.number[i] = kNaN;
    errors.add(i, raw, n.status == ParsedNumber::Status::out_of_range ? ProblemKind::amount_out_of_range
                                                                      : ProblemKind::not_a_number);
  }
  st.row = end;
}

}  // namespace

// [SECTION] decision -----------------------------------------------------------------------------

struct ColumnTyper::State {
  TypingState st;
};

ColumnTyper::ColumnTyper(Column& col, const ColumnTypingContext& ctx)
    : col_(col), ctx_(ctx), state_(std::make_unique<State>()) {
  TypingState& st = state_->st;
  const bool date_named = header_suggests_date(col.name) || role_is_date(col.role);
  st.allow.compact = date_named || ctx.headerless;
  st.allow.excel_serial = date_named && !ctx.headerless;
  // A user's role decides over the header's words.
  const bool role_given = col.role != Role::none;
  st.intent.money = col.money;
  st.intent.dates = !ctx.headerless && date_named && !col.money;
  st.intent.identifier = !ctx.headerless && !col.money && !date_named &&
                         (role_given ? role_is_identifier(col.role) : header_suggests_identifier(col.name));
  begin_tally(col, st, ctx.delimiter != ',');
}

ColumnTyper::~ColumnTyper() = default;

bool ColumnTyper::done() const { return state_->st.phase == Phase::done; }

Step ColumnTyper::step(Budget& b) {
  uint64_t& budget = b.units;
  TypingState& st = state_->st;
  Column& col = col_;
  ErrorList errors(result_, ctx_);
  const size_t rows = col.text.size();
  while (st.phase != Phase::done && budget > 0) {
    const size_t end = static_cast<size_t>(std::min<uint64_t>(rows, st.row + budget));
    const size_t from = st.row;
    switch (st.phase) {
      case Phase::tally: tally_rows(col, st, end); break;
      case Phase::tally_markers: count_markers(col, st, end); break;
      case Phase::dates: fill_dates(col, st, end, errors); break;
      case Phase::numbers: fill_numbers(col, st, end, errors); break;
      case Phase::done: break;
    }
    const uint64_t spent = st.row > from ? st.row - from : 1;
    budget -= std::min(budget, spent);
    if (st.row < rows) continue;
    // A pass is over: decide what comes next.
    if (st.phase == Phase::tally || st.phase == Phase::tally_markers) {
      decide();
    } else {
      st.phase = Phase::done;
    }
  }
  return st.phase == Phase::done ? Step::done : Step::more;
}

// After pass 1: the type, and pass 2 when it needs one.
void ColumnTyper::decide() {
  TypingState& st = state_->st;
  Column& col = col_;
  const Tally& t = st.t;
  col.missing = 0;
  col.date_format.clear();
  col.date_order_ambiguous = false;
  st.row = 0;
  if (t.present > 0 && within_tolerance(t.date_ok, t.present, st.intent.dates)) {
    col.type = ColumnType::date;
    release(col.cents);
    release(col.number);
    begin_dates(col, st);
    st.phase = Phase::dates;
    return;
  }
  release(col.days);
  const bool comma = t.comma_possible && t.comma_ok > t.point_ok;
  const uint64_t ok = comma ? t.comma_ok : t.point_ok;
  const uint64_t integers = comma ? t.comma_integer : t.point_integer;
  // Identifiers stay text (issue #17 item 2): an id column with anything but plain digits
  // (0000001, CCCA02, 1930571429.0), and, whatever the header, a column outside money and dates
  // with numbers written with leading zeros (codes: a quantity is not written 007). A word among
  // numbers is still a typo, a cell error ("l0.5"), unless the column is an id's.
  const bool outside_money_and_dates = !st.intent.money && !st.intent.dates;
  const bool identifier_text = (st.intent.identifier && t.not_plain_digits > 0) ||
                               (outside_money_and_dates && t.leading_zero > 0);
  if (t.present > 0 && !identifier_text && within_tolerance(ok, t.present, st.intent.money)) {
    col.type = integers == ok ? ColumnType::integer : ColumnType::decimal;
    st.mark = comma ? DecimalMark::comma : DecimalMark::point;
    begin_numbers(col);
    st.phase = Phase::numbers;
    return;
  }
  col.type = ColumnType::text;
  col.missing = t.markers;
  release(col.cents);
  release(col.number);
  st.phase = Phase::done;
}

ColumnTypingResult type_column(Column& col, const ColumnTypingContext& ctx) {
  ColumnTyper typer(col, ctx);
  Budget budget = Budget::unbounded();
  typer.step(budget);
  return std::move(typer.result());
}

uint64_t count_cell_errors(const Column& col) {
  uint64_t errors = 0;
  const size_t rows = col.text.size();
  for (size_t i = 0; i < rows; ++i) {
    bool missing_value;
    if (col.type == ColumnType::date) missing_value = i < col.days.size() && col.days[i] == kMissingDays;
    else if (col.type == ColumnType::text) missing_value = false;
    else missing_value = i < col.cents.size() && col.cents[i] == kMissingCents;
    if (missing_value && !is_missing_marker(trim_cell(col.text.at(i)), true)) ++errors;
  }
  return errors;
}

}  // namespace overdue
