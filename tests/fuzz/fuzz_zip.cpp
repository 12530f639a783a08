// Fuzz target: the zip container (src/core/workbook/zip_archive.cpp) and the compound-file
// directory (compound_file.cpp), on the same bytes.
//
// The input is a file. Checks, beyond "no crash, no sanitizer report":
// - a damaged archive has no entries; every entry is read with ZipEntryReader in small chunks
//   derived from the input, and again whole with read_zip_entry: the two agree (bytes and error),
//   so the outcome does not depend on how the reading is cut;
// - pieces are never longer than asked, never empty before the end; a read without error produced exactly the directory's
//   size and consumed no more than its compressed size; nothing ever exceeds the 1 GB limit;
// - compound_file_names is empty exactly when classify says damaged, and names are UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "workbook/compound_file.hpp"
#include "workbook/zip_archive.hpp"

using namespace overdue;

namespace {

void check_zip(std::string_view bytes, uint64_t seed) {
  const ZipArchive zip(bytes);
  FUZZ_CHECK(zip.error().empty() || zip.entries().empty(), zip.error());
  fuzz::Rng rng{seed | 1};
  size_t read = 0;
  for (const ZipEntry& e : zip.entries()) {
    if (++read > 64) break;  // many tiny entries: the first 64 say enough
    ZipEntryReader reader(zip, e);
    std::string chunked;
    while (!reader.done()) {
      const uint32_t r = rng.next();
      const size_t ask = r % 3 == 0 ? 1 + r % 7 : r % 3 == 1 ? 1 + r % 4096 : 1 + r % 100000;
      const std::string_view piece = reader.next(ask);
      FUZZ_CHECK(piece.size() <= ask, e.name);
      FUZZ_CHECK(piece.empty() || reader.error().empty(), reader.error());
      FUZZ_CHECK(!piece.empty() || reader.done(), "an empty piece before the end");
      chunked.append(piece.data(), piece.size());
      FUZZ_CHECK(reader.produced() == chunked.size(), "produced() is not the bytes returned");
      FUZZ_CHECK(chunked.size() <= ZipArchive::kMaxEntryBytes, "over the entry limit");
    }
    FUZZ_CHECK(reader.next(16).empty(), "more after the end");
    if (reader.error().empty()) {
      FUZZ_CHECK(chunked.size() == e.uncompressed, e.name);
      FUZZ_CHECK(reader.consumed() <= e.compressed, e.name);
    }
    FileError error;
    const std::string whole = read_zip_entry(zip, e, error);
    FUZZ_CHECK(error.text == reader.error(), "chunked: '" + reader.error() + "' whole: '" + error.text + "'");
    FUZZ_CHECK(error.kind == reader.error_kind(), "chunked and whole reads give different kinds: " + e.name);
    FUZZ_CHECK(error.empty() == (error.kind == FileErrorKind::none), "an error without a kind: " + error.text);
    FUZZ_CHECK(!error.empty() || whole == chunked, "chunked and whole reads differ: " + e.name);
  }
  (void)zip.find("xl/workbook.xml");
  (void)zip.find("[Content_Types].xml");
}

void check_compound(std::string_view bytes) {
  const auto names = compound_file_names(bytes);
  const CompoundFileKind kind = classify_compound_file(bytes, "book.xls");
  if (kind == CompoundFileKind::damaged) FUZZ_CHECK(names.empty(), "damaged with names");
  for (const std::string& n : names) FUZZ_CHECK(fuzz::valid_utf8(n), "a name that is not UTF-8");
  const CompoundFileKind wps = classify_compound_file(bytes, "book.et");
  FUZZ_CHECK((kind == CompoundFileKind::damaged) == (wps == CompoundFileKind::damaged), "the name changed damage");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  check_zip(bytes, fuzz::hash(bytes));
  check_compound(bytes);
  return 0;
}
