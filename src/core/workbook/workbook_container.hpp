// What a file's container holds (issue #18's bad inputs) and where an .xlsx/.xlsm's parts are:
// a compound file (.xls, a password-protected workbook, WPS .et), an .xlsb, an .ods, another zip,
// or an Office Open XML workbook with its workbook part, sheets, shared strings and styles.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "workbook/workbook_parts.hpp"
#include "workbook/zip_archive.hpp"

namespace overdue {

// The message for a file that is a compound file (compound_file.hpp says which kind).
FileError compound_file_message(std::string_view bytes, std::string_view file_name);

// Two names equal when ASCII letters' case is ignored (sheet names asked for, zip entry names).
bool equal_ignoring_ascii_case(std::string_view a, std::string_view b);

// A zip entry by name: exactly, else ignoring ASCII case (a few generators' relationships and
// entries disagree on case). nullptr when absent.
const ZipEntry* find_zip_part(const ZipArchive& zip, std::string_view name);

struct SheetPartLocation {
  std::string name;
  bool hidden = false;
  std::string part;                // zip entry name ("xl/worksheets/sheet1.xml")
  const ZipEntry* entry = nullptr; // nullptr: the part is missing
};

struct WorkbookLocation {
  std::vector<SheetPartLocation> sheets;  // workbook order
  bool date1904 = false;
  const ZipEntry* shared_strings = nullptr;  // nullptr: none (a book of numbers only)
  const ZipEntry* styles = nullptr;          // nullptr: every cell is General
};

// Finds the workbook in a zip: checks what kind of zip it is, then reads the workbook part and its
// relationships. Returns an error a user can act on, or an empty one with `out` filled in.
FileError locate_workbook(const ZipArchive& zip, WorkbookLocation& out);

}  // namespace overdue
