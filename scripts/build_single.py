#!/usr/bin/env python3
"""Pack the built page into one self-contained HTML file that works offline (issue #8).

usage: build_single.py WEB_DIR OUT.html      (WEB_DIR: build/wasm/web after scripts/build.sh wasm)

The wasm module, the fonts (start-up and rare parts, scripts/subset_fonts.py) and the demos (ledger,
credit accounts) are gzip-compressed, base64-encoded and put in inert
<script type="application/octet-stream"> data blocks; a small inline script defines
window.overdueLensAssets over them (inflated with DecompressionStream on demand), which web/assets.js
would otherwise define over fetch(). The page's own scripts and stylesheet are inlined in the
order index.html loads them. The Content-Security-Policy allows exactly these inline scripts and
this stylesheet (by hash) and no network at all (connect-src 'none'): the file makes no request.
"""
import base64
import gzip
import hashlib
import html
import os
import re
import sys

# Embedded files, as the page asks for them (paths relative to WEB_DIR).
# The fonts' rare parts are inflated after start-up, like the served page fetches them then (glue.js).
EMBEDDED = ["overdue-lens-app.wasm", "fonts/latin.ttf", "fonts/cjk.ttf", "fonts/latin-rare.ttf", "fonts/cjk-rare.ttf",
            "demo/invoices.csv", "demo/payments.csv", "demo/contacts.csv", "demo/uci_credit_card.csv"]
# Scripts of index.html inlined as they are; assets.js is replaced by the embedded loader.
INLINED_SCRIPTS = ["errors.js", "glue.js", "overdue-lens-app.js"]
SIZE_LIMIT_BYTES = 10 * 1024 * 1024

LOADER = """'use strict';
// The single offline file: the page's files are embedded below, gzip-compressed and base64-encoded
// (scripts/build_single.py); each is inflated the first time it is asked for.
window.overdueLensAssets = Object.freeze({
  embedded: true,
  load: async (path) => {
    const block = document.querySelector('script[data-path="' + path + '"]');
    if (!block) throw new Error(path + ': not embedded in this file');
    const text = atob(block.textContent.trim());
    const packed = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
});
"""


def sha256_source(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def report_style_hashes(index):
    # The page's policy allows the HTML report's stylesheet by its hash (scripts/page_csp.py), for
    # the report opened in a new tab from a Blob, which inherits this file's policy too.
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', index)
    style_src = re.search(r"style-src ([^;]*)", policy.group(1)) if policy else None
    hashes = re.findall(r"'sha256-[A-Za-z0-9+/=]+'", style_src.group(1)) if style_src else []
    if not hashes:
        raise SystemExit("build_single.py: the page's CSP allows no report stylesheet hash (scripts/page_csp.py)")
    return hashes


def inline_safe(js):
    # "</script" would end the element early; "<\\/script" means the same inside JS strings.
    return js.replace("</script", "<\\/script")


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    web, out = argv
    index = open(os.path.join(web, "index.html"), encoding="utf-8").read()
    style = open(os.path.join(web, "style.css"), encoding="utf-8").read()
    scripts = [LOADER] + [inline_safe(open(os.path.join(web, name), encoding="utf-8").read())
                          for name in INLINED_SCRIPTS]
    csp = ("default-src 'none'; script-src " + " ".join(sha256_source(s) for s in scripts) +
           " 'wasm-unsafe-eval'; style-src " + " ".join([sha256_source(style)] + report_style_hashes(index)) +
           "; connect-src 'none'; img-src data: blob:; base-uri 'none'; form-action 'none'")

    blocks = []
    for path in EMBEDDED:
        raw = open(os.path.join(web, path), "rb").read()
        packed = base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode()
        blocks.append(f'<script type="application/octet-stream" data-path="{path}">{packed}</script>')

    page = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                  f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">', index)
    page = page.replace('<link rel="stylesheet" href="style.css">', f"<style>{style}</style>")
    tail = "\n".join(blocks) + "\n" + "\n".join(f"<script>{s}</script>" for s in scripts)
    script_tags = re.compile(r'<script src="[^"]+"></script>\n?')
    if len(script_tags.findall(page)) != 1 + len(INLINED_SCRIPTS):
        print("build_single.py: index.html's scripts changed; update INLINED_SCRIPTS", file=sys.stderr)
        return 1
    first = script_tags.search(page)
    page = page[:first.start()] + tail + "\n" + script_tags.sub("", page[first.start():])

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    size = os.path.getsize(out)
    print(f"{out}: {size / 1048576:.2f} MB ({size} bytes)")
    if size > SIZE_LIMIT_BYTES:
        print(f"build_single.py: {out} is larger than {SIZE_LIMIT_BYTES} bytes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
