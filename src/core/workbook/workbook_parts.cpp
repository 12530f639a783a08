// Workbook and relationships parts (workbook_parts.hpp).
#include "workbook/workbook_parts.hpp"

namespace overdue {

namespace {
bool is_true(const char* v) {
  return v && (std::string_view(v) == "1" || std::string_view(v) == "true");
}
}  // namespace

void WorkbookPartParser::on_start(std::string_view local, const char** attributes) {
  if (local == "sheet") {
    WorkbookSheetEntry sheet;
    if (const char* name = xml_attribute(attributes, "name")) sheet.name = name;
    if (const char* state = xml_attribute(attributes, "state"))
      sheet.hidden = std::string_view(state) == "hidden" || std::string_view(state) == "veryHidden";
    if (const char* id = xml_namespaced_attribute(attributes, "id")) sheet.relationship = id;
    part_.sheets.push_back(std::move(sheet));
  } else if (local == "workbookPr") {
    part_.date1904 = is_true(xml_attribute(attributes, "date1904"));
  }
}

void RelationshipsParser::on_start(std::string_view local, const char** attributes) {
  if (local != "Relationship") return;
  Relationship r;
  if (const char* v = xml_attribute(attributes, "Id")) r.id = v;
  if (const char* v = xml_attribute(attributes, "Type")) r.type = v;
  if (const char* v = xml_attribute(attributes, "Target")) r.target = v;
  if (const char* v = xml_attribute(attributes, "TargetMode"))
    r.external = std::string_view(v) == "External";
  relationships_.push_back(std::move(r));
}

std::string resolve_part_name(std::string_view source_part, std::string_view target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    target.remove_prefix(1);
  } else {
    const size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) path.assign(source_part.substr(0, slash + 1));
  }
  path.append(target);
  // Resolve "." and ".." segments.
  std::vector<std::string> segments;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    if (slash == std::string::npos) slash = path.size();
    const std::string segment = path.substr(begin, slash - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    begin = slash + 1;
  }
  std::string out;
  for (const std::string& s : segments) {
    if (!out.empty()) out.push_back('/');
    out.append(s);
  }
  return out;
}

std::string relationships_part_name(std::string_view part) {
  const size_t slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(name) + ".rels";
}

bool relationship_is(const Relationship& r, std::string_view kind) {
  const std::string_view type(r.type);
  return type.size() > kind.size() && type.substr(type.size() - kind.size()) == kind &&
         type[type.size() - kind.size() - 1] == '/';
}

}  // namespace overdue
