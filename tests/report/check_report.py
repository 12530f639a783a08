#!/usr/bin/env python3
"""Checks an OverdueLens HTML report (issue #6) with Python's html.parser:
  * every section is there (reconciliation, parameters, metrics, aging, trend, customers, disputes,
    allowance; model when a model JSON is given), each once;
  * every element with data-key/data-value equals the analysis JSON of the same run (money in
    cents, data-unit="cents"; keys "model.…" against the model JSON);
  * nothing refers outside the file: no src attribute, every href an in-page anchor (#…) that
    exists, no url(…) or @import in any style, no "http" anywhere;
  * the letters directory (optional): letters.html has one <section class="letter"> per overdue
    customer of the JSON, with its type and overdue amount, and one file per letter.
usage: check_report.py REPORT.html ANALYSIS.json [--model MODEL.json] [--letters DIR]
Prints a one-line summary; exit 1 with the reasons on a failure.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

SECTIONS = ["reconciliation", "parameters", "metrics", "aging", "trend", "forecast", "customers", "disputes", "worklist", "allowance"]


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.figures, self.hrefs, self.srcs, self.styles, self.letters = [], [], [], [], [], []
        self.sections = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "section" and "report-section" in (a.get("class") or ""):
            self.sections.append(a.get("id"))
        if tag == "section" and a.get("class") == "letter":
            self.letters.append(a)
        if "data-key" in a:
            self.figures.append((a["data-key"], a.get("data-value"), a.get("data-unit")))
        for name, value in attrs:
            if name in ("src", "srcset", "poster", "data", "action", "formaction"):
                self.srcs.append(value)
            if name in ("href", "xlink:href"):
                self.hrefs.append(value)
            if name == "style":
                self.styles.append(value or "")
        if tag == "style":
            self.in_style = True

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)


def resolve(doc, key):
    node = doc
    for part in key.split("."):
        if isinstance(node, list):
            node = node[int(part)]
        else:
            node = node[part]
    return node


def parse(path):
    c = Collector()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    c.feed(text)
    c.close()
    return c, text


def external_problems(c, text, name):
    problems = []
    if c.srcs:
        problems.append(f"{name}: src attributes {c.srcs[:3]}")
    for h in c.hrefs:
        if not h.startswith("#"):
            problems.append(f"{name}: href to {h!r}")
        elif h[1:] not in c.ids:
            problems.append(f"{name}: anchor {h!r} goes nowhere")
    for s in c.styles:
        if re.search(r"url\s*\(|@import", s, re.I):
            problems.append(f"{name}: url()/@import in a style")
    if "http" in text.lower():
        problems.append(f"{name}: 'http' appears in the file")
    if re.search(r"<script", text, re.I):
        problems.append(f"{name}: a script element")
    return problems


def main(argv):
    args = list(argv)
    model_path = letters_dir = None
    if "--model" in args:
        i = args.index("--model"); model_path = args[i + 1]; del args[i:i + 2]
    if "--letters" in args:
        i = args.index("--letters"); letters_dir = args[i + 1]; del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    report_path, json_path = args
    with open(json_path, encoding="utf-8") as f:
        analysis = json.load(f)
    model = None
    if model_path:
        with open(model_path, encoding="utf-8") as f:
            model = json.load(f)
    c, text = parse(report_path)
    problems = []
    want = SECTIONS + (["model"] if model is not None else [])
    if c.sections != want:
        problems.append(f"sections {c.sections}, expected {want}")
    compared = 0
    for key, value, unit in c.figures:
        if key == "rejected_count":
            listed = len(analysis["rejected"])
            total = analysis.get("rejected_total", listed)
            if int(value) != total:
                problems.append(f"rejected_count {value} != {total}")
            compared += 1
            continue
        doc, path = (model, key[6:]) if key.startswith("model.") else (analysis, key)
        if doc is None:
            problems.append(f"{key}: a model figure without a model JSON")
            continue
        try:
            expected = resolve(doc, path)
        except (KeyError, IndexError, ValueError, TypeError):
            problems.append(f"{key}: not in the JSON")
            continue
        if unit == "cents":
            ok = round(float(expected) * 100) == int(value)
        elif isinstance(expected, str):
            ok = expected == value
        else:
            ok = expected is not None and abs(float(expected) - float(value)) <= 1e-9 * max(1.0, abs(float(expected)))
        if not ok:
            problems.append(f"{key}: report {value!r} != JSON {expected!r}")
        compared += 1
    overdue = [cu for cu in analysis["customers"] if cu["overdue_flag"]]
    keys = {k for k, _, _ in c.figures}
    for i, cu in enumerate(analysis["customers"]):
        if cu["overdue_flag"] and f"customers.{i}.overdue" not in keys:
            problems.append(f"overdue customer {cu['id']} has no figure in the report")
    # Today's worklist (issue #20 §3): one row per entry of the JSON's worklist, with its date.
    for i, item in enumerate(analysis.get("worklist", [])):
        if f"worklist.{i}.customer" not in keys:
            problems.append(f"worklist entry {i} ({item['customer']}) has no row in the report")
    for must in ("totals.open", "totals.overdue", "metrics.dso", "metrics.cei", "allowance.total", "aging.0.open"):
        if must not in keys:
            problems.append(f"no figure {must}")
    problems += external_problems(c, text, os.path.basename(report_path))
    for needle in ("@page { size: A4; margin: 15mm; }", "thead { display: table-header-group; }",
                   "page-break-before: always", "page-break-inside: avoid", '<meta name="viewport"'):
        if needle not in text:
            problems.append(f"print rule missing: {needle}")

    letters_checked = 0
    if letters_dir:
        lc, ltext = parse(os.path.join(letters_dir, "letters.html"))
        problems += external_problems(lc, ltext, "letters.html")
        # Disputed invoices are left out of the letters (issue #20 §2): a customer whose overdue
        # invoices are all disputed gets none, the others are asked for the undisputed part.
        asked = lambda cu: round((cu["overdue"] - cu.get("in_dispute_overdue", 0)) * 100)
        with_letter = [cu for cu in overdue if asked(cu) > 0]
        by_id = {cu["id"]: cu for cu in with_letter}
        if len(lc.letters) != len(with_letter):
            problems.append(f"{len(lc.letters)} letters for {len(with_letter)} overdue customers with undisputed invoices")
        for a in lc.letters:
            cu = by_id.get(a.get("data-customer-id"))
            if cu is None:
                problems.append(f"letter for {a.get('data-customer-id')!r}, not an overdue customer")
                continue
            if a.get("data-type") != cu["type"]:
                problems.append(f"letter for {cu['id']}: type {a.get('data-type')} != {cu['type']}")
            if int(a.get("data-overdue")) != asked(cu):
                problems.append(f"letter for {cu['id']}: overdue {a.get('data-overdue')} != {asked(cu) / 100}")
            letters_checked += 1
        files = [n for n in os.listdir(letters_dir) if n != "letters.html"]
        if len(files) != len(with_letter) or not all(re.fullmatch(r"[0-9]{3}-[A-Za-z0-9_-]+\.html", n) for n in files):
            problems.append(f"letter files: {len(files)} (expected {len(with_letter)} safe names)")
        if "{" in re.sub(r"<style>.*?</style>", "", ltext, flags=re.S):
            problems.append("letters.html: a placeholder was left")
    if problems:
        for p in problems[:40]:
            print("FAIL", p)
        return 1
    print(f"ok {os.path.basename(report_path)}: {len(c.sections)} sections, {compared} figures equal the JSON, "
          f"{len(overdue)} overdue customers, {letters_checked} letters, no external reference")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
