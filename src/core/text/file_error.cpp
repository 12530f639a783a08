// File-level errors: kind names and the sentence in each language (file_error.hpp).
#include "overdue/text/file_error.hpp"

#include <iterator>

#include "overdue/text/strings.hpp"

namespace overdue {
namespace {

constexpr std::string_view kNames[] = {
    "none",           "empty_file",     "binary_file",      "undecodable_header", "header_line_missing",
    "not_a_workbook", "password_protected", "unsupported_format", "damaged_workbook", "workbook_empty",
    "sheet_not_found", "too_large",     "out_of_memory",    "unreadable",
};
static_assert(std::size(kNames) == static_cast<size_t>(FileErrorKind::unreadable) + 1,
              "one name per FileErrorKind");
static_assert(static_cast<int>(S::file_error_unreadable) - static_cast<int>(S::file_error_empty_file) ==
                  static_cast<int>(FileErrorKind::unreadable) - 1,
              "one string per FileErrorKind, in its order");

}  // namespace

std::string_view file_error_kind_name(FileErrorKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < std::size(kNames) ? kNames[i] : std::string_view();
}

std::string file_error_message(FileErrorKind kind, const std::string& english, Lang lang) {
  if (lang == Lang::en || kind == FileErrorKind::none) return english;
  // The string table lists the kinds from empty_file on, in the enum's order.
  const auto id = static_cast<S>(static_cast<int>(S::file_error_empty_file) + static_cast<int>(kind) - 1);
  std::string out = text(id, lang);
  // The English of these two says nothing the Chinese sentence does not.
  if (kind == FileErrorKind::empty_file || kind == FileErrorKind::password_protected || english.empty())
    return out;
  return out + "（" + english + "）";
}

}  // namespace overdue
