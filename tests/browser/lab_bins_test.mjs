// Browser checks of the lab's binning controls (issue #21 §1), called from run.mjs (suite
// lab-bins): on the credit-card demo, a suggested special value and a trend are set on the page
// and the lab rerun; the first merge the binning table flags (p > 0.05) is clicked; the page's
// "Download binning table" must then be the same bytes as `overdue-lens model … --bins-csv` with
// the same --special, --trend and --merge-bin, and the page's JSON the CLI's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// h: { check, ui, summary, frames, clickWidget, waitUi, shot, watch, cspProbe }
export async function runLabBinsChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, waitUi, shot, watch, cspProbe } = h;
  const demoFile = path.join(repo, 'data/demo/uci_credit_card.csv');
  const target = 'default.payment.next.month';
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'lab-bins');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());

  // Scrolls the lab view with the mouse wheel until the named widget is inside the window.
  const scrollTo = async (name) => {
    for (let k = 0; k < 60; k++) {
      const u = await ui(page);
      const r = u.rects[name];
      if (r && r[1] > 80 && r[1] + r[3] < 960) return;
      const left = u.rects['lab.iv_chart'] ? u.rects['lab.iv_chart'][0] - 4 : 330;
      await page.mouse.move(left, 600);
      await page.mouse.wheel(0, r && r[1] < 80 ? -200 : 200);
      await frames(page, 3);
    }
    throw new Error(`could not scroll to ${name}`);
  };
  const click = async (name) => {
    await scrollTo(name);
    await frames(page, 2);
    await clickWidget(page, name);
    await frames(page, 3);
  };
  const rerunDone = async () => {
    await waitUi(page, (x) => x.lab.running || x.lab.next_step < 12, null, 10000).catch(() => {});
    return waitUi(page, (x) => x.lab.done && !x.lab.running, null, 120000);
  };
  const cli = (extra) => execFileSync(cliPath, ['model', demoFile, '--target', target, ...extra],
    { encoding: 'utf8', maxBuffer: 256 << 20 });

  let flaggedBin = 0;
  await check('lab-bins: a suggested special value and a trend set on the page rerun the lab with them', async () => {
    await clickWidget(page, 'load_credit_demo');
    await waitUi(page, (x) => x.lab.done && x.tab === 'lab', null, 120000);
    await clickWidget(page, 'lab.tab.features');
    await waitUi(page, (x) => x.lab.view === 1 && x.rects['lab.iv_chart']);
    await click('lab.feature.PAY_0');
    await click('lab.special_suggest.0');  // PAY_0's first suggestion: −2, a negative code
    await click('lab.trend.peak');
    await click('lab.bins_rerun');
    const u = await rerunDone();
    assert.equal(u.lab.error, '');
    const m = (await summary(page)).model;
    const pay0 = m.features.find((f) => f.name === 'PAY_0');
    assert.deepEqual(pay0.special_codes, [-2]);
    assert.equal(pay0.trend, 'peak');
    assert.ok(pay0.bins.some((b) => b.kind === 'special' && b.label === '= -2'));
    await frames(page, 3);
    await shot(page, 'lab_bins_special_en.png');
  });

  await check('lab-bins: one click merges the first bins the table flags (p > 0.05)', async () => {
    await click('lab.feature.LIMIT_BAL');
    const before = (await summary(page)).model.features.find((f) => f.name === 'LIMIT_BAL');
    flaggedBin = before.table.rows.findIndex((r) => r.merge_suggested);
    assert.ok(flaggedBin >= 0, 'LIMIT_BAL has no flagged pair on the demo');
    await click('lab.bin_flag_merge');
    await rerunDone();
    const after = (await summary(page)).model.features.find((f) => f.name === 'LIMIT_BAL');
    assert.equal(after.bins.length, before.bins.length - 1);
    await frames(page, 3);
    await shot(page, 'lab_bins_merged_en.png');
  });

  await check('lab-bins: "Download binning table" equals `model --bins-csv` with the same options', async () => {
    const args = ['--special', 'PAY_0:-2', '--trend', 'PAY_0:peak', '--merge-bin', `LIMIT_BAL:${flaggedBin + 1}`];
    const waiting = page.waitForEvent('download', { timeout: 15000 });
    await click('lab.bins_download');
    const d = await waiting;
    const bytes = fs.readFileSync(await d.path());
    assert.equal(d.suggestedFilename(), 'binning_table.csv');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bins-'));
    const json = JSON.parse(cli([...args, '--lang', 'en', '--bins-csv', path.join(dir, 'bins.csv')]));
    const want = fs.readFileSync(path.join(dir, 'bins.csv'));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.ok(bytes.equals(want), 'the page\'s binning table differs from the CLI\'s --bins-csv');
    const page_model = (await summary(page)).model;
    json.file = page_model.file;
    assert.deepEqual(page_model, json);
  });

  await check('lab-bins: the binning controls in Chinese', async () => {
    await clickWidget(page, 'toolbar.language');
    await waitUi(page, (x) => x.language === 'zh');
    await frames(page, 4);
    await scrollTo('lab.bin_flag_merge').catch(() => scrollTo('lab.bins_download'));
    await frames(page, 3);
    await shot(page, 'lab_bins_zh.png');
    await scrollTo('lab.event_rate_chart');
    await frames(page, 3);
    await shot(page, 'lab_bins_event_rate_zh.png');
    await clickWidget(page, 'toolbar.language');
  });
  await context.close();
}
