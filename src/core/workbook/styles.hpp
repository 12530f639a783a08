// The styles part (xl/styles.xml): for each cell style index (<c s="…">, an index into <cellXfs>),
// what its number format means for the cell's text (number_format.hpp). Fonts, fills and borders
// are not read.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "workbook/number_format.hpp"
#include "workbook/xml_stream.hpp"

namespace overdue {

struct CellStyles {
  std::vector<NumberFormat> formats;  // by style index
  // A style index that is not there (no styles part, or a damaged one) is General.
  const NumberFormat& at(uint32_t style) const {
    static const NumberFormat general;
    return style < formats.size() ? formats[style] : general;
  }
};

class StylesParser : public XmlStream {
 public:
  CellStyles take();

 protected:
  void on_start(std::string_view local, const char** attributes) override;
  void on_end(std::string_view local) override;
  void on_text(const char*, int) override {}

 private:
  std::unordered_map<uint32_t, std::string> custom_codes_;  // <numFmts>: numFmtId → formatCode
  std::vector<uint32_t> style_format_ids_;                   // <cellXfs>: numFmtId of each <xf>
  bool in_cell_xfs_ = false;
};

}  // namespace overdue
