// Fuzz target: the whole streaming FileImporter (sniff → decode → scan → build → type → roles),
// fed whole and in pieces.
//
// The input is a file's bytes. Checks, beyond "no crash, no sanitizer report":
// - the imported file keeps its invariants (read = accepted + rejected, one row line per accepted
//   row, every column as long as the rows, … : fuzz::broken_invariant);
// - fed whole (import_bytes) and in pieces whose sizes derive from the input, every field of the
//   two ImportedFiles is identical (fuzz::first_difference), and bytes_fed counts every byte.
// Files shorter than FileImporter::kSniffBytes are all held until finish(), so one input in 16 is
// also repeated past that size: then the sniffers run on the first 64 KiB and the rest streams
// through the decoder and the scanner piece by piece, as a large real file does.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "overdue/import/importer.hpp"

using namespace overdue;

namespace {

ImportedFile import_pieces(std::string_view bytes, const std::vector<size_t>& pieces) {
  FileImporter importer("fuzz.csv");
  size_t at = 0;
  for (size_t len : pieces) {
    importer.feed(bytes.substr(at, len));
    at += len;
  }
  FUZZ_CHECK(importer.bytes_fed() == bytes.size(), "bytes_fed");
  return importer.finish();
}

void check_importer(std::string_view bytes, uint64_t seed) {
  const ImportedFile whole = import_bytes("fuzz.csv", bytes);
  const std::string broken = fuzz::broken_invariant(whole);
  FUZZ_CHECK(broken.empty(), broken);
  const ImportedFile chunked = import_pieces(bytes, fuzz::chunk_sizes(bytes.size(), seed));
  const std::string diff = fuzz::first_difference(whole, chunked);
  FUZZ_CHECK(diff.empty(), "whole vs chunked: " + diff);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const uint64_t seed = fuzz::hash(bytes);
  check_importer(bytes, seed);
  if (size > 0 && seed % 16 == 0) {
    std::string big;
    big.reserve(FileImporter::kSniffBytes + 2 * size);
    while (big.size() < FileImporter::kSniffBytes + size) big.append(bytes);
    check_importer(big, seed >> 4);
  }
  return 0;
}
