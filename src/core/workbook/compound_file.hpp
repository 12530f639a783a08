// OLE2 compound files (the container of .xls, of a password-protected .xlsx, and of older WPS
// .et files): only the directory's stream names are read, to say which one a file is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

enum class CompoundFileKind {
  encrypted_workbook,  // an EncryptionInfo stream: an .xlsx with a password
  excel_97_2003,       // a Workbook or Book stream: .xls
  wps_spreadsheet,     // WPS 表格 .et (by its streams, else by the file name)
  other,               // a compound file that is no workbook (.doc, .msg, …)
  damaged,             // not a readable compound file
};

// The stream and storage names of the directory (UTF-16 names as UTF-8). Empty when damaged.
std::vector<std::string> compound_file_names(std::string_view bytes);
CompoundFileKind classify_compound_file(std::string_view bytes, std::string_view file_name);

}  // namespace overdue
