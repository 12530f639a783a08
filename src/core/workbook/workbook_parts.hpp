// The small parts that say where a workbook's sheets are: the workbook part (xl/workbook.xml: the
// sheets in order, their names, visibility and relationship ids; the date system) and a
// relationships part (xl/_rels/workbook.xml.rels: relationship id → target part).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "workbook/xml_stream.hpp"

namespace overdue {

struct WorkbookSheetEntry {
  std::string name;
  bool hidden = false;       // state="hidden" or "veryHidden"
  std::string relationship;  // r:id
};

struct WorkbookPart {
  std::vector<WorkbookSheetEntry> sheets;  // workbook order
  bool date1904 = false;                   // <workbookPr date1904="1"/>
};

class WorkbookPartParser : public XmlStream {
 public:
  WorkbookPart take() { return std::move(part_); }

 protected:
  void on_start(std::string_view local, const char** attributes) override;
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}

 private:
  WorkbookPart part_;
};

struct Relationship {
  std::string id;
  std::string type;    // ".../officeDocument/2006/relationships/worksheet"; ends in "/worksheet" …
  std::string target;  // as written: relative to the source part's folder, or absolute ("/xl/…")
  bool external = false;
};

class RelationshipsParser : public XmlStream {
 public:
  std::vector<Relationship> take() { return std::move(relationships_); }

 protected:
  void on_start(std::string_view local, const char** attributes) override;
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}

 private:
  std::vector<Relationship> relationships_;
};

// The zip entry name of a relationship's target: "worksheets/sheet1.xml" from "xl/workbook.xml" is
// "xl/worksheets/sheet1.xml"; "/xl/worksheets/sheet1.xml" is absolute; "." and ".." are resolved.
std::string resolve_part_name(std::string_view source_part, std::string_view target);

// The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string relationships_part_name(std::string_view part);

// Whether a relationship type names this kind ("worksheet", "sharedStrings", "styles",
// "officeDocument"), in the transitional or the strict namespace.
bool relationship_is(const Relationship& r, std::string_view kind);

}  // namespace overdue
