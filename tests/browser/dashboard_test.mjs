// Browser checks of the monitoring pages (issue #3, "The page"), called from run.mjs (the single
// entry point): drop ledgers, set the as-of date through the test hook and through the as-of
// field, require summary().analysis to deep-equal `overdue-lens analyze FILE --as-of DATE`, click
// through the dashboard, the overdue list (sort, search) and a customer's detail, and save
// screenshots in English and Chinese.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function cliAnalyze(cliPath, files, args) {
  const stdout = execFileSync(cliPath, ['analyze', ...files, ...args],
    { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout);
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runDashboardChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot } = h;
  const ledgerZh = path.join(repo, 'tests/data/roles/ledger_zh.csv');
  const generated = path.join(repo, 'tests/data/ledger/generated_1000.csv');
  const haveGenerated = fs.existsSync(generated);
  const analysisSettled = (u) => u.analysis && !u.analysis.pending;
  const waitAnalysis = async (page, pred) => {
    const until = Date.now() + 60000;
    for (;;) {
      const [u, s] = [await ui(page), await summary(page)];
      if (analysisSettled(u) && !(await page.evaluate(() => window.overdueLens.busy())) && pred(s, u)) return s;
      if (Date.now() > until) throw new Error(`analysis did not settle: ${JSON.stringify(u.analysis)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const load = async (page, files) => {
    const before = (await summary(page)).files.length;
    await dropFiles(page, files.map((f) => ({ name: path.basename(f), path: f })));
    await page.waitForFunction((n) => window.overdueLens.ready && !window.overdueLens.busy() &&
      window.overdueLens.summary().files.length === n, before + files.length, { timeout: 120000, polling: 100 });
  };
  // Clicks a named widget near its left end (a table row spans columns that may be scrolled away).
  const clickRowStart = async (page, name) => {
    const r = (await ui(page)).rects[name];
    assert.ok(r, `widget "${name}" is not on screen`);
    await page.mouse.move(r[0] + Math.min(40, r[2] / 2), r[1] + r[3] / 2);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    await frames(page, 3);
  };

  // [SECTION] English page, 1280×800 -------------------------------------------------------------
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(h.cspProbe);
  const page = await context.newPage();
  h.watch(page, 'dashboard-en');
  await page.goto(server.origin + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });

  await check('analysis is null until a ledger is loaded', async () => {
    assert.equal((await summary(page)).analysis, null);
  });

  await check('ledger_zh.csv dropped, as-of 2024-06-30 set: summary().analysis deep-equals `analyze --as-of 2024-06-30`', async () => {
    await load(page, [ledgerZh]);
    await page.evaluate(() => window.overdueLens.setAsOf('2024-06-30'));
    const s = await waitAnalysis(page, (x) => x.analysis && x.analysis.as_of === '2024-06-30');
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, [ledgerZh], ['--as-of', '2024-06-30']));
  });

  await check('default as-of (latest date in the data) matches `analyze` without --as-of', async () => {
    await page.evaluate(() => window.overdueLens.setAnalysis({ as_of: 'latest' }));
    const expected = cliAnalyze(cliPath, [ledgerZh], []);
    const s = await waitAnalysis(page, (x) => x.analysis && x.analysis.as_of === expected.as_of);
    assert.deepStrictEqual(s.analysis, expected);
  });

  await check('threshold, bucket edges and monthly step from the hook match the CLI flags', async () => {
    await page.evaluate(() => window.overdueLens.setAnalysis({ as_of: '2024-05-15', threshold: 60, buckets: [15, 45, 120], step: 'month' }));
    const s = await waitAnalysis(page, (x) => x.analysis && x.analysis.threshold_days === 60 && x.analysis.as_of === '2024-05-15');
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, [ledgerZh],
      ['--as-of', '2024-05-15', '--threshold', '60', '--buckets', '15,45,120', '--step', 'month']));
    assert.deepEqual(s.analysis.aging.map((b) => b.bucket), ['not_due', '1-15', '16-45', '46-120', '>120']);
    await page.evaluate(() => window.overdueLens.setAnalysis({ as_of: 'latest', threshold: 30, buckets: [30, 60, 90, 180], step: 'week' }));
  });

  if (haveGenerated) {
    await check('generated_1000.csv added: the analysis of both files deep-equals `analyze` of both', async () => {
      await load(page, [generated]);
      await page.evaluate(() => window.overdueLens.setAsOf('2024-12-31'));
      const s = await waitAnalysis(page, (x) => x.analysis && x.analysis.as_of === '2024-12-31' && x.files.length === 2);
      const expected = cliAnalyze(cliPath, [ledgerZh, generated], ['--as-of', '2024-12-31']);
      assert.deepStrictEqual(s.analysis, expected);
      assert.ok(expected.customers.some((c) => c.overdue > 0), 'the fixture has overdue customers');
    });
  }

  await check('dashboard tab: KPI tiles, aging chart and trend charts drawn', async () => {
    await openView(page, 'dashboard');
    const u = await waitUi(page, (x) => x.tab === 'dashboard' && x.rects['chart.aging']);
    for (const name of ['kpi.open', 'kpi.overdue', 'kpi.dso', 'kpi.cei', 'chart.aging', 'chart.trend', 'ledger.rows'])
      assert.ok(u.rects[name], `${name} on screen`);
    assert.ok(u.rects['chart.aging'][2] > 200 && u.rects['chart.aging'][3] > 150, 'aging chart has a real size');
    // Hover the trend chart so its tooltip shows in the screenshot.
    const t = u.rects['chart.trend'];
    await page.mouse.move(t[0] + t[2] * 0.6, t[1] + t[3] * 0.5);
    await frames(page, 4);
    await shot(page, 'dashboard_en.png');
  });

  await check('as-of typed into the as-of field (DOM overlay) reruns the analysis', async () => {
    await clickWidget(page, 'analysis.as_of');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', '2024-06-30');
    await page.press('#text-overlay', 'Enter');
    const s = await waitAnalysis(page, (x) => x.analysis && x.analysis.as_of === '2024-06-30');
    assert.equal(s.analysis.as_of, '2024-06-30');
    assert.equal((await ui(page)).analysis.as_of_text, '2024-06-30');
  });

  let firstOverdueId;
  await check('overdue list: overdue customers sorted by overdue amount, descending', async () => {
    await openView(page, 'overdue');
    await waitUi(page, (x) => x.tab === 'overdue' && x.analysis.list_first_ids.length > 0);
    // The list opens sorted by priority (issue #4); the overdue header's first click sorts descending.
    await clickWidget(page, 'overdue.header.4');
    const u = await waitUi(page, (x) => x.analysis.sort_column === 4 && x.analysis.sort_descending);
    const a = (await summary(page)).analysis;
    const overdue = a.customers.filter((c) => c.overdue_flag);
    assert.equal(u.analysis.list_rows, overdue.length);
    const byAmount = [...overdue].sort((x, y) => y.overdue - x.overdue);
    assert.equal(u.analysis.list_first_ids[0], byAmount[0].id);
    firstOverdueId = u.analysis.list_first_ids[0];
    await shot(page, 'overdue_list_en.png');
  });

  await check('overdue list: clicking the "Max DPD" header sorts by it', async () => {
    await clickWidget(page, 'overdue.header.5');
    const u = await waitUi(page, (x) => x.analysis.sort_column === 5);
    const a = (await summary(page)).analysis;
    const dpd = Object.fromEntries(a.customers.map((c) => [c.id, c.max_dpd]));
    const shown = u.analysis.list_first_ids.map((id) => dpd[id]);
    const sorted = [...shown].sort((x, y) => (u.analysis.sort_descending ? y - x : x - y));
    assert.deepEqual(shown, sorted);
  });

  await check('overdue list: search by name narrows the list (Chinese name)', async () => {
    const a = (await summary(page)).analysis;
    const target = a.customers.find((c) => c.overdue_flag && /[\u4e00-\u9fff]/.test(c.name)) || a.customers.find((c) => c.overdue_flag);
    const needle = [...target.name].slice(0, 4).join('');
    await clickWidget(page, 'overdue.search');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', needle);
    const expected = a.customers.filter((c) => c.overdue_flag &&
      (c.name.toLowerCase().includes(needle.toLowerCase()) || c.id.toLowerCase().includes(needle.toLowerCase()))).length;
    const u = await waitUi(page, (x) => x.analysis.search === needle);
    assert.equal(u.analysis.list_rows, expected);
    assert.ok(expected >= 1);
    await shot(page, 'overdue_list_search_en.png');
    await page.fill('#text-overlay', '');
    await page.press('#text-overlay', 'Enter');
    await waitUi(page, (x) => x.analysis.search === '');
  });

  await check('clicking a row opens that customer\'s detail: timeline, open items, payments', async () => {
    await clickWidget(page, 'overdue.header.4');  // back to overdue amount
    await waitUi(page, (x) => x.analysis.sort_column === 4);
    let u = await ui(page);
    if (!u.analysis.sort_descending) { await clickWidget(page, 'overdue.header.4'); u = await waitUi(page, (x) => x.analysis.sort_descending); }
    const id = u.analysis.list_first_ids[0];
    await clickRowStart(page, 'overdue.row0');
    u = await waitUi(page, (x) => x.tab === 'customer' && x.rects['customer.timeline']);
    assert.equal(u.analysis.selected_customer, id);
    const t = u.rects['customer.timeline'];
    await page.mouse.move(t[0] + t[2] * 0.7, t[1] + t[3] * 0.6);
    await frames(page, 4);
    await shot(page, 'customer_detail_en.png');
    await clickWidget(page, 'customer.back');
    await waitUi(page, (x) => x.tab === 'overdue');
  });

  await check('import summary shows the ledger stage of the reconciliation', async () => {
    await openView(page, 'summary');
    const u = await waitUi(page, (x) => x.tab === 'summary' && x.rects['ledger.rows']);
    assert.ok(u.rects['ledger.rows']);
    const a = (await summary(page)).analysis;
    assert.equal(a.rows.read, a.rows.accepted + a.rows.rejected);
  });

  await check('no console errors, page errors or CSP violations (dashboard page)', async () => {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('dashboard')), []);
  });
  await context.close();

  // [SECTION] Chinese page at devicePixelRatio 2 -------------------------------------------------
  const zh = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  await zh.addInitScript(h.cspProbe);
  const zhPage = await zh.newPage();
  h.watch(zhPage, 'dashboard-zh');
  await zhPage.goto(server.origin + '/', { waitUntil: 'load' });
  await zhPage.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });
  await check('zh: dashboard, overdue list and customer detail in Chinese (screenshots)', async () => {
    await load(zhPage, haveGenerated ? [generated] : [ledgerZh]);
    await zhPage.evaluate(() => window.overdueLens.setAsOf('2024-12-31'));
    await waitAnalysis(zhPage, (x) => x.analysis && x.analysis.as_of === '2024-12-31');
    await openView(zhPage, 'dashboard');
    await waitUi(zhPage, (x) => x.tab === 'dashboard' && x.rects['chart.aging']);
    const u = await ui(zhPage);
    assert.equal(u.language, 'zh');
    const b = u.rects['chart.aging'];
    await zhPage.mouse.move(b[0] + b[2] * 0.55, b[1] + b[3] * 0.6);
    await frames(zhPage, 4);
    await shot(zhPage, 'dashboard_zh_dpr2.png');
    await openView(zhPage, 'overdue');
    await waitUi(zhPage, (x) => x.tab === 'overdue' && x.rects['overdue.row0']);
    await shot(zhPage, 'overdue_list_zh_dpr2.png');
    await clickRowStart(zhPage, 'overdue.row0');
    await waitUi(zhPage, (x) => x.tab === 'customer' && x.rects['customer.timeline']);
    await shot(zhPage, 'customer_detail_zh_dpr2.png');
    assert.deepEqual(await zhPage.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('dashboard')), []);
  });
  await zh.close();
}
