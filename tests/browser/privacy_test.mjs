// Browser checks of issue #8 ("Privacy, proven" and "The page never loses the user's work"),
// called from run.mjs:
//  * a full session — start, load the demo, open every tab, export every download, drop a file —
//    during which every request is recorded; it fails if any request leaves the page's origin, is
//    not a GET of one of the page's own static files, or carries a body, and if anything but the
//    three demo files is requested after start-up;
//  * the downloads are the core's bytes: the analysis JSON equals `overdue-lens analyze` on the
//    demo files, the settings JSON is the settings in effect;
//  * localStorage holds the settings and nothing else (no customer, no amount);
//  * a C++ exception in the frame loop shows the error panel, and "reload with my settings" brings
//    the page back with the settings the user had;
//  * a file larger than the page can hold is refused before it is read, with its size and the limit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DEMO_FILES = ['invoices.csv', 'payments.csv', 'contacts.csv'];

// Every file the page may fetch: what the build put in its directory (recursively).
function staticFiles(webDir) {
  const out = new Set(['/']);
  const walk = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else out.add(`${prefix}${entry.name}`);
    }
  };
  walk(webDir, '/');
  return out;
}

// Why a recorded request is not allowed, or '' when it is.
function requestProblem(r, origin, files) {
  if (r.url.startsWith('data:')) return '';  // inline, no network (the favicon is data:,)
  let url;
  try { url = new URL(r.url); } catch (e) { return `unparsable URL ${r.url}`; }
  if (url.origin !== origin) return `request to another origin: ${r.method} ${r.url}`;
  if (r.method !== 'GET') return `not a GET: ${r.method} ${r.url}`;
  if (r.body) return `request with a body: ${r.url}`;
  if (url.search) return `request with a query string: ${r.url}`;
  if (!files.has(decodeURIComponent(url.pathname))) return `not one of the page's static files: ${r.url}`;
  return '';
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runPrivacyChecks({ browser, server, repo, webDir, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const files = staticFiles(webDir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'privacy');
  const requests = [];  // {url, method, body, at: 'start'|'session'}
  let phase = 'start';
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData(), at: phase }));
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const settled = async () => {
    for (let i = 0; i < 1200; i++) {
      const [u, busy] = [await ui(page), await page.evaluate(() => window.overdueLens.busy())];
      if (!busy && u.analysis && u.analysis.available && !u.analysis.pending) return u;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the analysis did not settle');
  };
  // Opens the Export menu (and a submenu), clicks the item, returns the downloaded bytes.
  const download = async (widget, submenu = '') => {
    const waiting = page.waitForEvent('download', { timeout: 15000 });
    await clickWidget(page, 'toolbar.export');
    if (submenu) await clickWidget(page, submenu);
    await clickWidget(page, widget);
    const d = await waiting;
    const bytes = fs.readFileSync(await d.path());
    return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  };

  await check('privacy: the page starts and fetches only its own static files', async () => {
    await page.goto(server.origin + '/');
    await page.evaluate(() => window.overdueLens.whenReady());
    await frames(page, 5);
    // The fonts' rare parts are fetched right after the start screen (same origin): wait for them
    // so they are counted here and any later request is a real one.
    for (let i = 0; i < 400 && !(await ui(page)).fonts.rare_loaded; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok((await ui(page)).fonts.rare_loaded, 'the rare font parts were merged');
    const start = requests.filter((r) => r.at === 'start');
    for (const part of ['/fonts/latin-rare.ttf', '/fonts/cjk-rare.ttf'])
      assert.ok(start.some((r) => new URL(r.url).pathname === part), `${part} fetched after start`);
    for (const r of start) assert.equal(requestProblem(r, server.origin, files), '');
    assert.ok(!start.some((r) => r.url.includes('/demo/')), 'the demo is not part of the start-up download');
    phase = 'session';
  });

  let demoJson = null;
  await check('privacy: "Load the demo ledger" fetches the three demo files, analysed like dropped files', async () => {
    await clickWidget(page, 'load_demo');
    await page.waitForFunction(() => window.overdueLens.summary().files.length === 3, null, { timeout: 60000 });
    await settled();
    const s = await summary(page);
    assert.deepEqual(s.files.map((f) => f.name), DEMO_FILES);
    for (const f of s.files) assert.equal(f.rows.read, f.rows.accepted + f.rows.rejected);
    assert.ok(s.analysis.totals.overdue_customers > 10, 'the demo has overdue customers');
    for (const t of ['temporary', 'structural', 'stubborn']) assert.ok(s.analysis.types[t].customers > 0, `the demo has ${t} customers`);
    demoJson = s.analysis;
    await waitUi(page, (u) => u.tab === 'dashboard');
    await frames(page, 5);
    await shot(page, 'demo_loaded_zh.png');
  });

  await check('privacy: every tab opens', async () => {
    for (const tab of ['data', 'mapping', 'summary', 'dashboard', 'overdue', 'types', 'teaching']) {
      await openView(page, tab);
      await waitUi(page, (u, t) => u.tab === t, tab);
      await frames(page, 3);
    }
  });

  await check('privacy: the analysis download is the CLI\'s JSON for the demo files', async () => {
    const d = await download('export.analysis_json');
    assert.equal(d.name, 'overdue-lens-analysis.json');
    const downloaded = JSON.parse(d.text);
    const cli = JSON.parse(execFileSync(cliPath, ['analyze', ...DEMO_FILES.map((f) => path.join(webDir, 'demo', f))],
      { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
    assert.deepEqual(downloaded, cli);
    assert.deepEqual(downloaded, demoJson);
  });

  await check('privacy: each CSV download is the CLI\'s --csv-dir file, byte for byte', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-csv-'));
    execFileSync(cliPath, ['analyze', ...DEMO_FILES.map((f) => path.join(webDir, 'demo', f)), '--csv-dir', dir,
      '--json', path.join(dir, 'analysis.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    await clickWidget(page, 'toolbar.export');
    await clickWidget(page, 'export.csv');
    await shot(page, 'export_menu_zh.png');
    await page.keyboard.press('Escape');
    await frames(page, 3);
    for (const name of ['overdue.csv', 'customers.csv', 'aging.csv', 'trend.csv', 'installments.csv', 'rejected.csv', 'forecast.csv']) {
      const d = await download(`export.csv.${name}`, 'export.csv');
      assert.equal(d.name, name);
      assert.ok(d.bytes.equals(fs.readFileSync(path.join(dir, name))), `${name} differs from the CLI's`);
      assert.ok(d.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${name} starts with a BOM`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  await check('privacy: the settings download and localStorage hold the settings only', async () => {
    await page.evaluate(() => window.overdueLens.setAnalysis({ threshold: 45 }));
    await settled();
    const d = await download('export.settings');
    assert.equal(d.name, 'overdue-lens-settings.json');
    const doc = JSON.parse(d.text);
    assert.equal(doc.analysis.threshold_days, 45);
    await frames(page, 40);  // settings are remembered twice a second
    const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    assert.deepEqual(stored.map((e) => e[0]), ['overdue-lens.settings']);
    assert.deepEqual(JSON.parse(stored[0][1]), doc);
    const demoText = fs.readFileSync(path.join(webDir, 'demo', 'invoices.csv'), 'utf8');
    const someCustomer = demoText.split('\n')[1].split(',')[1];
    assert.ok(!stored[0][1].includes(someCustomer), 'no customer name in localStorage');
  });

  await check('privacy: a dropped file is read in the page, with no request', async () => {
    const before = requests.length;
    await dropFiles(page, [{ name: 'ledger_zh.csv', path: path.join(repo, 'tests/data/roles/ledger_zh.csv') }]);
    await page.waitForFunction(() => window.overdueLens.summary().files.length === 4 && !window.overdueLens.busy(),
      null, { timeout: 60000 });
    assert.equal(requests.length, before);
  });

  await check('privacy: no request but the demo files after start-up, none elsewhere, none with a body', async () => {
    const problems = requests.map((r) => requestProblem(r, server.origin, files)).filter(Boolean);
    assert.deepEqual(problems, []);
    assert.deepEqual(sockets, []);
    const session = requests.filter((r) => r.at === 'session' && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
    assert.deepEqual(session.map((r) => new URL(r.url).pathname).sort(), DEMO_FILES.map((f) => `/demo/${f}`).sort());
    const csp = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(csp, []);
  });

  await check('reliability: a C++ exception shows the error panel; reload keeps the settings', async () => {
    await page.evaluate(() => window.Module._ol_test_crash_next_frame());
    await page.waitForSelector('#error-panel:not([hidden])', { timeout: 10000 });
    const text = await page.textContent('#error-panel');
    assert.match(text, /test crash/);
    assert.match(text, /重新载入/);
    assert.match(text, /Reload with my settings/);
    await shot(page, 'error_panel.png');
    await page.click('#error-reload');
    await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });
    const u = await ui(page);
    assert.equal(u.analysis.threshold, 45, 'the threshold set before the crash survives the reload');
    assert.equal(await page.isHidden('#error-panel'), true);
  });

  await check('reliability: a file too large for the page is refused before it is read', async () => {
    const mb = 201;
    await page.evaluate((n) => {
      const chunk = new Uint8Array(1 << 20).fill(0x41);
      const dt = new DataTransfer();
      dt.items.add(new File(Array.from({ length: n }, () => chunk), 'huge.csv'));
      const canvas = document.getElementById('canvas');
      const init = { bubbles: true, cancelable: true, dataTransfer: dt };
      for (const type of ['dragenter', 'dragover', 'drop']) canvas.dispatchEvent(new DragEvent(type, init));
    }, mb);
    await page.waitForFunction(() => window.overdueLens.summary().files.length === 1 && !window.overdueLens.busy(),
      null, { timeout: 30000 });
    const f = (await summary(page)).files[0];
    assert.equal(f.name, 'huge.csv');
    assert.match(f.error, /201 MB/);
    assert.match(f.error, /200 MB/);
    await frames(page, 3);
    await shot(page, 'file_too_large_zh.png');
  });
  await context.close();
}
