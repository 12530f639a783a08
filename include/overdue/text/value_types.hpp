// The value conventions every module shares: missing money and dates, and the day/month order of
// a numeric date column.
#pragma once
#include <cstdint>
#include <limits>

namespace overdue {

// Day/month order of a numeric date column such as 05/01/2024.
enum class DateOrder { automatic, month_first, day_first };

constexpr int64_t kMissingCents = std::numeric_limits<int64_t>::min();
constexpr int32_t kMissingDays = std::numeric_limits<int32_t>::min();

}  // namespace overdue
