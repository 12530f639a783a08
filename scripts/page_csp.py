#!/usr/bin/env python3
"""Write the page's index.html with the report's stylesheet allowed by its hash (issue #22 §6).

usage: page_csp.py web/index.html src/core/report/html_report.cpp OUT/index.html

"Accessible report" opens the HTML report in a new tab from a Blob (src/app/accessible_report.cpp).
A Blob document inherits the page's Content-Security-Policy, whose style-src 'self' would block the
report's one inline <style>; the policy allows exactly that stylesheet by its sha256 instead of
'unsafe-inline'. The stylesheet is the text of report_css() in html_report.cpp (raw string literals,
concatenated), hashed here at build time so the hash follows every edit of the report's CSS. The
token {{report-css-sha256}} in web/index.html's policy is replaced by 'sha256-…';
scripts/build_single.py carries the same hash into the single offline file's policy.
"""
import base64
import hashlib
import re
import sys

TOKEN = "{{report-css-sha256}}"
# A C++ raw string literal R"delim( … )delim".
RAW_LITERAL = re.compile(r'R"([^()\\ ]{0,16})\((.*?)\)\1"', re.S)


def report_css(source):
    head = "const char* report_css() {"
    pos = source.find(head)
    if pos < 0:
        raise SystemExit("page_csp.py: report_css() not found in the report's source")
    pos += len(head)
    # The body must be comments, `return`, raw string literals and `;` only: anything else would
    # mean the stylesheet is no longer just these literals, and the hash would be wrong.
    skip = re.compile(r"\s+|//[^\n]*|return\b")
    parts = []
    while pos < len(source):
        m = skip.match(source, pos) or RAW_LITERAL.match(source, pos)
        if m is None:
            break
        if m.re is RAW_LITERAL:
            parts.append(m.group(2))
        pos = m.end()
    if not parts or not source.startswith(";", pos):
        raise SystemExit("page_csp.py: report_css() is not `return` raw string literals; update this script")
    return "".join(parts)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    index_path, report_source, out = argv
    page = open(index_path, encoding="utf-8").read()
    if page.count(TOKEN) != 1:
        print(f"page_csp.py: {index_path} must hold {TOKEN} once (in its Content-Security-Policy)", file=sys.stderr)
        return 1
    css = report_css(open(report_source, encoding="utf-8").read())
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    with open(out, "w", encoding="utf-8") as f:
        f.write(page.replace(TOKEN, f"'sha256-{digest}'"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
