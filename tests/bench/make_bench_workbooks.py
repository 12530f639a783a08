#!/usr/bin/env python3
"""The benchmark's workbooks (issue #18), written with Debian's python3-xlsxwriter (shared strings,
as Excel saves them), each beside a .expected.json that the benchmark checks every reader against:

  uci_credit_card.xlsx  the UCI credit-card default data (../shared/data/uci-credit-default, 30,000
                        × 25, integers under a text header), as one sheet. Expected: rows, and
                        the sum of LIMIT_BAL and of the target column.
  ledger_30k.xlsx       a receivables ledger of 30,000 rows × 25 columns with a fixed seed: text
                        (shared strings: customers, reps, products, free notes), numbers (amounts
                        with cents, quantities, zero-padded customer ids) and dates in three
                        formats (about 4 MB zipped, 22 MB of sheet XML). Expected: rows, Σ amount
                        and Σ (amount − paid) in cents, as gen_ledger.py's expected.json has them.

usage: make_bench_workbooks.py UCI_CSV OUT_DIR   (writes only what is missing)
"""
import csv
import datetime
import json
import os
import random
import sys

import xlsxwriter

SEED = 18


def write_uci(csv_path, out_path):
    with open(csv_path, newline='', encoding='ascii') as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    wb = xlsxwriter.Workbook(out_path, {'strings_to_numbers': False, 'strings_to_formulas': False,
                                        'strings_to_urls': False})
    ws = wb.add_worksheet('UCI_Credit_Card')
    ws.write_row(0, 0, header)
    limit = header.index('LIMIT_BAL')
    target = header.index('default.payment.next.month')
    sum_limit = sum_target = 0
    for r, row in enumerate(data, start=1):
        values = [int(float(v)) if float(v) == int(float(v)) else float(v) for v in row]
        for c, v in enumerate(values):
            ws.write_number(r, c, v)
        sum_limit += values[limit]
        sum_target += values[target]
    wb.close()
    return {'rows': len(data), 'columns': len(header), 'sum_limit_bal': sum_limit,
            'sum_target': sum_target, 'limit_column': limit, 'target_column': target}


LEDGER_HEADER = ['Invoice No', 'Customer ID', 'Customer Name', 'Invoice Date', 'Due Date', 'Amount',
                 'Paid Amount', 'Payment Date', 'Currency', 'Sales Rep', 'Region', 'Terms', 'Product',
                 'Quantity', 'Unit Price', 'Tax Rate', 'Order No', 'Project', 'Cost Center',
                 'Ship Date', 'Warehouse', 'Status', 'Discount Pct', 'Reference', 'Memo']


def write_ledger(out_path, rows=30000):
    """A ledger the importer reads as invoices with payments (amount and paid amount roles)."""
    rng = random.Random(SEED)
    customers = ['%s %s %s' % (rng.choice(['Northern', 'Eastern', 'Golden', 'Pacific', 'Summit', 'Blue River',
                                           '华东', '京西', '南方', '恒通']),
                               rng.choice(['Trading', 'Logistics', 'Electronics', 'Foods', 'Materials', '贸易',
                                           '科技', '物流']),
                               rng.choice(['Ltd.', 'Co.', 'Inc.', '有限公司', 'LLC'])) + ' %03d' % i
                 for i in range(1500)]
    reps = ['Rep %02d' % i for i in range(40)]
    regions = ['North', 'South', 'East', 'West', 'Central', '华北', '华南', '华东']
    products = ['SKU-%05d' % rng.randrange(100000) for _ in range(800)]
    warehouses = ['WH-%d' % i for i in range(12)]
    terms = [('Net 30', 30), ('Net 45', 45), ('Net 60', 60), ('Due on receipt', 0)]
    wb = xlsxwriter.Workbook(out_path, {'strings_to_numbers': False, 'strings_to_formulas': False,
                                        'strings_to_urls': False})
    ws = wb.add_worksheet('Ledger')
    iso = wb.add_format({'num_format': 'yyyy-mm-dd'})
    builtin14 = wb.add_format({'num_format': 14})
    mdy = wb.add_format({'num_format': 'm/d/yyyy'})
    money = wb.add_format({'num_format': '#,##0.00'})
    pct = wb.add_format({'num_format': '0.0%'})
    padded = wb.add_format({'num_format': '000000'})
    ws.write_row(0, 0, LEDGER_HEADER)
    epoch = datetime.date(1899, 12, 30)
    start = datetime.date(2023, 1, 1)
    sum_amount = sum_outstanding = 0
    for r in range(1, rows + 1):
        cust = rng.randrange(len(customers))
        invoice_date = start + datetime.timedelta(days=rng.randrange(730))
        term, days = rng.choice(terms)
        due = invoice_date + datetime.timedelta(days=days)
        quantity = rng.randrange(1, 500)
        unit_cents = rng.randrange(50, 200000)
        amount_cents = quantity * unit_cents // 10
        paid_share = rng.random()
        paid_cents = amount_cents if paid_share < 0.6 else (0 if paid_share < 0.8 else amount_cents * rng.randrange(1, 100) // 100)
        status = 'Paid' if paid_cents == amount_cents else ('Open' if paid_cents == 0 else 'Partial')
        sum_amount += amount_cents
        sum_outstanding += amount_cents - paid_cents
        serial = lambda d: (d - epoch).days  # noqa: E731 (1900 system, dates after 1900-03-01)
        ws.write_string(r, 0, 'INV-%07d' % r)
        ws.write_number(r, 1, 1000 + cust, padded)
        ws.write_string(r, 2, customers[cust])
        ws.write_number(r, 3, serial(invoice_date), iso)
        ws.write_number(r, 4, serial(due), builtin14)
        ws.write_number(r, 5, amount_cents / 100, money)
        ws.write_number(r, 6, paid_cents / 100, money)
        if paid_cents:
            ws.write_number(r, 7, serial(due + datetime.timedelta(days=rng.randrange(-20, 90))), mdy)
        ws.write_string(r, 8, 'CNY')
        ws.write_string(r, 9, rng.choice(reps))
        ws.write_string(r, 10, rng.choice(regions))
        ws.write_string(r, 11, term)
        ws.write_string(r, 12, rng.choice(products))
        ws.write_number(r, 13, quantity)
        ws.write_number(r, 14, unit_cents / 1000)
        ws.write_number(r, 15, rng.choice([0.06, 0.09, 0.13]), pct)
        ws.write_string(r, 16, 'SO-%06d' % rng.randrange(1000000))
        ws.write_string(r, 17, 'P%03d' % rng.randrange(300))
        ws.write_number(r, 18, rng.randrange(100, 999))
        ws.write_number(r, 19, serial(invoice_date + datetime.timedelta(days=rng.randrange(0, 5))), iso)
        ws.write_string(r, 20, rng.choice(warehouses))
        ws.write_string(r, 21, status)
        ws.write_number(r, 22, rng.choice([0, 0, 0, 0.02, 0.05]), pct)
        ws.write_string(r, 23, 'REF-%05d' % rng.randrange(20000))
        ws.write_string(r, 24, 'batch %d, %s' % (rng.randrange(10000), rng.choice(['urgent', 'normal', 'resend', '补开'])))
    wb.close()
    return {'rows': rows, 'columns': len(LEDGER_HEADER), 'sum_amount': sum_amount / 100,
            'outstanding': sum_outstanding / 100, 'sum_amount_cents': sum_amount,
            'outstanding_cents': sum_outstanding, 'seed': SEED}


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: make_bench_workbooks.py UCI_CSV OUT_DIR')
    uci_csv, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    jobs = [('ledger_30k.xlsx', write_ledger)]
    if os.path.exists(uci_csv):
        jobs.insert(0, ('uci_credit_card.xlsx', lambda p: write_uci(uci_csv, p)))
    for name, write in jobs:
        path = os.path.join(out, name)
        if os.path.exists(path) and os.path.exists(path + '.expected.json'):
            continue
        tmp = path + '.tmp'
        expected = write(tmp)
        os.replace(tmp, path)
        with open(path + '.expected.json', 'w') as f:
            json.dump(expected, f)
            f.write('\n')
        print('make_bench_workbooks: %s (%d bytes)' % (path, os.path.getsize(path)))


if __name__ == '__main__':
    main()
