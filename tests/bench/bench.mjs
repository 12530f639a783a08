#!/usr/bin/env node
// The performance benchmark of issue #7 (run through scripts/bench.sh, which generates the file and
// builds what is missing). One run: the native CLI and `wc -l` on the file, then ONE headless
// Chromium session on the real page:
//   page 1: the file dropped on the canvas (the same drop path a user takes), timed from the drop to
//           the first frame after the full analysis; long tasks while it imports; wasm heap after;
//           checksums of the dropped file (typed columns) and of the analysis; the weekly replay;
//           frame building times with the 1 M-row table open and while dragging the as-of slider.
//   page 2: a fresh page: the importer alone on the same bytes (FileImporter fed 1 MiB slices, as
//           the drop path does, checksums computed from the typed columns before the clock stops),
//           warm median; then PapaParse and uDSV (their browser bundles, served by this test's own
//           server) on the same bytes with the anchors' call shapes (../shared/bench-anchors).
//   workbooks (issue #18; when OL_BENCH_WORKBOOK_DIR names make_bench_workbooks.py's folder): the
//           UCI credit-card data and a 30,000 × 25 ledger as .xlsx, each on a fresh page: dropped
//           (drop → imported table), then SheetJS on the same bytes (workbook_bench.mjs).
// Every checksum must equal the generator's expected.json, or the run fails (exit 1).
// Prints a table, writes results.json (exactly the keys) and details.json (the rest).
//
// usage: node tests/bench/bench.mjs [--native-only] CSV OUT_DIR
//   --native-only (issue #19, the 10 M-row run): the native CLI alone (median of 3, its peak RSS,
//   the checksums), written to results_<N>m.json (results_<ROWS>.json when not whole millions).
//   env: OL_WEB_DIR, NATIVE_CLI, OL_SINGLE_HTML, OL_BENCH_WORKBOOK_DIR (unset: no workbook runs)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
// The browser tests' npm packages (playwright-core, papaparse, udsv) live in tests/browser.
const args = process.argv.slice(2);
const nativeOnly = args[0] === '--native-only';
if (nativeOnly) args.shift();
const requireBrowser = createRequire(path.join(repo, 'tests/browser/package.json'));
// The page's packages only when the page runs (a native-only run needs no npm install).
const { chromium } = nativeOnly ? {} : requireBrowser('playwright-core');
const { startStaticServer } = nativeOnly ? {} : await import(path.join(repo, 'tests/browser/static_server.mjs'));
const { serveWorkbooks, workbookPage, workbookFigures } = nativeOnly ? {} : await import(path.join(here, 'workbook_bench.mjs'));

const [csvArg, outArg] = args;
if (!csvArg || !outArg) {
  console.error('usage: node tests/bench/bench.mjs [--native-only] CSV OUT_DIR');
  process.exit(2);
}
const csv = path.resolve(csvArg);
const outDir = path.resolve(outArg);
const expected = JSON.parse(fs.readFileSync(csv + '.expected.json', 'utf8'));
const webDir = path.resolve(process.env.OL_WEB_DIR || path.join(repo, 'build/wasm/web'));
const cli = path.resolve(process.env.NATIVE_CLI || path.join(repo, 'build/native/overdue-lens'));
const singleHtml = process.env.OL_SINGLE_HTML ? path.resolve(process.env.OL_SINGLE_HTML) : '';
// The 100,000-row file dropped on a page of its own in the same session as a 1 M-row run, for the
// 100 k figures of issue #19 (scripts/bench.sh sets it for runs of other sizes).
const smallCsv = process.env.OL_BENCH_SMALL_CSV ? path.resolve(process.env.OL_BENCH_SMALL_CSV) : '';
const workbookDir = process.env.OL_BENCH_WORKBOOK_DIR ? path.resolve(process.env.OL_BENCH_WORKBOOK_DIR) : '';
let workbooks = {};  // key → {name, bytes, expected}: the workbooks found in workbookDir
const fileBytes = fs.statSync(csv).size;
const MB = fileBytes / 1e6;
const rows = expected.rows;
const wantAmount = Math.round(expected.sum_amount * 100);
const wantOutstanding = Math.round(expected.outstanding * 100);
// Anchors measured on this machine kind (../shared/bench-anchors/README.md), MB/s, rows task.
const ANCHOR = { papaparse: 80, udsv: 121 };
const ITERS = rows >= 500000 ? 5 : 7;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const failures = [];
const nulls = {};  // key → why it is null
function check(what, got, want) {
  const ok = got === want;
  if (!ok) failures.push(`${what}: got ${got}, expected ${want}`);
  return ok;
}

// [SECTION] native ---------------------------------------------------------------------------------
function timeCommand(cmd, args, outFile) {
  const t0 = process.hrtime.bigint();
  const fd = outFile ? fs.openSync(outFile, 'w') : 'ignore';
  const r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (outFile) fs.closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return ms;
}

function runNative() {
  const out = path.join(outDir, 'native_analysis.json');
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(timeCommand(cli, ['analyze', csv], out));
  const wc = [];
  for (let i = 0; i < 5; i++) wc.push(timeCommand('wc', ['-l', csv]));
  const lines = Number(execFileSync('wc', ['-l', csv], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  check('wc -l lines', lines, rows + 1);
  const a = JSON.parse(fs.readFileSync(out, 'utf8'));
  check('native analyze rows.accepted', a.rows.accepted, rows);
  check('native analyze rows.rejected', a.rows.rejected, 0);
  check('native analyze totals.open (cents)', Math.round(a.totals.open * 100), wantOutstanding);
  fs.rmSync(out);  // hundreds of MB for 1 M rows
  // The import alone, natively (analyze --timings prints each step on stderr), and the peak RSS
  // of that run: Python's getrusage of its child (Node's spawnSync does not report it).
  const peak = 'import resource, subprocess, sys\n' +
    'r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n' +
    'sys.stderr.write(r.stderr)\n' +
    'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n' +
    'sys.exit(r.returncode)\n';
  const t = spawnSync('python3', ['-c', peak, cli, 'analyze', csv, '--timings', '--json', '/dev/null'], { encoding: 'utf8' });
  if (t.status !== 0) throw new Error(`${cli} analyze --timings exited with ${t.status}: ${t.stderr}`);
  const steps = {};
  for (const m of (t.stderr || '').matchAll(/overdue-lens: (\w+) (\d+) ms/g)) steps[m[1]] = Number(m[2]);
  const peak_rss_bytes = Number(t.stdout.trim());
  return { analyze_ms: median(runs), analyze_runs: runs.map((x) => round(x)), wc_ms: median(wc), steps, peak_rss_bytes };
}

// --native-only: the CLI's figures alone (issue #19's 10 M-row run), checked like the full run.
function nativeOnlyRun(native) {
  const name = rows % 1000000 === 0 ? `results_${rows / 1000000}m.json` : `results_${rows}.json`;
  const results = {
    rows, file_bytes: fileBytes,
    native_analyze_ms: round(native.analyze_ms, 0),
    native_peak_rss_bytes: native.peak_rss_bytes,
    native_vs_wc_ratio: round(native.analyze_ms / native.wc_ms, 1),
  };
  fs.writeFileSync(path.join(outDir, name), JSON.stringify(results) + '\n');
  console.log(`peak RSS ${(native.peak_rss_bytes / 1e6).toFixed(0)} MB (${(native.peak_rss_bytes / fileBytes).toFixed(2)} × the file)`);
  console.log(`wrote ${path.join(outDir, name)}: ${JSON.stringify(results)}`);
  if (failures.length) {
    console.error('\nWRONG RESULTS:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log('correct: rows and checksums of the CLI');
}

// [SECTION] the page -------------------------------------------------------------------------------
// One served folder: the page (symlinks to OL_WEB_DIR's entries), the peers' browser bundles and
// the CSV, all from the test's own origin (the page's CSP allows nothing else).
function makeServedDir() {
  const dir = path.join(outDir, 'www');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'bench'), { recursive: true });
  for (const name of fs.readdirSync(webDir)) fs.symlinkSync(path.join(webDir, name), path.join(dir, name));
  const bundles = {
    'papaparse.min.js': requireBrowser.resolve('papaparse/papaparse.min.js'),
    'udsv.iife.min.js': path.join(path.dirname(requireBrowser.resolve('udsv/package.json')), 'dist/uDSV.iife.min.js'),
  };
  for (const [name, file] of Object.entries(bundles)) fs.symlinkSync(file, path.join(dir, 'bench', name));
  fs.symlinkSync(csv, path.join(dir, 'bench', 'data.csv'));
  if (smallCsv) fs.symlinkSync(smallCsv, path.join(dir, 'bench', 'small.csv'));
  if (workbookDir) workbooks = serveWorkbooks(dir, workbookDir, requireBrowser);
  return dir;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--js-flags=--expose-gc'];

const ui = (page) => page.evaluate(() => window.overdueLens.ui());
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
const benchState = (page) => page.evaluate(() => JSON.parse(window.Module.UTF8ToString(window.Module._ol_bench_state())));

// Gzip size of everything fetched before the start screen was usable. The fonts' rare parts
// (fonts/*-rare.ttf, scripts/subset_fonts.py) are fetched only after it is drawn (web/glue.js,
// loadRareFonts): they are counted apart, as the deferred payload.
const DEFERRED_PATH = /^\/fonts\/[^/]+-rare\.ttf$/;
function payloadGzip(served) {
  const start = { bytes: 0, files: [] };
  const deferred = { bytes: 0, files: [] };
  const seen = new Set();
  for (const r of served) {
    const rel = decodeURIComponent(new URL(r.url, 'http://x').pathname).replace(/\/$/, '/index.html');
    if (r.status !== 200 || seen.has(rel)) continue;
    seen.add(rel);
    const part = DEFERRED_PATH.test(rel) ? deferred : start;
    part.bytes += zlib.gzipSync(fs.readFileSync(path.join(webDir, rel)), { level: 9 }).length;
    part.files.push(rel);
  }
  return { bytes: start.bytes, files: start.files, deferred_bytes: deferred.bytes, deferred_files: deferred.files };
}

// A move, a press and a release at (x, y), each in frames of its own, as ImGui needs.
async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await nextFrame(page);
  await page.mouse.down();
  await nextFrame(page);
  await nextFrame(page);
  await page.mouse.up();
  await nextFrame(page);
}

// A click on a named widget (ui().rects), once it is on screen.
async function clickNamed(page, name) {
  let r = null;
  for (let i = 0; i < 200 && !r; i++) {
    r = (await ui(page)).rects[name];
    if (!r) await nextFrame(page);
  }
  if (!r) throw new Error(`bench: widget ${name} not on screen`);
  await clickAt(page, r[0] + r[2] / 2, r[1] + r[3] / 2);
  return r;
}

// Longest main-thread tasks from now until `act` has run and the page is no longer busy.
async function longestTaskWhile(page, act) {
  await page.evaluate(() => {
    window.__tasks = [];
    window.__taskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, ms: e.duration });
    });
    window.__taskObserver.observe({ type: 'longtask' });
  });
  await act();
  for (let i = 0; i < 3000; i++) {
    await nextFrame(page);
    if (!(await page.evaluate(() => window.overdueLens.busy()))) break;
  }
  await page.waitForTimeout(100);  // long-task entries are delivered asynchronously
  return page.evaluate(() => { window.__taskObserver.disconnect(); return window.__tasks; });
}

// A threshold of the classification edited in the teaching panel (its "+" button), as a user
// would, timed until the classification that follows is in: the longest task (issue #19).
async function settingsEdit(page) {
  const u = await ui(page);
  const teaching = (u.views || []).find((v) => v.id === 'teaching');
  if (!teaching) return { note: 'no teaching view in ui().views' };
  if (u.rects['nav.list']) {
    await clickNamed(page, 'nav.list');
  } else {
    await clickNamed(page, `nav.group.${teaching.group}`);
  }
  if ((await ui(page)).tab !== 'teaching') await clickNamed(page, 'nav.view.teaching');
  const key = 'teach.classify.on_time_tolerance_days';   // the first field, on screen at 1280 × 800
  let r = null;
  for (let i = 0; i < 200 && !r; i++) {
    const x = await ui(page);
    if (x.tab === 'teaching') r = x.rects[key];
    if (!r) await nextFrame(page);
  }
  if (!r) return { note: `${key} was not on the teaching view` };
  const before = (await ui(page)).analysis.classify_revision;
  // The "+" step button: the square at the right end of the field's row.
  const tasks = await longestTaskWhile(page, () => clickAt(page, r[0] + r[2] - r[3] / 2, r[1] + r[3] / 2));
  const after = (await ui(page)).analysis.classify_revision;
  if (after === before) return { note: `the "+" of ${key} did not reclassify`, tasks };
  return { tasks, before, after };
}

async function dropPage(browser, server, { url = '/bench/data.csv', interact = true } = {}) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('crash', () => problems.push('page crashed'));
  const firstRequest = server.served.length;
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  // Wait for the rare font parts too, so that all of them are counted (apart) and none arrives
  // while the drop is timed.
  let rareLoaded = false;
  for (let i = 0; i < 600 && !rareLoaded; i++) {
    rareLoaded = !!((await ui(page)).fonts || {}).rare_loaded;
    if (!rareLoaded) await new Promise((r) => setTimeout(r, 50));
  }
  const payload = { ...payloadGzip(server.served.slice(firstRequest)), rare_loaded: rareLoaded };

  // The file as a File in the page (fetched from the test's server before the clock starts).
  await page.evaluate(async (from) => {
    window.__benchFile = new File([await (await fetch(from)).blob()], 'ledger.csv', { type: 'text/csv' });
  }, url);
  // The heap just before the drop (issue #19's heap ratio counts what the drop adds to it).
  const heapBeforeDrop = await page.evaluate(() => window.Module.HEAP8.buffer.byteLength);
  // Drop, then wait in the page for the first animation frame after the analysis is ready.
  const drop = await page.evaluate(() => new Promise((resolve) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    });
    observer.observe({ type: 'longtask' });
    const dt = new DataTransfer();
    dt.items.add(window.__benchFile);
    const t0 = performance.now();
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    const poll = () => {
      const hook = window.overdueLens;
      if (!hook.busy()) {
        const a = hook.ui().analysis;
        if (a.available && !a.pending) {
          const tReady = performance.now();
          // One more frame: the one drawn with the analysis in place.
          requestAnimationFrame(() => {
            const tFrame = performance.now();
            setTimeout(() => {  // long-task entries are delivered asynchronously
              observer.disconnect();
              resolve({ t0, tReady, tFrame, tasks });
            }, 100);
          });
          return;
        }
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }));
  const heapAfterDrop = await page.evaluate(() => window.Module.HEAP8.buffer.byteLength);
  const states = [];
  for (let i = 0; i < 3; i++) states.push(await benchState(page));  // replay timed 3 times
  const state = states[states.length - 1];
  const file = state.files[0];
  const importEnd = file.typed_ms;
  const importTasks = drop.tasks.filter((t) => t.start < importEnd);
  const laterTasks = drop.tasks.filter((t) => t.start >= importEnd);
  if (!interact) {
    const heap = await page.evaluate(() => window.Module.HEAP8.buffer.byteLength);
    await page.context().close();
    return { drop, file, state, heapBeforeDrop, heapAfterDrop, heap, importTasks, laterTasks, problems };
  }

  // Frames with the 1 M-row table open (the data tab, after import), scrolling it.
  await page.mouse.move(700, 500);
  const tableFrames = [];
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 3000);
    await nextFrame(page);
    const u = await ui(page);
    tableFrames.push({ ui: u.ui_ms, frame: u.frame_ms });
  }
  // The dashboard, then drag the as-of slider across its range (one step per frame).
  // The Receivables group opens on its first view, the dashboard (issue #22's grouped navigation).
  const tab = (await ui(page)).rects['nav.group.receivables'];
  let sliderFrames = [];
  let sliderTasks = [];
  let sliderNote = '';
  let sliderSettleMs = null;
  if (tab) {
    await clickAt(page, tab[0] + tab[2] / 2, tab[1] + tab[3] / 2);
    for (let i = 0; i < 200; i++) {
      await nextFrame(page);
      const u = await ui(page);
      if (u.tab === 'dashboard' && u.rects['analysis.as_of_slider']) break;
    }
    const s = (await ui(page)).rects['analysis.as_of_slider'];
    if (s) {
      await page.evaluate(() => {
        window.__sliderTasks = [];
        window.__sliderObserver = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__sliderTasks.push({ start: e.startTime, ms: e.duration });
        });
        window.__sliderObserver.observe({ type: 'longtask' });
      });
      // Across the data's span: from near its last date to near its first, one step per frame;
      // each step asks for a new analysis, which restarts the one under way (issue #7).
      const y = s[1] + s[3] / 2;
      const x0 = s[0] + s[2] * 0.97, x1 = s[0] + s[2] * 0.03;
      await page.mouse.move(x0, y);
      await nextFrame(page);
      await page.mouse.down();
      await nextFrame(page);
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(x0 + ((x1 - x0) * i) / 30, y);
        await nextFrame(page);
        const u = await ui(page);
        sliderFrames.push({ ui: u.ui_ms, frame: u.frame_ms });
      }
      await page.mouse.up();
      const released = await page.evaluate(() => performance.now());
      for (let i = 0; i < 2000; i++) {  // until the last as-of date's analysis is in
        await nextFrame(page);
        if (!(await page.evaluate(() => window.overdueLens.busy()))) break;
      }
      sliderSettleMs = (await page.evaluate(() => performance.now())) - released;
      await page.waitForTimeout(100);
      sliderTasks = await page.evaluate(() => { window.__sliderObserver.disconnect(); return window.__sliderTasks; });
    } else {
      sliderNote = 'the as-of slider was not on the dashboard';
    }
  } else {
    sliderNote = 'no dashboard tab';
  }
  const settings = await settingsEdit(page);
  const heap = await page.evaluate(() => window.Module.HEAP8.buffer.byteLength);
  await page.context().close();
  return { settings, payload, drop, file, state, states, heapBeforeDrop, heapAfterDrop, heap, importTasks, laterTasks, tableFrames,
    sliderFrames, sliderTasks, sliderNote, sliderSettleMs, problems };
}

// The model lab on give-me-some-credit (150,000 × 11; ../shared/data, not shipped): dropped on a
// fresh page, the lab tab opened and "Run the lab" clicked as a user would; the page's time per
// step comes from ui().lab.times ("bins" = WoE binning + IV of every feature, "logistic" = the fit).
const GMSC = path.join(repo, '../shared/data/give-me-some-credit/cs-training.csv');
async function modelLabPage(browser, server) {
  if (!fs.existsSync(GMSC)) return { times: null, note: `${GMSC} is not there` };
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' })).newPage();
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  const b64 = fs.readFileSync(GMSC).toString('base64');
  await page.evaluate((data) => {
    const bin = atob(data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'cs-training.csv'));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop'])
      canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, b64);
  const ui = () => page.evaluate(() => window.overdueLens.ui());
  const frames = (n) => page.evaluate((k) => new Promise((r) => { let i = 0; const f = () => (++i >= k ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); }), n);
  const click = async (name) => {
    for (let k = 0; k < 100 && !(await ui()).rects[name]; k++) await frames(2);
    const r = (await ui()).rects[name];
    if (!r) throw new Error(`bench: widget ${name} not on screen`);
    await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
    await frames(2);
    await page.mouse.down();
    await frames(2);
    await page.mouse.up();
    await frames(3);
  };
  const until = Date.now() + 300000;
  while (!((await ui()).files || []).length || await page.evaluate(() => window.overdueLens.busy())) {
    if (Date.now() > until) throw new Error('bench: give-me-some-credit did not load');
    await page.waitForTimeout(100);
  }
  await click('nav.group.lab');   // the Model lab group's one view
  await click('lab.run');
  let u = await ui();
  while (!u.lab.done) {
    if (Date.now() > until) throw new Error('bench: the model lab did not finish');
    await page.waitForTimeout(200);
    u = await ui();
  }
  await page.context().close();
  return { times: u.lab.times, wall_ms: u.lab.wall_ms, longest_step_ms: u.lab.longest_step_ms, error: u.lab.error };
}

async function importAndPeersPage(browser, server) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('crash', () => problems.push('page crashed'));
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  const model = await page.evaluate(() => window.overdueLens.summary().model);
  await page.evaluate(async () => {
    window.__benchBytes = new Uint8Array(await (await fetch('/bench/data.csv')).arrayBuffer());
  });
  // The importer: bytes copied into wasm memory in 1 MiB slices and fed, as web/glue.js does.
  const importRuns = [];
  for (let it = 0; it < ITERS + 1; it++) {
    importRuns.push(await page.evaluate(() => {
      const M = window.Module;
      const bytes = window.__benchBytes;
      const SLICE = 1 << 20;
      if (window.gc) window.gc();
      const ptr = M._malloc(SLICE);
      const t0 = performance.now();
      M._ol_bench_import_begin();
      for (let off = 0; off < bytes.length; off += SLICE) {
        const piece = bytes.subarray(off, Math.min(bytes.length, off + SLICE));
        M.HEAPU8.set(piece, ptr);  // HEAPU8 read again each time: memory may have grown
        M._ol_bench_import_chunk(ptr, piece.length);
      }
      const text = M.UTF8ToString(M._ol_bench_import_finish());  // checksums are inside
      const ms = performance.now() - t0;
      M._free(ptr);
      return { ms, result: JSON.parse(text), heap: M.HEAP8.buffer.byteLength };
    }));
  }
  // The peers, as ../shared/bench-anchors/bench-js.mjs calls them (task "rows").
  await page.addScriptTag({ url: '/bench/papaparse.min.js' });
  await page.addScriptTag({ url: '/bench/udsv.iife.min.js' });
  const peers = {};
  for (const lib of ['papaparse', 'udsv']) {
    peers[lib] = [];
    for (let it = 0; it < ITERS + 1; it++) {
      peers[lib].push(await page.evaluate((which) => {
        if (window.gc) window.gc();
        const t0 = performance.now();
        const s = new TextDecoder().decode(window.__benchBytes);
        const t1 = performance.now();
        let n;
        if (which === 'papaparse') {
          const data = window.Papa.parse(s, {}).data;  // header row, and a trailing '' row
          n = data.length - 1 - (data[data.length - 1].length < 10 ? 1 : 0);
        } else {
          const p = window.uDSV.initParser(window.uDSV.inferSchema(s));  // header row consumed
          n = p.stringArrs(s).length;
        }
        const t2 = performance.now();
        return { decode_ms: t1 - t0, parse_ms: t2 - t1, rows: n };
      }, lib));
    }
  }
  await page.context().close();
  return { model, importRuns, peers, problems };
}

// [SECTION] main -----------------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`file: ${csv}: ${rows} rows, ${fileBytes} bytes (${MB.toFixed(1)} MB)`);
  const native = runNative();
  console.log(`native: analyze ${native.analyze_ms.toFixed(0)} ms (runs ${native.analyze_runs.join(', ')}), ` +
    `wc -l ${native.wc_ms.toFixed(1)} ms; steps ${JSON.stringify(native.steps)}`);
  if (nativeOnly) return nativeOnlyRun(native);

  const server = await startStaticServer(makeServedDir());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  let p1, p2, pSmall = null;
  try {
    if (smallCsv) pSmall = await dropPage(browser, server, { url: '/bench/small.csv', interact: false });
    p1 = await dropPage(browser, server);
    p2 = await importAndPeersPage(browser, server);
    p2.lab = await modelLabPage(browser, server);
    p2.workbooks = {};
    for (const [key, wb] of Object.entries(workbooks)) p2.workbooks[key] = await workbookPage(browser, server, wb, check);
  } finally {
    await browser.close();
    await server.close();
  }
  for (const p of [...p1.problems, ...p2.problems, ...(pSmall ? pSmall.problems : [])]) failures.push(p);
  let small = null;   // the 100 k figures: this run's own when it is 100 k rows, else the small drop's
  if (pSmall) {
    const want = JSON.parse(fs.readFileSync(smallCsv + '.expected.json', 'utf8'));
    check('page drop (100 k file): rows accepted', pSmall.file.rows_accepted, want.rows);
    check('page drop (100 k file): Σ amount (cents)', pSmall.file.amount_cents, Math.round(want.sum_amount * 100));
    check('page drop (100 k file): analysis invoices', pSmall.state.analysis && pSmall.state.analysis.invoices, want.rows);
    small = { rows: want.rows, bytes: fs.statSync(smallCsv).size, page: pSmall };
  } else if (rows === 100000) {
    small = { rows, bytes: fileBytes, page: p1 };
  }
  const heapRatio = (p, bytes) => (Math.max(p.heap, p.heapAfterDrop) - p.heapBeforeDrop) / bytes;
  for (const w of Object.values(p2.workbooks)) for (const p of w.problems) failures.push(p);

  // Correctness: the dropped file, the page's analysis, every importer run.
  const f = p1.file;
  check('page drop: file done', f.done, true);
  check('page drop: rows accepted', f.rows_accepted, rows);
  check('page drop: rows rejected', f.rows_rejected, 0);
  check('page drop: Σ amount (cents, typed column)', f.amount_cents, wantAmount);
  check('page drop: Σ outstanding (cents, typed columns)', f.outstanding_cents, wantOutstanding);
  const an = p1.state.analysis;
  if (check('page analysis available', an != null, true)) {
    check('page analysis: invoices', an.invoices, rows);
    check('page analysis: Σ billed (cents)', an.billed_cents, wantAmount);
    check('page analysis: open at as-of (cents)', an.open_cents, wantOutstanding);
  }
  p2.importRuns.forEach((r, i) => {
    check(`page import run ${i}: rows accepted`, r.result.rows_accepted, rows);
    check(`page import run ${i}: Σ amount (cents)`, r.result.amount_cents, wantAmount);
    check(`page import run ${i}: Σ outstanding (cents)`, r.result.outstanding_cents, wantOutstanding);
  });
  for (const [lib, runs] of Object.entries(p2.peers)) runs.forEach((r, i) => check(`${lib} run ${i}: rows`, r.rows, rows));

  // Figures: warm medians (the first run of each is the warm-up).
  const warm = (xs) => xs.slice(1);
  const importMs = median(warm(p2.importRuns).map((r) => r.ms));
  const importMBs = MB / (importMs / 1000);
  const peerMBs = {};
  const peerParseOnly = {};
  for (const [lib, runs] of Object.entries(p2.peers)) {
    peerMBs[lib] = MB / (median(warm(runs).map((r) => r.decode_ms + r.parse_ms)) / 1000);
    peerParseOnly[lib] = MB / (median(warm(runs).map((r) => r.parse_ms)) / 1000);
  }
  const dropMs = p1.drop.tFrame - p1.drop.t0;
  const replayMs = an ? median(p1.states.map((s) => s.analysis.replay_weekly_ms)) : null;
  const frameUi = median(p1.sliderFrames.map((x) => x.ui));
  const longestImportTask = p1.importTasks.length ? Math.max(...p1.importTasks.map((t) => t.ms)) : 0;
  const peakHeap = Math.max(p1.heap, p1.heapAfterDrop);
  let modelIv = null, modelFit = null;
  const times = p2.lab && Array.isArray(p2.lab.times) ? p2.lab.times : null;
  if (p2.lab && p2.lab.error) failures.push('model lab: ' + p2.lab.error);
  if (times) {
    const step = (name) => times.find((t) => t.step === name);
    modelIv = step('bins') ? step('bins').ms : null;
    modelFit = step('logistic') ? step('logistic').ms : null;
    if (modelIv == null) nulls.model_iv_ms = 'ui().lab.times has no "bins" step';
    if (modelFit == null) nulls.model_fit_ms = 'ui().lab.times has no "logistic" step';
  } else {
    nulls.model_iv_ms = nulls.model_fit_ms = p2.lab && p2.lab.note ? p2.lab.note : 'the model lab did not run';
  }
  if (frameUi == null) nulls.frame_ms_median = p1.sliderNote || 'no frames sampled while dragging the slider';
  if (replayMs == null) nulls.replay_weekly_ms = 'no analysis in the page';
  let singleBytes = null;
  if (singleHtml && fs.existsSync(singleHtml)) singleBytes = fs.statSync(singleHtml).size;
  else nulls.single_file_bytes = `no single file at ${singleHtml || '(OL_SINGLE_HTML unset)'}`;

  // Workbooks (issue #18): ours = drop → imported table; SheetJS = read + sheet_to_json.
  const wbFig = Object.fromEntries(Object.entries(p2.workbooks).map(([k, w]) => [k, workbookFigures(w)]));
  const uci = wbFig.uci || {};
  const ledger30k = wbFig.ledger || {};
  const wbWhy = (key) => (!workbookDir ? 'no workbook runs (OL_BENCH_WORKBOOK_DIR unset: scripts/bench.sh runs them from 1,000,000 rows or with OL_BENCH_WORKBOOKS=1)'
    : !workbooks[key] ? `${key} workbook not found in ${workbookDir}` : wbFig[key].error ? `the page did not import it: ${wbFig[key].error}` : 'no timed run');
  if (uci.ours_ms == null) nulls.xlsx_import_ms = nulls.xlsx_ratio_vs_sheetjs_drop = wbWhy('uci');
  if (uci.import_only_ms == null) nulls.xlsx_import_only_ms = nulls.xlsx_ratio_vs_sheetjs = wbWhy('uci');
  if (uci.sheetjs_ms == null) nulls.xlsx_sheetjs_ms = wbWhy('uci');
  if (ledger30k.ours_ms == null) nulls.workbook_30k_import_ms = wbWhy('ledger');

  const results = {
    rows, file_bytes: fileBytes,
    import_mb_s: round(importMBs),
    papaparse_rows_mb_s: round(peerMBs.papaparse),
    udsv_rows_mb_s: round(peerMBs.udsv),
    ratio_vs_papaparse: round(importMBs / peerMBs.papaparse, 2),
    ratio_vs_udsv: round(importMBs / peerMBs.udsv, 2),
    drop_to_dashboard_ms: round(dropMs, 0),
    replay_weekly_ms: round(replayMs, 1),
    frame_ms_median: round(frameUi, 2),
    longest_task_ms: round(longestImportTask, 0),
    peak_heap_bytes: peakHeap,
    model_iv_ms: modelIv,
    model_fit_ms: modelFit,
    native_analyze_ms: round(native.analyze_ms, 0),
    native_vs_wc_ratio: round(native.analyze_ms / native.wc_ms, 1),
    payload_gzip_bytes: p1.payload.bytes,
    single_file_bytes: singleBytes,
    xlsx_import_ms: round(uci.ours_ms, 0),
    xlsx_sheetjs_ms: round(uci.sheetjs_ms, 0),
    xlsx_import_only_ms: round(uci.import_only_ms, 0),
    xlsx_ratio_vs_sheetjs: round(uci.ratio, 2),             // SheetJS ÷ our importer, both called on the bytes
    xlsx_ratio_vs_sheetjs_drop: round(uci.ratio_drop, 2),   // SheetJS ÷ our drop → imported table
    workbook_30k_import_ms: round(ledger30k.ours_ms, 0),
    // Issue #19's keys.
    drop_to_dashboard_ms_100k: small ? round(small.page.drop.tFrame - small.page.drop.t0, 0) : null,
    peak_heap_ratio_100k: small ? round(heapRatio(small.page, small.bytes), 2) : null,
    peak_heap_ratio_1m: rows === 1000000 ? round(heapRatio(p1, fileBytes), 2) : null,
    settings_edit_longest_task_ms: p1.settings.tasks && !p1.settings.note ? round(Math.max(0, ...p1.settings.tasks.map((t) => t.ms)), 0) : null,
    slider_longest_task_ms: p1.sliderTasks.length ? round(Math.max(...p1.sliderTasks.map((t) => t.ms)), 0) : (p1.sliderNote ? null : 0),
    drop_work_ms: p1.state.load ? round(p1.state.load.work_ms, 0) : null,
    drop_draw_ms: p1.state.load ? round(p1.state.load.draw_ms, 0) : null,
  };
  if (!small) nulls.drop_to_dashboard_ms_100k = nulls.peak_heap_ratio_100k = 'a run of neither 100,000 rows nor with OL_BENCH_SMALL_CSV';
  if (rows !== 1000000) nulls.peak_heap_ratio_1m = `this run is ${rows} rows`;
  if (p1.settings.note) nulls.settings_edit_longest_task_ms = p1.settings.note;
  if (p1.sliderNote) nulls.slider_longest_task_ms = p1.sliderNote;
  const anchorNotes = {};
  for (const lib of ['papaparse', 'udsv']) {
    const dev = peerMBs[lib] / ANCHOR[lib] - 1;
    if (Math.abs(dev) > 0.25) {
      anchorNotes[lib] = `${peerMBs[lib].toFixed(0)} MB/s is ${(dev * 100).toFixed(0)} % off the anchors' ${ANCHOR[lib]} MB/s ` +
        `(the anchors ran in Node 20 on 107 MB; here: Chromium, ${MB.toFixed(0)} MB, decode + parse)`;
    }
  }
  const details = {
    date: new Date().toISOString(), csv, web_dir: webDir, cli,
    native, payload_files: p1.payload.files,
    payload_deferred_gzip_bytes: p1.payload.deferred_bytes, payload_deferred_files: p1.payload.deferred_files,
    payload_deferred_loaded: p1.payload.rare_loaded,
    import_runs_ms: p2.importRuns.map((r) => round(r.ms)), import_heap_bytes: Math.max(...p2.importRuns.map((r) => r.heap)),
    peers_decode_parse_ms: Object.fromEntries(Object.entries(p2.peers).map(([k, v]) => [k, v.map((r) => [round(r.decode_ms), round(r.parse_ms)])])),
    peers_parse_only_mb_s: Object.fromEntries(Object.entries(peerParseOnly).map(([k, v]) => [k, round(v)])),
    anchor_notes: anchorNotes,
    settings_edit: p1.settings.note ? { note: p1.settings.note } : { tasks_ms: p1.settings.tasks.map((t) => round(t.ms, 0)) },
    load: p1.state.load, load_100k: small ? small.page.state.load : null,
    heap_before_drop_bytes: p1.heapBeforeDrop,
    drop: { read_ms: round(f.end_ms - f.begin_ms), typing_ms: round(f.typed_ms - f.end_ms), import_ms: round(f.typed_ms - p1.drop.t0),
      analysis_ready_ms: round(p1.drop.tReady - p1.drop.t0), ledger_ms: an && round(an.ledger_ms), monitor_ms: an && round(an.monitor_ms),
      classify_ms: an && round(an.classify_ms), longest_slice_ms: an && round(an.longest_slice_ms), import_mb_s: round(MB / ((f.typed_ms - p1.drop.t0) / 1000)) },
    long_tasks_import_ms: p1.importTasks.map((t) => round(t.ms, 0)),
    long_tasks_after_import_ms: p1.laterTasks.map((t) => round(t.ms, 0)),
    heap_after_drop_bytes: p1.heapAfterDrop,
    table_frames: { ui_median: round(median(p1.tableFrames.map((x) => x.ui)), 2), frame_median: round(median(p1.tableFrames.map((x) => x.frame)), 2) },
    slider_frames: { ui_median: round(frameUi, 2), frame_median: round(median(p1.sliderFrames.map((x) => x.frame)), 2),
      frame_max: p1.sliderFrames.length ? round(Math.max(...p1.sliderFrames.map((x) => x.frame))) : null,
      longest_task_ms: p1.sliderTasks.length ? round(Math.max(...p1.sliderTasks.map((t) => t.ms)), 0) : 0 },
    // The longest main-thread task from the first press on the as-of slider, through the drag
    // across the data's span, until the last date's analysis is in (issue #7: ≤ 200 ms).
    slider_longest_task_ms: p1.sliderTasks.length ? round(Math.max(...p1.sliderTasks.map((t) => t.ms)), 0) : (p1.sliderNote ? null : 0),
    slider_settle_ms: round(p1.sliderSettleMs, 0),
    replay: an && { points: an.replay_points, days: an.replay_days, runs_ms: p1.states.map((s) => round(s.analysis.replay_weekly_ms)) },
    workbooks: Object.fromEntries(Object.entries(wbFig).map(([k, f]) => [k, {
      file: workbooks[k].name, bytes: workbooks[k].bytes, drop_ms: round(f.ours_ms), drop_read_ms: round(f.read_ms), sheetjs_ms: round(f.sheetjs_ms),
      ratio_vs_sheetjs: round(f.ratio, 2), ratio_vs_sheetjs_drop: round(f.ratio_drop, 2), import_only_ms: round(f.import_only_ms), import_only_error: f.import_only_error,
      drop_runs_ms: f.ours_runs_ms.map((x) => round(x)), sheetjs_runs_ms: f.sheetjs_runs_ms.map((x) => round(x)),
      import_only_runs_ms: f.import_only_runs_ms.map((x) => round(x)), heap_bytes: f.heap_bytes }])),
    nulls, failures,
  };
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results) + '\n');
  fs.writeFileSync(path.join(outDir, 'details.json'), JSON.stringify(details, null, 1) + '\n');

  const fmt = (v) => (v == null ? 'null' : typeof v === 'number' ? String(v) : v);
  const targets = {
    import_mb_s: '≥ 400 (goal 600)', ratio_vs_papaparse: '≥ 5 (goal 7)', ratio_vs_udsv: '≥ 3.5 (goal 5)',
    drop_to_dashboard_ms: rows >= 1000000 ? '≤ 4000' : rows <= 100000 ? '≤ 1000' : '', replay_weekly_ms: '≤ 500', frame_ms_median: '≤ 8', longest_task_ms: '≤ 200',
    peak_heap_bytes: `≤ ${Math.round(1.5 * fileBytes)} (1.5 × file)`, model_iv_ms: '≤ 1000', model_fit_ms: '≤ 2000',
    native_analyze_ms: '≤ 1000', payload_gzip_bytes: '≤ 3000000', single_file_bytes: '≤ 10000000',
    xlsx_ratio_vs_sheetjs: '≥ 3 (SheetJS ms ÷ our importer on the same bytes)', workbook_30k_import_ms: '≤ 2000',
    drop_to_dashboard_ms_100k: '≤ 1000 (goal 500)', peak_heap_ratio_100k: '≤ 3 (goal 1.5)', peak_heap_ratio_1m: '≤ 3 (goal 1.5)',
    settings_edit_longest_task_ms: '≤ 200 (goal 100)', slider_longest_task_ms: '≤ 200 (goal 100)',
    drop_work_ms: 'page work from the drop to the dashboard', drop_draw_ms: 'frames drawn meanwhile',
  };
  console.log('\n| measure | value | target |\n|---|---|---|');
  for (const [k, v] of Object.entries(results)) console.log(`| ${k} | ${fmt(v)} | ${targets[k] || ''} |`);
  console.log(`\ndrop path: read ${details.drop.read_ms} ms + typing ${details.drop.typing_ms} ms (import ${details.drop.import_mb_s} MB/s through ` +
    `the event loop), analysis ready at ${details.drop.analysis_ready_ms} ms (ledger ${details.drop.ledger_ms}, monitor ${details.drop.monitor_ms}, ` +
    `classify ${details.drop.classify_ms} ms; longest analysis slice ${details.drop.longest_slice_ms} ms); long tasks after import: ${details.long_tasks_after_import_ms.join(', ') || 'none'} ms`);
  if (details.load) {
    console.log(`drop → dashboard: page work ${round(details.load.work_ms, 0)} ms, drawing ${round(details.load.draw_ms, 0)} ms ` +
      `(${details.load.frames_drawn} frames drawn, ${details.load.frames_skipped} given to the work); the rest is the browser's ` +
      `(reading the file, compositing)` + (details.load_100k ? `; 100 k file: work ${round(details.load_100k.work_ms, 0)} ms, ` +
      `drawing ${round(details.load_100k.draw_ms, 0)} ms` : ''));
  }
  console.log(`frames: table open ui ${details.table_frames.ui_median} ms / whole frame ${details.table_frames.frame_median} ms; ` +
    `slider drag ui ${details.slider_frames.ui_median} ms / whole frame median ${details.slider_frames.frame_median} ms, max ${details.slider_frames.frame_max} ms, ` +
    `longest task ${details.slider_frames.longest_task_ms} ms`);
  console.log(`slider_longest_task_ms ${fmt(details.slider_longest_task_ms)} (target ≤ 200; drag across the span and until the last ` +
    `date's analysis is in, ${fmt(details.slider_settle_ms)} ms after release)`);
  console.log(`peers parse only (without TextDecoder): ${JSON.stringify(details.peers_parse_only_mb_s)} MB/s; heap of the import-only page ${details.import_heap_bytes}`);
  console.log(`payload: ${details.payload_files.join(' ')} before the start screen; after it (deferred): ` +
    `${details.payload_deferred_files.join(' ') || 'none'} = ${details.payload_deferred_gzip_bytes} B gzip` +
    (details.payload_deferred_loaded ? '' : ' (NOT merged by the page)'));
  for (const [k, w] of Object.entries(details.workbooks)) {
    console.log(`workbook ${k} (${w.file}, ${w.bytes} B): drop → imported table ${fmt(w.drop_ms)} ms (bytes handed over at ${fmt(w.drop_read_ms)} ms; runs ${w.drop_runs_ms.join(', ')}), ` +
      `SheetJS read + sheet_to_json ${fmt(w.sheetjs_ms)} ms (runs ${w.sheetjs_runs_ms.join(', ')}); ` +
      `importer alone ${w.import_only_error ? 'n/a (' + w.import_only_error + ')' : fmt(w.import_only_ms) + ' ms'}: ` +
      `ratio ${fmt(w.ratio_vs_sheetjs)} (drop → table: ${fmt(w.ratio_vs_sheetjs_drop)})`);
  }
  for (const [lib, note] of Object.entries(anchorNotes)) console.log(`anchor: ${lib}: ${note}`);
  for (const [k, why] of Object.entries(nulls)) console.log(`null: ${k}: ${why}`);
  console.log(`wrote ${path.join(outDir, 'results.json')} and details.json`);
  if (failures.length) {
    console.error('\nWRONG RESULTS:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log('correct: rows and checksums of the CLI, the dropped file, the page analysis and every import run');
}

main().catch((err) => { console.error(err); process.exit(1); });
