#!/usr/bin/env python3
"""Writes the test workbooks of issue #18 from CSV fixtures in tests/data, each holding the SAME
data as its CSV: numbers as numbers, dates as true date cells (several number formats), ids with
leading zeros as numbers with a zero-padded format, text as text. tests/workbook/run.sh then checks
that `overdue-lens analyze` gives the same JSON for the workbook as for the CSV.

Each workbook row sits on the row number of its CSV line (an empty CSV line is an empty row), so
the rejected and set-aside rows name the same lines. What each case exercises:

  invoices_payments.xlsx  xlsxwriter; two sheets (an invoices and a payments table, analysed
                          together with --sheet); dates 'm/d/yyyy', built-in 14 and 'yyyy-mm-dd';
                          amounts with a "$" format; a rich-text customer name (runs joined);
                          payments' amounts as formulas with their cached values
  qb_open_invoices.xlsx   xlsxwriter; an accounting export: title rows merged across the table
                          (merge_range), an empty row above the header and one near the footer,
                          customer group and total rows
  mingxizhang_1904.xlsx   xlsxwriter in constant_memory mode (inline strings, not shared ones)
                          with the 1904 date system; a GBK CSV's Chinese text; dates as
                          'yyyy"年"m"月"d"日"'; a merged title row; the header repeated
  ledger_zh.xlsx          openpyxl; a Chinese one-table ledger; built-in 14 and 'yyyy/m/d';
                          #N/A error cells where the CSV's payment date is empty, and the
                          derived 逾期天数 column as formulas WITHOUT cached values (openpyxl
                          writes none): both read as missing and listed as cell problems
  ids.xlsx                xlsxwriter; two sheets; ids with leading zeros as numbers with the
                          formats '0000000' / '0000000000', other ids as plain numbers or text
                          (the CSV's '1930571429.0' stays text: as a number it reads '1930571429',
                          another id)
  gbk_invoices.xlsx       openpyxl; the GBK invoices fixture's Chinese header and text, dates as
                          'yyyy"年"m"月"d"日"' and 'yyyy-mm-dd'
  swapped.xlsx            what Excel on a day-first machine leaves of an M/D/YYYY CSV: a date
                          whose day is ≤ 12 became a date cell with day and month swapped
                          (01/05/2024 → 1 May), the others stayed text ('01/17/2024'); the
                          reader must swap them back (and keeps them with excel_date_swap=keep)

Besides the workbooks, writes:
  cases.txt          one line per comparison for run.sh:
                     CASE|CSV ARGS|WORKBOOK ARGS|CSV LABELS|WORKBOOK LABELS|COMPARE OPTIONS
                     (words split by tabs; the labels are the file names the analysis JSON uses,
                     in the same order)
  reader_text/*.csv  the cell text the reader should hand the importer for each sheet (the
                     comment in include/overdue/workbook/workbook_reader.hpp), on the same lines:
                     run.sh checks that the CSV importer gives the same analysis for these as
                     for the original CSV (so a difference on a workbook is the reader's, not
                     the fixture's), and it is what to diff against when a workbook differs.

usage: make_workbooks.py OUT_DIR   (needs Debian's python3-xlsxwriter and python3-openpyxl)
"""
import csv
import datetime
import io
import math
import os
import sys

import openpyxl
import openpyxl.utils.datetime
import xlsxwriter

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DATA = os.path.join(REPO, 'tests', 'data')


# [SECTION] typed cells -----------------------------------------------------------------------------
class Cell:
    """One workbook cell: kind is text, number, date, formula (a number with a formula, cached
    or not), error or blank; fmt is its number format (a string, or an int for a built-in one)."""

    def __init__(self, kind, value=None, fmt=None, formula=None, cached=True, runs=None):
        self.kind, self.value, self.fmt = kind, value, fmt
        self.formula, self.cached, self.runs = formula, cached, runs

    def reader_text(self, swap_back=True):
        """The text the workbook reader hands the importer for this cell."""
        if self.kind == 'blank' or self.kind == 'error' or (self.kind == 'formula' and not self.cached):
            return ''
        if self.kind == 'text':
            return self.value
        if self.kind == 'date':
            return self.value.isoformat()
        if self.kind == 'swapped_date':  # stored with day and month swapped
            d = self.value if swap_back else stored_swapped(self.value)
            return d.isoformat()
        x = float(self.value)
        if isinstance(self.fmt, str) and set(self.fmt) == {'0'}:  # zero-padded id
            return str(int(x)).zfill(len(self.fmt))
        return shortest_number_text(x)


def shortest_number_text(x):
    if x == math.floor(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def stored_swapped(d):
    """The date Excel stored when it read d (month-first text) as day-first: day ↔ month."""
    return datetime.date(d.year, d.day, d.month)


def text(v):
    return Cell('text', v) if v != '' else Cell('blank')


# What a CSV field becomes in the workbook, by the column's kind. Each returns None when the field
# does not read as that kind (a total row's label, a repeated header): it stays text.
def as_date(strptime_format, fmt):
    def convert(v):
        try:
            return Cell('date', datetime.datetime.strptime(v.strip(), strptime_format).date(), fmt)
        except ValueError:
            return None
    return convert


def parse_money(v):
    s = v.strip().replace(',', '').replace('$', '')
    try:
        return float(s)
    except ValueError:
        return None


def as_money(fmt='#,##0.00', dollar_fmt='"$"#,##0.00;-"$"#,##0.00'):
    """A number; shown with a "$" format where the CSV wrote a "$"."""
    def convert(v):
        x = parse_money(v)
        return None if x is None else Cell('number', x, dollar_fmt if '$' in v else fmt)
    return convert


def as_cached_formula(fmt='#,##0.00'):
    """A number computed by a formula, written with its cached value (as Excel saves it)."""
    def convert(v):
        x = parse_money(v)
        return None if x is None else Cell('formula', x, fmt, formula='=ROUND(%s,2)' % shortest_number_text(x))
    return convert


def as_id(v):
    """An id of digits: a number; one with leading zeros keeps them through a '000…' format (what a
    bookkeeper sets so that 0000001 shows as typed). Anything else stays text."""
    s = v.strip()
    if s.isdigit():
        return Cell('number', int(s), '0' * len(s) if s.startswith('0') and len(s) > 1 else None)
    return None  # '1930571429.0' (a float id written by pandas) is text in the CSV: text here too


def as_number(v):
    x = parse_money(v)
    return None if x is None else Cell('number', x)


def error_where_empty(error='#N/A', inner=None):
    """An error cell (#N/A: a VLOOKUP that found nothing) where the CSV field is empty."""
    def convert(v):
        if v.strip() == '':
            return Cell('error', error)
        return inner(v) if inner else None
    return convert


def uncached_formula(formula_of_row):
    """A formula with no cached value (openpyxl writes none): read as missing."""
    def convert(v, row_number):
        return Cell('formula', None, None, formula=formula_of_row(row_number), cached=False)
    convert.wants_row = True
    return convert


def swapped_when_day_le_12(strptime_format, fmt=14):
    """Excel on a day-first machine opening an M/D/YYYY CSV: a day ≤ 12 read as the month (a date
    cell, day and month swapped), a day > 12 left as text."""
    def convert(v):
        try:
            d = datetime.datetime.strptime(v.strip(), strptime_format).date()
        except ValueError:
            return None
        return Cell('swapped_date', d, fmt) if d.day <= 12 else Cell('text', v)
    return convert


def rich_customer(name, split):
    """A rich-text cell: bold company name, plain rest (runs the reader joins)."""
    def convert(v):
        if v != name:
            return None
        return Cell('text', v, runs=[(v[:split], 'bold'), (v[split:], None)])
    return convert


# [SECTION] sheets and cases ------------------------------------------------------------------------
def read_csv(rel, encoding):
    with open(os.path.join(DATA, rel), 'rb') as f:
        raw = f.read()
    return list(csv.reader(io.StringIO(raw.decode(encoding), newline='')))


class Sheet:
    """A sheet from a CSV fixture: lines before header_line (1-based) and the header are text;
    below it each column's converters (by header name) apply in turn; what none of them takes
    stays text. merge: rows (1-based) whose first cell is merged across the table's width."""

    def __init__(self, name, rel, encoding='utf-8-sig', header_line=1, columns=None, merge=()):
        self.name, self.rel, self.header_line = name, rel, header_line
        self.columns = columns or {}
        self.merge = merge
        self.lines = read_csv(rel, encoding)
        self.width = max(len(r) for r in self.lines)
        header = self.lines[header_line - 1]
        self.rows = []
        for i, line in enumerate(self.lines):
            row = []
            for c, v in enumerate(line):
                cell = None
                if i >= header_line and c < len(header) and header[c] in self.columns:
                    for convert in listify(self.columns[header[c]]):
                        cell = convert(v, i + 1) if getattr(convert, 'wants_row', False) else convert(v)
                        if cell is not None:
                            break
                row.append(cell if cell is not None else text(v))
            self.rows.append(row)

    def reader_rows(self, swap_back=True):
        return [[c.reader_text(swap_back) for c in row] for row in self.rows]


def listify(x):
    return x if isinstance(x, (list, tuple)) else [x]


class Book:
    def __init__(self, file, writer, sheets, options=None, compare=()):
        self.file, self.writer, self.sheets = file, writer, sheets
        self.options = options or {}
        self.compare = list(compare)  # compare_analysis.py options for the workbook's analysis


MDY = '%m/%d/%Y'
ISO = '%Y-%m-%d'
YMD_SLASH = '%Y/%m/%d'
NIAN_YUE_RI = 'yyyy"年"m"月"d"日"'


def books():
    return [
        Book('invoices_payments.xlsx', 'xlsxwriter', [
            Sheet('Invoices', 'roles/invoices_quickbooks.csv', columns={
                'Date': as_date(MDY, 'm/d/yyyy'), 'Num': as_id, 'Due date': as_date(MDY, 14),
                'Amount': as_money(),
                'Customer': rich_customer('Freeman Sporting Goods, 55 Twin Lane', len('Freeman Sporting Goods'))}),
            Sheet('Payments', 'roles/payments_en.csv', columns={
                'Date Paid': as_date(ISO, 'yyyy-mm-dd'), 'Amount': as_cached_formula(), 'Invoice No': as_id}),
        ]),
        Book('qb_open_invoices.xlsx', 'xlsxwriter', [
            Sheet('Open Invoices', 'exports/qb_open_invoices.csv', header_line=5, merge=(1, 2, 3), columns={
                'Date': as_date(MDY, 'mm/dd/yyyy'), 'Due date': as_date(MDY, 'mm/dd/yyyy'), 'Num': as_id,
                'Open balance': as_money()}),
        ]),
        Book('mingxizhang_1904.xlsx', 'xlsxwriter', [
            Sheet('明细账', 'exports/kingdee_mingxizhang_gbk.csv', encoding='gbk', header_line=5, merge=(1,), columns={
                '日期': as_date(ISO, NIAN_YUE_RI), '借方': as_money(), '贷方': as_money(), '余额': as_money()}),
        ], options={'date_1904': True, 'constant_memory': True}),
        Book('ledger_zh.xlsx', 'openpyxl', [
            Sheet('台账', 'roles/ledger_zh.csv', columns={
                '开票日期': as_date(YMD_SLASH, 14), '到期日': as_date(YMD_SLASH, 'yyyy/m/d'),
                '收款日期': error_where_empty('#N/A', as_date(YMD_SLASH, NIAN_YUE_RI)),
                '价税合计(元)': as_money(), '已收金额': as_money(),
                '逾期天数': uncached_formula(lambda r: '=MAX(0,TODAY()-E%d)' % r)}),
        ]),
        Book('ids.xlsx', 'xlsxwriter', [
            Sheet('invoices', 'values/ids_invoices.csv', columns={
                'customer_id': as_id, 'invoice_id': as_id, 'invoice_date': as_date(ISO, 'yyyy-mm-dd'),
                'due_date': as_date(ISO, 14), 'amount': as_money()}),
            Sheet('payments', 'values/ids_payments.csv', columns={
                'customer_id': as_id, 'invoice_id': as_id, 'payment_date': as_date(ISO, 'yyyy-mm-dd'),
                'payment_amount': as_number}),
        ]),
        Book('gbk_invoices.xlsx', 'openpyxl', [
            Sheet('发票', 'gbk_invoices_gbk.csv', encoding='gbk', columns={
                '开票日期': as_date(ISO, NIAN_YUE_RI), '到期日': as_date(ISO, 'yyyy-mm-dd'), '金额': as_money()}),
        ]),
        Book('swapped.xlsx', 'xlsxwriter', [
            Sheet('Invoices', 'roles/invoices_quickbooks.csv', columns={
                'Date': swapped_when_day_le_12(MDY), 'Due date': swapped_when_day_le_12(MDY),
                'Num': as_id, 'Amount': as_money()}),
        ], compare=['--new-notes=2:swapped back']),  # the notes naming the swapped columns (Date, Due date)
    ]


# [SECTION] writers ---------------------------------------------------------------------------------
def excel_serial(d, date1904):
    """Excel's serial day number of d (1900 system counts the phantom 29 Feb 1900)."""
    epoch = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    return (d - epoch).days


def write_xlsxwriter(book, path):
    wb = xlsxwriter.Workbook(path, {'date_1904': book.options.get('date_1904', False),
                                    'constant_memory': book.options.get('constant_memory', False),
                                    'strings_to_numbers': False, 'strings_to_formulas': False,
                                    'strings_to_urls': False})
    formats = {}

    def fmt(f):
        if f is None:
            return None
        if f not in formats:
            formats[f] = wb.add_format({'num_format': f})
        return formats[f]

    bold = wb.add_format({'bold': True})
    title = wb.add_format({'bold': True, 'align': 'center'})
    for sheet in book.sheets:
        ws = wb.add_worksheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            if (r + 1) in sheet.merge:  # merged title row: the text in the first cell
                ws.merge_range(r, 0, r, sheet.width - 1, row[0].value or '', title)
                continue
            for c, cell in enumerate(row):
                if cell.kind == 'blank':
                    continue
                if cell.kind == 'text' and cell.runs:
                    parts = []
                    for piece, style in cell.runs:
                        parts += [bold, piece] if style == 'bold' else [piece]
                    ws.write_rich_string(r, c, *parts)
                elif cell.kind == 'text':
                    ws.write_string(r, c, cell.value)
                elif cell.kind == 'number':
                    ws.write_number(r, c, cell.value, fmt(cell.fmt))
                elif cell.kind == 'date':
                    ws.write_number(r, c, excel_serial(cell.value, wb.date_1904), fmt(cell.fmt))
                elif cell.kind == 'swapped_date':
                    ws.write_number(r, c, excel_serial(stored_swapped(cell.value), wb.date_1904), fmt(cell.fmt))
                elif cell.kind == 'formula':
                    if not cell.cached:
                        raise ValueError('xlsxwriter always writes a cached value: use openpyxl')
                    ws.write_formula(r, c, cell.formula, fmt(cell.fmt), cell.value)
                elif cell.kind == 'error':
                    ws.write_formula(r, c, '=NA()', None, cell.value)  # cached value '#N/A'
    wb.close()


BUILTIN_FORMATS_OPENPYXL = {14: 'mm-dd-yy'}  # openpyxl's name for built-in format 14


def write_openpyxl(book, path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if book.options.get('date_1904'):
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    for sheet in book.sheets:
        ws = wb.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, cell in enumerate(row, start=1):
                if cell.kind == 'blank':
                    continue
                target = ws.cell(row=r, column=c)
                if cell.kind == 'text':
                    target.value = cell.value
                    target.data_type = 's'  # never a formula, whatever it starts with
                elif cell.kind in ('number', 'date', 'swapped_date'):
                    value = cell.value
                    if cell.kind == 'swapped_date':
                        value = stored_swapped(value)
                    target.value = value
                elif cell.kind == 'formula':
                    target.value = cell.formula  # openpyxl writes no cached value
                elif cell.kind == 'error':
                    target.value = cell.value
                    target.data_type = 'e'
                if cell.fmt is not None:
                    target.number_format = BUILTIN_FORMATS_OPENPYXL.get(cell.fmt, cell.fmt)
            if r in sheet.merge:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=sheet.width)
    wb.save(path)


# [SECTION] main ------------------------------------------------------------------------------------
def write_reader_text(rows, width, path):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        for row in rows:
            w.writerow(row + [''] * (width - len(row)))


T = '\t'  # between the words of a field of cases.txt


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make_workbooks.py OUT_DIR')
    out = sys.argv[1]
    os.makedirs(os.path.join(out, 'reader_text'), exist_ok=True)
    cases = []
    for book in books():
        path = os.path.join(out, book.file)
        (write_xlsxwriter if book.writer == 'xlsxwriter' else write_openpyxl)(book, path)
        stem = book.file[:-len('.xlsx')]
        csvs = [os.path.join(DATA, s.rel) for s in book.sheets]
        texts = []
        for s in book.sheets:
            t = os.path.join(out, 'reader_text', '%s__%s.csv' % (stem, s.rel.replace('/', '_')[:-4]))
            write_reader_text(s.reader_rows(), s.width, t)
            texts.append(t)
        # One sheet: read by default (the first non-empty visible one); several: each named.
        book_args = [w for s in book.sheets for w in ('--sheet', '%s:%s' % (book.file, s.name))] if len(book.sheets) > 1 else []
        book_args.append(path)
        book_labels = ['%s:%s' % (book.file, s.name) for s in book.sheets]  # how the analysis names its rows
        csv_labels = [os.path.basename(c) for c in csvs]
        cases.append('|'.join([stem, T.join(csvs), T.join(book_args), T.join(csv_labels), T.join(book_labels),
                               T.join(book.compare)]))
        cases.append('|'.join([stem + ' (reader text)', T.join(csvs), T.join(texts), T.join(csv_labels),
                               T.join(os.path.basename(t) for t in texts), '']))
        if book.file == 'swapped.xlsx':  # what excel_date_swap=keep must read: the dates as stored
            kept = os.path.join(out, 'reader_text', 'swapped_kept.csv')
            write_reader_text(book.sheets[0].reader_rows(swap_back=False), book.sheets[0].width, kept)
    with open(os.path.join(out, 'cases.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(cases) + '\n')
    print('make_workbooks: %d workbooks in %s' % (len(books()), out))


if __name__ == '__main__':
    main()
