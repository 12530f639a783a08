// Browser checks of currencies (issue #17 item 6), called from run.mjs with the dashboard suite:
// drop invoices and payments in CNY, USD and EUR; summary().analysis deep-equals `overdue-lens
// analyze` (USD and EUR left out, the "currency" block with null rates); the currency table is
// drawn beside the ledger's notes (screenshot); a settings file with rates, dropped on the page,
// gives `analyze --settings FILE` (everything converted into CNY).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function cliAnalyze(cliPath, files, args) {
  const stdout = execFileSync(cliPath, ['analyze', ...files, ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout);
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runCurrencyChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, dropFiles, waitUi, shot, clickWidget, openView } = h;
  const dir = path.join(repo, 'tests/data/currency');
  const files = ['invoices_two.csv', 'payments_two.csv', 'payments_no_currency.csv'].map((f) => path.join(dir, f));
  const settle = async (page, pred) => {
    const until = Date.now() + 60000;
    for (;;) {
      const [u, s] = [await ui(page), await summary(page)];
      if (u.analysis && !u.analysis.pending && !(await page.evaluate(() => window.overdueLens.busy())) && s.analysis && pred(s)) return s;
      if (Date.now() > until) throw new Error(`analysis did not settle: ${JSON.stringify(u.analysis)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(h.cspProbe);
  const page = await context.newPage();
  h.watch(page, 'currency-en');
  await page.goto(server.origin + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });

  await check('currency: CNY, USD and EUR files dropped: summary().analysis deep-equals `analyze` (USD, EUR left out)', async () => {
    await dropFiles(page, files.map((f) => ({ name: path.basename(f), path: f })));
    await page.waitForFunction(() => window.overdueLens.ready && !window.overdueLens.busy() &&
      window.overdueLens.summary().files.length === 3, null, { timeout: 120000, polling: 100 });
    await page.evaluate(() => window.overdueLens.setAsOf('2024-04-30'));
    const s = await settle(page, (x) => x.analysis.as_of === '2024-04-30');
    const expected = cliAnalyze(cliPath, files, ['--as-of', '2024-04-30']);
    assert.deepStrictEqual(s.analysis, expected);
    assert.equal(s.analysis.currency.reporting, 'CNY');
    assert.deepEqual(s.analysis.currency.by_currency.map((c) => [c.currency, c.rate]), [['CNY', 1], ['EUR', null], ['USD', null]]);
    assert.equal(s.analysis.totals.open, 5300);
  });

  await check('currency: the per-currency table with rate fields is drawn beside the notes (screenshot)', async () => {
    await openView(page, 'summary');
    await waitUi(page, (x) => x.tab === 'summary' && x.rects['currency.table']);
    await shot(page, 'currency_left_out_en.png');
  });

  await check('currency: 7.8 typed into the EUR rate field, "Use rate": summary().analysis deep-equals `analyze --rate EUR=7.8`', async () => {
    await clickWidget(page, 'currency.rate.EUR');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', '7.8');
    await page.press('#text-overlay', 'Enter');
    await clickWidget(page, 'currency.use.EUR');
    const s = await settle(page, (x) => x.analysis.currency && x.analysis.currency.by_currency[1].rate === 7.8);
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, files, ['--as-of', '2024-04-30', '--rate', 'EUR=7.8']));
    assert.equal(s.analysis.totals.open, 5300 + 468);   // E001: 60 EUR open × 7.8
  });

  await check('currency: a settings file with rates, dropped on the page, gives `analyze --settings FILE`', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-currency-'));
    const file = path.join(tmp, 'overdue-settings.json');
    execFileSync(cliPath, ['analyze', ...files, '--as-of', '2024-04-30', '--rate', 'USD=7.1', '--rate', 'EUR=7.8',
      '--save-settings', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    await dropFiles(page, [{ name: 'overdue-settings.json', path: file }]);
    const s = await settle(page, (x) => x.analysis.currency && x.analysis.currency.by_currency[2].rate === 7.1);
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, files, ['--settings', file]));
    assert.equal(s.analysis.totals.open, 10028);
    assert.equal(s.analysis.totals.overdue, 4098);
    await shot(page, 'currency_rated_en.png');
  });

  await check('currency: no console errors, page errors or CSP violations', async () => {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('currency')), []);
  });
  await context.close();
}
