// Customer identity and the customers table (DESIGN.md §1 (d), issue #3).
//
// Identity: a row with a customer_id is that customer; a row with only a name is the customer
// of that (trimmed) name. Both maps are kept, so across files an invoices file with ids and a
// payments file with only names still meet: the name finds the customer an earlier row with
// id + name created. A customer first seen by name only takes the id when a later row brings
// id + name. Two customers with different ids may share a name; the name then keeps meaning the
// first of them (the same name with a different id is a different customer).
#include "ledger/internal.hpp"

namespace overdue::ledger_detail {

int64_t CustomerRegistry::find_or_add(std::string_view id, std::string_view name) {
  id = trim_cell(id);
  name = trim_cell(name);
  if (id.empty() && name.empty()) return -1;
  // Exports list a customer's rows together: the same (id, name) as the previous row has the
  // same answer (a repeated call changes nothing), without hashing.
  if (last_index_ >= 0 && id == last_id_ && name == last_name_) return last_index_;
  const int64_t index = find_or_add_uncached(id, name);
  last_id_.assign(id.data(), id.size());
  last_name_.assign(name.data(), name.size());
  last_index_ = index;
  return index;
}

int64_t CustomerRegistry::find_or_add_uncached(std::string_view id, std::string_view name) {
  constexpr uint32_t kAbsent = StringIndexMap::kAbsent;
  auto learn_name = [&](uint32_t index) {
    if (name.empty() || has_data_name_[index]) return;
    customers_[index].name = std::string(name);
    has_data_name_[index] = true;
    by_name_.emplace(name, index);
  };

  if (!id.empty()) {
    if (const uint32_t found = by_id_.find(id); found != kAbsent) {
      learn_name(found);
      return found;
    }
    // A customer known by this name but without an id so far: this row gives it its id.
    if (!name.empty())
      if (const uint32_t index = by_name_.find(name); index != kAbsent && !has_data_id_[index]) {
        by_id_.erase(customers_[index].id);
        customers_[index].id = std::string(id);
        has_data_id_[index] = true;
        by_id_.emplace(id, index);
        return index;
      }
  } else if (const uint32_t found = by_name_.find(name); found != kAbsent) {
    return found;
  }

  const auto index = static_cast<uint32_t>(customers_.size());
  Customer c;
  c.id = std::string(id.empty() ? name : id);   // Customer::id: the name when the data has no id
  c.name = std::string(name.empty() ? id : name);
  customers_.push_back(std::move(c));
  has_data_id_.push_back(!id.empty());
  has_data_name_.push_back(!name.empty());
  // A name-only customer is also findable "by id" under its name, so that a later row with the
  // same name as its id (a file whose customer column is an id that equals the name) meets it.
  by_id_.emplace(customers_[index].id, index);
  if (!name.empty()) by_name_.emplace(name, index);
  return index;
}

// Customers table: joined by customer_id when the row has one, else by name; a customer listed
// here and nowhere else is still a customer of the data (it shows with nothing open).
void read_customers_table(Draft& draft, const ImportedFile& file, uint32_t file_index) {
  const int id = find_role(file, Role::customer_id), name = find_role(file, Role::customer_name);
  const int contact = find_role(file, Role::contact), company = find_role(file, Role::company);
  const int person = find_role(file, Role::person_in_charge), limit = find_role(file, Role::credit_limit);
  const int segment = find_role(file, Role::segment), sales_rep = find_role(file, Role::sales_rep);

  for (size_t row = 0; row < file.row_count(); ++row) {
    const uint64_t line = file.row_line[row];
    if (has_oversized_amount(file, row)) {
      draft.reject(file_index, line, ProblemKind::amount_too_large);
      continue;
    }
    const int64_t found = draft.customers.find_or_add(cell_text(file, id, row), cell_text(file, name, row));
    if (found < 0) {
      draft.reject(file_index, line, ProblemKind::no_customer_id_nor_name);
      continue;
    }
    const auto index = static_cast<size_t>(found);
    Customer& c = draft.ledger.customers[index];
    auto fill = [&](std::string& field, int column) {
      const std::string_view v = cell_text(file, column, row);
      if (!v.empty()) field = std::string(v);
    };
    fill(c.contact, contact);
    fill(c.company, company);
    fill(c.person_in_charge, person);
    fill(c.segment, segment);
    if (const int64_t cents = cell_cents(file, limit, row); cents != kMissingCents) c.credit_limit_cents = cents;
    if (!cell_text(file, sales_rep, row).empty()) {
      fill(c.sales_rep, sales_rep);
      if (draft.sales_rep_from_table.size() <= index) draft.sales_rep_from_table.resize(index + 1, false);
      draft.sales_rep_from_table[index] = true;
    }
  }
}

}  // namespace overdue::ledger_detail
