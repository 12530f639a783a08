// Fuzz target: the money / number parser (parse_number) and the cell helpers around it
// (trim_cell, is_missing_marker).
//
// The input is one cell's text. Checks, beyond "no crash, no sanitizer report":
// - ok ⇒ cents is not the missing marker; integer_form ⇒ whole units; |value × 100 − cents| is
//   at most half a cent plus double rounding (cents are exact, value the nearest double);
// - the fast path for plain numbers ("-12.5") and the general path (reached by putting a
//   currency sign in front: "¥-12.5") give bit-identical results;
// - the canonical text of the cents ("-12.50") parses back to the same cents;
// - trim_cell returns a sub-view that is idempotent.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "overdue/text/value_parsers.hpp"

using namespace overdue;

namespace {

std::string cents_text(int64_t cents) {
  const bool negative = cents < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  std::string fraction = std::to_string(magnitude % 100);
  if (fraction.size() < 2) fraction.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void check(std::string_view cell, DecimalMark mark, bool dash_zero) {
  const ParsedNumber r = parse_number(cell, mark, dash_zero);
  if (!r.ok()) {
    FUZZ_CHECK(r.cents == kMissingCents, "not ok but cents set");
    return;
  }
  FUZZ_CHECK(r.cents != kMissingCents, "ok with missing cents");
  FUZZ_CHECK(std::isfinite(r.value), "ok with a non-finite value");
  if (r.integer_form) FUZZ_CHECK(r.cents % 100 == 0, "integer form with cents");
  const double gap = std::fabs(r.value * 100.0 - static_cast<double>(r.cents));
  FUZZ_CHECK(gap <= 0.5 + 1e-9 * std::fabs(r.value * 100.0) + 1e-9,
             std::string(cell) + " → cents " + std::to_string(r.cents) + ", value " + std::to_string(r.value));

  const ParsedNumber back = parse_number(cents_text(r.cents), DecimalMark::point, false);
  FUZZ_CHECK(back.ok() && back.cents == r.cents, cents_text(r.cents) + " does not read back");

  const bool plain_start = !cell.empty() && (cell[0] == '-' ? cell.size() > 1 && cell[1] >= '0' && cell[1] <= '9'
                                                           : cell[0] >= '0' && cell[0] <= '9');
  if (plain_start && !(cell.size() == 1 && cell[0] == '-')) {
    const ParsedNumber general = parse_number("\xC2\xA5" + std::string(cell), mark, dash_zero);
    FUZZ_CHECK(general.status == r.status && general.cents == r.cents && general.integer_form == r.integer_form &&
                   same_bits(general.value, r.value),
               std::string(cell) + ": fast path and general path differ");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view cell = fuzz::as_view(data, size);
  const std::string_view trimmed = trim_cell(cell);
  FUZZ_CHECK(trimmed.data() >= cell.data() && trimmed.data() + trimmed.size() <= cell.data() + cell.size(),
             "trim_cell left the cell");
  FUZZ_CHECK(trim_cell(trimmed) == trimmed, "trim_cell not idempotent");
  is_missing_marker(cell, true);
  is_missing_marker(cell, false);
  for (DecimalMark mark : {DecimalMark::point, DecimalMark::comma})
    for (bool dash_zero : {false, true}) {
      check(trimmed, mark, dash_zero);
      parse_number(cell, mark, dash_zero);  // untrimmed text must be safe too
    }
  return 0;
}
