// Dates as people write them (issue #17 item 7): month names either side of the day, slashes,
// dots, 年月日, timestamps with a time zone (the date as written), 20200210.0 in a date-named
// column, and Excel serials only from 1990 to 2099 so that day counts ("Day_due") stay numbers.
#include <doctest/doctest.h>

#include "overdue/text/civil_date.hpp"
#include "overdue/text/value_parsers.hpp"
#include "test_values_support.hpp"

using namespace overdue;
using values_test::type_cells;

namespace {

ParsedDate named_date(std::string_view s) {
  DateAllowances a;
  a.compact = a.excel_serial = true;  // a date-named column
  return parse_date(s, a);
}

}  // namespace

TEST_CASE("every written form of 28 January 2021") {
  const int32_t want = days_from_civil(2021, 1, 28);
  for (const char* s : {"Jan 28 2021", "January 28, 2021", "jan 28, 2021", "Jan. 28, 2021", "Jan-28-2021",
                        "28 Jan 2021", "28-Jan-2021", "28 January 2021", "2021/1/28", "2021.01.28", "28.01.2021",
                        "2021年1月28日", "2021-01-28T11:04:09+00:00", "2021-01-28T11:04:09Z",
                        "2021-01-28T23:30:00-05:00", "2021-01-28 11:04:09 +0800", "2021-01-28 12:25:01.718",
                        "Jan 28 2021 11:04", "20210128", "20210128.0", "44224"}) {
    CAPTURE(s);
    const ParsedDate d = named_date(s);
    REQUIRE(d.ok());
    CHECK(d.days == want);
  }
  // The zone is ignored: 23:30 at -05:00 is the 29th in UTC, but the date written is the 28th.
  CHECK(named_date("2021-01-28T23:30:00-05:00").days == want);
  CHECK(named_date("Jan 28 2021").pattern == DatePattern::month_name_day);
  CHECK(date_format_name(DatePattern::month_name_day, TimePart::none, ' ', false) == "%b %d %Y");
}

TEST_CASE("what is not a date stays so") {
  for (const char* s : {"Jan", "Jan 2021", "Janu 28 2021", "Foo 28 2021", "Jan 32 2021", "2021-01-28T11:04:09+25:00",
                        "2021-01-28 11:04:09 PST8", "20210128.5", "20210128.", "13", "45", "32873", "73051"}) {
    CAPTURE(s);
    CHECK_FALSE(named_date(s).ok());
  }
  CHECK(named_date("Feb 30 2021").status == ParsedDate::Status::invalid_date);
  // 20200210.0 is only a date where the header says dates.
  CHECK_FALSE(parse_date("20200210.0", DateAllowances{}).ok());
}

TEST_CASE("Excel serials: 1990-01-01 to 2099-12-31 only") {
  CHECK(named_date("32874").days == days_from_civil(1990, 1, 1));
  CHECK(named_date("73050").days == days_from_civil(2099, 12, 31));
  CHECK(kExcelSerialMin == 32874);
  CHECK(kExcelSerialMax == 73050);
}

TEST_CASE("a Day_due column of day counts stays integer; due_in_date of 20200210.0 is dates") {
  const auto counts = type_cells("Day_due", {"13", "45", "30", "0"});
  CHECK(counts.col.type == ColumnType::integer);
  CHECK(counts.result.error_total == 0);
  CHECK(counts.col.cents[1] == 4500);

  const auto sap = type_cells("due_in_date", {"20200210.0", "20200301.0", "NaN"});
  CHECK(sap.col.type == ColumnType::date);
  CHECK(sap.col.days[0] == days_from_civil(2020, 2, 10));
  CHECK(sap.col.date_format == "%Y%m%d");
  CHECK(sap.result.error_total == 1);  // NaN: a cell error of a date column, not a reason to drop it

  const auto stamps = type_cells("created_at", {"2021-01-28T11:04:09+00:00", "2021-01-29T00:00:00+08:00"});
  CHECK(stamps.col.type == ColumnType::date);
  CHECK(stamps.col.days[1] == days_from_civil(2021, 1, 29));
}

TEST_CASE("date_forms.csv: one column in every form, a Day_due column, open amounts by hand") {
  const ImportedFile f = ledger_test::fixture("tests/data/values/date_forms.csv", "invoices");
  const Column& issued = values_test::column_named(f, "invoice_date");
  CHECK(issued.type == ColumnType::date);
  CHECK(issued.role == Role::invoice_date);
  REQUIRE(issued.days.size() == 12);
  for (size_t row = 0; row < 12; ++row) {
    CAPTURE(row);
    CHECK(issued.days[row] == (row == 9 ? days_from_civil(2020, 4, 15) : days_from_civil(2021, 1, 28)));
  }
  const Column& day_due = values_test::column_named(f, "Day_due");
  CHECK(day_due.type == ColumnType::integer);
  CHECK(day_due.role != Role::due_date);
  CHECK(f.cell_errors_total == 0);

  const Ledger l = build_ledger({f});
  CHECK(l.rejected.empty());
  CHECK(l.invoices.size() == 12);
  // No payments: each customer's two amounts.
  const auto open = values_test::open_by_customer(l);
  CHECK(open.at("Alpha") == 30000);
  CHECK(open.at("Beta") == 70000);
  CHECK(open.at("Gamma") == 110000);
  CHECK(open.at("Delta") == 150000);
  CHECK(open.at("Epsilon") == 190000);
  CHECK(open.at("Zeta") == 230000);
  CHECK(l.invoices[ledger_test::invoice_index(l, "E2")].due_date == days_from_civil(2020, 5, 15));
}
