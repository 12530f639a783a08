// Column typing: date > integer > decimal > text by the 95 % rule, missing counts, cell errors,
// day/month inference and the user's switch, money columns, decimal commas, Excel serials.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "import/column_typing.hpp"

using namespace overdue;

namespace {

struct Typed {
  Column col;
  ColumnTypingResult result;
  std::vector<uint64_t> lines;
};

Typed type_of(const std::vector<std::string>& cells, const std::string& name = "value",
              bool money = false, char delimiter = ',', bool headerless = false,
              DateOrder order = DateOrder::automatic) {
  Typed t;
  t.col.name = name;
  t.col.money = money;
  t.col.date_order = order;
  for (size_t i = 0; i < cells.size(); ++i) {
    t.col.text.push(cells[i]);
    t.lines.push_back(i + 2);  // as if after a header on line 1
  }
  ColumnTypingContext ctx;
  ctx.column_index = 3;
  ctx.headerless = headerless;
  ctx.delimiter = delimiter;
  ctx.row_line = &t.lines;
  t.result = type_column(t.col, ctx);
  return t;
}

std::vector<std::string> repeat(const std::string& cell, size_t n) {
  return std::vector<std::string>(n, cell);
}

}  // namespace

TEST_CASE("integer: whole numbers without decimal mark or exponent") {
  const Typed t = type_of({"1", "-20", "1,234", "", "NA"});
  CHECK(t.col.type == ColumnType::integer);
  CHECK(t.col.missing == 2);
  REQUIRE(t.col.cents.size() == 5);
  CHECK(t.col.cents[2] == 123400);
  CHECK(t.col.number[1] == -20.0);
  CHECK(t.col.cents[3] == kMissingCents);
  CHECK(std::isnan(t.col.number[4]));
  CHECK(t.col.days.empty());
  CHECK(t.result.error_total == 0);
}

TEST_CASE("decimal: any decimal mark or exponent makes the column decimal") {
  CHECK(type_of({"1", "2", "3.5"}).col.type == ColumnType::decimal);
  CHECK(type_of({"1", "2", "5.00E+05"}).col.type == ColumnType::decimal);
  CHECK(type_of({"$1,234.50", "(300.00)", "\xC2\xA5" "5"}).col.type == ColumnType::decimal);
}

TEST_CASE("95 % rule: a rare typo is a cell error, a real text column stays text") {
  std::vector<std::string> cells = repeat("10.5", 99);
  cells.insert(cells.begin() + 40, "l0.5");  // a typo on row 40
  const Typed t = type_of(cells);
  CHECK(t.col.type == ColumnType::decimal);
  CHECK(t.col.missing == 1);
  REQUIRE(t.result.error_total == 1);
  REQUIRE(t.result.errors.size() == 1);
  const CellError& e = t.result.errors[0];
  CHECK(e.line == 42);
  CHECK(e.column == 3);
  CHECK(e.text == "l0.5");
  CHECK(e.reason == "not a number");
  CHECK(t.col.cents[40] == kMissingCents);

  // 6 values in 100 that are not numbers: more than 5 %, so the column is text.
  std::vector<std::string> codes = repeat("1001", 94);
  for (int i = 0; i < 6; ++i) codes.push_back("A-" + std::to_string(i));
  const Typed text = type_of(codes);
  CHECK(text.col.type == ColumnType::text);
  CHECK(text.result.error_total == 0);
  CHECK(text.col.cents.empty());
  // Exactly 5 %: still numeric.
  std::vector<std::string> edge = repeat("7", 95);
  for (int i = 0; i < 5; ++i) edge.push_back("x");
  CHECK(type_of(edge).col.type == ColumnType::integer);
  CHECK(type_of({"Alice", "Bob", "12"}).col.type == ColumnType::text);
}

TEST_CASE("missing values: all markers, '-' only outside money columns") {
  const Typed plain = type_of({"5", "-", "NA", "n/a", "NULL", ""});
  CHECK(plain.col.type == ColumnType::integer);
  CHECK(plain.col.missing == 5);
  const Typed money = type_of({"5.00", "-", "NA", "12.50"}, "amount", true);
  CHECK(money.col.type == ColumnType::decimal);
  CHECK(money.col.missing == 1);
  CHECK(money.col.cents[1] == 0);  // Excel's accounting zero
  const Typed text = type_of({"a", "-", "NA", ""});
  CHECK(text.col.type == ColumnType::text);
  CHECK(text.col.missing == 3);
  const Typed all_missing = type_of({"", "NA"});
  CHECK(all_missing.col.type == ColumnType::text);
  CHECK(all_missing.col.missing == 2);
}

TEST_CASE("amount out of range is a cell error") {
  std::vector<std::string> cells = repeat("1.00", 30);
  cells.push_back("99999999999999999999");
  const Typed t = type_of(cells, "amount", true);
  CHECK(t.col.type == ColumnType::decimal);
  REQUIRE(t.result.errors.size() == 1);
  CHECK(t.result.errors[0].reason == "amount out of range");
  // A column of long identifiers is text, not a column of errors.
  CHECK(type_of(repeat("123456789012345678901", 5)).col.type == ColumnType::text);
}

TEST_CASE("dates: type, days, dominant format, calendar errors") {
  std::vector<std::string> cells = repeat("2024-01-05", 30);
  cells.push_back("2024/1/6");
  cells.push_back("2024-02-30");
  cells.push_back("");
  const Typed t = type_of(cells, "invoice date");
  CHECK(t.col.type == ColumnType::date);
  CHECK(t.col.date_format == "%Y-%m-%d");
  CHECK(t.col.days[0] == days_from_civil(2024, 1, 5));
  CHECK(t.col.days[30] == days_from_civil(2024, 1, 6));
  CHECK(t.col.days[31] == kMissingDays);
  CHECK(t.col.missing == 2);
  REQUIRE(t.result.errors.size() == 1);
  CHECK(t.result.errors[0].reason == "invalid date");
  CHECK(t.result.errors[0].line == 33);
  CHECK(t.col.cents.empty());
  CHECK(type_of({"2024/1/5 0:00:00", "2024/1/6 0:00:00"}).col.date_format == "%Y/%m/%d %H:%M:%S");
  CHECK(type_of({"2024-01-05 13:45"}).col.date_format == "%Y-%m-%d %H:%M");
  CHECK(type_of({"2024\xE5\xB9\xB4" "1\xE6\x9C\x88" "5\xE6\x97\xA5"}).col.date_format ==
        "%Y\xE5\xB9\xB4%m\xE6\x9C\x88%d\xE6\x97\xA5");
  CHECK(type_of({"05.01.2024", "31.12.2024"}).col.date_format == "%d.%m.%Y");
}

TEST_CASE("yyyymmdd: a date only in a date-named column or a headerless file") {
  const std::vector<std::string> cells = {"20240105", "20240229", "20231231"};
  CHECK(type_of(cells, "reference").col.type == ColumnType::integer);
  const Typed named = type_of(cells, "due date");
  CHECK(named.col.type == ColumnType::date);
  CHECK(named.col.date_format == "%Y%m%d");
  CHECK(named.col.days[1] == days_from_civil(2024, 2, 29));
  CHECK(type_of(cells, "column_2", false, ',', true).col.type == ColumnType::date);
  // Not all valid dates: stays integer.
  CHECK(type_of({"20240105", "20241399"}, "due date").col.type == ColumnType::integer);
}

TEST_CASE("Excel serials: dates only in a date-named column") {
  const std::vector<std::string> cells = {"45296", "45327", "NA"};
  CHECK(type_of(cells, "amount").col.type == ColumnType::integer);
  const Typed t = type_of(cells, "due_date");
  CHECK(t.col.type == ColumnType::date);
  CHECK(t.col.date_format == "excel-serial");
  CHECK(t.col.days[0] == days_from_civil(2024, 1, 5));
  CHECK(t.col.missing == 1);
  CHECK(type_of(cells, "column_1", false, ',', true).col.type == ColumnType::integer);
}

TEST_CASE("day/month order from values above 12") {
  const Typed day_first = type_of({"05/01/2024", "25/01/2024", "3/2/2024"}, "date");
  CHECK(day_first.col.type == ColumnType::date);
  CHECK(day_first.col.date_format == "%d/%m/%Y");
  CHECK_FALSE(day_first.col.date_order_ambiguous);
  CHECK(day_first.col.days[0] == days_from_civil(2024, 1, 5));
  CHECK(day_first.col.days[2] == days_from_civil(2024, 2, 3));

  const Typed month_first = type_of({"1/5/2024", "1/25/2024"}, "date");
  CHECK(month_first.col.date_format == "%m/%d/%Y");
  CHECK_FALSE(month_first.col.date_order_ambiguous);
  CHECK(month_first.col.days[0] == days_from_civil(2024, 1, 5));

  // Evidence both ways: the majority wins, the others are errors.
  std::vector<std::string> mixed = repeat("25/01/2024", 30);
  mixed.push_back("01/25/2024");
  const Typed m = type_of(mixed, "date");
  CHECK(m.col.date_format == "%d/%m/%Y");
  REQUIRE(m.result.errors.size() == 1);
  CHECK(m.result.errors[0].text == "01/25/2024");
}

TEST_CASE("ambiguous day/month: flagged, month first, switchable") {
  const std::vector<std::string> cells = {"01/05/2024", "02/06/2024", "3-7-2024"};
  const Typed a = type_of(cells, "date");
  CHECK(a.col.type == ColumnType::date);
  CHECK(a.col.date_order_ambiguous);
  CHECK(a.col.date_format == "%m/%d/%Y");
  CHECK(a.col.days[0] == days_from_civil(2024, 1, 5));
  const Typed d = type_of(cells, "date", false, ',', false, DateOrder::day_first);
  CHECK(d.col.date_order_ambiguous);  // still a property of the data
  CHECK(d.col.date_format == "%d/%m/%Y");
  CHECK(d.col.days[0] == days_from_civil(2024, 5, 1));
  CHECK(d.col.days[2] == days_from_civil(2024, 7, 3));
  // The user's order makes values that do not fit it cell errors.
  const Typed forced = type_of({"25/01/2024", "01/02/2024"}, "date", false, ',', false,
                               DateOrder::month_first);
  CHECK(forced.col.date_format == "%m/%d/%Y");
  REQUIRE(forced.result.errors.size() == 1);
  CHECK(forced.result.errors[0].text == "25/01/2024");
}

TEST_CASE("decimal comma in non-comma files only") {
  const std::vector<std::string> cells = {"1.234,50", "300,00", "12.000,75"};
  const Typed eu = type_of(cells, "Betrag", false, ';');
  CHECK(eu.col.type == ColumnType::decimal);
  CHECK(eu.col.cents[0] == 123450);
  CHECK(eu.col.cents[2] == 1200075);
  CHECK(type_of(cells, "Betrag", false, ',').col.type == ColumnType::text);
  // Decimal points win when both readings work equally often.
  CHECK(type_of({"1.5", "2.25"}, "x", false, ';').col.cents[0] == 150);
}

TEST_CASE("cell errors: listed up to the cap, all counted") {
  const size_t good = 210000, bad = kMaxCellErrorsListed + 500;
  std::vector<std::string> cells = repeat("1", good);
  for (size_t i = 0; i < bad; ++i) cells.push_back("x");
  const Typed t = type_of(cells);
  CHECK(t.col.type == ColumnType::integer);
  CHECK(t.result.error_total == bad);
  CHECK(t.result.errors.size() == kMaxCellErrorsListed);
  CHECK(t.col.missing == bad);
  CHECK(count_cell_errors(t.col) == bad);
}

TEST_CASE("count_cell_errors sees present text whose value is missing") {
  const Typed t = type_of({"1", "x", "", "-", "3"});
  // "x" alone in 5 is 20 %: text, so no errors.
  CHECK(t.col.type == ColumnType::text);
  CHECK(count_cell_errors(t.col) == 0);
  std::vector<std::string> cells = repeat("2", 40);
  cells.push_back("oops");
  cells.push_back("-");
  const Typed n = type_of(cells);
  CHECK(count_cell_errors(n.col) == 1);
}
