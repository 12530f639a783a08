#!/usr/bin/env node
// Measures the page with a 1,000,000-row invoice file (issue #2: the table sorts, filters and
// scrolls smoothly through a million rows). Not part of scripts/test.sh (it takes a few minutes
// under SwiftShader); run it by hand:  node tests/browser/bench_million.mjs [ROWS]
//
// The same deterministic generator makes the file in node (for the native CLI) and in the page
// (a File built there and dropped, so 60 MB do not cross the DevTools protocol); the page's
// summary() must equal the CLI's inspect JSON. Prints load time, frame times while scrolling,
// sort and filter times.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const rows = Number(process.argv[2] || 1000000);
const webDir = process.env.OL_WEB_DIR || path.join(repo, 'build/wasm/web');
const cliPath = process.env.NATIVE_CLI || path.join(repo, 'build/native/overdue-lens');

// Self-contained (it is also serialised into the page): a linear congruential generator, so the
// bytes are identical in node and in the browser.
function makeInvoiceCsv(n) {
  const customers = ['上海华东贸易有限公司', '北京京西电子科技', '广州南方物流', '深圳前海金融服务', '杭州西湖茶业',
    '成都天府火锅', 'Acme Trading Ltd', '喆堃珺设计工作室', 'Globex', '武汉长江建材'];
  const reps = ['张伟', '李娜', '王芳', 'Alice'];
  let seed = 20240105;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const pad = (v) => (v < 10 ? '0' + v : String(v));
  const parts = ['客户名称,发票号码,开票日期,到期日,金额,业务员\n'];
  for (let i = 0; i < n; i++) {
    const day = next() % 365;
    const date = new Date(Date.UTC(2023, 0, 1) + day * 86400000);
    const due = new Date(date.getTime() + 30 * 86400000);
    const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const cents = next() % 10000000;
    parts.push(`${customers[Math.floor(next() / 65536) % customers.length]},FP-${String(i + 1).padStart(7, '0')},${iso(date)},${iso(due)},` +
      `${Math.floor(cents / 100)}.${pad(cents % 100)},${reps[Math.floor(next() / 65536) % reps.length]}\n`);
  }
  return parts.join('');
}

const frames = (page, n = 3) => page.evaluate((count) => new Promise((resolve) => {
  let k = 0;
  const step = () => (++k >= count ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);
const ui = (page) => page.evaluate(() => window.overdueLens.ui());

async function clickWidget(page, name) {
  const rect = (await ui(page)).rects[name];
  assert.ok(rect, `widget "${name}" is not on screen`);
  await page.mouse.move(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
}

async function waitUi(page, predicate, timeout = 300000) {
  const until = Date.now() + timeout;
  for (;;) {
    const u = await ui(page);
    if (predicate(u)) return u;
    if (Date.now() > until) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-million-'));
  const file = path.join(tmp, `invoices_${rows}.csv`);
  fs.writeFileSync(file, makeInvoiceCsv(rows));
  const bytes = fs.statSync(file).size;
  console.log(`file: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB`);
  let t = Date.now();
  const cli = JSON.parse(execFileSync(cliPath, ['inspect', file], { encoding: 'utf8', maxBuffer: 256 << 20 })).files[0];
  console.log(`native CLI inspect: ${Date.now() - t} ms`);

  const server = await startStaticServer(webDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
    page.on('pageerror', (e) => console.log('page error:', e.message));
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready);

    // Build the file in the page and drop it; record frame intervals while it loads.
    t = Date.now();
    // A DevTools expression (Runtime.evaluate), not page script: the page's CSP does not apply.
    await page.evaluate(`window.__makeInvoiceCsv = ${makeInvoiceCsv.toString()}`);
    await page.evaluate(({ n, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([window.__makeInvoiceCsv(n)], name));
      window.__frameGaps = [];  // from here on: the page's own work
      // performance.now(), not rAF's timestamp: that one can date from before a long task.
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        window.__frameGaps.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, { n: rows, name: path.basename(file) });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(repo, 'build/screenshots/million_rows_loading.png') });
    await page.waitForFunction(() => !window.overdueLens.busy() && window.overdueLens.summary().files.length === 1,
      null, { timeout: 600000, polling: 200 });
    const loadMs = Date.now() - t;
    const loadGaps = await page.evaluate(() => window.__frameGaps.splice(0));
    console.log(`page load (generate in page + drop + read + type): ${loadMs} ms; frame gap median ${median(loadGaps).toFixed(0)} ms, ` +
      `p95 ${p95(loadGaps).toFixed(0)} ms, max ${Math.max(...loadGaps).toFixed(0)} ms (SwiftShader draws each frame in software)`);
    const timing = (await ui(page)).files[0];
    console.log(`  of which: reading ${timing.read_ms.toFixed(0)} ms (${(bytes / 1e3 / timing.read_ms).toFixed(0)} MB/s), ` +
      `typing (FileImporter::finish) ${timing.typing_ms.toFixed(0)} ms`);
    const pageFile = (await page.evaluate(() => window.overdueLens.summary())).files[0];
    assert.deepStrictEqual(pageFile, cli);
    console.log('summary().files[0] deep-equals the native CLI inspect JSON');

    await waitUi(page, (u) => u.visible_rows === rows);
    // Scroll: 60 wheel steps over the table, frame gaps measured in the page.
    await page.mouse.move(700, 500);
    await page.evaluate(() => { window.__frameGaps = []; });
    const cpu = [];
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 4000);
      await frames(page, 1);
      cpu.push((await ui(page)).ui_ms);
    }
    await frames(page, 10);
    console.log(`scrolling: building the UI (NewFrame…Render, no GL) median ${median(cpu).toFixed(1)} ms, p95 ${p95(cpu).toFixed(1)} ms`);
    const scrollGaps = await page.evaluate(() => window.__frameGaps.splice(0));
    console.log(`scrolling: ${scrollGaps.length} frames (SwiftShader), gap median ${median(scrollGaps).toFixed(1)} ms, p95 ${p95(scrollGaps).toFixed(1)} ms`);

    for (const [header, label] of [['header.4', 'amount (decimal)'], ['header.0', 'customer name (text, 10 distinct)'], ['header.1', 'invoice number (text, all distinct)'], ['header.2', 'invoice date (date)']]) {
      t = Date.now();
      await clickWidget(page, header);
      const sorted = await waitUi(page, (u) => u.sort_column === Number(header.split('.')[1]));
      console.log(`sort by ${label}: the sort ${sorted.sort_ms.toFixed(0)} ms; ${Date.now() - t} ms from click to sorted view`);
    }
    await clickWidget(page, 'filter');
    await page.waitForSelector('#text-overlay.open');
    await page.evaluate(() => { window.__frameGaps = []; });
    t = Date.now();
    await page.fill('#text-overlay', '喆堃珺');
    const filtered = await waitUi(page, (u) => u.filter === '喆堃珺' && !u.filtering);
    const filterGaps = await page.evaluate(() => window.__frameGaps.splice(0));
    console.log(`filter "喆堃珺": ${filtered.visible_rows} rows; filtering work ${filtered.filter_work_ms.toFixed(0)} ms ` +
      `in 8 ms slices, ${Date.now() - t} ms until shown; frame gap p95 ${p95(filterGaps).toFixed(1)} ms`);
    await page.screenshot({ path: path.join(repo, 'build/screenshots/million_rows.png') });
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
