// Fuzz target: the CSV dialect sniffer and the record scanner (the hot loop of every import).
//
// The input is decoded text as the scanner receives it (any bytes: the scanner must not rely on
// the decoder having run). Every 0xFF byte is flagged as undecodable, as the decoder would flag
// a U+FFFD it wrote, so the "undecodable bytes" path is covered too. Checks, beyond "no crash,
// no sanitizer report":
// - sniff_dialect returns one of the five delimiters, on the whole text and on a cut sample;
// - RecordScanner fed the text whole and in pieces (sizes derived from the input) hands the sink
//   exactly the same records (line, raw text, fields, undecodable flag) and rejections, in the
//   same order, for the sniffed delimiter or another one picked from the input's hash;
// - every record's line is at least the previous one's, fields are views the sink can read.
// The same bytes through the whole FileImporter are fuzz_csv_import's job.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/dialect_sniffer.hpp"
#include "fuzz_support.hpp"
#include "import/record_scanner.hpp"

using namespace overdue;

namespace {

// Records everything the scanner says, as text, and learns the expected field count from the
// first record the way TableBuilder does (it changes how a stray quote is handled).
class RecordingSink : public RecordSink {
 public:
  explicit RecordingSink(RecordScanner& scanner) : scanner_(scanner) {}
  bool on_record(const ScannedRecord& r) override {
    if (!have_shape_) {
      have_shape_ = true;
      scanner_.set_expected_fields(r.field_count);
    }
    FUZZ_CHECK(r.line >= last_line_, "record lines go back");
    last_line_ = r.line;
    log += "R" + std::to_string(r.line) + (r.undecodable ? "!" : "") + "[" + std::string(r.raw) + "]";
    for (size_t i = 0; i < r.field_count; ++i) log += "|" + std::string(r.fields[i]);
    log += "\n";
    ++records;
    return true;
  }
  bool on_rejected(uint64_t line, ProblemKind kind, std::string_view raw) override {
    FUZZ_CHECK(line >= last_line_, "rejected lines go back");
    last_line_ = line;
    log += "X" + std::to_string(line) + " " + problem_text(kind) + "[" + std::string(raw) + "]\n";
    ++rejected;
    return true;
  }
  std::string log;
  uint64_t records = 0, rejected = 0;

 private:
  RecordScanner& scanner_;
  bool have_shape_ = false;
  uint64_t last_line_ = 0;
};

std::string scan(std::string_view text, char delimiter, const std::vector<size_t>* pieces) {
  RecordScanner scanner(delimiter);
  for (size_t i = 0; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) == 0xFF) scanner.undecodable_offsets().push_back(i);
  RecordingSink sink(scanner);
  if (pieces) {
    size_t at = 0;
    for (size_t len : *pieces) {
      scanner.feed(text.substr(at, len), sink);
      at += len;
    }
  } else {
    scanner.feed(text, sink);
  }
  scanner.finish(sink);
  return sink.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const uint64_t seed = fuzz::hash(bytes);

  // The sniffer and the scanner see the bytes as (possibly invalid) UTF-8 text: neither may
  // assume the decoder ran, since a bug there must not become a crash here.
  const Dialect dialect = sniff_dialect(bytes, true);
  const std::string_view delimiters = ",;\t| ";
  FUZZ_CHECK(delimiters.find(dialect.delimiter) != std::string_view::npos, "sniffed delimiter");
  sniff_dialect(bytes.substr(0, bytes.size() / 2), false);

  const char delimiter = (seed >> 40) % 3 == 0 ? delimiters[(seed >> 44) % 5] : dialect.delimiter;
  const std::vector<size_t> pieces = fuzz::chunk_sizes(size, seed);
  const std::string whole_log = scan(bytes, delimiter, nullptr);
  const std::string chunked_log = scan(bytes, delimiter, &pieces);
  FUZZ_CHECK(whole_log == chunked_log, "scanner whole vs chunked:\n" + whole_log + "----\n" + chunked_log);
  return 0;
}
