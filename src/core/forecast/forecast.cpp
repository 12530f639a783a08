// ForecastJob (overdue/forecast/forecast.hpp): the expected payment date of every open invoice at
// the as-of date, the cash per week that follows, and the backtest at past month ends.
//
// What is known at a date T: an invoice issued on or before T, settled on or before T when the
// allocations that reached it by T cover its amount (the payment-pattern change's reading, its
// "days late" signed here: early counts as early). The evaluation dates — every replay date, then
// the as-of date — are taken in order and what is known only grows: an invoice joins the pools (the
// book, the segments, the settled disputes) and its customer's average delay once, at the first
// date on or after it is settled. At a replay date only the invoices open then and paid later are
// evaluated; they are listed by date beforehand (count_open, place_open), so a replay date costs what it
// evaluates, not the size of the ledger, and the never-paid invoices are only counted. The as-of
// date is one pass over every customer's invoices.
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "forecast/internal.hpp"
#include "overdue/ledger/dates.hpp"
#include "overdue/text/civil_date.hpp"

namespace overdue {

using namespace forecast_detail;

const char* forecast_basis_name(ForecastBasis basis) {
  switch (basis) {
    case ForecastBasis::history: return "history";
    case ForecastBasis::promise: return "promise";
    case ForecastBasis::segment: return "segment";
    case ForecastBasis::book: return "book";
    case ForecastBasis::disputed: return "disputed";
  }
  return "book";
}

std::vector<int32_t> forecast_replay_dates(int32_t first_date, int32_t last) {
  std::vector<int32_t> dates;
  if (first_date == kMissingDays || last == kMissingDays) return dates;
  const int32_t from = first_date + 180, to = last - 30;
  if (from > to) return dates;
  // Counted back from the last month end, at most kMaxReplayDates of them: a mistyped year in one
  // cell (a payment dated 8186) must not make thousands of replays.
  CivilDate c = civil_from_days(to);
  if (days_from_civil(c.year, c.month, days_in_month(c.year, c.month)) > to && --c.month < 1) {
    c.month = 12;
    --c.year;
  }
  while (dates.size() < kMaxReplayDates) {
    const int32_t month_end = days_from_civil(c.year, c.month, days_in_month(c.year, c.month));
    if (month_end < from) break;
    dates.push_back(month_end);
    if (--c.month < 1) {
      c.month = 12;
      --c.year;
    }
  }
  std::reverse(dates.begin(), dates.end());
  return dates;
}

namespace {

// Segments beyond this many distinct ones get no pool of their own (the book serves them): a
// mistyped segment column must not make a million pools.
constexpr size_t kMaxSegments = 64;

enum class Stage {
  count_allocations, place_allocations, settle, order_settled, order_customers, order_allocations, count_open,
  place_open, pools, customers, finish, done
};

struct Accuracy {  // one method's backtest sums
  uint64_t abs_days = 0;
  int64_t forecast_30d = 0;   // the current date's forecast of the next 30 days
  double cash_error_sum = 0;
};

}  // namespace

struct ForecastJob::State {
  const Ledger& ledger;
  const MonitorResult& monitor;
  const ContactLog* contacts;
  int32_t as_of = kMissingDays;

  Stage stage = Stage::count_allocations;
  size_t cursor = 0;
  // Progress: done_units of total_units, then (once count_open knows the replay dates' work exactly)
  // done_units restart at 0 of the exact rest, which fills what was left of the bar after progress_base.
  uint64_t done_units = 0, total_units = 1;
  double progress_base = 0;

  // Each invoice's allocations (date, cents) by date, and its settled date (kMissingDays: open at as-of).
  // allocs is by invoice (alloc_offset) until order_allocations lays it out by position (money_).
  std::vector<uint32_t> alloc_offset;
  std::vector<std::pair<int32_t, int64_t>> allocs;
  std::vector<int32_t> settled;
  // Compact copies by invoice index: the invoice date (kMissingDays when the invoice is not one the
  // forecast reads: a credit note, no date) and the due date.
  std::vector<int32_t> issued_, due_, disputed_from_;
  // An open invoice at an evaluation date, with what the rule and the backtest read of it, so the
  // evaluations of a replay date read one array in order. `who`: its position in customer_invoices
  // (open_), its customer (open_by_date_).
  struct OpenInvoice {
    int64_t cents;  // open at the date
    uint32_t who;
    int32_t due, settled, disputed_from;
  };
  std::vector<OpenInvoice> open_;  // the current customer's open invoices
  // Invoices grouped by customer: ledger order within a customer, then (order_customers) due date,
  // then invoice index. A position is an index into customer_invoices.
  std::vector<uint32_t> customer_offset, customer_invoices;
  // The same facts as issued_, settled, due_ and disputed_from_, stored by position in
  // customer_invoices: listing the replay dates' work and the as-of date's pass over the customers
  // then read memory in order (read by invoice index, each invoice would cost a cache miss).
  struct Facts {
    int32_t issued, settled, due, disputed_from;
  };
  std::vector<Facts> facts_;
  // By position too, read only for an invoice not settled at the date: its amount and its
  // allocations' range in allocs (open_at without touching the ledger's invoices), and its open
  // amount at the as-of date (the monitor's open items; 0 when it has none).
  struct Money {
    int64_t amount;
    uint32_t alloc_begin, alloc_end;
    int64_t open_as_of;
  };
  std::vector<Money> money_;
  // Per customer, its invoices that can be history (issued, settled, not disputed when settled):
  // [history_offset_[c], history_offset_[c + 1]) in history_items_, ordered by delay then settled
  // date. The weight grows with the settled date, so the items taken at any date (settled by then)
  // come out in WeightedDelays' order already.
  struct HistoryItem {
    int32_t delay, settled;
  };
  std::vector<uint32_t> history_offset_;
  std::vector<HistoryItem> history_items_;
  std::vector<int32_t> segment_of;  // per customer: pool index, -1 none
  std::vector<int64_t> open_at_as_of;  // by invoice, until settle() files it by position (Money)
  // Contacts per customer: [contact_offset[c], contact_offset[c + 1]) in ContactLog::contacts.
  std::vector<uint32_t> contact_offset;

  std::vector<int32_t> dates;  // the replay dates, then the as-of date
  size_t date_index = 0;
  // The replay dates' work, listed once (count_open, place_open): at replay date d the invoices
  // [open_offset_[d], open_offset_[d + 1]) in open_by_date_ are the ones issued by then and settled
  // after it (evaluated by the backtest), with their open amount then, in position order, so grouped
  // by customer and in promise order within one. never_paid_from_[d]: the invoices never paid that
  // are issued by date d and not by the one before (only counted, at every replay date from then on).
  std::vector<uint32_t> open_offset_;
  std::vector<OpenInvoice> open_by_date_;
  uint32_t place_customer_ = 0;  // place_open's customer
  std::vector<uint64_t> never_paid_from_;
  uint64_t never_paid_open_ = 0;  // the never-paid invoices issued by the current date
  // Per customer, its invoices settled by the current date: Σ (settled − due) and their count (the
  // simple "due + average delay" method of the backtest).
  std::vector<int64_t> late_sum_;
  std::vector<uint32_t> late_count_;
  // The settled invoices by the first evaluation date on or after their settled date: the pools
  // only grow from one date to the next, so each invoice joins them once. What the pools read of
  // one is kept with it (read by invoice index, each would be a cache miss).
  struct SettledInvoice {
    int32_t settled, due;
    uint32_t customer;
    bool disputed;  // when it was settled
  };
  std::vector<uint32_t> settled_offset;
  std::vector<SettledInvoice> settled_by_date;
  DelayHistogram book, disputes;
  std::vector<DelayHistogram> segments;
  WeightedDelays history;

  // The backtest's sums.
  Accuracy method, due_date, average;
  int64_t paid_30d = 0;
  uint64_t date_invoices = 0;
  CashForecast out;

  State(const Ledger& l, const MonitorResult& m, const ContactLog* c) : ledger(l), monitor(m), contacts(c) {}

  int32_t T() const { return dates[date_index]; }
  bool is_as_of_date() const { return date_index + 1 == dates.size(); }
  // Disputed by `t` (known then).
  bool disputed_invoice(uint32_t i, int32_t t) const {
    return disputed_from_[i] != kMissingDays && disputed_from_[i] <= t;
  }
  bool usable(const Invoice& inv) const {
    return inv.amount_cents > 0 && inv.invoice_date != kMissingDays && effective_due_date(inv) != kMissingDays;
  }

  void begin() {
    as_of = monitor.as_of;
    out.as_of = as_of;
    const size_t n = ledger.invoices.size(), customers = ledger.customers.size();
    if (as_of == kMissingDays || n == 0) {
      stage = Stage::finish;
      return;
    }
    dates = forecast_replay_dates(ledger.first_date, as_of);
    dates.push_back(as_of);
    alloc_offset.assign(n + 1, 0);
    settled.assign(n, kMissingDays);
    issued_.assign(n, kMissingDays);
    due_.assign(n, kMissingDays);
    disputed_from_.assign(n, kMissingDays);
    open_at_as_of.assign(n, 0);
    for (const OpenItem& o : monitor.open_items)
      if (o.invoice < n && o.open_cents > 0) open_at_as_of[o.invoice] = o.open_cents;
    // Segments and the contact index: small (a customer each).
    segment_of.assign(customers, -1);
    std::unordered_map<std::string, int32_t> segment_ids;
    for (size_t c = 0; c < customers; ++c) {
      const std::string& seg = ledger.customers[c].segment;
      if (seg.empty()) continue;
      auto it = segment_ids.find(seg);
      if (it == segment_ids.end()) {
        if (segment_ids.size() >= kMaxSegments) continue;
        it = segment_ids.emplace(seg, static_cast<int32_t>(segment_ids.size())).first;
      }
      segment_of[c] = it->second;
    }
    segments.resize(segment_ids.size());
    contact_offset.assign(customers + 1, 0);
    if (contacts)
      for (const Contact& k : contacts->contacts)
        if (k.customer < customers) ++contact_offset[k.customer + 1];
    for (size_t c = 0; c < customers; ++c) contact_offset[c + 1] += contact_offset[c];
    customer_offset.assign(customers + 1, 0);
    for (const Invoice& inv : ledger.invoices)
      if (inv.customer < customers) ++customer_offset[inv.customer + 1];
    for (size_t c = 0; c < customers; ++c) customer_offset[c + 1] += customer_offset[c];
    customer_invoices.assign(customer_offset.back(), 0);
    facts_.assign(customer_offset.back(), Facts{kMissingDays, kMissingDays, kMissingDays, kMissingDays});
    money_.assign(customer_offset.back(), Money{0, 0, 0, 0});
    history_offset_.assign(customers + 1, 0);
    settled_offset.assign(dates.size() + 1, 0);
    open_offset_.assign(dates.size() + 1, 0);
    never_paid_from_.assign(dates.size(), 0);
    late_sum_.assign(customers, 0);
    late_count_.assign(customers, 0);
    // Until count_open knows it, the replay dates' work is taken as an evaluation per invoice (what
    // the bench ledger has) and the as-of date's pass: only the bar's split between the two phases.
    const uint64_t positions = customer_invoices.size();
    total_units = 2 * ledger.allocations.size() + 3 * n + 6 * positions + 2 * customers + 1;
  }

  // [SECTION] preparation: allocations per invoice and settled dates --------------------------------
  bool count_allocations(Budget& b) {
    for (; cursor < ledger.allocations.size() && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const Allocation& a = ledger.allocations[cursor];
      if (a.invoice < ledger.invoices.size()) ++alloc_offset[a.invoice + 1];
    }
    if (cursor < ledger.allocations.size()) return false;
    for (size_t i = 0; i + 1 < alloc_offset.size(); ++i) alloc_offset[i + 1] += alloc_offset[i];
    allocs.assign(alloc_offset.back(), {0, 0});
    fill_ = alloc_offset;
    cursor = 0;
    return true;
  }
  std::vector<uint32_t> fill_;
  bool place_allocations(Budget& b) {
    for (; cursor < ledger.allocations.size() && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const Allocation& a = ledger.allocations[cursor];
      if (a.invoice >= ledger.invoices.size()) continue;
      // The payment's date as recorded: settle() makes it the effective date with the invoice at
      // hand (allocation_effective_date would read the invoice here, out of order).
      allocs[fill_[a.invoice]++] = {a.date, a.cents};
    }
    if (cursor < ledger.allocations.size()) return false;
    fill_.assign(ledger.customers.size() + 1, 0);
    std::copy(customer_offset.begin(), customer_offset.end(), fill_.begin());
    cursor = 0;
    return true;
  }
  // The date an invoice's allocations by as_of first cover its amount; the invoice joins its customer.
  bool settle(Budget& b) {
    const size_t n = ledger.invoices.size();
    for (; cursor < n && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const Invoice& inv = ledger.invoices[cursor];
      int64_t position = -1;
      if (inv.customer < ledger.customers.size()) {
        position = fill_[inv.customer]++;
        customer_invoices[static_cast<size_t>(position)] = static_cast<uint32_t>(cursor);
      }
      auto first = allocs.begin() + alloc_offset[cursor], last = allocs.begin() + alloc_offset[cursor + 1];
      // The recorded dates made effective (INT32_MAX when there is none: never reached by a date).
      for (auto it = first; it != last; ++it) {
        const int32_t d = allocation_effective_date(it->first, inv.invoice_date);
        it->first = d == kMissingDays ? INT32_MAX : d;
      }
      // Mostly one allocation, or several already by date: stable_sort would still take a buffer.
      const auto by_date = [](const auto& x, const auto& y) { return x.first < y.first; };
      if (last - first > 1 && !std::is_sorted(first, last, by_date)) std::stable_sort(first, last, by_date);
      issued_[cursor] = usable(inv) ? inv.invoice_date : kMissingDays;
      due_[cursor] = effective_due_date(inv);
      disputed_from_[cursor] = inv.disputed_from;
      if (inv.amount_cents > 0) {
        int64_t sum = 0;
        for (auto it = first; it != last && it->first <= as_of; ++it) {
          sum += it->second;
          if (sum >= inv.amount_cents) {
            settled[cursor] = std::max(it->first, inv.invoice_date);
            break;
          }
        }
      }
      if (position >= 0) {
        facts_[static_cast<size_t>(position)] = {issued_[cursor], settled[cursor], due_[cursor], disputed_from_[cursor]};
        money_[static_cast<size_t>(position)] = {inv.amount_cents, alloc_offset[cursor], alloc_offset[cursor + 1],
                                                 open_at_as_of[cursor]};
      }
      if (inv.amount_cents <= 0) continue;
      if (usable(inv) && settled[cursor] != kMissingDays) ++settled_offset[date_slot(settled[cursor]) + 1];
    }
    if (cursor < n) return false;
    std::vector<int64_t>().swap(open_at_as_of);  // by position in money_ now
    for (size_t k = 0; k + 1 < settled_offset.size(); ++k) settled_offset[k + 1] += settled_offset[k];
    settled_by_date.assign(settled_offset.back(), SettledInvoice{0, 0, 0, false});
    fill_ = settled_offset;
    cursor = 0;
    return true;
  }

  // The first evaluation date on or after `day` (the as-of date's slot for anything later).
  size_t date_slot(int32_t day) const {
    const size_t k = static_cast<size_t>(std::lower_bound(dates.begin(), dates.end(), day) - dates.begin());
    return std::min(k, dates.size() - 1);
  }
  bool order_settled(Budget& b) {
    const size_t n = ledger.invoices.size();
    for (; cursor < n && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const int32_t s = settled[cursor];
      if (issued_[cursor] != kMissingDays && s != kMissingDays)  // usable (settle)
        settled_by_date[fill_[date_slot(s)]++] = {s, due_[cursor], ledger.invoices[cursor].customer,
                                                 disputed_invoice(static_cast<uint32_t>(cursor), s)};
    }
    if (cursor < n) return false;
    fill_.clear();
    cursor = 0;
    return true;
  }

  // Each customer's invoices ordered by due date, then invoice index: the order the open invoices
  // are visited in at every date (a pending promise covers the oldest first), so no date sorts them.
  std::vector<uint32_t> order_scratch_;
  std::vector<HistoryItem> history_scratch_;
  std::vector<Facts> facts_scratch_;
  std::vector<Money> money_scratch_;
  bool order_customers(Budget& b) {
    const size_t customers = customer_offset.size() - 1;
    for (; cursor < customers && !b.spent(); ++cursor) {
      const uint32_t begin = customer_offset[cursor], end = customer_offset[cursor + 1];
      const uint64_t cost = 1 + end - begin;
      b.spend(cost);
      done_units += cost;
      history_scratch_.clear();
      for (uint32_t k = begin; k < end; ++k) {
        const Facts& f = facts_[k];
        if (f.issued == kMissingDays || f.settled == kMissingDays ||
            (f.disputed_from != kMissingDays && f.disputed_from <= f.settled))
          continue;
        history_scratch_.push_back({clip_delay(static_cast<int64_t>(f.settled) - f.due), f.settled});
      }
      std::sort(history_scratch_.begin(), history_scratch_.end(), [](const HistoryItem& x, const HistoryItem& y) {
        return x.delay != y.delay ? x.delay < y.delay : x.settled < y.settled;
      });
      history_items_.insert(history_items_.end(), history_scratch_.begin(), history_scratch_.end());
      history_offset_[cursor + 1] = static_cast<uint32_t>(history_items_.size());
      if (end - begin < 2) continue;
      order_scratch_.resize(end - begin);
      for (uint32_t k = begin; k < end; ++k) order_scratch_[k - begin] = k;
      std::sort(order_scratch_.begin(), order_scratch_.end(), [&](uint32_t x, uint32_t y) {
        const int32_t dx = facts_[x].due, dy = facts_[y].due;
        return dx != dy ? dx < dy : customer_invoices[x] < customer_invoices[y];
      });
      facts_scratch_.clear();
      money_scratch_.clear();
      for (const uint32_t k : order_scratch_) {
        facts_scratch_.push_back(facts_[k]);
        money_scratch_.push_back(money_[k]);
      }
      for (uint32_t& k : order_scratch_) k = customer_invoices[k];
      std::copy(order_scratch_.begin(), order_scratch_.end(), customer_invoices.begin() + begin);
      std::copy(facts_scratch_.begin(), facts_scratch_.end(), facts_.begin() + begin);
      std::copy(money_scratch_.begin(), money_scratch_.end(), money_.begin() + begin);
    }
    if (cursor < customers) return false;
    std::vector<uint32_t>().swap(order_scratch_);
    std::vector<HistoryItem>().swap(history_scratch_);
    std::vector<Facts>().swap(facts_scratch_);
    std::vector<Money>().swap(money_scratch_);
    cursor = 0;
    return true;
  }

  // The allocations laid out again in customer order (money_'s ranges follow), so open_at reads them
  // in order too.
  std::vector<std::pair<int32_t, int64_t>> allocs_by_position_;
  bool order_allocations(Budget& b) {
    if (cursor == 0) allocs_by_position_.reserve(allocs.size());
    for (; cursor < money_.size() && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      Money& m = money_[cursor];
      const uint32_t begin = static_cast<uint32_t>(allocs_by_position_.size());
      allocs_by_position_.insert(allocs_by_position_.end(), allocs.begin() + m.alloc_begin, allocs.begin() + m.alloc_end);
      m.alloc_begin = begin;
      m.alloc_end = static_cast<uint32_t>(allocs_by_position_.size());
    }
    if (cursor < money_.size()) return false;
    allocs.swap(allocs_by_position_);
    std::vector<std::pair<int32_t, int64_t>>().swap(allocs_by_position_);
    std::vector<uint32_t>().swap(alloc_offset);  // read by invoice no more
    cursor = 0;
    return true;
  }

  // [SECTION] the replay dates' work, listed once ---------------------------------------------------
  // An invoice is open at replay date d when it is issued by d and not settled by d: from the slot of
  // its invoice date to the slot of its settled date (date_slot: the first date on or after). Open
  // at t ≤ as-of and not settled then, its open amount at t is > 0 (settle() would have found the
  // allocations covering it), so the list holds exactly what a pass over every invoice found.
  size_t last_replay_slot() const { return dates.size() - 1; }  // the as-of date's slot
  std::pair<size_t, size_t> open_slots(const Facts& f) const {
    if (f.issued == kMissingDays) return {0, 0};
    const size_t from = date_slot(f.issued);
    const size_t until = f.settled == kMissingDays ? last_replay_slot() : std::min(date_slot(f.settled), last_replay_slot());
    return {from, std::max(from, until)};
  }
  bool count_open(Budget& b) {
    for (; cursor < facts_.size() && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const Facts& f = facts_[cursor];
      const auto [from, until] = open_slots(f);
      if (from >= until) continue;
      if (f.settled == kMissingDays) {
        ++never_paid_from_[from];
        continue;
      }
      ++open_offset_[from + 1];  // a difference: +1 from `from`, −1 from `until`
      --open_offset_[until + 1];
    }
    if (cursor < facts_.size()) return false;
    // Differences → counts per date → offsets.
    for (size_t d = 0; d + 1 < open_offset_.size(); ++d) open_offset_[d + 1] += open_offset_[d];
    for (size_t d = 0; d + 1 < open_offset_.size(); ++d) open_offset_[d + 1] += open_offset_[d];
    open_by_date_.assign(open_offset_.back(), OpenInvoice{0, 0, 0, 0, 0});
    fill_.assign(open_offset_.begin(), open_offset_.end() - 1);
    cursor = 0;
    // The rest is known exactly now: place_open, the pools, the replay dates' evaluations, the as-of
    // date's pass over the customers and their invoices, finish.
    progress_base = progress();
    done_units = 0;
    total_units = facts_.size() + settled_offset.back() + open_by_date_.size() + (customer_offset.size() - 1) +
                  facts_.size() + 1;
    return true;
  }
  // Each invoice's open amount at its dates in one walk over its allocations (by date).
  bool place_open(Budget& b) {
    for (; cursor < facts_.size() && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const Facts& f = facts_[cursor];
      if (f.settled == kMissingDays) continue;
      const auto [from, until] = open_slots(f);
      if (from >= until) continue;
      while (customer_offset[place_customer_ + 1] <= cursor) ++place_customer_;
      const Money& m = money_[cursor];
      int64_t open = m.amount;
      uint32_t a = m.alloc_begin;
      for (size_t d = from; d < until; ++d) {
        for (; a < m.alloc_end && allocs[a].first <= dates[d]; ++a) open -= allocs[a].second;
        open_by_date_[fill_[d]++] = {open, place_customer_, f.due, f.settled, f.disputed_from};  // open > 0: open_slots
      }
    }
    if (cursor < facts_.size()) return false;
    fill_.clear();
    cursor = 0;
    return true;
  }
  double progress() const {
    const double part = std::min(1.0, static_cast<double>(done_units) / static_cast<double>(total_units));
    return progress_base + (1.0 - progress_base) * part;
  }

  // The open amount at t of the invoice at `position` in customer_invoices.
  int64_t open_at(uint32_t position, int32_t t) const {
    const Money& m = money_[position];
    int64_t open = m.amount;
    for (uint32_t k = m.alloc_begin; k < m.alloc_end && allocs[k].first <= t; ++k) open -= allocs[k].second;
    return open;
  }

  // [SECTION] one evaluation date: the pools, then the customers ----------------------------------
  // The invoices settled since the previous date join the pools (settled ≤ T implies issued ≤ T).
  bool pools(Budget& b) {
    const size_t end = settled_offset[date_index + 1];
    if (cursor < settled_offset[date_index]) cursor = settled_offset[date_index];
    for (; cursor < end && !b.spent(); ++cursor, b.spend(1), ++done_units) {
      const SettledInvoice& inv = settled_by_date[cursor];
      const int64_t late = static_cast<int64_t>(inv.settled) - inv.due;
      const int32_t delay = clip_delay(late);
      if (inv.customer < late_sum_.size()) {
        late_sum_[inv.customer] += late;
        ++late_count_[inv.customer];
      }
      if (inv.disputed) {
        disputes.add(delay);
        continue;
      }
      book.add(delay);
      const int32_t seg = inv.customer < segment_of.size() ? segment_of[inv.customer] : -1;
      if (seg >= 0) segments[static_cast<size_t>(seg)].add(delay);
    }
    if (cursor < end) return false;
    book.finish();
    disputes.finish();
    for (DelayHistogram& h : segments) h.finish();
    cursor = 0;
    method.forecast_30d = due_date.forecast_30d = average.forecast_30d = 0;
    paid_30d = 0;
    date_invoices = 0;
    return true;
  }

  // The latest promise made by t whose date is still ahead: its date and amount (kMissingDays: none).
  std::pair<int32_t, int64_t> pending_promise(uint32_t c, int32_t t) const {
    std::pair<int32_t, int64_t> found{kMissingDays, kMissingCents};
    if (!contacts) return found;
    for (uint32_t k = contact_offset[c]; k < contact_offset[c + 1]; ++k) {
      const Contact& x = contacts->contacts[k];
      if (x.date == kMissingDays || x.date > t) continue;
      if (x.outcome == ContactOutcome::promise && x.promised_date != kMissingDays && x.promised_date > t)
        found = {x.promised_date, x.promised_cents};
    }
    return found;
  }

  // The open invoices of customer c at t, all of them (never paid ones too), in promise order: at the
  // as-of date (the monitor's open amounts, which also hold invoices this reading skips: no date,
  // credit notes), and at a replay date when a promise is pending (it covers the oldest first,
  // never-paid invoices included).
  void all_open(uint32_t c, int32_t t, bool main_date) {
    open_.clear();
    for (uint32_t k = customer_offset[c]; k < customer_offset[c + 1]; ++k) {
      const Facts& f = facts_[k];
      if (f.issued == kMissingDays || f.issued > t) {
        if (main_date) {
          const int64_t cents = money_[k].open_as_of;
          if (cents > 0) open_.push_back({cents, k, f.due, f.settled, f.disputed_from});
        }
        continue;
      }
      if (f.settled != kMissingDays && f.settled <= t) continue;
      const int64_t cents = main_date ? money_[k].open_as_of : open_at(k, t);
      if (cents > 0) open_.push_back({cents, k, f.due, f.settled, f.disputed_from});
    }
  }

  // The as-of date: every customer's open invoices get an expected date.
  void customer_at_as_of(uint32_t c) {
    all_open(c, T(), true);
    if (!open_.empty()) evaluate(c, pending_promise(c, T()), open_.data(), open_.data() + open_.size());
  }

  // A replay date: the customer's invoices open now and paid later, positions [first, last) of
  // open_by_date_ (the never-paid ones are counted per date in customers()).
  void customer_at_replay(uint32_t c, size_t first, size_t last) {
    const int32_t t = T();
    const std::pair<int32_t, int64_t> promise = pending_promise(c, t);
    if (promise.first == kMissingDays) {
      evaluate(c, promise, open_by_date_.data() + first, open_by_date_.data() + last);
      return;
    }
    all_open(c, t, false);
    evaluate(c, promise, open_.data(), open_.data() + open_.size());
  }

  // Customer c's open invoices [first, last) (promise order) at the current date: an expected date
  // each at the as-of date; at a replay date, the backtest's comparison for each one paid later.
  void evaluate(uint32_t c, std::pair<int32_t, int64_t> promise, const OpenInvoice* first, const OpenInvoice* last) {
    const int32_t t = T();
    const bool main_date = is_as_of_date();
    // The customer's own history: its invoices settled by t, the recent ones weighing more.
    history.clear();
    for (uint32_t k = history_offset_[c]; k < history_offset_[c + 1]; ++k) {
      const HistoryItem& h = history_items_[k];
      if (h.settled <= t) history.add(h.delay, recency_weight(t - h.settled));
    }
    history.finish();
    const int32_t seg = segment_of[c];
    // A pending promise covers the past-due invoices, oldest first, up to the promised amount: the
    // open invoices are in that order already (due date, then invoice index; order_customers).
    const auto [promised, promised_cents] = promise;
    int64_t covered = 0;
    // The simple method: the mean of paid − due of the invoices settled so far.
    const int64_t late_sum = late_sum_[c], late_count = late_count_[c];
    const int64_t average_delay =
        late_count ? static_cast<int64_t>(std::llround(static_cast<double>(late_sum) / static_cast<double>(late_count)))
                   : 0;
    for (const OpenInvoice* it = first; it != last; ++it) {
      const OpenInvoice& known = *it;
      const int64_t open_cents = known.cents;
      const int32_t due = known.due == kMissingDays ? t : known.due;
      InvoiceFacts f;
      f.as_of = t;
      f.due = due;
      f.disputed = known.disputed_from != kMissingDays && known.disputed_from <= t;
      if (promised != kMissingDays && due < t && !f.disputed &&
          (promised_cents == kMissingCents || covered < promised_cents)) {
        f.promised = promised;
        covered += open_cents;
      }
      // The backtest: what happened to the invoice after t (one never paid is only counted, in
      // customers(), after it took its share of a promise).
      const int32_t paid = known.settled;
      if (!main_date && paid == kMissingDays) continue;
      f.customer = &history;
      f.segment = seg >= 0 ? &segments[static_cast<size_t>(seg)] : nullptr;
      f.book = &book;
      f.disputes = &disputes;
      const Expectation e = expect_payment(f);
      if (main_date) {
        out.invoices.push_back({customer_invoices[known.who], open_cents, e.expected, e.low, e.high, e.basis});
        continue;
      }
      const int32_t by_due = std::max(due, t + 1);
      const int32_t by_average = static_cast<int32_t>(std::max<int64_t>(due + average_delay, t + 1));
      ++out.backtest.invoices;
      ++date_invoices;
      method.abs_days += static_cast<uint64_t>(std::abs(e.expected - paid));
      due_date.abs_days += static_cast<uint64_t>(std::abs(by_due - paid));
      average.abs_days += static_cast<uint64_t>(std::abs(by_average - paid));
      const int32_t horizon = t + 30;
      if (paid <= horizon) paid_30d += open_cents;
      if (e.expected <= horizon) method.forecast_30d += open_cents;
      if (by_due <= horizon) due_date.forecast_30d += open_cents;
      if (by_average <= horizon) average.forecast_30d += open_cents;
    }
  }

  bool customers(Budget& b) {
    if (is_as_of_date()) {
      const size_t n = ledger.customers.size();
      for (; cursor < n && !b.spent(); ++cursor) {
        const uint32_t c = static_cast<uint32_t>(cursor);
        customer_at_as_of(c);
        const uint64_t cost = 1 + customer_offset[c + 1] - customer_offset[c];
        b.spend(cost);
        done_units += cost;
      }
      if (cursor < n) return false;
    } else {
      // The invoices evaluated at this date, a customer's together.
      const size_t end = open_offset_[date_index + 1];
      if (cursor < open_offset_[date_index]) cursor = open_offset_[date_index];
      while (cursor < end && !b.spent()) {
        const uint32_t c = open_by_date_[cursor].who;
        size_t last = cursor + 1;
        while (last < end && open_by_date_[last].who == c) ++last;
        customer_at_replay(c, cursor, last);
        b.spend(last - cursor);
        done_units += last - cursor;
        cursor = last;
      }
      if (cursor < end) return false;
      never_paid_open_ += never_paid_from_[date_index];
      out.backtest.never_paid += never_paid_open_;
    }
    cursor = 0;
    if (!is_as_of_date()) {
      if (date_invoices > 0) ++out.backtest.dates;
      if (paid_30d > 0) {
        ++out.backtest.cash_dates;
        for (Accuracy* a : {&method, &due_date, &average})
          a->cash_error_sum += static_cast<double>(std::llabs(a->forecast_30d - paid_30d)) / static_cast<double>(paid_30d);
      }
    }
    ++date_index;
    return true;
  }

  // [SECTION] the cash per week and the backtest's figures -------------------------------------------
  void finish() {
    std::sort(out.invoices.begin(), out.invoices.end(), [&](const InvoiceForecast& x, const InvoiceForecast& y) {
      if (x.expected != y.expected) return x.expected < y.expected;
      const int32_t dx = due_[x.invoice], dy = due_[y.invoice];
      return dx != dy ? dx < dy : x.invoice < y.invoice;
    });
    if (as_of != kMissingDays) {
      auto window = [&](int32_t from, int32_t to) {
        CashRange r;
        for (const InvoiceForecast& f : out.invoices) {
          if (f.expected >= from && f.expected <= to) r.expected_cents += f.open_cents;
          if (f.low >= from && f.high <= to) r.low_cents += f.open_cents;
          if (f.low <= to && f.high >= from) r.high_cents += f.open_cents;
        }
        return r;
      };
      for (int k = 0; k < kForecastWeeks; ++k) {
        const int32_t from = as_of + 7 * k + 1, to = as_of + 7 * (k + 1);
        out.weeks.push_back({from, to, window(from, to)});
      }
      out.next_7_days = window(as_of + 1, as_of + 7);
      out.next_30_days = window(as_of + 1, as_of + 30);
    }
    ForecastBacktest& bt = out.backtest;
    auto mae = [&](const Accuracy& a) {
      return bt.invoices ? std::round(static_cast<double>(a.abs_days) / static_cast<double>(bt.invoices) * 100.0) / 100.0 : 0.0;
    };
    auto cash = [&](const Accuracy& a) {
      return bt.cash_dates ? std::round(a.cash_error_sum / bt.cash_dates * 10000.0) / 10000.0 : 0.0;
    };
    bt.mae_days = {mae(method), mae(due_date), mae(average)};
    bt.cash_30d_error = {cash(method), cash(due_date), cash(average)};
  }
};

ForecastJob::ForecastJob(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts)
    : s_(std::make_unique<State>(ledger, monitor, contacts)) {
  s_->begin();
}

ForecastJob::~ForecastJob() = default;

Step ForecastJob::step(Budget& budget) {
  State& s = *s_;
  if (budget.units == 0) budget.units = 1;  // at least one unit of work per call
  while (!budget.spent() || s.stage == Stage::finish) {
    switch (s.stage) {
      case Stage::count_allocations:
        if (s.count_allocations(budget)) s.stage = Stage::place_allocations;
        break;
      case Stage::place_allocations:
        if (s.place_allocations(budget)) s.stage = Stage::settle;
        break;
      case Stage::settle:
        if (s.settle(budget)) s.stage = Stage::order_settled;
        break;
      case Stage::order_settled:
        if (s.order_settled(budget)) s.stage = Stage::order_customers;
        break;
      case Stage::order_customers:
        if (s.order_customers(budget)) s.stage = Stage::order_allocations;
        break;
      case Stage::order_allocations:
        if (s.order_allocations(budget)) s.stage = Stage::count_open;
        break;
      case Stage::count_open:
        if (s.count_open(budget)) s.stage = Stage::place_open;
        break;
      case Stage::place_open:
        if (s.place_open(budget)) s.stage = Stage::pools;
        break;
      case Stage::pools:
        if (s.pools(budget)) s.stage = Stage::customers;
        break;
      case Stage::customers:
        if (s.customers(budget)) s.stage = s.date_index < s.dates.size() ? Stage::pools : Stage::finish;
        break;
      case Stage::finish:
        s.finish();
        s.stage = Stage::done;
        s.done_units = s.total_units;
        return Step::done;
      case Stage::done:
        return Step::done;
    }
  }
  return s.stage == Stage::done ? Step::done : Step::more;
}

double ForecastJob::progress() const { return s_->progress(); }

CashForecast ForecastJob::take() { return std::move(s_->out); }

CashForecast forecast_cash(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts) {
  ForecastJob job(ledger, monitor, contacts);
  return run_to_end(job);
}

}  // namespace overdue
