// The HTML report (issue #6, report_html.hpp): every section is there, every figure it marks with
// data-key equals the analysis JSON's (and the model JSON's), user text is escaped, nothing points
// outside the file, both languages, the rejected-rows cap, and the print rules.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "overdue/report/model_json.hpp"
#include "overdue/report/html_report.hpp"
#include "test_report_support.hpp"

using namespace report_test;

namespace {

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities)
    for (size_t p; (p = s.find(from)) != std::string::npos;)
      s.replace(p, std::string(from).size(), to);
  return s;
}

const nlohmann::json* resolve(const nlohmann::json& doc, const std::string& key) {
  const nlohmann::json* node = &doc;
  size_t b = 0;
  while (b <= key.size()) {
    const size_t e = key.find('.', b);
    const std::string part = key.substr(b, e == std::string::npos ? std::string::npos : e - b);
    if (node->is_array()) {
      const size_t i = std::stoul(part);
      if (i >= node->size()) return nullptr;
      node = &(*node)[i];
    } else if (node->is_object() && node->contains(part)) {
      node = &(*node)[part];
    } else {
      return nullptr;
    }
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return node;
}

// Compares every marked figure with the JSON; returns how many were compared.
size_t check_figures(const std::string& html, const nlohmann::json& analysis,
                     const nlohmann::json* model) {
  size_t compared = 0;
  for (const Figure& f : figures(html)) {
    const bool in_model = f.key.rfind("model.", 0) == 0;
    if (f.key == "rejected_count") continue;  // the listed count: checked with the rejected rows
    const nlohmann::json* doc = in_model ? model : &analysis;
    REQUIRE_MESSAGE(doc != nullptr, f.key);
    const nlohmann::json* v = resolve(*doc, in_model ? f.key.substr(6) : f.key);
    REQUIRE_MESSAGE(v != nullptr, "no JSON value for " << f.key);
    INFO(f.key << " = " << f.value);
    if (f.unit == "cents") {
      REQUIRE(v->is_number());
      CHECK(std::llround(v->get<double>() * 100) == std::stoll(f.value));
    } else if (v->is_string()) {
      CHECK(v->get<std::string>() == unescape(f.value));
    } else {
      REQUIRE(v->is_number());
      CHECK(v->get<double>() == doctest::Approx(std::stod(f.value)).epsilon(1e-12));
    }
    ++compared;
  }
  return compared;
}

std::string report(const Analysed& a, Lang lang, const ModelLab* lab = nullptr) {
  return analysis_report_html(a.analysis(), lang, lab, "accounts.csv");
}

}  // namespace

TEST_CASE("report: every section, in both languages, figures equal the analysis JSON") {
  const Analysed a = analyse_mixed();
  REQUIRE(a.find("T") != nullptr);
  REQUIRE(a.find("L") != nullptr);
  REQUIRE(a.find("S") != nullptr);
  REQUIRE(a.find(kHostile) != nullptr);
  const nlohmann::json analysis = nlohmann::json::parse(
      analysis_json(a.analysis()));
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string html = report(a, lang);
    for (const char* id :
         {"reconciliation", "parameters", "metrics", "aging", "trend", "customers", "allowance"})
      CHECK_MESSAGE(html.find(std::string("id=\"") + id + "\"") != std::string::npos, id);
    CHECK(html.find("id=\"model\"") == std::string::npos);  // no lab given
    CHECK(html.find(lang == Lang::zh ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">") !=
          std::string::npos);
    CHECK(html.find(text(S::report_title, lang)) != std::string::npos);
    CHECK(html.find(text(S::report_title, lang == Lang::zh ? Lang::en : Lang::zh)) ==
          std::string::npos);
    // One block per overdue customer, with its type.
    for (const ClassifiedCustomer& cc : a.overdue.customers)
      CHECK(html.find("id=\"customer-" + std::to_string(cc.priority) + "\"") != std::string::npos);
    CHECK(html.find("data-type=\"temporary\"") != std::string::npos);
    CHECK(html.find("data-type=\"structural\"") != std::string::npos);
    CHECK(html.find("data-type=\"stubborn\"") != std::string::npos);
    // The figures: totals, aging, metrics, types, allowance, every overdue customer.
    const size_t compared = check_figures(html, analysis, nullptr);
    CHECK(compared > 40);
    for (const char* key :
         {"totals.open", "totals.overdue", "metrics.dso", "metrics.cei", "aging.0.open",
          "allowance.total", "types.stubborn.overdue", "rows.read"})
      CHECK_MESSAGE(html.find(std::string("data-key=\"") + key + "\"") != std::string::npos, key);
    // Money for reading: thousands separators, two decimals.
    CHECK(html.find(money_display(a.result.open_cents)) != std::string::npos);
  }
}

TEST_CASE("report: user text is escaped, and nothing refers outside the file") {
  const Analysed a = analyse_mixed();
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string html = report(a, lang);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("Evil&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);  // no URL at all, not even an xmlns
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    for (size_t p = html.find("href=\""); p != std::string::npos; p = html.find("href=\"", p + 1))
      CHECK(html.compare(p + 6, 1, "#") == 0);  // in-page anchors only
    // Print rules and the viewport.
    CHECK(html.find("<meta name=\"viewport\"") != std::string::npos);
    CHECK(html.find("@page { size: A4; margin: 15mm; }") != std::string::npos);
    CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
    CHECK(html.find("page-break-before: always") != std::string::npos);
    CHECK(html.find("page-break-inside: avoid") != std::string::npos);
  }
  CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(money_display(-123456789) == "-1,234,567.89");
  CHECK(money_display(5) == "0.05");
  CHECK(money_display(100000) == "1,000.00");
  CHECK(count_display(1234567) == "1,234,567");
}

TEST_CASE(
    "report: rejected rows are listed up to the cap, then counted with a pointer to rejected.csv") {
  std::vector<ImportedFile> files = mixed_book().files();
  std::string bad =
      "customer_id,invoice_id,invoice_date,due_date,amount\nZ,Z-1,2024-01-05,2024-02-04,10.00\n";
  for (int i = 0; i < 250; ++i)
    bad += "Z,Z-x" + std::to_string(i) + ",2024-01-05,2024-02-04,1.00,extra\n";
  files.push_back(import_bytes("bad.csv", bad));
  REQUIRE(files.back().rejected.size() == 250);
  const Analysed a = analyse(files);
  const std::string html = report(a, Lang::en);
  size_t rows = 0;
  const size_t table = html.find("<table class=\"rejected\"");
  REQUIRE(table != std::string::npos);
  const size_t table_end = html.find("</table>", table);
  for (size_t p = html.find("<td>bad.csv</td>", table); p != std::string::npos && p < table_end;
       p = html.find("<td>bad.csv</td>", p + 1))
    ++rows;
  CHECK(rows == kReportRejectedListed);
  CHECK(html.find("data-key=\"rejected_count\" data-value=\"250\"") != std::string::npos);
  CHECK(html.find("rejected.csv") != std::string::npos);
  CHECK(html.find("The first 200 of 250 rejected rows are listed") != std::string::npos);
}

TEST_CASE("report: the same bytes for the same analysis; the model section when a lab is given") {
  const Analysed a = analyse_mixed();
  CHECK(report(a, Lang::zh) == report(a, Lang::zh));
  // A small accounts file: the bad rate rises with `late` (a seeded LCG, so the same every run).
  std::string csv = "id,late,balance,target\n";
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  for (int i = 0; i < 600; ++i) {
    const int late = static_cast<int>(next() * 6);
    const int balance = 1000 + static_cast<int>(next() * 9000);
    const int target = next() < 0.05 + 0.12 * late ? 1 : 0;
    csv += std::to_string(i + 1) + "," + std::to_string(late) + "," + std::to_string(balance) +
           "," + std::to_string(target) + "\n";
  }
  const ImportedFile accounts = import_bytes("accounts.csv", csv);
  ModelLabOptions options;
  options.data.target = "target";
  const ModelLab lab = run_model_lab(accounts, options);
  REQUIRE(lab.error.empty());
  const nlohmann::json model = nlohmann::json::parse(model_lab_json(lab, accounts.name));
  const nlohmann::json analysis = nlohmann::json::parse(
      analysis_json(a.analysis()));
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string html = report(a, lang, &lab);
    CHECK(html.find("id=\"model\"") != std::string::npos);
    CHECK(html.find("data-key=\"model.models.logistic.auc\"") != std::string::npos);
    CHECK(html.find("data-key=\"model.models.scorecard.ks\"") != std::string::npos);
    CHECK(html.find("<polyline") != std::string::npos);
    CHECK(html.find(text(S::chart_roc, lang)) != std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    check_figures(html, analysis, &model);
  }
}
