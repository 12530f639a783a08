// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (int32), after Howard
// Hinnant's public-domain "chrono-Compatible Low-Level Date Algorithms" (days_from_civil /
// civil_from_days). Pure integer math: identical natively and in WebAssembly.
#pragma once
#include <cstdint>

namespace overdue {

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

constexpr bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Years the importer accepts as dates (0000-01-01 and the like are typos, not dates).
constexpr int kMinDateYear = 1900;
constexpr int kMaxDateYear = 9999;

constexpr bool is_valid_civil(int y, int m, int d) {
  return y >= kMinDateYear && y <= kMaxDateYear && m >= 1 && m <= 12 && d >= 1 &&
         d <= days_in_month(y, m);
}

constexpr int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

constexpr CivilDate civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{y + (m <= 2), m, d};
}

// `months` calendar months later (earlier when negative); the day is clamped to the month's end.
constexpr int32_t add_months(int32_t date, int months) {
  const CivilDate c = civil_from_days(date);
  const int total = c.year * 12 + (c.month - 1) + months;
  const int y = total / 12;
  const int m = total % 12 + 1;
  return days_from_civil(y, m, c.day < days_in_month(y, m) ? c.day : days_in_month(y, m));
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2024, 1, 5) == 19727);
static_assert(civil_from_days(19727).day == 5);

}  // namespace overdue
