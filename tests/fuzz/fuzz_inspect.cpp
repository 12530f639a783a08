// Fuzz target: the whole `inspect` path — import_bytes (detection, decoding, scanning, typing,
// roles, table kind) and inspect_file_json / inspect_json — as the CLI and the page run it.
//
// The input is a file's bytes. Checks, beyond "no crash, no sanitizer report":
// - the imported file keeps its invariants (read = accepted + rejected, …);
// - both JSON texts parse with nlohmann, hold the file's name, and repeat its error or its exact
//   row counts and column count;
// - re-typing every column after a role change (what the mapping screen does) keeps the invariants.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/report/inspect_json.hpp"

using namespace overdue;
using nlohmann::json;

namespace {

void check_json(const json& j, const ImportedFile& f) {
  FUZZ_CHECK(j.is_object() && j.value("name", std::string()) == f.name, "file name");
  if (!f.error.empty()) {
    FUZZ_CHECK(j.value("error", std::string()) == f.error, "error");
    return;
  }
  const json& rows = j.at("rows");
  FUZZ_CHECK(rows.at("read").get<uint64_t>() == f.rows.read && rows.at("accepted").get<uint64_t>() == f.rows.accepted &&
                 rows.at("rejected").get<uint64_t>() == f.rows.rejected,
             "row counts");
  FUZZ_CHECK(j.at("columns").size() == f.columns.size(), "column count");
  FUZZ_CHECK(j.at("rejected").size() == f.rejected.size(), "rejected count");
  FUZZ_CHECK(j.at("cell_errors").size() == f.cell_errors.size(), "cell error count");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const uint64_t seed = fuzz::hash(bytes);
  std::vector<ImportedFile> files;
  files.push_back(import_bytes("fuzz \"file\".csv", bytes));
  ImportedFile& f = files.back();
  std::string broken = fuzz::broken_invariant(f);
  FUZZ_CHECK(broken.empty(), broken);

  const std::string one = inspect_file_json(f);
  FUZZ_CHECK(json::accept(one), "inspect_file_json is not JSON:\n" + one);
  check_json(json::parse(one), f);
  const std::string all = inspect_json(files);
  FUZZ_CHECK(json::accept(all), "inspect_json is not JSON");
  const json doc = json::parse(all);
  FUZZ_CHECK(doc.at("files").size() == 1, "files");
  check_json(doc.at("files").at(0), f);

  if (f.error.empty() && !f.columns.empty()) {
    static const Role kRoles[] = {Role::amount,      Role::invoice_date, Role::due_date,
                                  Role::customer_id, Role::paid_amount,  Role::none};
    Column& c = f.columns[seed % f.columns.size()];
    c.role = kRoles[(seed >> 16) % 6];
    c.role_set_by_user = true;
    c.date_order = static_cast<DateOrder>((seed >> 24) % 3);
    retype_column(f, seed % f.columns.size());
    broken = fuzz::broken_invariant(f);
    FUZZ_CHECK(broken.empty(), "after retype_column: " + broken);
    FUZZ_CHECK(json::accept(inspect_file_json(f)), "inspect_file_json after retype_column");
  }
  return 0;
}
