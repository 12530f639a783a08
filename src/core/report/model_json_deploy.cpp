// The scorecard's direction and scaling in the model JSON (issue #21 §2: "a higher score means a
// lower risk", with base score, base odds, PDO, factor and offset beside the table).
#include "report/model_json_internal.hpp"

namespace overdue::model_json_detail {

void write_scorecard_direction(JsonWriter& w, const Scorecard& c) {
  w.key("direction").string("higher_is_safer");
  w.key("scaling").begin_object();
  number_key(w, "base_score", c.base_score);
  number_key(w, "base_odds", c.base_odds);  // good : bad at base_score
  number_key(w, "pdo", c.pdo);
  number_key(w, "factor", c.factor);  // PDO / ln 2
  number_key(w, "offset", c.offset);  // base_score − factor · ln(base_odds)
  w.key("score").string("offset + factor * ln(odds_good)");
  w.end_object();
}

}  // namespace overdue::model_json_detail
