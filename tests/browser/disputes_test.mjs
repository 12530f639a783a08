// Browser checks of disputes and credit limits (issue #20 §2, §4), called from run.mjs with the
// dashboard suite: drop the dispute fixture (ledger with a 有争议 column, customers with credit
// limits, a contact log with 争议 rows) on a Chinese page; summary().analysis deep-equals
// `overdue-lens analyze` on the same files; the dashboard draws the "in dispute" tile beside the
// others and the credit watch's heading (screenshot).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runDisputeChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, dropFiles, waitUi, shot, clickWidget, openView } = h;
  const dir = path.join(repo, 'tests/data/disputes');
  const files = ['ledger_zh.csv', 'customers_zh.csv', 'contacts_zh.csv'].map((f) => path.join(dir, f));
  const settle = async (page, pred) => {
    const until = Date.now() + 60000;
    for (;;) {
      const [u, s] = [await ui(page), await summary(page)];
      if (u.analysis && !u.analysis.pending && !(await page.evaluate(() => window.overdueLens.busy())) && s.analysis && pred(s)) return s;
      if (Date.now() > until) throw new Error(`analysis did not settle: ${JSON.stringify(u.analysis)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await context.addInitScript(h.cspProbe);
  const page = await context.newPage();
  h.watch(page, 'disputes-zh');
  await page.goto(server.origin + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });

  await check('disputes: ledger, customers and contact log dropped: summary().analysis deep-equals `analyze`', async () => {
    await dropFiles(page, files.map((f) => ({ name: path.basename(f), path: f })));
    await page.waitForFunction(() => window.overdueLens.ready && !window.overdueLens.busy() &&
      window.overdueLens.summary().files.length === 3, null, { timeout: 120000, polling: 100 });
    const s = await settle(page, (x) => x.analysis.as_of === '2024-06-30');
    const expected = JSON.parse(execFileSync(cliPath, ['analyze', ...files],
      { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
    assert.deepStrictEqual(s.analysis, expected);
    // D1-06 (column 是), D1-08 (contact row naming it), D2-04 and D2-05 (contact row without an
    // invoice: past due at its date); D2-06 fell due after it and is not disputed.
    assert.equal(s.analysis.totals.in_dispute, 30000 + 12000 + 6000 + 7000);
    assert.deepEqual(s.analysis.disputes.map((d) => d.invoice), ['D1-06', 'D1-08', 'D2-04', 'D2-05']);
    assert.deepEqual(s.analysis.credit.flagged.map((c) => [c.customer_id, c.level]), [['D3', 'over'], ['D4', 'warning']]);
  });

  await check('disputes: the dashboard shows the "in dispute" tile and the credit watch (screenshot)', async () => {
    await openView(page, 'dashboard');
    // The credit watch's heading is drawn under the charts (its table only when scrolled into view).
    const u = await waitUi(page, (x) => x.tab === 'dashboard' && x.rects['kpi.in_dispute'] && x.rects['credit.heading']);
    const tile = u.rects['kpi.in_dispute'], open = u.rects['kpi.open'];
    assert.ok(tile[2] > 100 && tile[3] === open[3], `tile ${JSON.stringify(tile)} beside ${JSON.stringify(open)}`);
    await shot(page, 'disputes_dashboard_zh.png');
  });

  await check('disputes: no console errors, page errors or CSP violations', async () => {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('disputes')), []);
  });
  await context.close();
}
