// Names of the column types as they appear in JSON and on screen.
#include "overdue/import/table.hpp"

namespace overdue {

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::text: return "text";
    case ColumnType::integer: return "integer";
    case ColumnType::decimal: return "decimal";
    case ColumnType::date: return "date";
  }
  return "text";
}

}  // namespace overdue
