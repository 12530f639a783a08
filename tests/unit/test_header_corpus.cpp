// The header corpus (issue #17): tests/data/headers holds one small CSV per invoicing or
// accounting tool (its documented export's header line and a few plausible rows) and beside it a
// .expect file giving the table kind and the role a bookkeeper would give each column:
//   # title and source lines
//   kind => ledger
//   Header => role          (nothing after "=>": the column has no role)
//   Header => role [pending-typing]
// "[pending-typing]" marks an expectation that only fails because of column typing (dates written
// 20200126.0, issue #17 item 7), which another part of the issue fixes: it is reported, not failed,
// either way (a message says when it passes, so the marker can go without breaking a merge).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/import/role_assignment.hpp"

using namespace overdue;

namespace {

const std::string kCorpus = std::string(OL_SOURCE_DIR) + "/tests/data/headers/";

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Expectation {
  std::string header;
  std::string role;  // "" for no role
  bool pending_typing = false;
};

struct CorpusFile {
  std::string name;  // without extension
  std::string kind;
  std::vector<Expectation> columns;
};

std::string trim(std::string s) {
  const auto not_space = [](unsigned char ch) { return ch != ' ' && ch != '\t' && ch != '\r'; };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

CorpusFile read_expectations(const std::string& name) {
  CorpusFile f;
  f.name = name;
  std::istringstream lines(read_all(kCorpus + name + ".expect"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t arrow = line.find(" => ");
    REQUIRE_MESSAGE(arrow != std::string::npos, name << ".expect: no ' => ' in: " << line);
    Expectation e{line.substr(0, arrow), trim(line.substr(arrow + 4))};
    const std::string marker = "[pending-typing]";
    if (const size_t at = e.role.find(marker); at != std::string::npos) {
      e.pending_typing = true;
      e.role = trim(e.role.erase(at, marker.size()));
    }
    if (e.header == "kind") f.kind = e.role;
    else f.columns.push_back(e);
  }
  return f;
}

std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus))
    if (entry.path().extension() == ".expect") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("header corpus: at least 15 tools, each CSV with its expectations") {
  const std::vector<std::string> names = corpus_names();
  CHECK(names.size() >= 15);
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK(std::filesystem::exists(kCorpus + name + ".csv"));
    const std::string expect = read_all(kCorpus + name + ".expect");
    CHECK(expect.find("# source: ") != std::string::npos);  // where the header line comes from
  }
}

TEST_CASE("header corpus: every tool's export gets the bookkeeper's kind and roles") {
  size_t pending = 0;
  for (const std::string& name : corpus_names()) {
    CAPTURE(name);
    const CorpusFile expected = read_expectations(name);
    const ImportedFile f = import_bytes(name + ".csv", read_all(kCorpus + name + ".csv"));
    REQUIRE(f.error.empty());
    CHECK(table_kind_name(f.table_kind) == expected.kind);
    // Every column of the file is listed, in order.
    REQUIRE(f.columns.size() == expected.columns.size());
    for (size_t i = 0; i < f.columns.size(); ++i) {
      const Column& c = f.columns[i];
      const Expectation& e = expected.columns[i];
      CAPTURE(e.header);
      CHECK(c.name == e.header);
      const std::string role(role_name(c.role));
      if (e.pending_typing) {
        // Reported until the typing fix lands; then the marker must go.
        if (role != e.role) {
          ++pending;
          MESSAGE(name << ": '" << e.header << "' is " << (role.empty() ? "unmapped" : role) << ", expected "
                       << e.role << " once column typing reads it (pending-typing)");
        } else {
          MESSAGE(name << ": '" << e.header << "' passes now: its [pending-typing] marker can go");
        }
        continue;
      }
      CHECK(role == e.role);
      // A role comes with its confidence and deciding words; no role, neither.
      if (c.role == Role::none) {
        CHECK(c.role_confidence == 0);
        CHECK(c.matched_words.empty());
      } else {
        CHECK(c.role_confidence > 0);
        CHECK(c.role_confidence <= 1);
        CHECK_FALSE(c.matched_words.empty());
      }
    }
    CHECK(decide_table_kind(f) == f.table_kind);
  }
  MESSAGE(pending << " corpus expectation(s) pending the typing fix");
}
