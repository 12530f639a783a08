// Containers and part locations (workbook_container.hpp).
#include "workbook/workbook_container.hpp"

#include "workbook/compound_file.hpp"

namespace overdue {

FileError compound_file_message(std::string_view bytes, std::string_view file_name) {
  switch (classify_compound_file(bytes, file_name)) {
    case CompoundFileKind::encrypted_workbook:
      return {FileErrorKind::password_protected, "password-protected: remove the password in Excel"};
    case CompoundFileKind::excel_97_2003:
      return {FileErrorKind::unsupported_format, "Excel 97–2003 (.xls): save it as .xlsx or CSV"};
    case CompoundFileKind::wps_spreadsheet:
      return {FileErrorKind::unsupported_format, "a WPS spreadsheet (.et): save it as .xlsx or CSV"};
    case CompoundFileKind::other: return {FileErrorKind::not_a_workbook, "an Office file that is not a workbook"};
    case CompoundFileKind::damaged: break;
  }
  return {FileErrorKind::damaged_workbook, "a damaged Office file (compound file): not readable as a workbook"};
}

namespace {

// A small part read whole and parsed; "" or what went wrong.
template <class Parser>
FileError parse_part(const ZipArchive& zip, const ZipEntry& entry, Parser& parser) {
  FileError error;
  const std::string xml = read_zip_entry(zip, entry, error);
  if (!error.empty()) return error;
  if (!parser.feed(xml, true)) return {FileErrorKind::damaged_workbook, "damaged workbook: " + entry.name + " " + parser.error()};
  return {};
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

const ZipEntry* find_zip_part(const ZipArchive& zip, std::string_view name) {
  if (const ZipEntry* e = zip.find(name)) return e;
  for (const ZipEntry& e : zip.entries())
    if (equal_ignoring_ascii_case(e.name, name)) return &e;
  return nullptr;
}

FileError locate_workbook(const ZipArchive& zip, WorkbookLocation& out) {
  // An OpenDocument package names its type in a first, stored entry "mimetype".
  if (const ZipEntry* mimetype = zip.find("mimetype")) {
    FileError error;
    const std::string type = trimmed(read_zip_entry(zip, *mimetype, error));
    if (type == "application/vnd.oasis.opendocument.spreadsheet")
      return {FileErrorKind::unsupported_format, "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV"};
  }
  // The package relationships name the main part; Excel's is xl/workbook.xml (xl/workbook.bin in
  // an .xlsb).
  std::string workbook_name = "xl/workbook.xml";
  if (const ZipEntry* package_rels = find_zip_part(zip, "_rels/.rels")) {
    RelationshipsParser parser;
    if (parse_part(zip, *package_rels, parser).empty()) {
      for (const Relationship& r : parser.take())
        if (relationship_is(r, "officeDocument") && !r.external) {
          workbook_name = resolve_part_name("", r.target);
          break;
        }
    }
  }
  const size_t n = workbook_name.size();
  if (zip.find("xl/workbook.bin") || (n > 4 && workbook_name.compare(n - 4, 4, ".bin") == 0))
    return {FileErrorKind::unsupported_format, "an Excel binary workbook (.xlsb): save it as .xlsx or CSV"};
  const ZipEntry* workbook = find_zip_part(zip, workbook_name);
  if (!workbook && workbook_name != "xl/workbook.xml") {
    workbook_name = "xl/workbook.xml";
    workbook = find_zip_part(zip, workbook_name);
  }
  if (!workbook) return {FileErrorKind::not_a_workbook, "a zip archive but not an Excel workbook"};

  WorkbookPartParser workbook_parser;
  if (FileError error = parse_part(zip, *workbook, workbook_parser); !error.empty()) return error;
  WorkbookPart part = workbook_parser.take();
  out.date1904 = part.date1904;

  std::vector<Relationship> relationships;
  if (const ZipEntry* rels = find_zip_part(zip, relationships_part_name(workbook_name))) {
    RelationshipsParser parser;
    if (FileError error = parse_part(zip, *rels, parser); !error.empty()) return error;
    relationships = parser.take();
  }
  auto target_of = [&](std::string_view kind, std::string_view id) -> std::string {
    for (const Relationship& r : relationships)
      if (!r.external && (id.empty() ? relationship_is(r, kind) : r.id == id))
        return resolve_part_name(workbook_name, r.target);
    return "";
  };
  for (size_t i = 0; i < part.sheets.size(); ++i) {
    SheetPartLocation sheet;
    sheet.name = std::move(part.sheets[i].name);
    sheet.hidden = part.sheets[i].hidden;
    sheet.part = target_of("", part.sheets[i].relationship);
    // Without relationships, Excel's own naming is the best guess.
    if (sheet.part.empty() && relationships.empty())
      sheet.part = "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
    if (!sheet.part.empty()) sheet.entry = find_zip_part(zip, sheet.part);
    out.sheets.push_back(std::move(sheet));
  }
  std::string strings = target_of("sharedStrings", "");
  out.shared_strings = find_zip_part(zip, strings.empty() ? "xl/sharedStrings.xml" : strings);
  std::string styles = target_of("styles", "");
  out.styles = find_zip_part(zip, styles.empty() ? "xl/styles.xml" : styles);
  return {};
}

}  // namespace overdue
