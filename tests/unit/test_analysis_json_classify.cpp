// The classification fields of the analyze JSON (issue #4): a small ledger with one customer of
// each type, one customer who is not overdue and a contact log, as of 2024-06-30.
#include <nlohmann/json.hpp>

#include "overdue/report/analysis_json.hpp"
#include "overdue/session/session.hpp"
#include "test_analysis_support.hpp"
#include "test_classify_support.hpp"

using namespace classify_test;
using nlohmann::json;

namespace {

struct Doc {
  Run run;
  std::vector<ImportedFile> files;
  AnalysisSettings settings;
  std::string text;
  json j;

  const json& customer(const std::string& id) const {
    for (const json& c : j["customers"])
      if (c["id"] == id) return c;
    FAIL("customer " << id << " is not in the JSON");
    return j;
  }
};

Book four_customers() {
  Book b;
  // T: a good payer with one unpaid invoice due 60 days ago (temporary), see test_classify.cpp.
  const auto t = b.monthly("T", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("T", t[k], 100000, "T-" + std::to_string(k));
  b.contact("T", kAsOf - 5, "phone", "unreachable");
  // L: always pays, 20 days late (structural: chronic lateness).
  const auto l = b.monthly("L", 12, 50000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("L", l[k] + 20, 50000, "L-" + std::to_string(k));
  // S: stopped paying 120 days ago (stubborn).
  const auto s = b.monthly("S", 12, 20000);
  for (int k = 0; k < 12; ++k)
    if (s[k] <= kAsOf - 120) b.pay("S", s[k], 20000, "S-" + std::to_string(k));
  // N: pays everything on time (not overdue).
  const auto n = b.monthly("N", 6, 10000);
  for (int k = 0; k < 6; ++k) b.pay("N", n[k], 10000, "N-" + std::to_string(k));
  return b;
}

Doc make_doc(const AnalysisSettings& settings = {}, LedgerSource source = LedgerSource::csv) {
  Doc d;
  const Book book = four_customers();
  d.settings = settings;
  d.settings.monitor.as_of = kAsOf;
  d.files = book.files();
  d.run.ledger = ledger_of(book, d.files, source);
  d.run.monitor = monitor(d.run.ledger, d.settings.monitor);
  d.run.contacts = build_contact_log(d.files, d.run.ledger);
  d.run.analysis = analyze_overdue(d.run.ledger, d.run.monitor, &d.run.contacts, d.settings.overdue);
  d.text = analysis_json(
      analysis_test::analysis_of(d.files, d.run.ledger, d.run.monitor, d.run.analysis, d.run.contacts, d.settings));
  d.j = json::parse(d.text);
  return d;
}

int64_t cents(const json& money) { return std::llround(money.get<double>() * 100); }

const json& rule(const json& customer, const std::string& id) {
  for (const json& r : customer["reasons"])
    if (r["rule"] == id) return r;
  FAIL("rule " << id << " not in the trace");
  return customer;
}

}  // namespace

TEST_CASE("analysis JSON classification: one customer of each type, field by field") {
  const Doc d = make_doc();
  REQUIRE(d.run.analysis.customers.size() == 3);

  const json& t = d.customer("T");
  CHECK(t["type"] == "temporary");
  CHECK(t["low_confidence"] == false);
  CHECK(rule(t, "T1_good_record")["held"] == true);
  CHECK(rule(t, "T1_good_record")["type"] == "temporary");
  CHECK(rule(t, "S1_no_payment")["held"] == false);
  CHECK(rule(t, "S3_broken_promises")["held"] == false);  // evaluated: a contact log was given
  CHECK(t["decision"].size() >= 1);
  CHECK(t["decision"][0].get<std::string>().rfind("temporary:", 0) == 0);
  CHECK(t["grace_end"] == iso(kAsOf + 30));
  CHECK(t["credit_limit_change_pct"] == 0);
  CHECK(t["suggested_credit_limit"].is_null());  // no credit limit in the data
  CHECK(t["installments"].empty());
  REQUIRE_FALSE(t["actions"].empty());
  CHECK(t["actions"][0]["action"] == "contact_understanding");
  CHECK(t["actions"][0]["date"] == iso(kAsOf + 1));
  CHECK(cents(t["actions"][0]["amount"]) == 100000);
  CHECK(t["contacts"]["unreachable"] == 1);
  CHECK(t["contacts"]["promises"] == 0);
  CHECK(t["contacts"]["last_contact"] == iso(kAsOf - 5));
  // Numbers as text: value and threshold with 4 decimals, scores with 2.
  CHECK(d.text.find("\"rule\":\"T1_good_record\",\"type\":\"temporary\"") != std::string::npos);
  CHECK(d.text.find("\"value\":1.0000,\"op\":\"≥\",\"threshold\":0.8000,\"held\":true") != std::string::npos);

  const json& l = d.customer("L");
  CHECK(l["type"] == "structural");
  CHECK(rule(l, "R2_chronic_lateness")["held"] == true);
  CHECK(l["grace_end"].is_null());
  CHECK(l["credit_limit_change_pct"] == -50);
  REQUIRE_FALSE(l["installments"].empty());
  int64_t sum = 0;
  for (const json& i : l["installments"]) sum += cents(i["amount"]);
  CHECK(sum == cents(l["overdue"]));
  CHECK(l["installments"][0]["number"] == 1);
  CHECK(l["contacts"]["last_contact"].is_null());  // in no contact: zeros, not null

  const json& s = d.customer("S");
  CHECK(s["type"] == "stubborn");
  CHECK(rule(s, "S1_no_payment")["held"] == true);
  CHECK(rule(s, "S1_no_payment")["value"] == 120.0);
  CHECK(rule(s, "S1_no_payment")["threshold"] == 90.0);
  REQUIRE(s["actions"].size() == 6);
  CHECK(s["actions"][0]["action"] == "call");
  CHECK(s["actions"][5]["action"] == "lawyer");
  CHECK(s["credit_limit_change_pct"] == -100);

  // Scores, quadrant, priority and allowance match the analysis they were written from.
  for (const ClassifiedCustomer& cc : d.run.analysis.customers) {
    const json& c = d.customer(d.run.ledger.customers[cc.customer].id);
    CHECK(d.text.find("\"ability\":" + fixed_text(cc.ability.value, 2) + ",\"impact\":" +
                      fixed_text(cc.impact.value, 2) + ",\"ability_inputs\"") != std::string::npos);
    CHECK(c["quadrant"] == risk_quadrant_name(cc.quadrant));
    CHECK(c["priority"] == cc.priority);
    CHECK(cents(c["allowance"]) == cc.allowance_cents);
    REQUIRE(c["ability_inputs"].size() == 4);
    REQUIRE(c["impact_inputs"].size() == 4);
    CHECK(c["ability_inputs"][0]["input"] == std::string(score_input_name(cc.ability.inputs[0].input)));
    double points = 0;
    for (const json& in : c["ability_inputs"]) points += in["points"].get<double>();
    CHECK(points == doctest::Approx(cc.ability.value).epsilon(0.001));
  }

  // Not overdue: nulls and empty lists, but an allowance and contact counts all the same.
  const json& n = d.customer("N");
  CHECK(n["type"].is_null());
  CHECK(n["low_confidence"] == false);
  CHECK(n["reasons"].empty());
  CHECK(n["decision"].empty());
  CHECK(n["ability"].is_null());
  CHECK(n["impact"].is_null());
  CHECK(n["ability_inputs"].empty());
  CHECK(n["quadrant"].is_null());
  CHECK(n["priority"].is_null());
  CHECK(n["actions"].empty());
  CHECK(n["grace_end"].is_null());
  CHECK(n["credit_limit_change_pct"].is_null());
  CHECK(n["allowance"].is_number());
  CHECK(n["contacts"]["promises"] == 0);

  // The last keys of a customer object, in order.
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(d.text);
  for (const auto& item : ordered["customers"][0].items()) keys.push_back(item.key());
  REQUIRE(keys.size() > 23);
  const std::vector<std::string> tail(keys.end() - 23, keys.end());
  CHECK(tail == std::vector<std::string>{"pattern_change", "in_dispute", "in_dispute_overdue", "credit_limit",
                                         "utilisation", "credit_level", "type", "low_confidence", "reasons", "decision", "ability",
                                         "impact", "ability_inputs", "impact_inputs", "quadrant", "priority", "actions",
                                         "installments", "grace_end", "credit_limit_change_pct",
                                         "suggested_credit_limit", "allowance", "contacts"});
}

TEST_CASE("analysis JSON classification: top-level types, priority, allowance, contact log, settings") {
  const Doc d = make_doc();
  CHECK(d.j["types"]["temporary"]["customers"] == 1);
  CHECK(cents(d.j["types"]["temporary"]["overdue"]) == cents(d.customer("T")["overdue"]));
  CHECK(d.j["types"]["structural"]["customers"] == 1);
  CHECK(d.j["types"]["stubborn"]["customers"] == 1);
  CHECK(cents(d.j["types"]["stubborn"]["overdue"]) == cents(d.customer("S")["overdue"]));

  REQUIRE(d.j["priority"].size() == 3);
  for (size_t k = 0; k < 3; ++k) CHECK(d.customer(d.j["priority"][k].get<std::string>())["priority"] == k + 1);

  const json& a = d.j["allowance"];
  CHECK(a["method"] == "dpd_bucket");
  CHECK(a["by_bucket"].size() == 6);
  CHECK(a["by_bucket"][0]["label"] == "not_due");
  CHECK(a["by_bucket"][5]["rate_bp"] == 10000);
  int64_t by_bucket = 0, by_customer = 0;
  for (const json& b : a["by_bucket"]) by_bucket += cents(b["allowance"]);
  for (const json& c : d.j["customers"]) by_customer += cents(c["allowance"]);
  CHECK(cents(a["total"]) == by_bucket);
  CHECK(cents(a["total"]) == by_customer);
  CHECK(cents(a["total"]) == d.run.analysis.allowance.total_cents);

  CHECK(d.j["contact_log"]["present"] == true);
  CHECK(d.j["contact_log"]["rows_read"] == 1);
  CHECK(d.j["contact_log"]["accepted"] == 1);
  CHECK(d.j["contact_log"]["rejected"].empty());

  // The settings in effect, exactly the settings document.
  CHECK(d.j["settings"] == json::parse(settings_json(d.settings)));
  // Followed by the forecast (issue #20 §1), the last key.
  CHECK(d.text.find("\"settings\":" + settings_json_compact(d.settings) + ",\"forecast\":") != std::string::npos);
}

TEST_CASE("analysis JSON classification: settings change the output; a session with the defaults gives the same document") {
  const Doc d = make_doc();
  // The session builds the contact log and the classification itself, with the default settings.
  AnalysisSettings defaults;
  defaults.monitor.as_of = kAsOf;
  AnalysisSession session(d.files, defaults);
  CHECK(analysis_json(run_to_end(session)) == d.text);

  AnalysisSettings strict;
  strict.overdue.classify.stubborn_no_payment_days = 20;  // T's 30 days without payment now count
  strict.overdue.allowance.method = AllowanceMethod::invoice_age_years;
  const Doc s = make_doc(strict);
  CHECK(s.customer("T")["type"] == "stubborn");
  CHECK(rule(s.customer("T"), "S1_no_payment")["threshold"] == 20.0);
  CHECK(s.j["allowance"]["method"] == "invoice_age_years");
  CHECK(s.j["allowance"]["by_bucket"].size() == 4);
  CHECK(s.j["settings"]["classify"]["stubborn_no_payment_days"] == 20);
  CHECK(s.j["types"]["stubborn"]["customers"] == 2);
}

TEST_CASE("analysis JSON classification: no contact log gives null contacts and an absent log") {
  Book b;
  const auto t = b.monthly("T", 12, 100000);
  for (int k = 0; k < 12; ++k)
    if (k != 9 && k != 11) b.pay("T", t[k], 100000, "T-" + std::to_string(k));
  const std::vector<ImportedFile> files = b.files();
  const Ledger ledger = build_ledger(files);
  MonitorOptions o;
  o.as_of = kAsOf;
  const json j = json::parse(analysis_json(analysis_test::analysis_of(files, ledger, monitor(ledger, o))));
  CHECK(j["contact_log"]["present"] == false);
  CHECK(j["contact_log"]["rows_read"] == 0);
  CHECK(j["customers"][0]["contacts"].is_null());
  CHECK(j["customers"][0]["type"] == "temporary");
  CHECK(rule(j["customers"][0], "S3_broken_promises")["held"].is_null());  // not evaluated
}

TEST_CASE("analysis JSON classification: a ledger built by hand gives the same classification fields") {
  const Doc csv = make_doc();
  const Doc hand = make_doc({}, LedgerSource::hand);
  for (const char* id : {"T", "L", "S", "N"}) {
    const json& a = csv.customer(id);
    const json& b = hand.customer(id);
    for (const char* key : {"type", "low_confidence", "reasons", "decision", "ability", "impact", "quadrant",
                            "priority", "actions", "installments", "grace_end", "allowance", "contacts"})
      CHECK_MESSAGE(a[key] == b[key], id, ".", key);
  }
  CHECK(hand.customer("S")["type"] == "stubborn");
  CHECK(csv.j["types"] == hand.j["types"]);
  CHECK(csv.j["priority"] == hand.j["priority"]);
}
