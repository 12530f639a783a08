// Shared strings (shared_strings.hpp).
#include "workbook/shared_strings.hpp"

#include <cstdlib>

namespace overdue {

void SharedStringsParser::on_start(std::string_view local, const char** attributes) {
  if (local == "t") {
    in_t_ = in_si_ > 0 && in_phonetic_ == 0;
  } else if (local == "si") {
    ++in_si_;
  } else if (local == "rPh") {
    ++in_phonetic_;
  } else if (local == "sst") {
    // Reserve for the declared count, but trust it only so far: a part may lie.
    if (const char* unique = xml_attribute(attributes, "uniqueCount")) {
      const unsigned long long n = std::strtoull(unique, nullptr, 10);
      pool_.end.reserve(static_cast<size_t>(n < (1u << 20) ? n : (1u << 20)));
    }
  }
}

void SharedStringsParser::on_end(std::string_view local) {
  if (local == "t") {
    in_t_ = false;
  } else if (local == "si") {
    if (in_si_ > 0 && --in_si_ == 0) pool_.end.push_back(pool_.bytes.size());
  } else if (local == "rPh") {
    if (in_phonetic_ > 0) --in_phonetic_;
  }
}

void SharedStringsParser::on_text(const char* text, int length) {
  if (in_t_) pool_.bytes.append(text, static_cast<size_t>(length));
}

}  // namespace overdue
