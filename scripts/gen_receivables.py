#!/usr/bin/env python3
"""Generate a realistic receivables data set with planted payment behaviours (issue #3).

Writes three files into --out:
  invoices.csv      customer id, customer name, invoice id, invoice date, due date, amount, sales rep
  payments.csv      customer id, customer name, payment date, amount (no invoice id: the ledger
                    applies each payment FIFO to the customer's oldest open invoices)
  ground_truth.json every customer's planted behaviour, its parameters and its change date
  contacts.csv      (--mix types only) the collection log: contact date, channel, outcome,
                    promised date and amount

Two mixes of behaviours: --mix patterns (default; payment-pattern changes, issue #3) and
--mix types (the three kinds of overdue customer, issue #4; see TYPE_SHARES below).

Behaviours (shares of customers; parameters drawn per customer, written to the ground truth):
  steady    pays on a rhythm (weekly, monthly, or each invoice on its own) with small lateness
            (-3..5 days after the due date) and no change.
  switcher  pays weekly, then monthly from the change date (same lateness). Switchers are billed at
            least every 3.5 days on average so that a weekly rhythm has something to pay.
  slower    lateness jumps from 0..5 days to 25..40 days after the due date at the change date
            (paying weekly or each invoice on its own).
  partial   from the change date each payment covers only 30..50 % (about 40 %) of what fell due;
            the rest stays open.
  stopper   no payment at all from the change date; billing goes on for 30..120 more days.
  new       first invoice 45..75 days before the end: too little history to judge.
Change dates lie 100..200 days before the end of the data, so the new behaviour fills the
detector's 90-day recent window while the old one dominates the baseline.

Noise every customer has, so that "steady" is not perfectly regular:
  * a rhythm payer skips 5 % of its pay days, never two in a row (what fell due waits for the
    next one);
  * an invoice-by-invoice payer pays 5 % of its invoices 5..15 days later than usual;
  * 2 % of invoices are disputed and paid on their own 30..90 days after the due date.

The types mix (issue #4), each planted behaviour with the type it must be classified as:
  steady          (none)      as above; usually not overdue.
  shock           temporary   a clean good payer (pays by the due date, no disputes, no skips) that
                              stops paying 45..75 days before the end (billing goes on); 40 % of
                              them make one token payment (10..30 % of what is unpaid) 3..25 days
                              before the end, after a promise they keep.
  chronic_partial structural  from 150..270 days before the end each payment covers only
                              35..60 % of what fell due, and it keeps paying: the balance rises.
  chronic_late    structural  pays every invoice on its own, always 45..90 days after the due date,
                              for its whole history; it always pays in the end.
  broken_promises stubborn    stops paying 100..220 days before the end; the collection log has
                              promises to pay that passed without the money, unreachable calls and
                              sometimes a refusal; half of them pay one small amount (5..15 %)
                              10..60 days before the end, so silence alone does not give them away.
  silent_stopper  stubborn    stops paying 120..250 days before the end; nothing in the log.
  new             (none)      first invoice 45..75 days before the end; 50 % never pay.
Billing of shock customers is at least every 10 days and of chronic_late ones every 7 days, so
there is always an invoice whose lateness shows at the end of the data.

Standard library only; deterministic for a given --seed (random.Random). Scales to 1,000,000
invoices in well under a minute.
"""
import argparse
import datetime
import json
import os
import random
import sys

BEHAVIOUR_SHARES = [  # (behaviour, share of customers)
    ("steady", 0.50),
    ("switcher", 0.12),
    ("slower", 0.12),
    ("partial", 0.12),
    ("stopper", 0.08),
    ("new", 0.06),
]
TYPE_SHARES = [  # --mix types: (behaviour, share of customers)
    ("steady", 0.40),
    ("shock", 0.14),
    ("chronic_partial", 0.12),
    ("chronic_late", 0.12),
    ("broken_promises", 0.10),
    ("silent_stopper", 0.08),
    ("new", 0.04),
]
DEMO_SHARES = [  # --mix demo: the page's sample ledger, every overdue type plus a few pattern switches
    ("steady", 0.42),
    ("switcher", 0.05),
    ("shock", 0.12),
    ("chronic_partial", 0.10),
    ("chronic_late", 0.10),
    ("broken_promises", 0.09),
    ("silent_stopper", 0.07),
    ("new", 0.05),
]
PLANTED_TYPE = {"shock": "temporary", "chronic_partial": "structural", "chronic_late": "structural",
                "broken_promises": "stubborn", "silent_stopper": "stubborn"}
MIX_SHARES = {"patterns": BEHAVIOUR_SHARES, "types": TYPE_SHARES, "demo": DEMO_SHARES}
STOPPING = ("stopper", "shock", "broken_promises", "silent_stopper")  # no regular payment from change
MAX_INVOICE_GAP = {"switcher": 3.5, "shock": 10, "chronic_late": 7, "chronic_partial": 15}
CHANGE_DAYS_BEFORE_END = (100, 200)
SKIP_PAY_DAY_SHARE = 0.05
LATE_ONE_OFF_SHARE, LATE_ONE_OFF_DAYS = 0.05, (5, 15)
DISPUTED_SHARE, DISPUTE_DAYS = 0.02, (30, 90)
TERMS_CHOICES = [15, 30, 30, 30, 45, 60]

ZH_CITIES = ["上海", "北京", "深圳", "广州", "杭州", "苏州", "南京", "成都", "武汉", "宁波", "厦门",
             "青岛", "天津", "重庆", "西安", "长沙", "合肥", "佛山", "东莞", "无锡"]
ZH_BRANDS = ["恒达", "鑫源", "华盛", "瑞丰", "宏图", "金鹏", "永昌", "天成", "嘉禾", "博远", "中联",
             "新宇", "德润", "盛世", "安泰", "海纳", "汇通", "启明", "晟达", "喆远", "堃泰", "珺和",
             "锦程", "众鑫", "同创", "祥瑞", "凯迪", "明辉", "润发", "兴隆"]
ZH_TRADES = ["贸易", "电子", "机械", "食品", "建材", "物流", "科技", "纺织", "化工", "包装", "五金",
             "医疗器械", "家具", "汽配", "印刷"]
ZH_FORMS = ["有限公司", "有限公司", "有限责任公司", "商行", "股份有限公司"]
EN_BRANDS = ["Apex", "Harbor", "Summit", "Bluewater", "Northwind", "Redwood", "Silverline",
             "Greenfield", "Ironbridge", "Lakeside", "Brightstar", "Oakridge", "Pioneer",
             "Crescent", "Evergreen", "Falcon", "Granite", "Horizon", "Keystone", "Meridian"]
EN_TRADES = ["Trading", "Supplies", "Logistics", "Foods", "Electronics", "Packaging", "Tools",
             "Textiles", "Components", "Hardware"]
EN_FORMS = ["Ltd", "Co., Ltd.", "Inc.", "LLC", "GmbH", "Pte Ltd"]
SALES_REPS = ["张伟", "李娜", "王强", "刘洋", "陈静", "Emily Chen", "David Wang", "杨帆"]

HEADERS = {
    "zh": (["客户编号", "客户名称", "发票号", "开票日期", "到期日", "金额", "业务员"],
           ["客户编号", "客户名称", "收款日期", "收款金额"]),
    "en": (["Customer ID", "Customer Name", "Invoice No", "Invoice Date", "Due Date", "Amount",
            "Sales Rep"],
           ["Customer ID", "Customer Name", "Payment Date", "Payment Amount"]),
    "roles": (["customer_id", "customer_name", "invoice_id", "invoice_date", "due_date", "amount",
               "sales_rep"],
              ["customer_id", "customer_name", "payment_date", "payment_amount"]),
}


CONTACT_HEADERS = {
    "zh": ["客户编号", "客户名称", "催收日期", "方式", "结果", "承诺日期", "承诺金额"],
    "en": ["Customer ID", "Customer Name", "Contact Date", "Channel", "Outcome", "Promised Date",
           "Promised Amount"],
    "roles": ["customer_id", "customer_name", "contact_date", "channel", "outcome", "promised_date",
              "promised_amount"],
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--customers", type=int, default=300)
    p.add_argument("--invoices", type=int, default=30000, help="about this many invoices in all")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default="build/generated")
    p.add_argument("--start", default="2023-01-01", help="first day of the data")
    p.add_argument("--days", type=int, default=730, help="span of the data in days")
    p.add_argument("--headers", choices=sorted(HEADERS), default="zh")
    p.add_argument("--mix", choices=["patterns", "types", "demo"], default="patterns",
                   help="payment-pattern changes (issue #3), the three overdue types (issue #4), or "
                        "the page's demo: the types plus a few pattern switchers")
    a = p.parse_args(argv)
    if a.customers < 1 or a.invoices < 1 or a.days < 250:
        p.error("need --customers ≥ 1, --invoices ≥ 1 and --days ≥ 250")
    return a


def customer_names(rng, n):
    names, seen = [], set()
    for i in range(n):
        while True:
            if rng.random() < 0.6:
                name = rng.choice(ZH_CITIES) + rng.choice(ZH_BRANDS) + rng.choice(ZH_TRADES) + rng.choice(ZH_FORMS)
            else:
                name = f"{rng.choice(EN_BRANDS)} {rng.choice(EN_TRADES)} {rng.choice(EN_FORMS)}"
            if name not in seen:
                break
            if rng.random() < 0.2:  # crowded name space: disambiguate like real books do
                name = f"{name}({i + 1})"
                break
        seen.add(name)
        names.append(name)
    return names


def pick_behaviours(rng, n, shares):
    """Exact shares (rounded), shuffled, so small runs still contain every behaviour."""
    counts = [int(round(share * n)) for _, share in shares]
    counts[0] += n - sum(counts)  # rounding remainder goes to steady
    out = []
    for (name, _), k in zip(shares, counts):
        out += [name] * max(k, 0)
    out = out[:n]
    rng.shuffle(out)
    return out


def plan_customer(rng, behaviour, end):
    """Parameters of one customer's behaviour (all in day offsets from the start)."""
    p = {"behaviour": behaviour, "terms_days": rng.choice(TERMS_CHOICES),
         "base_amount_cents": int(10 ** rng.uniform(4.7, 6.7)),  # ¥500 .. ¥50,000
         "lateness_days": randint(rng, -3, 5), "first_day": randint(rng, 0, 60), "last_day": end,
         "change_day": None}
    if behaviour == "steady":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
    elif behaviour == "switcher":
        p["rhythm"] = "weekly"
        p["rhythm_after"] = "monthly"
    elif behaviour == "slower":
        p["rhythm"] = rng.choice(["weekly", "per_invoice"])
        p["lateness_days"] = randint(rng, 0, 5)
        p["lateness_after"] = randint(rng, 25, 40)
    elif behaviour == "partial":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
        p["paid_share_after"] = round(rng.uniform(0.30, 0.50), 2)
    elif behaviour == "stopper":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
    elif behaviour == "new":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
        p["first_day"] = end - randint(rng, 45, 75)
    if behaviour in ("switcher", "slower", "partial", "stopper"):
        p["change_day"] = end - randint(rng, *CHANGE_DAYS_BEFORE_END)
    if behaviour == "stopper":
        p["last_day"] = min(end, p["change_day"] + randint(rng, 30, 120))
    if behaviour in PLANTED_TYPE:
        plan_type_behaviour(rng, p, end)
    return p


def plan_type_behaviour(rng, p, end):
    """Parameters of the --mix types behaviours (see the module docstring)."""
    b = p["behaviour"]
    if b == "shock":
        # Clean: settled by the due date (+ the classifier's 5-day tolerance), no noise at all.
        p["rhythm"] = rng.choice(["weekly", "per_invoice"])
        p["lateness_days"] = randint(rng, -6, -2) if p["rhythm"] == "weekly" else randint(rng, -3, 1)
        p["clean"] = True
        p["change_day"] = end - randint(rng, 45, 75)
        if rng.random() < 0.4:
            p["token_day"] = end - randint(rng, 3, 25)
            p["token_share"] = round(rng.uniform(0.10, 0.30), 2)
    elif b == "chronic_partial":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
        p["clean_after_change"] = True   # no skipped pay days once it struggles: it keeps paying
        p["change_day"] = end - randint(rng, 150, 270)
        p["paid_share_after"] = round(rng.uniform(0.35, 0.60), 2)
    elif b == "chronic_late":
        p["rhythm"] = "per_invoice"
        p["lateness_days"] = randint(rng, 45, 90)
    elif b == "broken_promises":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
        p["change_day"] = end - randint(rng, 100, 220)
        p["last_day"] = min(end, p["change_day"] + randint(rng, 30, 90))
        if rng.random() < 0.5:
            p["token_day"] = end - randint(rng, 10, 60)
            p["token_share"] = round(rng.uniform(0.05, 0.15), 2)
        p["refuses"] = rng.random() < 0.3
    elif b == "silent_stopper":
        p["rhythm"] = rng.choice(["weekly", "monthly", "per_invoice"])
        p["change_day"] = end - randint(rng, 120, 250)
        p["last_day"] = min(end, p["change_day"] + randint(rng, 30, 120))


def invoice_days(rng, first, last, gap):
    """Invoice days from first to last with gaps of gap × U(0.6, 1.4): a regular buyer."""
    days, t = [], first + rng.uniform(0, gap)
    while t <= last:
        days.append(int(t))
        t += gap * rng.uniform(0.6, 1.4)
    return days


def schedule(rng, rhythm, first, last, phase):
    """Pay days of a weekly or monthly rhythm, with a day or two of jitter."""
    step, jitter = (7, 1) if rhythm == "weekly" else (30, 2)
    days, t = [], first + phase % step
    while t <= last:
        days.append(t + randint(rng, -jitter, jitter))
        t += step
    return days


def payments_for(rng, p, invoices, end):
    """Payments (day, cents) of one customer. invoices: [(day, due_day, cents)] in day order.

    The payer keeps its own books: on a pay day it pays everything that is `lateness` days past
    its due date and not yet handled (what fell due, oldest first), times the paid share."""
    change = p["change_day"] if p["change_day"] is not None else end + 1
    stop = change if p["behaviour"] in STOPPING else end + 1
    if p.get("never_pays"):
        stop = -1
    clean = p.get("clean", False)
    share_after = p.get("paid_share_after", 1.0)

    def lateness(day):
        return p.get("lateness_after", p["lateness_days"]) if day >= change else p["lateness_days"]

    def share(day):
        return share_after if day >= change else 1.0

    pays = {}

    def add(day, cents):
        if day <= end and day < stop and cents > 0:
            pays[day] = pays.get(day, 0) + cents

    # Disputed invoices are settled on their own, late, whatever the customer's rhythm.
    regular = []
    for inv in invoices:
        if not clean and rng.random() < DISPUTED_SHARE:
            day = inv[1] + randint(rng, *DISPUTE_DAYS)
            add(day, int(round(inv[2] * share(day))))
        else:
            regular.append(inv)
    invoices = regular

    if p["rhythm"] == "per_invoice":
        for day, due, cents in invoices:
            # The new lateness applies to invoices not yet paid under the old one at the change.
            pay_day = due + p["lateness_days"] + randint(rng, -2, 3)
            if pay_day >= change:
                pay_day = due + lateness(change) + randint(rng, -2, 3)
            if not clean and rng.random() < LATE_ONE_OFF_SHARE:
                pay_day += randint(rng, *LATE_ONE_OFF_DAYS)
            pay_day = max(pay_day, day)
            add(pay_day, int(round(cents * share(pay_day))))
    else:
        first = invoices[0][0] if invoices else p["first_day"]
        phase = randint(rng, 0, 29)
        days = [d for d in schedule(rng, p["rhythm"], first, min(end, change - 1), phase) if d < change]
        if change <= end:
            after = p.get("rhythm_after", p["rhythm"])
            last_before = days[-1] if days else change
            start_after = last_before + (30 if after == "monthly" else 7)
            days += schedule(rng, after, max(start_after, change), end, 0)
        k, skipped = 0, False
        for t in days:
            if t > end or t >= stop:
                break
            no_skips = clean or (p.get("clean_after_change") and t >= change)
            if not skipped and not no_skips and rng.random() < SKIP_PAY_DAY_SHARE:
                skipped = True  # never two in a row: that would be a change of behaviour
                continue
            skipped = False
            due_sum = 0
            while k < len(invoices) and invoices[k][1] + lateness(t) <= t and invoices[k][0] <= t:
                due_sum += invoices[k][2]
                k += 1
            add(t, int(round(due_sum * share(t))))
    if "token_day" in p:
        # One small payment after the stop: a share of what fell due since and is unpaid.
        unpaid = sum(c for _, due, c in invoices if stop <= due <= p["token_day"])
        cents = int(round(unpaid * p["token_share"]))
        if cents > 0 and p["token_day"] <= end:
            pays[p["token_day"]] = pays.get(p["token_day"], 0) + cents
    return sorted(pays.items())


def contacts_for(rng, p, cid, payments, end):
    """The collection log of one customer: rows (day, channel, outcome, promised_day, cents)."""
    rows = []
    b = p["behaviour"]
    token = dict(payments).get(p.get("token_day"), 0)
    if b == "shock" and "token_day" in p:
        # A promise it keeps: the token payment arrives on the promised day.
        day = p["token_day"] - randint(rng, 3, 7)
        rows.append((day, "电话", "承诺还款", p["token_day"], token))
    elif b == "broken_promises":
        day, k = p["change_day"] + randint(rng, 20, 35), 0
        while day <= end - 3:
            if k % 3 == 2:
                rows.append((day, rng.choice(["电话", "短信"]), "未接通", None, None))
            elif p["refuses"] and k == 3:
                rows.append((day, "上门", "拒付", None, None))
            else:
                promised = day + randint(rng, 7, 14)
                amount = int(round(p["base_amount_cents"] * rng.uniform(1.0, 3.0)))
                # Never inside the token payment's window: the promise must be broken.
                if "token_day" in p and day <= p["token_day"] <= promised:
                    promised = p["token_day"] - 1
                if promised > day:
                    rows.append((day, rng.choice(["电话", "上门"]), "承诺还款", promised, amount))
            k += 1
            day += randint(rng, 18, 30)
    return rows


def csv_field(text):
    if any(ch in text for ch in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def randint(rng, lo, hi):
    """rng.randint without its argument checks (a third of the run time at a million rows)."""
    return lo + int(rng.random() * (hi - lo + 1))


def money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def main(argv):
    a = parse_args(argv)
    with_contacts = a.mix in ("types", "demo")  # the types need a collection log (S3/S4)
    rng = random.Random(a.seed)
    start = datetime.date.fromisoformat(a.start)
    end = a.days - 1  # last day offset of the data
    date_text = [(start + datetime.timedelta(days=i)).isoformat() for i in range(a.days + 200)]

    names = customer_names(rng, a.customers)
    behaviours = pick_behaviours(rng, a.customers, MIX_SHARES[a.mix])
    plans = [plan_customer(rng, b, end) for b in behaviours]
    # Invoice counts: a lognormal weight per customer, scaled to about --invoices in all.
    weights = [rng.lognormvariate(0, 0.7) for _ in plans]
    spans = [max(1, p["last_day"] - p["first_day"] + 1) for p in plans]
    total_w = sum(w * s for w, s in zip(weights, spans))
    invoice_rows, payment_rows, contact_rows, truth = [], [], [], []
    for i, (p, w, span) in enumerate(zip(plans, weights, spans)):
        count = max(1.0, a.invoices * w * span / total_w)
        gap = span / count
        if p["behaviour"] in MAX_INVOICE_GAP:
            gap = min(gap, MAX_INVOICE_GAP[p["behaviour"]])
        if with_contacts and p["behaviour"] == "new" and rng.random() < 0.5:
            p["never_pays"] = True
        p["invoice_gap_days"] = round(gap, 2)
        p["sales_rep"] = rng.choice(SALES_REPS)
        cid = f"C{i + 1:05d}"
        invoices = []
        for day in invoice_days(rng, p["first_day"], p["last_day"], gap):
            cents = int(p["base_amount_cents"] * rng.uniform(0.5, 1.5))
            if rng.random() < 0.3:
                cents -= cents % 100  # whole yuan, as many invoices are
            invoices.append((day, day + p["terms_days"], max(cents, 100)))
        for day, due, cents in invoices:
            invoice_rows.append((day, i, due, cents))
        pays = payments_for(rng, p, invoices, end)
        for day, cents in pays:
            payment_rows.append((day, i, cents))
        if with_contacts:
            for row in contacts_for(rng, p, cid, pays, end):
                contact_rows.append((row[0], i) + row[1:])
        truth.append({
            "id": cid, "name": names[i], "behaviour": p["behaviour"],
            "planted_type": PLANTED_TYPE.get(p["behaviour"]),
            "change_date": date_text[p["change_day"]] if p["change_day"] is not None else None,
            "invoices": len(invoices),
            "params": {k: v for k, v in p.items() if k not in ("behaviour", "change_day")},
        })

    invoice_rows.sort()
    payment_rows.sort()
    os.makedirs(a.out, exist_ok=True)
    inv_header, pay_header = HEADERS[a.headers]
    # Rows are joined by hand (csv.writer is 3x slower at a million rows); fields that need
    # quoting (a comma in "Co., Ltd.") are quoted once per customer.
    prefix = [f"C{c + 1:05d},{csv_field(names[c])}," for c in range(a.customers)]
    reps = [csv_field(p["sales_rep"]) for p in plans]
    with open(os.path.join(a.out, "invoices.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(",".join(map(csv_field, inv_header)) + "\n")
        for n0 in range(0, len(invoice_rows), 100000):
            f.write("".join(f"{prefix[c]}INV{n + 1:07d},{date_text[day]},{date_text[due]},{money(cents)},{reps[c]}\n"
                            for n, (day, c, due, cents) in enumerate(invoice_rows[n0:n0 + 100000], n0)))
    with open(os.path.join(a.out, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(",".join(map(csv_field, pay_header)) + "\n")
        f.write("".join(f"{prefix[c]}{date_text[day]},{money(cents)}\n" for day, c, cents in payment_rows))
    if with_contacts:
        contact_rows.sort(key=lambda r: (r[0], r[1]))
        with open(os.path.join(a.out, "contacts.csv"), "w", newline="", encoding="utf-8") as f:
            f.write(",".join(CONTACT_HEADERS[a.headers]) + "\n")
            for day, c, channel, outcome, promised, cents in contact_rows:
                f.write(f"{prefix[c]}{date_text[day]},{channel},{outcome},"
                        f"{date_text[promised] if promised is not None else ''},"
                        f"{money(cents) if cents is not None else ''}\n")
    last_day = max([r[0] for r in invoice_rows[-1:]] + [r[0] for r in payment_rows[-1:]])
    with open(os.path.join(a.out, "ground_truth.json"), "w", encoding="utf-8") as f:
        head = {"seed": a.seed, "start": date_text[0], "end": date_text[end],
                "as_of": date_text[last_day], "recent_window_days": 90,
                "invoices": len(invoice_rows), "payments": len(payment_rows)}
        f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "customers": [\n')
        f.write(",\n".join(json.dumps(t, ensure_ascii=False) for t in truth) + "\n]}\n")
    print(f"{len(invoice_rows)} invoices, {len(payment_rows)} payments, {a.customers} customers "
          f"→ {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
