// Browser checks of accounting exports (issue #9), called from run.mjs: two report-style exports
// (QuickBooks A/R Aging Detail, Kingdee 明细账 in GBK) dropped on the page read exactly as
// `overdue-lens inspect` reads them (header below title rows, total/subtotal/label rows rejected
// with their reasons, the totals check); the mapping screen shows the layout, and its two
// corrections work with the analysis following: keep a subtotal row as data, move the header.
// Issue #17: a line-item export and a status export, read and analysed as the CLI does them, the
// mapping screen's line-item line and the "Keep drafts" switch.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function cliInspect(cliPath, file) {
  const out = execFileSync(cliPath, ['inspect', file], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out).files[0];
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runExportsChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const dir = path.join(repo, 'tests/data/exports');
  const qb = path.join(dir, 'qb_ar_aging_detail.csv');
  const kingdee = path.join(dir, 'kingdee_mingxizhang_gbk.csv');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'exports');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  const settled = async (pred) => {
    for (let i = 0; i < 600; i++) {
      const s = await summary(page);
      if (!(await page.evaluate(() => window.overdueLens.busy())) && pred(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the page did not settle');
  };

  await check('exports: QuickBooks and Kingdee reports read in the page as the CLI reads them', async () => {
    await dropFiles(page, [{ name: 'qb_ar_aging_detail.csv', path: qb }, { name: 'kingdee_mingxizhang_gbk.csv', path: kingdee }]);
    const s = await settled((x) => x.files.length === 2 && x.analysis);
    assert.deepEqual(s.files[0], cliInspect(cliPath, qb));
    assert.deepEqual(s.files[1], cliInspect(cliPath, kingdee));
    assert.equal(s.files[0].header_line, 5);
    assert.equal(s.files[0].skipped_title_lines, 3);
    assert.ok(s.files[0].rejected.some((r) => r.reason === 'subtotal row'));
    assert.equal(s.files[1].group_rows, 1);
    for (const f of s.files) assert.equal(f.rows.read, f.rows.accepted + f.rows.rejected);
  });

  await check('exports: the mapping screen shows the layout (screenshots QuickBooks en, Kingdee zh)', async () => {
    await clickWidget(page, 'file.0');
    await openView(page, 'mapping');
    await waitUi(page, (u) => u.tab === 'mapping' && u.rects['layout'] && u.rects['layout.keep.9']);
    await frames(page, 3);
    await shot(page, 'mapping_layout_quickbooks_en.png');
    await clickWidget(page, 'toolbar.language');
    await clickWidget(page, 'file.1');
    await waitUi(page, (u) => u.language === 'zh' && u.rects['layout'] && u.rects['layout.header_down']);
    await frames(page, 3);
    await shot(page, 'mapping_layout_kingdee_zh.png');
    await clickWidget(page, 'toolbar.language');
  });

  await check('exports: "keep as data" and moving the header re-read the file; the analysis follows', async () => {
    await clickWidget(page, 'file.0');
    await waitUi(page, (u) => u.rects['layout.keep.9']);
    const before = await summary(page);
    await clickWidget(page, 'layout.keep.9');
    const kept = await settled((x) => !x.files[0].rejected.some((r) => r.line === 9));
    assert.equal(kept.files[0].rows.accepted, before.files[0].rows.accepted + 1);
    assert.equal(kept.files[0].rows.read, kept.files[0].rows.accepted + kept.files[0].rows.rejected);
    // The analysis was rebuilt from the file as read again: the row is now the ledger's to judge
    // (it rejects a "Total for …" row itself), and its counts still reconcile.
    assert.notDeepEqual(kept.analysis.rejected, before.analysis.rejected);
    assert.equal(kept.analysis.rows.read, kept.analysis.rows.accepted + kept.analysis.rows.rejected);
    await clickWidget(page, 'layout.header_down');
    const moved = await settled((x) => x.files[0].header_line === 6);
    assert.equal(moved.files[0].skipped_title_lines, 4);
    await clickWidget(page, 'layout.header_detect');
    const back = await settled((x) => x.files[0].header_line === 5);
    assert.equal(back.files[0].rows.accepted, kept.files[0].rows.accepted);  // the kept row stays kept
  });
  await context.close();

  // [SECTION] issue #17: a line-item export and a status export ----------------------------------
  const invoicing = path.join(repo, 'tests/data/invoicing');
  const lines = path.join(invoicing, 'line_items_total.csv');
  const statuses = path.join(invoicing, 'statuses.csv');
  const cliAnalyze = (files, args) => JSON.parse(execFileSync(cliPath, ['analyze', ...files, ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
  const context2 = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context2.addInitScript(cspProbe);
  const page2 = await context2.newPage();
  watch(page2, 'exports-invoicing');
  await page2.goto(server.origin + '/');
  await page2.evaluate(() => window.overdueLens.whenReady());
  const settled2 = async (pred) => {
    for (let i = 0; i < 600; i++) {
      const s = await summary(page2);
      if (!(await page2.evaluate(() => window.overdueLens.busy())) && pred(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the page did not settle');
  };

  await check('invoicing: a line-item export and a status export read and analysed as the CLI does', async () => {
    await dropFiles(page2, [{ name: 'line_items_total.csv', path: lines }, { name: 'statuses.csv', path: statuses }]);
    const s = await settled2((x) => x.files.length === 2 && x.analysis);
    assert.deepEqual(s.files[0], cliInspect(cliPath, lines));
    assert.deepEqual(s.files[1], cliInspect(cliPath, statuses));
    assert.deepEqual(s.files[0].line_items, { rows: 8, invoices: 4 });
    assert.deepStrictEqual(s.analysis, cliAnalyze([lines, statuses], []));
    assert.equal(s.analysis.rows.set_aside, 4);
    assert.equal(s.analysis.rows.read, s.analysis.rows.accepted + s.analysis.rows.set_aside + s.analysis.rows.rejected);
  });

  await check('invoicing: the mapping screen says "line items: 8 rows → 4 invoices" (screenshot)', async () => {
    await clickWidget(page2, 'file.0');
    await openView(page2, 'mapping');
    await waitUi(page2, (u) => u.tab === 'mapping' && u.rects['mapping.line_items']);
    await frames(page2, 3);
    await shot(page2, 'mapping_line_items_en.png');
  });

  await check('invoicing: the "Keep drafts" switch gives `analyze --keep-drafts`', async () => {
    await openView(page2, 'dashboard');
    await waitUi(page2, (u) => u.tab === 'dashboard' && u.rects['analysis.keep_drafts']);
    await clickWidget(page2, 'analysis.keep_drafts');
    const s = await settled2((x) => x.analysis && x.analysis.rows.set_aside === 2);
    assert.deepStrictEqual(s.analysis, cliAnalyze([lines, statuses], ['--keep-drafts']));
    await shot(page2, 'dashboard_keep_drafts_en.png');
  });
  await context2.close();
}
