#!/usr/bin/env python3
"""Compares two `overdue-lens analyze` (or `inspect`) JSON documents after removing only what must
differ between a CSV and the workbook holding the same data: the file names (a table's "name",
a rejected row's "file", a file named inside a note or a generated invoice id), a table's "sheet"
(absent for a CSV), and "row" for "line" after a file name (a sheet's rows are Excel's rows).
Each A_LABEL=B_LABEL pair names the same table on both sides (the CSV's base name and the
workbook's label, e.g. payments_en.csv=book.xlsx:Payments); both are replaced by "<file N>" (and
so is the bare book.xlsx when only one of its sheets is compared).
Prints the first difference (its JSON path and both values) and exits 1, or exits 0 when equal.

usage: compare_analysis.py [--expect-different] [--new-notes=N[:TEXT]] A.json B.json [A_LABEL=B_LABEL ...]
  --expect-different   exit 0 only when the documents differ (prints the first difference)
  --new-notes=N[:TEXT] B's "notes" are A's plus exactly N others, each containing TEXT (what only
                       the workbook can say, e.g. that a column's day and month were swapped
                       back): printed, then set aside before comparing
"""
import json
import sys


def normalise(value, labels):
    """labels: [(text, placeholder)], longest text first (book.xlsx:Payments before book.xlsx).
    A place in a file is "<file> line 12" for a CSV and "<file> row 12" for a sheet: both become
    "<file N> line 12"."""
    if isinstance(value, dict):
        return {k: normalise(v, labels) for k, v in value.items() if k != 'sheet'}
    if isinstance(value, list):
        return [normalise(v, labels) for v in value]
    if isinstance(value, str):
        for text, placeholder in labels:
            value = value.replace(text, placeholder)
            value = value.replace(placeholder + ' row ', placeholder + ' line ')
        return value
    return value


def first_difference(a, b, path='$'):
    if type(a) is not type(b):
        return path, a, b
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return '%s.%s' % (path, k), a.get(k, '(absent)'), b.get(k, '(absent)')
            d = first_difference(a[k], b[k], '%s.%s' % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, '%s[%d]' % (path, i))
            if d:
                return d
        if len(a) != len(b):
            return '%s (length)' % path, len(a), len(b)
        return None
    return None if a == b else (path, a, b)


def short(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 300 else s[:300] + '…'


def set_aside_new_notes(a, b, n, text):
    """Removes from b['notes'] the entries a['notes'] does not have; returns them, or an error."""
    unmatched = list(a.get('notes', []))
    kept, new = [], []
    for note in b.get('notes', []):
        if note in unmatched:
            unmatched.remove(note)
            kept.append(note)
        else:
            new.append(note)
    b['notes'] = kept
    if len(new) != n or any(text not in note for note in new):
        return None, 'want %d new note(s) in the second document%s, found %d: %s' % (
            n, " each saying '%s'" % text if text else '', len(new), short(new))
    return new, None


def main(argv):
    expect_different = '--expect-different' in argv
    new_notes = [a.split('=', 1)[1].partition(':') for a in argv if a.startswith('--new-notes=')]
    args = [a for a in argv if a != '--expect-different' and not a.startswith('--new-notes=')]
    if len(args) < 2 or any('=' not in p for p in args[2:]):
        sys.exit(__doc__)
    pairs = [p.split('=', 1) for p in args[2:]]
    labels_a = [(a, '<file %d>' % i) for i, (a, _) in enumerate(pairs)]
    labels_b = [(b, '<file %d>' % i) for i, (_, b) in enumerate(pairs)]
    # A note may name a workbook without its sheet ("book.xlsx states its date in its title
    # rows"): when the book has one sheet here, that is the same table.
    books = [b.rpartition(':')[0] for _, b in pairs if ':' in b]
    labels_b += [(b.rpartition(':')[0], '<file %d>' % i) for i, (_, b) in enumerate(pairs)
                 if ':' in b and books.count(b.rpartition(':')[0]) == 1]
    labels_a.sort(key=lambda t: -len(t[0]))
    labels_b.sort(key=lambda t: -len(t[0]))
    with open(args[0], encoding='utf-8') as f:
        a = normalise(json.load(f), labels_a)
    with open(args[1], encoding='utf-8') as f:
        b = normalise(json.load(f), labels_b)
    if new_notes:
        new, error = set_aside_new_notes(a, b, int(new_notes[0][0]), new_notes[0][2])
        if error:
            print(error)
            return 1
        print('new note(s), set aside: %s' % short(new))
    d = first_difference(a, b)
    if d:
        print('first difference at %s:\n    %s\n    %s' % (d[0], short(d[1]), short(d[2])))
    if expect_different:
        return 0 if d else 1
    return 1 if d else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
