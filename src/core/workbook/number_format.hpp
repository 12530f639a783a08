// A number cell's text from its value and its style's number format (workbook_reader.hpp states the
// conventions): what a format code means for the importer (a date, a time, a zero-padded id, or a
// plain number), and the texts: shortest round-trip decimals, ISO dates from Excel serials.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace overdue {

enum class NumberFormatKind : uint8_t {
  general,      // the number as the shortest decimal that reads back to the same double
  date,         // y, d, or a month m in the code: "2024-03-31" (+ " 13:45:00" with a time of day)
  time,         // h, s or a minute m only: "13:45:00" below one day, else as a date
  zero_padded,  // "0000000", "\"INV\"000000": prefix + the integer padded to `digits` + suffix
};

struct NumberFormat {
  NumberFormatKind kind = NumberFormatKind::general;
  uint8_t digits = 0;  // zero_padded: the width of the 0-run
  std::string prefix;  // zero_padded: literal text before and after the digits
  std::string suffix;
};

// The built-in format ids (ECMA-376 Part 1, §18.8.30 numFmt): 14–22 and 45–47 are dates and times
// in every locale; 27–36 and 50–58 are the East Asian ones (zh-CN: yyyy"年"m"月", m"月"d"日",
// yyyy"年"m"月"d"日", h"时"mm"分", 上午/下午h"时"mm"分"…; zh-TW, ja-JP and ko-KR use era and
// date codes at the same ids), written only as ids by Excel in those locales. Other ids: general.
NumberFormat builtin_number_format(uint32_t id);

// A custom format code (<numFmt formatCode=…>). Quoted text, backslash escapes, "_x" paddings,
// "*x" fills and [...] brackets ([Red], [$-409], [$€-407], [>=100]) are not codes; [h] [m] [s]
// (elapsed time) are left as plain numbers — a duration is no date. The first section (before
// ';') decides; "General" and "@" are general.
NumberFormat parse_number_format(std::string_view code);

// Appends the shortest text that strtod reads back to the same double, trying 15, 16 and 17
// significant digits (snprintf "%.*e": deterministic natively and in wasm); no exponent for
// 1e-6 ≤ |x| < 1e21 ("0.000001", "123456789012345680000"), else "1.5e-7"; -0 is "0".
void append_number_text(std::string& out, double value);

// The same for a <v> text as stored: plain decimals of at most 15 significant digits are copied
// (normalised: no trailing fractional zeros, no leading zeros) without a round trip through double;
// anything else is parsed and formatted. Returns false (nothing appended) when `v` is no number.
bool append_number_text(std::string& out, std::string_view v);

// A serial of the 1900 (Lotus-compatible: serial 60 is the fictitious 1900-02-29, serials below 61
// are one day later than a plain count) or 1904 system as "yyyy-mm-dd", with " hh:mm:ss" when
// the serial has a time of day (rounded to the second). Serials outside 1900…9999 are written as
// numbers. `time_only` (a time format): a serial below one day is "hh:mm:ss".
void append_serial_text(std::string& out, double serial, bool date1904, bool time_only);

// The cell text of a number with this format; true when it was written as a date (a "true date
// cell" for the day/month swap check, date_swap.hpp).
bool append_formatted_number(std::string& out, std::string_view v, const NumberFormat& format,
                             bool date1904);

}  // namespace overdue
