#!/usr/bin/env python3
"""Independent check of `overdue-lens analyze` (issue #3): open total and aging buckets of a
ledger written by gen_ledger.py, computed here with pandas straight from the CSV, must equal the
CLI's JSON to the cent at every as-of date.

usage: aging_reference.py LEDGER.csv AS_OF:CLI_JSON [AS_OF:CLI_JSON ...]
       AS_OF is YYYY-MM-DD, or "default" (the latest invoice or paid date in the file).

Rules, as DESIGN.md §2 / issue #3 state them (written again here, not shared with the C++ code):
  * an invoice is open at D when invoice_date <= D and amount - (paid_amount if paid_date <= D)
    is not zero (paid on D = paid);
  * DPD = D - due_date; buckets not_due (DPD <= 0), 1-30, 31-60, 61-90, 91-180, >180.
Money is handled in integer cents only (the CSV's "1,234.50" text parsed by hand, never floats).
"""
import json
import sys

import pandas as pd

EDGES = [30, 60, 90, 180]
LABELS = ["not_due", "1-30", "31-60", "61-90", "91-180", ">180"]


def cents_of(text: pd.Series) -> pd.Series:
    """'1,234.50' / '980.00' / '' -> int64 cents (0 for empty)."""
    t = text.fillna("").astype(str).str.replace(",", "", regex=False).str.strip()
    t = t.where(t != "", "0.00")
    parts = t.str.split(".", n=1, expand=True)
    whole = parts[0].astype("int64")
    frac = parts[1].fillna("0").str.ljust(2, "0").str[:2].astype("int64")
    return whole * 100 + frac


def money_cents(value) -> int:
    """A JSON money number as the CLI printed it (exactly two decimals) -> int cents."""
    s = repr(value) if isinstance(value, float) else str(value)
    neg = s.startswith("-")
    s = s.lstrip("-")
    whole, _, frac = s.partition(".")
    c = int(whole) * 100 + int((frac + "00")[:2])
    return -c if neg else c


def bucket_of(dpd: pd.Series) -> pd.Series:
    b = pd.Series(0, index=dpd.index, dtype="int64")
    lower = 1
    for i, e in enumerate(EDGES):
        b = b.where(~((dpd >= lower) & (dpd <= e)), i + 1)
        lower = e + 1
    b = b.where(~(dpd > EDGES[-1]), len(EDGES) + 1)
    return b


def main() -> int:
    csv_path = sys.argv[1]
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    inv = pd.to_datetime(df["invoice_date"], format="%Y-%m-%d")
    due = pd.to_datetime(df["due_date"], format="%Y-%m-%d")
    paid_date = pd.to_datetime(df["paid_date"].where(df["paid_date"] != ""), format="%Y-%m-%d")
    amount = cents_of(df["amount"])
    paid = cents_of(df["paid_amount"])
    last = max(inv.max(), paid_date.max())
    print(f"reference: {csv_path}: {len(df)} invoices, {inv.min().date()} .. {last.date()}")

    failures = 0
    # Raw JSON text is parsed with floats kept as their text, so money compares exactly.
    for spec in sys.argv[2:]:
        as_of_text, _, json_path = spec.partition(":")
        with open(json_path, encoding="utf-8") as f:
            cli = json.load(f, parse_float=str)
        d = last if as_of_text == "default" else pd.Timestamp(as_of_text)
        if cli["as_of"] != d.strftime("%Y-%m-%d"):
            print(f"  FAIL as_of: CLI {cli['as_of']} vs reference {d.date()}")
            failures += 1
        issued = inv <= d
        paid_by = paid.where(paid_date.notna() & (paid_date <= d), 0)
        open_ = (amount - paid_by).where(issued, 0)
        is_open = open_ != 0
        dpd = (d - due).dt.days
        buckets = bucket_of(dpd)[is_open]
        ref_open = int(open_[is_open].sum())
        ref_bucket = open_[is_open].groupby(buckets).sum().reindex(range(len(LABELS)), fill_value=0)
        ref_count = buckets.value_counts().reindex(range(len(LABELS)), fill_value=0)

        cli_open = money_cents(cli["totals"]["open"])
        line = f"  as of {d.date()}: open {ref_open / 100:,.2f} ({int(is_open.sum())} invoices)"
        ok = cli_open == ref_open and cli["totals"]["invoices_open"] == int(is_open.sum())
        cli_buckets = {b["bucket"]: b for b in cli["aging"]}
        parts = []
        for i, label in enumerate(LABELS):
            b = cli_buckets.get(label)
            want_c, want_n = int(ref_bucket[i]), int(ref_count[i])
            got_c = money_cents(b["open"]) if b else None
            got_n = b["invoices"] if b else None
            if got_c != want_c or got_n != want_n:
                ok = False
                parts.append(f"{label}: CLI {got_c}/{got_n} vs ref {want_c}/{want_n}")
            else:
                parts.append(f"{label} {want_c / 100:,.2f}")
        print(line + ("  OK" if ok else "  MISMATCH"))
        print("    " + "; ".join(parts))
        if sum(money_cents(b["open"]) for b in cli["aging"]) != cli_open:
            print("    FAIL: the CLI's buckets do not add up to its total open")
            ok = False
        if not ok:
            failures += 1
            print(f"    CLI open {cli_open} cents vs reference {ref_open} cents")
    if failures:
        print(f"reference: {failures} as-of date(s) differ")
        return 1
    print("reference: every as-of date matches to the cent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
