// Browser check of the single offline file (issue #8, "One file, offline"), called from run.mjs:
// build/single/overdue-lens.html opened from a file:// URL, with no server, loads the demo from its
// embedded copy and gives the same analysis as `overdue-lens analyze` on the demo files; the only
// request of the whole session is the file itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DEMO_FILES = ['invoices.csv', 'payments.csv', 'contacts.csv'];

// h: { check, ui, summary, frames, clickWidget, waitUi, shot, watch, cspProbe }
export async function runSingleFileChecks({ browser, repo, webDir, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, waitUi, shot, watch, cspProbe } = h;
  const single = path.join(repo, 'build/single/overdue-lens.html');
  const url = pathToFileURL(single).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'single');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  await check('single file: ≤ 10 MB, opens from file:// and starts', async () => {
    const size = fs.statSync(single).size;
    console.log(`      ${path.relative(repo, single)}: ${(size / 1048576).toFixed(2)} MB`);
    assert.ok(size <= 10 * 1048576, `${size} bytes`);
    await page.goto(url);
    await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });
    await frames(page, 5);
  });

  await check('single file: the embedded demo gives the CLI\'s analysis, with no request at all', async () => {
    await clickWidget(page, 'load_demo');
    await page.waitForFunction(() => window.overdueLens.summary().files.length === 3 && !window.overdueLens.busy(),
      null, { timeout: 60000 });
    const u = await waitUi(page, (x) => x.tab === 'dashboard' && x.analysis.available && !x.analysis.pending, null, 60000);
    assert.ok(u);
    const s = await summary(page);
    const cli = JSON.parse(execFileSync(cliPath, ['analyze', ...DEMO_FILES.map((f) => path.join(webDir, 'demo', f))],
      { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
    assert.deepEqual(s.analysis, cli);
    await frames(page, 5);
    await shot(page, 'single_file_demo_en.png');
    assert.deepEqual(requests.filter((r) => !r.startsWith('data:')), [url]);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    const ui2 = await ui(page);
    assert.equal(ui2.language, 'en');
  });
  await context.close();
}
