// Applying money to invoices (issue #3 input (b); DESIGN.md §1 "open-item, FIFO").
//
// Everything happens in date order, replaying the customer's account; on one date invoices are
// issued first, then credit notes, then payments (each group in the order of the files and lines),
// so a payment can pay an invoice issued the same day.
//  * A payment naming an invoice (its own row in a one-table ledger, or an invoice_id cell) goes
//    to that invoice first — to the invoices with that id, oldest first, when the id repeats —
//    up to what is still open on it. If the named invoice is dated after the payment (a
//    prepayment), the allocation is dated on the invoice date: money reaches an invoice only
//    once both exist (Allocation::date ≥ payment date and invoice date).
//  * The rest, and a payment naming no invoice, goes FIFO to the customer's oldest open invoices:
//    earliest due date, then invoice date, then invoice id (then file order). Only invoices issued
//    on or before the payment date can take it on that date.
//  * What is left is customer credit (an over-payment). It is applied to the customer's later
//    invoices as they are issued, dated on the invoice date; what is left at the end stays in
//    Ledger::credits — reported, never a negative invoice.
//  * A credit note (negative invoice amount) is applied like a payment on its date to the
//    customer's oldest open invoices, then to later invoices as they are issued. Each application
//    is a pair of allocations: +x on the invoice and −x on the credit note (Allocation::credit_note),
//    so the credit note's own open amount runs from −A to 0. An unused remainder stays open on the
//    credit note (a negative open amount), not in Ledger::credits.
//  * Undated payments (a paid amount with no date) are assumed paid by the as-of date: they go to
//    their named invoice before anything else, and what is left is applied FIFO after all dated
//    money, all with allocation date kMissingDays.
#include <algorithm>


#include "ledger/internal.hpp"

namespace overdue::ledger_detail {

bool fifo_before(const TextPool& text, const Invoice& a, uint32_t ia, const Invoice& b, uint32_t ib) {
  if (a.due_date != b.due_date) return a.due_date < b.due_date;
  if (a.invoice_date != b.invoice_date) return a.invoice_date < b.invoice_date;
  if (const int c = text.view(a.id).compare(text.view(b.id)); c != 0) return c < 0;
  return ia < ib;
}

// [SECTION] application

namespace {

struct CreditEntry {        // customer credit waiting for the customer's next invoices
  uint32_t payment = kNoPayment;
  int32_t credit_note = -1;
  int32_t date = kMissingDays;
  int64_t cents = 0;
};

struct WaitingCredit {      // a queue: entries before `first` are used up
  std::vector<CreditEntry> entries;
  size_t first = 0;
};

}  // namespace

class PaymentApplication::Replay {
 public:
  explicit Replay(Draft& draft)
      : d_(draft),
        inv_(draft.ledger.invoices),
        open_(inv_.size(), 0),
        // One account per customer, or per (customer, currency) when the ledger has several
        // currencies: money meets only invoices of its own currency (currency_internal.hpp).
        open_heaps_(draft.currency.accounts(draft.ledger)),
        waiting_credit_(draft.currency.accounts(draft.ledger)) {
    for (size_t i = 0; i < inv_.size(); ++i) open_[i] = std::max<int64_t>(inv_[i].amount_cents, 0);
  }

  // Undated payments to their named invoices first, then every dated event in date order.
  void prepare() {
    const std::vector<Payment>& pays = d_.ledger.payments;
    // About one allocation per payment: reserved once rather than regrown through a million.
    d_.ledger.allocations.reserve(pays.size() + pays.size() / 4 + 16);
    undated_rest_.assign(pays.size(), 0);
    for (uint32_t p = 0; p < pays.size(); ++p)
      if (pays[p].date == kMissingDays) undated_rest_[p] = apply_named(p, pays[p].amount_cents, kMissingDays);

    events_.reserve(inv_.size() + pays.size());
    for (uint32_t i = 0; i < inv_.size(); ++i)
      events_.push_back({inv_[i].invoice_date, static_cast<uint8_t>(inv_[i].amount_cents < 0 ? 1 : 0), i});
    for (uint32_t p = 0; p < pays.size(); ++p)
      if (pays[p].date != kMissingDays) events_.push_back({pays[p].date, 2, p});
    order_events();
  }

  // Events by date, then kind, then index. They were appended in index order within each kind,
  // so a stable counting sort on (date, kind) gives exactly that order in linear time — a few
  // thousand distinct days at most in real ledgers (a comparison sort of two million events was
  // the longest step of the page's ledger build). A span of dates far larger than the events
  // (corrupt years) falls back to the comparison sort.
  void order_events() {
    if (events_.empty()) return;
    int64_t first = events_.front().date, last = first;
    for (const Event& e : events_) {
      first = std::min<int64_t>(first, e.date);
      last = std::max<int64_t>(last, e.date);
    }
    const int64_t keys = (last - first + 1) * 3;
    if (keys > static_cast<int64_t>(4 * events_.size() + (1 << 20))) {
      std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.index < b.index;
      });
      return;
    }
    auto key = [&](const Event& e) { return static_cast<size_t>((e.date - first) * 3 + e.kind); };
    std::vector<uint32_t> start(static_cast<size_t>(keys) + 1, 0);
    for (const Event& e : events_) ++start[key(e) + 1];
    for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<Event> sorted(events_.size());
    for (const Event& e : events_) sorted[start[key(e)]++] = e;
    events_ = std::move(sorted);
  }

  // The next `work` events; true when all are replayed.
  bool replay(size_t work) {
    const size_t left = events_.size() - next_;
    const size_t end = next_ + std::min(left, std::max<size_t>(work, 1));
    for (; next_ < end; ++next_) {
      const Event& e = events_[next_];
      if (e.kind == 0) issue_invoice(e.index);
      else if (e.kind == 1) issue_credit_note(e.index);
      else pay(e.index);
    }
    return next_ >= events_.size();
  }
  double progress() const { return events_.empty() ? 1.0 : static_cast<double>(next_) / events_.size(); }
  size_t replayed() const { return next_; }

  // Undated money left after everything dated goes FIFO; unused customer credit is kept.
  void finish() {
    const std::vector<Payment>& pays = d_.ledger.payments;
    for (uint32_t p = 0; p < pays.size(); ++p) {
      if (undated_rest_[p] == 0) continue;
      const int64_t rest = apply_fifo(d_.currency.payment_account_of(d_.ledger, p), undated_rest_[p], p, -1, kMissingDays);
      if (rest > 0) d_.ledger.credits.push_back({pays[p].customer, kMissingDays, rest, p});
    }
    for (uint32_t c = 0; c < waiting_credit_.size(); ++c)
      for (size_t k = waiting_credit_[c].first; k < waiting_credit_[c].entries.size(); ++k)
        if (const CreditEntry& e = waiting_credit_[c].entries[k]; e.payment != kNoPayment)
          d_.ledger.credits.push_back({pays[e.payment].customer, e.date, e.cents, e.payment});
  }

 private:
  // Per customer, its issued invoices with money open, as a binary heap whose top is the FIFO
  // first. Paid invoices are dropped lazily when they reach the top (open_ is the truth).
  // An entry carries the invoice's due and invoice dates, so comparing two reads no Invoice unless
  // both dates tie (fifo_before's order; reading the invoices was most of the application's time).
  struct HeapEntry {
    int32_t due, issued;
    uint32_t invoice;
  };
  using OpenHeap = std::vector<HeapEntry>;
  bool heap_after(const HeapEntry& a, const HeapEntry& b) const {
    if (a.due != b.due) return b.due < a.due;
    if (a.issued != b.issued) return b.issued < a.issued;
    return fifo_before(d_.ledger.text, inv_[b.invoice], b.invoice, inv_[a.invoice], a.invoice);
  }
  void heap_push(OpenHeap& h, uint32_t invoice) {
    h.push_back({inv_[invoice].due_date, inv_[invoice].invoice_date, invoice});
    std::push_heap(h.begin(), h.end(), [this](const HeapEntry& a, const HeapEntry& b) { return heap_after(a, b); });
  }
  // The FIFO-first open invoice of the heap, or -1.
  int64_t heap_top(OpenHeap& h) {
    while (!h.empty() && open_[h.front().invoice] == 0) {
      std::pop_heap(h.begin(), h.end(), [this](const HeapEntry& a, const HeapEntry& b) { return heap_after(a, b); });
      h.pop_back();
    }
    return h.empty() ? -1 : static_cast<int64_t>(h.front().invoice);
  }

  void allocate(uint32_t invoice, uint32_t payment, int32_t credit_note, int32_t date, int64_t cents) {
    d_.ledger.allocations.push_back({invoice, payment, cents, date, credit_note});
    if (credit_note >= 0)
      d_.ledger.allocations.push_back({static_cast<uint32_t>(credit_note), kNoPayment, -cents, date, credit_note});
    open_[invoice] -= cents;
  }

  // Money of payment p to the invoice(s) it names; returns what is left.
  int64_t apply_named(uint32_t p, int64_t cents, int32_t date) {
    const PaymentTarget& t = d_.targets[p];
    auto take = [&](uint32_t invoice) {
      const int64_t part = std::min(open_[invoice], cents);
      if (part <= 0) return;
      const int32_t on = date == kMissingDays ? kMissingDays : std::max(date, inv_[invoice].invoice_date);
      allocate(invoice, p, -1, on, part);
      cents -= part;
    };
    if (t.invoice >= 0) take(static_cast<uint32_t>(t.invoice));
    for (uint32_t k = t.named_begin; k < t.named_end && cents > 0; ++k) take(d_.invoice_id_index[k]);
    return cents;
  }

  // Money to the account's (customer's) oldest open (issued) invoices; returns what is left.
  int64_t apply_fifo(uint32_t account, int64_t cents, uint32_t payment, int32_t credit_note, int32_t date) {
    OpenHeap& open = open_heaps_[account];
    for (int64_t top; cents > 0 && (top = heap_top(open)) >= 0;) {
      const auto invoice = static_cast<uint32_t>(top);
      const int64_t part = std::min(open_[invoice], cents);
      cents -= part;
      allocate(invoice, payment, credit_note, date, part);
    }
    return cents;
  }

  void issue_invoice(uint32_t i) {
    const uint32_t account = d_.currency.invoice_account_of(d_.ledger, i);
    WaitingCredit& credit = waiting_credit_[account];
    while (open_[i] > 0 && credit.first < credit.entries.size()) {
      CreditEntry& e = credit.entries[credit.first];
      const int64_t part = std::min(open_[i], e.cents);
      allocate(i, e.payment, e.credit_note, inv_[i].invoice_date, part);
      e.cents -= part;
      if (e.cents == 0) ++credit.first;
    }
    if (open_[i] > 0) heap_push(open_heaps_[account], i);
  }

  void issue_credit_note(uint32_t i) {
    const Invoice& cn = inv_[i];
    const uint32_t account = d_.currency.invoice_account_of(d_.ledger, i);
    const int64_t rest = apply_fifo(account, -cn.amount_cents, kNoPayment, static_cast<int32_t>(i), cn.invoice_date);
    if (rest > 0) waiting_credit_[account].entries.push_back({kNoPayment, static_cast<int32_t>(i), cn.invoice_date, rest});
  }

  void pay(uint32_t p) {
    const Payment& pay = d_.ledger.payments[p];
    int64_t rest = apply_named(p, pay.amount_cents, pay.date);
    const uint32_t account = d_.currency.payment_account_of(d_.ledger, p);
    rest = apply_fifo(account, rest, p, -1, pay.date);
    if (rest > 0) waiting_credit_[account].entries.push_back({p, -1, pay.date, rest});
  }

  struct Event {
    int32_t date;
    uint8_t kind;   // 0 invoice, 1 credit note, 2 payment
    uint32_t index;
  };

  Draft& d_;
  const std::vector<Invoice>& inv_;
  std::vector<int64_t> open_;
  std::vector<OpenHeap> open_heaps_;
  std::vector<WaitingCredit> waiting_credit_;
  std::vector<int64_t> undated_rest_;   // per payment: undated money left after its named invoice
  std::vector<Event> events_;
  size_t next_ = 0;                     // next event to replay
};

PaymentApplication::PaymentApplication(Draft& draft) : draft_(draft) {}
PaymentApplication::~PaymentApplication() = default;

Step PaymentApplication::step(Budget& budget) {
  switch (stage_) {
    case 0:
      replay_ = std::make_unique<Replay>(draft_);
      replay_->prepare();
      stage_ = 1;
      budget.units = 0;
      return Step::more;
    case 1: {
      const size_t work = static_cast<size_t>(std::min<uint64_t>(budget.units, SIZE_MAX));
      const size_t before = replay_->replayed();
      if (replay_->replay(work)) stage_ = 2;
      budget.spend(std::max<size_t>(1, replay_->replayed() - before));   // a unit per event
      return Step::more;
    }
    case 2:
      replay_->finish();
      replay_.reset();
      stage_ = 3;
      budget.units = 0;
      return Step::more;
    case 3: {
      // Stable sorts: equal keys keep their (deterministic) order of creation.
      auto& a = draft_.ledger.allocations;
      std::stable_sort(a.begin(), a.end(), [](const Allocation& x, const Allocation& y) {
        if (x.date != y.date) return x.date < y.date;
        if (x.invoice != y.invoice) return x.invoice < y.invoice;
        if (x.payment != y.payment) return x.payment < y.payment;
        return x.credit_note < y.credit_note;
      });
      auto& credits = draft_.ledger.credits;
      std::stable_sort(credits.begin(), credits.end(), [](const CustomerCredit& x, const CustomerCredit& y) {
        if (x.customer != y.customer) return x.customer < y.customer;
        if (x.date != y.date) return x.date < y.date;
        return x.payment < y.payment;
      });
      stage_ = 4;
      budget.units = 0;
      return Step::done;
    }
    default:
      return Step::done;
  }
}

double PaymentApplication::progress() const {
  if (stage_ == 1 && replay_) return 0.1 + 0.8 * replay_->progress();
  return stage_ == 0 ? 0.0 : stage_ == 2 ? 0.9 : stage_ == 3 ? 0.95 : 1.0;
}

void apply_payments(Draft& draft) {
  PaymentApplication application(draft);
  for (Budget budget = Budget::unbounded(); application.step(budget) == Step::more;) budget = Budget::unbounded();
}

}  // namespace overdue::ledger_detail
