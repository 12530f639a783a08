// Browser checks of general ledgers (issue #17 item 4), called from run.mjs: an English general
// ledger dropped on the page reads and analyses exactly as `overdue-lens inspect` / `analyze` read
// it (only the Accounts Receivable rows used); a ledger whose receivables account has no usual
// name shows the warning and the account picker on the mapping screen, and picking the account
// builds the analysis from its rows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function cli(cliPath, args) {
  const out = execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out);
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runGeneralLedgerChecks({ browser, server, repo, cliPath, h }) {
  const { check, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const dir = path.join(repo, 'tests/data/gl');
  const en = path.join(dir, 'general_ledger_en.csv');
  const custom = path.join(dir, 'custom_account_zh.csv');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'gl');
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

  await check('gl: an English general ledger reads and analyses in the page as in the CLI', async () => {
    await dropFiles(page, [{ name: 'general_ledger_en.csv', path: en }]);
    const s = await settled((x) => x.files.length === 1 && x.analysis);
    assert.deepEqual(s.files[0], cli(cliPath, ['inspect', en]).files[0]);
    assert.equal(s.files[0].table, 'general_ledger');
    assert.deepStrictEqual(s.analysis, cli(cliPath, ['analyze', en]));
  });

  await check('gl: the mapping screen picks the receivables account (screenshot)', async () => {
    await dropFiles(page, [{ name: 'custom_account_zh.csv', path: custom }]);
    await settled((x) => x.files.length === 2);
    await clickWidget(page, 'file.1');
    await openView(page, 'mapping');
    await waitUi(page, (u) => u.tab === 'mapping' && u.rects['mapping.gl_account']);
    await clickWidget(page, 'mapping.gl_account');
    await waitUi(page, (u) => u.rects['option.gl_account.0']);
    await frames(page, 3);
    await shot(page, 'mapping_gl_account_picker.png');
    await clickWidget(page, 'option.gl_account.0');   // 1124.01 客户往来-甲公司
    const s = await settled((x) => x.analysis && x.analysis.customers &&
      JSON.stringify(x.analysis.customers).includes('甲公司'));
    assert.ok(!JSON.stringify(s.analysis.customers).includes('乙公司'), 'only the picked sub-account is used');
    const u = await waitUi(page, (x) => x.analysis && x.analysis.receivables_account);
    assert.equal(u.analysis.receivables_account, '1124.01 客户往来-甲公司');
    // The English ledger has no such account: its Accounts Receivable is still used.
    assert.ok(JSON.stringify(s.analysis.customers).includes('Birch & Co'));
    await frames(page, 3);
    await shot(page, 'mapping_gl_account_picked.png');
  });
  await context.close();
}
