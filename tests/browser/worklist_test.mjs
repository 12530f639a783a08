// Browser checks of today's worklist (issue #20 §3), called from run.mjs: the Worklist view lists
// the CLI's "worklist"; a promise recorded on a row (typed into the page's fields) starts a contact
// log in the page, the analysis follows, "Download contact log" saves it, and `overdue-lens
// analyze` given that file reaches the page's analysis; worklist.csv downloaded from the page is the
// CLI's --csv-dir file byte for byte. Then the same with a loaded Chinese contact log, whose
// columns the download keeps.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runWorklistChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const invoices = path.join(repo, 'tests/data/cli/classify_invoices.csv');
  const payments = path.join(repo, 'tests/data/cli/classify_payments.csv');
  const contactsZh = path.join(repo, 'tests/data/classify/contacts_zh.csv');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-worklist-'));
  const cli = (args) => execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const cliAnalyze = (files) => JSON.parse(cli(['analyze', ...files]));
  const cliWorklistCsv = (files, lang) => {
    const dir = fs.mkdtempSync(path.join(tmp, 'csv-'));
    cli(['analyze', ...files, '--lang', lang, '--csv-dir', dir, '--json', path.join(dir, 'analysis.json')]);
    return fs.readFileSync(path.join(dir, 'worklist.csv'));
  };

  const open = async (label, locale) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    await context.addInitScript(cspProbe);
    const page = await context.newPage();
    watch(page, label);
    await page.goto(server.origin + '/');
    await page.evaluate(() => window.overdueLens.whenReady());
    return { context, page };
  };
  const settled = async (page, pred = () => true) => {
    for (let i = 0; i < 600; i++) {
      const s = await summary(page);
      if (!(await page.evaluate(() => window.overdueLens.busy())) && s.analysis && pred(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the page did not settle');
  };
  const download = async (page, widget) => {
    const waiting = page.waitForEvent('download', { timeout: 15000 });
    await clickWidget(page, widget);
    const d = await waiting;
    const bytes = fs.readFileSync(await d.path());
    const file = path.join(tmp, d.suggestedFilename());
    fs.writeFileSync(file, bytes);
    return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8'), file };
  };
  // Types into one of the page's text fields through its DOM overlay, as a user would.
  const typeInto = async (page, widget, text) => {
    await clickWidget(page, widget);
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', text);
    await page.press('#text-overlay', 'Enter');
    await page.waitForSelector('#text-overlay', { state: 'hidden', timeout: 5000 });
    await frames(page, 3);
  };
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);

  // [SECTION] no contact log: the page starts one ----------------------------------------------------
  const { context, page } = await open('worklist', 'en-US');
  let before;
  await check('worklist: the view lists the CLI\'s worklist in priority order, today\'s marked (screenshot)', async () => {
    await dropFiles(page, [{ name: 'classify_invoices.csv', path: invoices }, { name: 'classify_payments.csv', path: payments }]);
    const s = await settled(page);
    const expected = cliAnalyze([invoices, payments]);
    assert.deepStrictEqual(s.analysis.worklist, expected.worklist);
    assert.ok(expected.worklist.length >= 2, 'the fixture has overdue customers');
    assert.deepEqual(expected.worklist.map((w) => w.customer), expected.priority);
    await openView(page, 'worklist');
    const u = await waitUi(page, (x) => x.tab === 'worklist' && x.worklist.rows.length === expected.worklist.length);
    assert.deepEqual(u.worklist.rows.map((r) => [r.customer, r.action, r.date, r.today]),
      expected.worklist.map((w) => [w.customer, w.action, w.date, w.today]));
    assert.equal(u.worklist.today, expected.worklist.filter((w) => w.today).length);
    assert.equal(u.worklist.contact_log, '');
    before = expected.worklist;
    await frames(page, 3);
    await shot(page, 'worklist_en.png');
  });

  let logFile;
  await check('worklist: a promise recorded on a row starts a contact log; the worklist follows at once', async () => {
    const first = before[0];
    await clickWidget(page, 'worklist.record.0');
    await waitUi(page, (x) => x.worklist.form_open && x.worklist.form_customer === first.customer);
    await clickWidget(page, 'worklist.outcome.promise');
    await waitUi(page, (x) => x.rects['worklist.amount'] !== undefined);
    await typeInto(page, 'worklist.amount', '500');
    await frames(page, 3);
    await shot(page, 'worklist_record_form_en.png');
    await clickWidget(page, 'worklist.save');
    const s = await settled(page, (x) => x.analysis.contact_log.present);
    assert.equal(s.analysis.contact_log.accepted, 1);
    const mine = s.analysis.worklist.find((w) => w.customer === first.customer);
    assert.equal(mine.promise, 'pending');
    // Recorded by phone on the action's date: a call-like first action is done, the next one is up.
    assert.equal(mine.last_contact, first.date);
    assert.notDeepEqual([mine.action, mine.date], [first.action, first.date]);
    const u = await waitUi(page, (x) => !x.worklist.form_open && x.worklist.rows.some((r) => r.customer === first.customer && r.promise === 'pending'));
    assert.equal(u.worklist.contact_log, 'contact_log.csv');
    assert.equal(u.analysis.contact_log, true);
  });

  await check('worklist: the downloaded contact log gives `analyze` the page\'s analysis', async () => {
    const d = await download(page, 'worklist.download_log');
    logFile = d.file;
    assert.equal(d.name, 'contact_log.csv');
    assert.ok(d.bytes.subarray(0, 3).equals(bom), 'starts with a BOM');
    const lines = d.text.slice(1).split('\r\n');
    assert.equal(lines[0], 'Customer ID,Customer name,Contact date,Channel,Outcome,Promised date,Promised amount');
    assert.equal(lines.length, 3);  // header, the row, the final CRLF
    assert.ok(lines[1].includes(',phone,promise,') && lines[1].endsWith(',500.00'), lines[1]);
    const page_ = (await summary(page)).analysis;
    const cliDoc = cliAnalyze([invoices, payments, logFile]);
    assert.deepStrictEqual(cliDoc.worklist, page_.worklist);
    assert.deepStrictEqual(cliDoc, page_);
  });

  await check('worklist: worklist.csv downloaded from the page is the CLI\'s, byte for byte', async () => {
    const d = await download(page, 'worklist.download_csv');
    assert.equal(d.name, 'worklist.csv');
    const cliCsv = cliWorklistCsv([invoices, payments, logFile], 'en');
    assert.ok(d.bytes.equals(cliCsv), `page:\n${d.text}\ncli:\n${cliCsv.toString('utf8')}`);
    assert.ok(d.text.startsWith('\ufeffPriority,Customer ID,Customer name,Overdue type,Overdue,Next action,Action date,Last contact,Promise\r\n'));
    assert.ok(d.text.includes(',pending\r\n'));
  });

  await check('worklist: a bad amount is refused with a message, nothing recorded', async () => {
    await clickWidget(page, 'worklist.record.1');
    await clickWidget(page, 'worklist.outcome.promise');
    await waitUi(page, (x) => x.rects['worklist.amount'] !== undefined);
    await typeInto(page, 'worklist.amount', 'abc');
    await clickWidget(page, 'worklist.save');
    const u = await waitUi(page, (x) => x.worklist.form_error !== '');
    assert.match(u.worklist.form_error, /amount/);
    assert.equal((await summary(page)).analysis.contact_log.accepted, 1);
    await clickWidget(page, 'worklist.cancel');
  });
  await context.close();

  // [SECTION] a loaded Chinese contact log: its columns kept ------------------------------------------
  const zh = await open('worklist-zh', 'zh-CN');
  await check('worklist: "no answer" appended to a loaded 催收记录 keeps its columns; the CLI agrees (screenshot zh)', async () => {
    const p = zh.page;
    await dropFiles(p, [{ name: 'classify_invoices.csv', path: invoices }, { name: 'classify_payments.csv', path: payments },
      { name: 'contacts_zh.csv', path: contactsZh }]);
    const s0 = await settled(p);
    assert.deepStrictEqual(s0.analysis.worklist, cliAnalyze([invoices, payments, contactsZh]).worklist);
    await openView(p, 'worklist');
    await waitUi(p, (x) => x.tab === 'worklist' && x.worklist.rows.length > 0);
    await clickWidget(p, 'worklist.record.0');
    await clickWidget(p, 'worklist.outcome.no_answer');
    await clickWidget(p, 'worklist.save');
    const s = await settled(p, (x) => x.analysis.contact_log.rows_read === s0.analysis.contact_log.rows_read + 1);
    const d = await download(p, 'worklist.download_log');
    assert.equal(d.name, 'contacts_zh.csv');
    const lines = d.text.slice(1).split('\r\n');
    assert.equal(lines[0], '客户编号,客户名称,催收日期,方式,结果,承诺日期,承诺金额');
    assert.equal(lines[1], 'C1,华东贸易,2024-03-01,电话,承诺还款,2024-03-10,"1,000.00"');
    assert.ok(lines[lines.length - 2].includes(',未接通,'), lines[lines.length - 2]);
    assert.deepStrictEqual(cliAnalyze([invoices, payments, d.file]).worklist, s.analysis.worklist);
    const csv = await download(p, 'worklist.download_csv');
    assert.ok(csv.bytes.equals(cliWorklistCsv([invoices, payments, d.file], 'zh')), 'worklist.csv (zh) differs from the CLI\'s');
    assert.ok(csv.text.startsWith('\ufeff优先级,客户编号,客户名称,逾期类型,逾期金额,下一步,行动日期,最近联系,承诺\r\n'));
    await frames(p, 3);
    await shot(p, 'worklist_zh.png');
  });
  await check('worklist: no console errors, page errors or CSP violations', async () => {
    for (const p of [page, zh.page].filter((x) => !x.isClosed())) assert.deepEqual(await p.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((x) => x.startsWith('worklist')), []);
  });
  await zh.context.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
