#!/usr/bin/env python3
"""Workbooks for tests/unit/test_workbook_reader.cpp, made at test time (issue #18: no binary
workbooks in the repository). usage: make_test_workbooks.py OUT_DIR [big]

Made with Debian's python3-xlsxwriter (shared strings, cached formula values as Excel writes
them), python3-openpyxl (inline strings, formulas without a cached value) and, for what neither
writes (prefixed elements, rows and cells without references, absolute relationship targets,
ISO date cells, other containers), zipfile by hand. `big` adds big.xlsx, 30,000 × 25, for the
timing test.
"""
import datetime
import os
import sys
import zipfile

import openpyxl
import xlsxwriter

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


def basic():
    wb = xlsxwriter.Workbook(path("basic.xlsx"))
    ws = wb.add_worksheet("Invoices")
    title = wb.add_format({"bold": True, "align": "center"})
    iso = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    dmy = wb.add_format({"num_format": "d mmm yyyy"})
    chinese = wb.add_format({"num_format": 'yyyy"年"m"月"d"日"'})
    builtin = wb.add_format({"num_format": 14})
    padded = wb.add_format({"num_format": "0000000"})
    money = wb.add_format({"num_format": "#,##0.00"})
    bold = wb.add_format({"bold": True})
    ws.merge_range("A1:F1", "Aged receivables — March 2024", title)
    ws.write_row(2, 0, ["Invoice", "Customer", "Invoice date", "Amount", "Customer id", "Total"])
    ws.write(3, 0, "INV-001")
    ws.write(3, 1, "上海华东贸易有限公司")
    ws.write_datetime(3, 2, datetime.datetime(2024, 3, 31), iso)
    ws.write_number(3, 3, 1234.5, money)
    ws.write_number(3, 4, 1234, padded)
    ws.write_formula(3, 5, "=D4*2", None, 2469)
    ws.write(4, 0, "INV-002")
    ws.write(4, 1, "ACME Ltd")
    ws.write_datetime(4, 2, datetime.datetime(2024, 1, 5, 13, 45), stamp)
    ws.write_number(4, 3, 0.1)
    ws.write_number(4, 4, 42, padded)
    ws.write_formula(4, 5, "=NA()", None, "#N/A")
    ws.write(5, 0, "INV-003")
    ws.write_rich_string(5, 1, bold, "Rich", " text")
    ws.write_datetime(5, 2, datetime.datetime(2024, 2, 29), dmy)
    ws.write_number(5, 3, -20)
    ws.write_boolean(5, 4, True)
    ws.write_formula(5, 5, '=A6&"x"', None, "INV-003x")
    ws.write(6, 0, "INV-004")
    ws.write(6, 1, "  spaced  ")
    ws.write_datetime(6, 2, datetime.datetime(2024, 12, 1), chinese)
    ws.write_number(6, 3, 1930571429)
    ws.write_boolean(6, 4, False)
    ws.write_formula(6, 5, "=1/0", None, "#DIV/0!")
    ws.write(7, 0, "INV-005")
    ws.write_datetime(7, 2, datetime.datetime(2023, 7, 4), builtin)
    ws.write_number(7, 3, 0.1 + 0.2)
    pay = wb.add_worksheet("Payments")
    pay.write_row(0, 0, ["Invoice", "Paid"])
    pay.write_row(1, 0, ["INV-001", 100])
    pay.write_row(2, 0, ["INV-002", 0.1])
    hidden = wb.add_worksheet("Lookup")
    hidden.write_column(0, 0, ["a", "b", "c"])
    hidden.hide()
    wb.close()


def date1904():
    wb = xlsxwriter.Workbook(path("date1904.xlsx"), {"date_1904": True})
    ws = wb.add_worksheet("Mac")
    iso = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["Date", "Amount"])
    ws.write_datetime(1, 0, datetime.datetime(2024, 3, 31), iso)
    ws.write_number(1, 1, 10)
    ws.write_datetime(2, 0, datetime.datetime(1904, 1, 2), iso)
    ws.write_number(2, 1, 20)
    wb.close()


def openpyxl_book():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet A"
    ws.append(["Invoice", "Amount", "Due", "Paid", "Formula"])
    ws.append(["X-1", 12.5, datetime.date(2024, 5, 6), True, "=B2*2"])
    ws.append(["X-2", 7, datetime.datetime(2024, 5, 7, 8, 30), False, "=B3*2"])
    ws["E3"].value = "=B3*2"
    wb.save(path("openpyxl.xlsx"))


def swapped():
    # Excel on a day-first system opened an M/D/YYYY CSV: 2/1/2013 became 1 February (a date),
    # 1/26/2013 stayed text.
    wb = xlsxwriter.Workbook(path("swapped.xlsx"))
    ws = wb.add_worksheet("Export")
    fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Invoice date", "Amount"])
    ws.write_datetime(1, 0, datetime.datetime(2013, 2, 1), fmt)  # meant 2 January
    ws.write_string(2, 0, "1/26/2013")
    ws.write_datetime(3, 0, datetime.datetime(2013, 12, 3), fmt)  # meant 12 March
    ws.write_string(4, 0, "12/31/2013")
    for r in range(1, 5):
        ws.write_number(r, 1, r * 10)
    wb.close()


def choose():
    # The first sheet is empty, the second hidden: the third is read by default.
    wb = xlsxwriter.Workbook(path("choose.xlsx"))
    cover = wb.add_worksheet("Cover")
    cover.set_column(0, 3, 20)
    cover.write_blank(0, 0, None, wb.add_format({"bold": True}))
    secret = wb.add_worksheet("Secret")
    secret.write_row(0, 0, ["s", 1])
    secret.hide()
    data = wb.add_worksheet("Data")
    data.write_row(0, 0, ["Invoice", "Amount"])
    data.write_row(1, 0, ["D-1", 5])
    wb.close()
    wb = xlsxwriter.Workbook(path("only_hidden.xlsx"))
    wb.add_worksheet("Visible")
    hidden = wb.add_worksheet("Hidden")
    hidden.write(0, 0, "x")
    hidden.hide()
    wb.close()
    wb = xlsxwriter.Workbook(path("blank.xlsx"))
    wb.add_worksheet("Sheet1")
    wb.close()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>')
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="/xl/workbook.xml"/></Relationships>')


def handmade():
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<x:sheets><x:sheet name="Data" sheetId="1" r:id="R7"/></x:sheets></x:workbook>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="R7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="/xl/worksheets/data.xml"/></Relationships>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>When</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Wang </x:t></x:r><x:r><x:t>Li</x:t></x:r></x:is></x:c>'
        '<x:c t="d"><x:v>2024-03-31T00:00:00</x:v></x:c></x:row>'
        '<x:row r="5"><x:c r="B5" t="d"><x:v>2024-04-01T09:30:00</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>')
    with zipfile.ZipFile(path("handmade.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/data.xml", sheet)
    # The same with a sheet that is not well formed.
    with zipfile.ZipFile(path("damaged.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/data.xml", sheet.replace("</x:row>", "</x:c>", 1))


def macro_and_wide():
    # An .xlsm: the same parts plus a VBA project, which is never read (macros never run).
    with zipfile.ZipFile(path("basic.xlsx")) as src, \
            zipfile.ZipFile(path("macro.xlsm"), "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item.filename, src.read(item.filename))
        z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    # One value in column XFD on each of 3,100 rows: a grid of 50.8 million cells, refused.
    rows = "".join('<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r) for r in range(1, 3101))
    sheet = '<worksheet><sheetData>%s</sheetData></worksheet>' % rows
    workbook = ('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Wide" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with zipfile.ZipFile(path("wide.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def other_containers():
    with zipfile.ZipFile(path("sheet.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(path("book.xlsb"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with zipfile.ZipFile(path("other.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "hello")


def big():
    wb = xlsxwriter.Workbook(path("big.xlsx"))
    ws = wb.add_worksheet("Ledger")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["col%d" % c for c in range(25)])
    base = datetime.datetime(2020, 1, 1)
    x = 88172645463325252
    for r in range(1, 30001):
        for c in range(25):
            x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
            x ^= x >> 7
            x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
            kind = c % 5
            if kind == 0:
                ws.write_string(r, c, "customer %d" % (x % 3000))
            elif kind == 1:
                ws.write_datetime(r, c, base + datetime.timedelta(days=x % 1500), date)
            elif kind == 2:
                ws.write_number(r, c, (x % 10000000) / 100)
            elif kind == 3:
                ws.write_number(r, c, x % 100000)
            else:
                ws.write_string(r, c, "INV-%08d" % (x % 100000000))
    wb.close()


basic()
date1904()
openpyxl_book()
swapped()
choose()
handmade()
macro_and_wide()
other_containers()
if len(sys.argv) > 2 and sys.argv[2] == "big":
    big()
