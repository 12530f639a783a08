#!/usr/bin/python3
"""Workbooks for the browser suite tests/browser/workbook_test.mjs (issue #18), made at test time
with Debian's python3-xlsxwriter (never committed).

usage: make_workbooks.py OUT_DIR INVOICES_CSV PAYMENTS_CSV

Writes into OUT_DIR:
  book.xlsx     sheet Invoices (the rows of INVOICES_CSV), sheet Payments (PAYMENTS_CSV) and a
                hidden sheet Notes; ISO dates become date cells, plain numbers number cells, the
                rest text, so the sheets hold the same data as the two CSV files.
  swapped.xlsx  sheet Invoices whose invoice_date column is what Excel leaves after opening a
                month-first CSV with day-first settings: the dates with a day <= 12 became date
                cells with day and month swapped, the others stayed text ("1/26/2024").
  damaged.xlsx  a zip signature followed by junk: a corrupt or truncated workbook.
  legacy.xlsx   an OLE2 compound-file signature followed by zeros: an Excel 97-2003 file (or a
                password-protected one) under an .xlsx name.
"""
import csv
import datetime
import os
import re
import sys

import xlsxwriter

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def write_csv_rows(book, sheet, path, formats):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, cell in enumerate(row):
                if r > 0 and ISO_DATE.match(cell):
                    sheet.write_datetime(r, c, datetime.datetime.strptime(cell, "%Y-%m-%d"), formats["date"])
                elif r > 0 and PLAIN_NUMBER.match(cell):
                    decimals = len(cell.split(".")[1]) if "." in cell else 0
                    sheet.write_number(r, c, float(cell), formats["money"] if decimals == 2 else None)
                else:
                    sheet.write_string(r, c, cell)


def make_book(out, invoices, payments):
    book = xlsxwriter.Workbook(os.path.join(out, "book.xlsx"))
    formats = {"date": book.add_format({"num_format": "yyyy-mm-dd"}), "money": book.add_format({"num_format": "0.00"})}
    write_csv_rows(book, book.add_worksheet("Invoices"), invoices, formats)
    write_csv_rows(book, book.add_worksheet("Payments"), payments, formats)
    notes = book.add_worksheet("Notes")
    notes.write_string(0, 0, "exported by hand")
    notes.hide()
    book.close()


def make_swapped(out):
    book = xlsxwriter.Workbook(os.path.join(out, "swapped.xlsx"))
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet = book.add_worksheet("Invoices")
    sheet.write_row(0, 0, ["customer", "invoice_no", "invoice_date", "due_date", "amount"])
    # The month-first CSV's dates: (month, day). Day <= 12: Excel (day-first) made a date cell of
    # it with month and day swapped; day > 12: not a date for Excel, left as text.
    originals = [(1, 5), (1, 26), (2, 3), (2, 15), (3, 7), (3, 21), (4, 2), (4, 18)]
    for i, (month, day) in enumerate(originals):
        r = i + 1
        sheet.write_string(r, 0, "Customer %d" % (i % 3 + 1))
        sheet.write_string(r, 1, "S-%03d" % r)
        if day <= 12:
            sheet.write_datetime(r, 2, datetime.datetime(2024, day, month), date)
        else:
            sheet.write_string(r, 2, "%d/%d/2024" % (month, day))
        due = datetime.datetime(2024, month, day) + datetime.timedelta(days=30)
        sheet.write_datetime(r, 3, due, book.add_format({"num_format": "yyyy-mm-dd"}))
        sheet.write_number(r, 4, 100.0 * r)
    book.close()


def main():
    out, invoices, payments = sys.argv[1:4]
    make_book(out, invoices, payments)
    make_swapped(out)
    with open(os.path.join(out, "damaged.xlsx"), "wb") as f:
        f.write(b"PK\x03\x04" + bytes((i * 37 + 11) % 256 for i in range(600)))
    with open(os.path.join(out, "legacy.xlsx"), "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(1024))


if __name__ == "__main__":
    main()
