// The page's report and letters downloads equal the CLI's files (issue #6): loads the demo in
// headless Chromium, downloads Export → "Report (HTML)" and "Reminder letters (HTML)" in Chinese
// and in English, compares them byte for byte with `overdue-lens analyze demo/*.csv --report
// --letters --lang zh|en`, and opens the letter-template editor (screenshot
// build/report/letters_editor.png). Run by scripts/test.sh's report-check stage, after the wasm
// build:
// usage: node tests/report/page_check.mjs [WEB_DIR] [CLI]
//        (default build/wasm/web and build/native/overdue-lens)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../browser/static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const { chromium } = createRequire(path.join(repo, 'tests/browser/package.json'))('playwright-core');
const webDir = path.resolve(process.argv[2] || path.join(repo, 'build/wasm/web'));
const cli = path.resolve(process.argv[3] || path.join(repo, 'build/native/overdue-lens'));
const out = path.join(repo, 'build/report');
fs.mkdirSync(out, { recursive: true });

const ui = (page) => page.evaluate(() => window.overdueLens.ui());
const frames = (page, n = 3) => page.evaluate((count) => new Promise((resolve) => {
  let k = 0;
  const step = () => (++k >= count ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);
async function waitRect(page, name) {
  for (let i = 0; i < 400; i++) {
    const r = (await ui(page)).rects[name];
    if (r) return r;
    await frames(page, 1);
  }
  throw new Error(`widget "${name}" never appeared`);
}
async function click(page, name) {
  const r = await waitRect(page, name);
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

const server = await startStaticServer(webDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => { failed = true; console.log(`page error: ${e.message}`); });
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  await click(page, 'load_demo');
  await page.waitForFunction(() => window.overdueLens.summary().files.length === 3, null, { timeout: 60000 });
  for (let i = 0; i < 1200; i++) {
    const u = await ui(page);
    if (!(await page.evaluate(() => window.overdueLens.busy())) && u.analysis && u.analysis.available && !u.analysis.pending) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // The walkthrough opens with the demo and takes the focus every frame (which closes menus):
  // walk it to its end first.
  for (let i = 0; i < 8 && (await ui(page)).guide_step >= 0; i++) {
    await waitRect(page, 'guide.next');
    await click(page, 'guide.next');
  }
  assert.equal((await ui(page)).guide_step, -1, 'the walkthrough did not close');
  // The CLI on the very files the page fetched.
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-report-'));
  for (const f of ['invoices.csv', 'payments.csv', 'contacts.csv']) fs.copyFileSync(path.join(webDir, 'demo', f), path.join(demo, f));
  const download = async (item) => {
    const waiting = page.waitForEvent('download', { timeout: 30000 });
    await click(page, 'toolbar.export');
    await click(page, item);
    const d = await waiting;
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
  };
  for (const lang of ['zh', 'en']) {
    if ((await ui(page)).language !== lang) await click(page, 'toolbar.language');
    execFileSync(cli, ['analyze', ...['invoices.csv', 'payments.csv', 'contacts.csv'].map((f) => path.join(demo, f)),
      '--lang', lang, '--json', path.join(demo, 'a.json'), '--report', path.join(demo, `report-${lang}.html`),
      '--letters', path.join(demo, `letters-${lang}`)]);
    const report = await download('export.report');
    assert.equal(report.name, 'overdue-lens-report.html');
    assert.ok(report.bytes.equals(fs.readFileSync(path.join(demo, `report-${lang}.html`))), `report (${lang}) differs from the CLI's`);
    const letters = await download('export.letters');
    assert.ok(letters.bytes.equals(fs.readFileSync(path.join(demo, `letters-${lang}`, 'letters.html'))), `letters (${lang}) differ from the CLI's`);
    console.log(`ok    page ${lang}: report (${report.bytes.length} bytes) and letters (${letters.bytes.length} bytes) equal the CLI's`);
  }
  await click(page, 'toolbar.export');
  await click(page, 'export.letters_edit');
  await waitRect(page, 'letters.window');
  await frames(page, 5);
  await page.screenshot({ path: path.join(out, 'letters_editor.png') });
  console.log('ok    the letter-template editor opens (build/report/letters_editor.png)');
} catch (err) {
  failed = true;
  console.log(`FAIL  ${String(err && err.stack || err).split('\n').slice(0, 6).join('\n      ')}`);
} finally {
  await browser.close();
  await server.close?.();
}
process.exit(failed ? 1 : 0);
