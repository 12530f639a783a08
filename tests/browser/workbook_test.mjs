// Browser checks of Excel workbooks (issue #18), called from run.mjs (OL_BROWSER_ONLY=workbook):
// a two-sheet workbook made at test time (tests/browser/make_workbooks.py: the rows of the
// currency fixtures' invoices and payments as sheets Invoices and Payments, plus a hidden sheet)
// is dropped on the page; the mapping screen's sheet picker adds the Payments sheet as a table of
// its own (the workbook's bytes shared, not copied); summary() equals the native CLI on the same
// workbook with `--sheet`; a damaged .xlsx and an OLE2 file under an .xlsx name each get a clear
// message and leave the other tables alone; Excel's swapped day/month is noted on the mapping
// screen and its "keep as stored" switch reads the file again and sets import.excel_date_swap.
// Screenshots of the mapping screen in English and Chinese go to build/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The CLI's JSON (an unreadable file exits 1 and still prints its entry).
function cliJson(cliPath, args) {
  let stdout;
  try {
    stdout = execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    stdout = err.stdout;
  }
  return JSON.parse(stdout);
}

// Whether the CLI reads a workbook's sheet by name (`--sheet FILE:NAME`, issue #18).
function cliHasSheetFlag(cliPath, book) {
  try {
    execFileSync(cliPath, ['inspect', book, '--sheet', `${path.basename(book)}:Invoices`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return true;
  } catch (err) {
    return false;
  }
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runWorkbookChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const invoicesCsv = path.join(repo, 'tests/data/currency/invoices_two.csv');
  const paymentsCsv = path.join(repo, 'tests/data/currency/payments_two.csv');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-workbooks-'));
  // Debian's python3 (python3-xlsxwriter), not a pyenv one that lacks it.
  execFileSync('/usr/bin/python3', [path.join(repo, 'tests/browser/make_workbooks.py'), dir, invoicesCsv, paymentsCsv]);
  const book = path.join(dir, 'book.xlsx');
  const damaged = path.join(dir, 'damaged.xlsx');
  const legacy = path.join(dir, 'legacy.xlsx');
  const swapped = path.join(dir, 'swapped.xlsx');
  const sheetFlag = cliHasSheetFlag(cliPath, book);
  const bothSheets = ['--sheet', 'book.xlsx:Invoices', '--sheet', 'book.xlsx:Payments'];

  // The start screen in Chinese says workbooks are accepted (screenshot).
  const zhContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const zhPage = await zhContext.newPage();
  watch(zhPage, 'workbook zh');
  await zhPage.goto(server.origin + '/');
  await zhPage.evaluate(() => window.overdueLens.whenReady());
  await frames(zhPage, 5);
  await shot(zhPage, 'workbook_start_zh.png');
  await zhContext.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'workbook');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  const settled = async (pred) => {
    for (let i = 0; i < 400; i++) {
      const s = await summary(page);
      if (!(await page.evaluate(() => window.overdueLens.busy())) && pred(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the page did not settle');
  };

  await check('workbook: the file picker accepts .xlsx and .xlsm', async () => {
    const accept = await page.evaluate(() => document.getElementById('file-input').accept.split(','));
    for (const ext of ['.xlsx', '.xlsm', '.csv']) assert.ok(accept.includes(ext), `accept lacks ${ext}`);
    await shot(page, 'workbook_start_en.png');
  });

  await check('workbook: a dropped .xlsx is read from its first visible sheet, every sheet listed', async () => {
    await dropFiles(page, [{ name: 'book.xlsx', path: book }]);
    const s = await settled((x) => x.files.length === 1);
    assert.ok(!s.files[0].error, `error: ${s.files[0].error}`);
    assert.equal(s.files[0].sheet, 'Invoices');
    const u = await ui(page);
    assert.deepEqual(u.files[0].sheets.map((x) => [x.name, x.hidden]), [['Invoices', false], ['Payments', false], ['Notes', true]]);
    assert.ok(u.files[0].sheets.every((x) => x.rows > 0));
    assert.equal(u.files[0].label, 'book.xlsx: Invoices');
    assert.equal(u.files[0].workbook, true);
  });

  await check('workbook: ticking Payments in the sheet picker adds it as its own table (bytes shared)', async () => {
    await openView(page, 'mapping');   // the first file dropped is the selected one
    await waitUi(page, (u) => u.tab === 'mapping' && u.rects['sheet.1'] && u.rects['mapping.sheet']);
    await clickWidget(page, 'sheet.1');
    const s = await settled((x) => x.files.length === 2 && x.analysis);
    const u = await ui(page);
    assert.deepEqual(u.files.map((f) => f.label), ['book.xlsx: Invoices', 'book.xlsx: Payments']);
    assert.deepEqual(u.files.map((f) => f.bytes_shared_by), [2, 2]);
    assert.deepEqual(s.files.map((f) => f.sheet), ['Invoices', 'Payments']);
    assert.equal(u.selected_label, 'book.xlsx: Invoices');   // the mapping screen stays on its sheet
    await frames(page, 3);
    await shot(page, 'workbook_mapping_en.png');
  });

  await check(`workbook: summary() equals the CLI on the same ${sheetFlag ? 'workbook (--sheet)' : 'data as CSV'}`, async () => {
    const s = await settled((x) => x.files.length === 2 && x.analysis);
    if (sheetFlag) {
      assert.deepStrictEqual(s.files, cliJson(cliPath, ['inspect', book, ...bothSheets]).files);
      assert.deepStrictEqual(s.analysis, cliJson(cliPath, ['analyze', book, ...bothSheets]));
    } else {
      assert.deepStrictEqual(s.analysis, cliJson(cliPath, ['analyze', invoicesCsv, paymentsCsv]));
    }
  });

  await check('workbook: a damaged .xlsx and an .xls under an .xlsx name get a clear message; the tables stay', async () => {
    const before = await summary(page);
    await dropFiles(page, [{ name: 'damaged.xlsx', path: damaged }, { name: 'legacy.xlsx', path: legacy }]);
    const s = await settled((x) => x.files.length === 4);
    for (const [i, file] of [[2, damaged], [3, legacy]]) {
      assert.ok(s.files[i].error && s.files[i].error.length > 0, `no message for ${path.basename(file)}`);
      assert.ok(!/not read yet|save it as CSV/.test(s.files[i].error), s.files[i].error);
      assert.deepStrictEqual(s.files[i], cliJson(cliPath, ['inspect', file]).files[0]);
    }
    assert.deepStrictEqual(s.files.slice(0, 2), before.files);
    assert.deepStrictEqual(s.analysis, before.analysis);
    await clickWidget(page, 'file.3');
    await waitUi(page, (u) => u.selected === 'legacy.xlsx');
    await frames(page, 3);
    await shot(page, 'workbook_unreadable_en.png');
  });

  await check('workbook: Excel\'s swapped day/month is noted; "keep as stored" reads it again and sets the setting', async () => {
    await dropFiles(page, [{ name: 'swapped.xlsx', path: swapped }]);
    const s = await settled((x) => x.files.length === 5);
    assert.ok(!s.files[4].error, `error: ${s.files[4].error}`);
    if (sheetFlag) assert.deepStrictEqual(s.files[4], cliJson(cliPath, ['inspect', swapped]).files[0]);
    let u = await ui(page);
    assert.deepEqual(u.files[4].date_swaps, [{ column: 2, cells: 4, swapped: true }]);
    await clickWidget(page, 'file.4');
    await openView(page, 'mapping');
    await waitUi(page, (x) => x.tab === 'mapping' && x.rects['mapping.date_swap_keep'] && x.rects['mapping.date_swap.2']);
    await frames(page, 3);
    await shot(page, 'workbook_date_swap_en.png');
    await clickWidget(page, 'mapping.date_swap_keep');
    u = await waitUi(page, (x) => x.keep_swapped_dates && x.files[4].date_swaps.length === 1 && !x.files[4].date_swaps[0].swapped);
    assert.equal(u.files[4].keep_swapped_dates, true);
    const kept = await settled((x) => x.files.length === 5);
    assert.notDeepStrictEqual(kept.files[4], s.files[4]);
    // The setting is remembered like the page's other settings (localStorage, the settings file).
    await frames(page, 5);
    const stored = await page.evaluate(() => window.localStorage.getItem('overdue-lens.settings'));
    assert.match(stored, /"excel_date_swap":\s*"keep"/);
    await clickWidget(page, 'mapping.date_swap_keep');
    await waitUi(page, (x) => !x.keep_swapped_dates && x.files[4].date_swaps[0].swapped);
    assert.deepStrictEqual((await settled((x) => x.files.length === 5)).files[4], s.files[4]);
  });

  await check('workbook: the mapping screen in Chinese (screenshots); unticking Payments drops its table', async () => {
    await clickWidget(page, 'toolbar.language');
    await waitUi(page, (u) => u.language === 'zh' && u.rects['mapping.date_swap_keep']);
    await frames(page, 2);
    await shot(page, 'workbook_date_swap_zh.png');
    await clickWidget(page, 'file.0');
    await waitUi(page, (u) => u.selected_label === 'book.xlsx: Invoices' && u.rects['sheet.1']);
    await frames(page, 2);
    await shot(page, 'workbook_mapping_zh.png');
    await clickWidget(page, 'sheet.1');
    const s = await settled((x) => x.files.length === 4);
    assert.deepEqual(s.files.map((f) => f.name), ['book.xlsx', 'damaged.xlsx', 'legacy.xlsx', 'swapped.xlsx']);
    assert.equal((await ui(page)).files[0].bytes_shared_by, 1);
  });
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
