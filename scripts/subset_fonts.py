#!/usr/bin/python3
"""Cut the page's fonts down so the start-up download stays small (issue #7, target 8).

usage:
  subset_fonts.py build DEJAVU.ttf DROID.ttf OUT_DIR
      writes OUT_DIR/latin.ttf and OUT_DIR/cjk.ttf (loaded before main(), web/glue.js) and
      OUT_DIR/latin-rare.ttf and OUT_DIR/cjk-rare.ttf (everything else of both fonts, fetched after
      the start screen is up and merged into the body font then, src/app/fonts.cpp). Fails if a
      character of either source font is in none of its two parts: no glyph the full fonts could
      draw is lost, some just arrive a moment later.
  subset_fonts.py check FONT_DIR STAMP SOURCE_DIR...
      every non-ASCII character inside a string literal of the C++ sources under SOURCE_DIR (the
      string table, the page's literals) must be in latin.ttf or cjk.ttf, so no text of the page
      ever draws as "?" at start-up; writes STAMP when it holds, lists what is missing otherwise.

Run with Debian's /usr/bin/python3 (package python3-fonttools); the python3 of a pyenv or venv
usually has no fontTools.
"""
import gzip
import io
import os
import re
import sys

try:
    from fontTools import subset
    from fontTools.ttLib import TTFont
except ImportError:
    sys.stderr.write("subset_fonts.py: fontTools is missing: install python3-fonttools "
                     "(scripts/setup.sh does) and run this with /usr/bin/python3\n")
    sys.exit(1)


def span(first, last):
    return range(first, last + 1)


# [SECTION] what loads at start-up ----------------------------------------------------------------
# DejaVuSans: the scripts of the page's own texts and of most Western and Vietnamese customer names,
# and the symbols the string table uses (¥ € ✓ ✗ → … ≤ ≥ ■ ●). Everything else of DejaVu (Arabic,
# Hebrew, Armenian, Georgian, …) goes to latin-rare.ttf.
LATIN_START = [
    span(0x0020, 0x007E),  # Basic Latin
    span(0x00A0, 0x024F),  # Latin-1, Latin Extended-A and -B
    span(0x02B0, 0x036F),  # spacing modifiers, combining diacritics (decomposed names)
    span(0x0370, 0x03FF),  # Greek (λ, Σ in the lab's texts)
    span(0x0400, 0x052F),  # Cyrillic and its supplement
    span(0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    span(0x2000, 0x20CF),  # general punctuation, super/subscripts, currency
    span(0x2100, 0x21FF),  # letterlike, number forms, arrows
    span(0x2200, 0x22FF),  # mathematical operators
    span(0x2500, 0x25FF),  # box drawing, block elements, geometric shapes
    span(0x2700, 0x27BF),  # dingbats (✓ ✗)
    [0xFFFD],              # ImGui's fallback glyph for a character no font has
]
# DroidSansFallbackFull: the CJK Unified Ideographs block (every GB2312/GBK hanzi of a name is in
# it) with the punctuation, kana, bopomofo, enclosed and compatibility forms around it, and the
# fullwidth forms. Extension A (U+3400–4DBF, +640 KB gzip), the compatibility ideographs and the
# rest go to cjk-rare.ttf.
CJK_START = [
    span(0x3000, 0x33FF),  # CJK punctuation, kana, bopomofo, kanbun, strokes, enclosed, compatibility
    span(0x4E00, 0x9FFF),  # CJK Unified Ideographs
    span(0xFE10, 0xFE1F),  # vertical forms
    span(0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    span(0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (（）：，￥)
]


def codepoints(ranges):
    return {c for r in ranges for c in r}


def cmap_of(path):
    return set(TTFont(path, lazy=True).getBestCmap())


# [SECTION] build ---------------------------------------------------------------------------------
def write_subset(source, unicodes, out):
    opts = subset.Options()
    # stb_truetype (ImGui's rasteriser) neither hints nor shapes: instructions and OpenType layout
    # tables are bytes for nothing. The .notdef outline is kept; names stay for the licence.
    opts.hinting = False
    opts.layout_features = []
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.glyph_names = False
    opts.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing a renderer reads
    # recalcTimestamp=False: the same inputs give the same bytes (head.modified stays the source's).
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out)
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def split_font(source, start_ranges, start_out, rare_out):
    """Writes the start-up part and the rest of `source`; checks that together they keep its cmap."""
    full = cmap_of(source)
    start = full & codepoints(start_ranges)
    rare = full - start
    sizes = [write_subset(source, start, start_out), write_subset(source, rare, rare_out)]
    got_start, got_rare = cmap_of(start_out), cmap_of(rare_out)
    lost = full - got_start - got_rare
    if lost:
        raise SystemExit(f"subset_fonts.py: {len(lost)} characters of {source} are in neither part, "
                         f"e.g. {', '.join('U+%04X' % c for c in sorted(lost)[:10])}")
    if got_start != start:
        raise SystemExit(f"subset_fonts.py: {start_out} does not map exactly the characters asked for")
    for path, (raw, packed) in zip((start_out, rare_out), sizes):
        print(f"subset_fonts.py: {os.path.basename(path)}: {raw} bytes, {packed} gzip")


def build(dejavu, droid, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    split_font(dejavu, LATIN_START, os.path.join(out_dir, "latin.ttf"), os.path.join(out_dir, "latin-rare.ttf"))
    split_font(droid, CJK_START, os.path.join(out_dir, "cjk.ttf"), os.path.join(out_dir, "cjk-rare.ttf"))


# [SECTION] check: the texts of the page are covered at start-up -------------------------------------
# C++ string literals, comments skipped: "…" with escapes, u8"…", and raw strings R"delim(…)delim".
# Character literals ('x') are skipped too (they are single bytes in this code base).
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|(?:u8|u|U|L)?R"([^(\s]*)\((.*?)\)\1"|(?:u8|u|U|L)?"((?:[^"\\\n]|\\.)*)"|'
                   r"'(?:[^'\\\n]|\\.)*'", re.S)


def literal_texts(source):
    for m in TOKEN.finditer(source):
        if m.group(2) is not None:
            yield m.group(2)
        elif m.group(3) is not None:
            yield m.group(3)


def self_test():
    sample = ('// 注释 “not a literal”\nconst char* a = "中文 ✓";  /* 块 → */ char c = \'"\';\n'
              'auto b = u8"¥\\"€"; auto r = R"x(raw 䶮 ")x"; // "γ"\n')
    got = "".join(literal_texts(sample))
    want = '中文 ✓¥\\"€raw 䶮 "'
    if got != want:
        raise SystemExit(f"subset_fonts.py: literal extraction is broken: {got!r} != {want!r}")


def check(font_dir, stamp, source_dirs):
    self_test()
    covered = cmap_of(os.path.join(font_dir, "latin.ttf")) | cmap_of(os.path.join(font_dir, "cjk.ttf"))
    needed = {}  # character → first file using it
    for top in source_dirs:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp", ".h")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for lit in literal_texts(text):
                    for ch in lit:
                        if ord(ch) > 0x7F:
                            needed.setdefault(ch, path)
    missing = sorted(ch for ch in needed if ord(ch) not in covered)
    if missing:
        lines = [f"  U+{ord(ch):04X} {ch} (first in {needed[ch]})" for ch in missing]
        raise SystemExit("subset_fonts.py: these characters of the page's texts are in neither latin.ttf nor "
                         "cjk.ttf, so they would draw as '?' until the rare fonts arrive; add their range to "
                         "LATIN_START or CJK_START in scripts/subset_fonts.py:\n" + "\n".join(lines))
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(f"{len(needed)} non-ASCII characters of the sources covered at start-up\n")
    print(f"subset_fonts.py: {len(needed)} non-ASCII characters of the page's texts are in latin.ttf + cjk.ttf")


def main(argv):
    if len(argv) == 4 and argv[0] == "build":
        build(*argv[1:])
        return 0
    if len(argv) >= 4 and argv[0] == "check":
        check(argv[1], argv[2], argv[3:])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
