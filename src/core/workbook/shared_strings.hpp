// The shared strings part (xl/sharedStrings.xml, <sst>) streamed into a string pool: one buffer
// of text and the end of each string, so a part with a million strings costs its text plus eight
// bytes a string, not a std::string each.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "workbook/xml_stream.hpp"

namespace overdue {

struct StringPool {
  std::string bytes;
  std::vector<uint64_t> end;

  size_t size() const { return end.size(); }
  std::string_view at(size_t i) const {
    const uint64_t b = i == 0 ? 0 : end[i - 1];
    return std::string_view(bytes).substr(b, end[i] - b);
  }
};

// <si><t>plain</t></si> or rich text <si><r><rPr/><t>ru</t></r><r><t>ns</t></r></si> (the runs'
// texts joined); phonetic guides (<rPh><t>ふりがな</t></rPh>) are not the cell's text. Text is kept
// as written: xml:space="preserve" only tells other readers not to trim, and expat never does.
class SharedStringsParser : public XmlStream {
 public:
  size_t strings() const { return pool_.size(); }
  StringPool take() { return std::move(pool_); }

 protected:
  void on_start(std::string_view local, const char** attributes) override;
  void on_end(std::string_view local) override;
  void on_text(const char* text, int length) override;

 private:
  StringPool pool_;
  int in_si_ = 0;
  int in_phonetic_ = 0;
  bool in_t_ = false;
};

}  // namespace overdue
