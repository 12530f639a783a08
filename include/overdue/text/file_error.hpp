// Why a whole file could not be read (issue #16: errors carry a kind). A file-level error is a
// FileErrorKind plus the English sentence the CLI prints in its JSON — the sentence stays byte for
// byte what the producers wrote before the kinds existed (the golden outputs pin it), and the kind
// lets the page word it in its own language and a test check it without comparing text.
//
// Row and cell problems have their own vocabulary (problem.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "overdue/text/lang.hpp"

namespace overdue {

enum class FileErrorKind : uint8_t {
  none,
  empty_file,           // no bytes, or no record
  binary_file,          // an image, an archive, NUL or control bytes: not text
  undecodable_header,   // the header row holds bytes of no known encoding
  header_line_missing,  // the header line chosen by hand has no record
  not_a_workbook,       // a zip or an Office file that holds no workbook
  password_protected,   // an encrypted workbook (Excel's "Encrypt with password")
  unsupported_format,   // .xls, .xlsb, .ods, .et, a spanned or encrypted zip, an unknown compression
  damaged_workbook,     // a part or the zip itself is broken
  workbook_empty,       // no sheet, or only hidden ones, or only empty ones
  sheet_not_found,      // the sheet asked for by name or number is not there
  too_large,            // over a size limit (a sheet's cells, a part's expanded size, a zip bomb)
  out_of_memory,
  unreadable,           // anything else
};

// One file-level error: its kind and the English sentence.
struct FileError {
  FileErrorKind kind = FileErrorKind::none;
  std::string text;
  bool empty() const { return text.empty(); }
};

// A stable snake_case key ("empty_file", …) for tests and translation.
std::string_view file_error_kind_name(FileErrorKind kind);
// The sentence in `lang`: the English text as it is; in Chinese, what happened in Chinese, with the
// English detail (part names, line numbers) in brackets when it says more than the kind.
std::string file_error_message(FileErrorKind kind, const std::string& english, Lang lang);

}  // namespace overdue
