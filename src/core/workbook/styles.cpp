// Styles (styles.hpp).
#include "workbook/styles.hpp"

#include <cstdlib>

namespace overdue {

namespace {
uint32_t number_attribute(const char** attributes, std::string_view name) {
  const char* v = xml_attribute(attributes, name);
  return v ? static_cast<uint32_t>(std::strtoul(v, nullptr, 10)) : 0;
}
}  // namespace

void StylesParser::on_start(std::string_view local, const char** attributes) {
  if (local == "numFmt") {
    const char* code = xml_attribute(attributes, "formatCode");
    if (code) custom_codes_[number_attribute(attributes, "numFmtId")] = code;
  } else if (local == "cellXfs") {
    in_cell_xfs_ = true;
  } else if (local == "xf" && in_cell_xfs_) {
    style_format_ids_.push_back(number_attribute(attributes, "numFmtId"));
  }
}

void StylesParser::on_end(std::string_view local) {
  if (local == "cellXfs") in_cell_xfs_ = false;
}

CellStyles StylesParser::take() {
  CellStyles styles;
  styles.formats.reserve(style_format_ids_.size());
  for (const uint32_t id : style_format_ids_) {
    // A part may redefine a built-in id; its own code wins.
    const auto custom = custom_codes_.find(id);
    styles.formats.push_back(custom != custom_codes_.end() ? parse_number_format(custom->second)
                                                           : builtin_number_format(id));
  }
  return styles;
}

}  // namespace overdue
