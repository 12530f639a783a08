// The workbook part of the benchmark (issue #18), run by bench.mjs in its Chromium session: each
// workbook of make_bench_workbooks.py on a fresh page,
//   ours:    dropped on the canvas as a user drops it, timed from the drop to the imported table
//            (the file's typed_ms in ol_bench_state, the same end point as the CSV drop), warm
//            median; then the importer alone on the same bytes (ol_bench_import_*, as the CSV
//            import-only run) when it reads workbooks;
//   SheetJS: xlsx 0.18.5 (xlsx.full.min.js, served by the test's own server) on the same bytes in
//            the same page, with the call shape: XLSX.read(bytes, {type: 'array',
//            dense: true}) then XLSX.utils.sheet_to_json(sheet, {header: 1, raw: true}).
// Every run of both is checked against the workbook's .expected.json (rows, and column sums).
// Alone, while working on the reader (the page of OL_WEB_DIR, its own server and Chromium):
//   node tests/bench/workbook_bench.mjs WORKBOOK_DIR     (the folder make_bench_workbooks.py wrote)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const WORKBOOKS = {
  uci: 'uci_credit_card.xlsx',   // results: xlsx_import_ms, xlsx_import_only_ms, xlsx_sheetjs_ms, xlsx_ratio_vs_sheetjs
  ledger: 'ledger_30k.xlsx',     // results: workbook_30k_import_ms
};
const RUNS = 3;  // timed runs after one warm-up, for each reader

// The served folder's part: bench/<workbook> and bench/xlsx.full.min.js.
export function serveWorkbooks(dir, workbookDir, requireBrowser) {
  const sheetjs = path.join(path.dirname(requireBrowser.resolve('xlsx/package.json')), 'dist/xlsx.full.min.js');
  fs.symlinkSync(sheetjs, path.join(dir, 'bench', 'xlsx.full.min.js'));
  const found = {};
  for (const [key, name] of Object.entries(WORKBOOKS)) {
    const file = path.join(workbookDir, name);
    if (!fs.existsSync(file) || !fs.existsSync(file + '.expected.json')) continue;
    fs.symlinkSync(path.resolve(file), path.join(dir, 'bench', name));
    found[key] = { name, bytes: fs.statSync(file).size, expected: JSON.parse(fs.readFileSync(file + '.expected.json', 'utf8')) };
  }
  return found;
}

async function dropAndWait(page, name) {
  return page.evaluate((fileName) => new Promise((resolve) => {
    const M = window.Module;
    const state = () => JSON.parse(M.UTF8ToString(M._ol_bench_state()));
    const index = state().files.length;
    const dt = new DataTransfer();
    dt.items.add(new File([window.__wbBytes], fileName));
    if (window.gc) window.gc();
    const t0 = performance.now();
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    const poll = () => {
      if (performance.now() - t0 > 300000) {  // never wait for ever: a wrong answer, not a hang
        resolve({ ms: null, file: { error: 'not imported 300 s after the drop' }, heap: 0 });
        return;
      }
      if (!window.overdueLens.busy()) {
        const f = state().files[index];
        if (f && (f.typed_ms > 0 || 'error' in f || f.done)) {
          // read: drop → the last byte handed over; then the sheet read and typed across frames.
          resolve({ ms: f.typed_ms > 0 ? f.typed_ms - t0 : null, read_ms: f.end_ms > 0 ? f.end_ms - t0 : null,
            file: f, heap: M.HEAP8.buffer.byteLength });
          return;
        }
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }), name);
}

async function importOnly(page) {
  return page.evaluate(() => {
    const M = window.Module;
    const bytes = window.__wbBytes;
    const SLICE = 1 << 20;
    if (window.gc) window.gc();
    const ptr = M._malloc(SLICE);
    const t0 = performance.now();
    M._ol_bench_import_begin();
    for (let off = 0; off < bytes.length; off += SLICE) {
      const piece = bytes.subarray(off, Math.min(bytes.length, off + SLICE));
      M.HEAPU8.set(piece, ptr);
      M._ol_bench_import_chunk(ptr, piece.length);
    }
    const text = M.UTF8ToString(M._ol_bench_import_finish());
    const ms = performance.now() - t0;
    M._free(ptr);
    return { ms, result: JSON.parse(text) };
  });
}

// SheetJS on the same bytes; rows counted and two columns summed (the checks), after the clock.
async function sheetjs(page, sumColumns) {
  return page.evaluate((columns) => {
    if (window.gc) window.gc();
    const t0 = performance.now();
    const wb = window.XLSX.read(window.__wbBytes, { type: 'array', dense: true });
    const rows = window.XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true });
    const ms = performance.now() - t0;
    const sums = columns.map((c) => {
      let s = 0;
      for (let i = 1; i < rows.length; i++) s += Math.round((rows[i][c.index] || 0) * c.scale);
      return s;
    });
    return { ms, rows: rows.length, width: rows.length ? rows[0].length : 0, sums };
  }, sumColumns);
}

// One fresh page per workbook: our drop runs, our import-only runs, then SheetJS's.
export async function workbookPage(browser, server, wb, check) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`${wb.name}: page error: ${e.message}`));
  page.on('crash', () => problems.push(`${wb.name}: page crashed`));
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  await page.evaluate(async (url) => {
    window.__wbBytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  }, '/bench/' + wb.name);
  const e = wb.expected;
  const ours = [];
  for (let it = 0; it < RUNS + 1; it++) {
    const r = await dropAndWait(page, wb.name);
    ours.push(r);
    const f = r.file;
    const tag = `${wb.name} drop run ${it}`;
    if (!check(`${tag}: error`, f.error || '', '')) break;  // a refused workbook: no point in more runs
    check(`${tag}: rows accepted`, f.rows_accepted, e.rows);
    check(`${tag}: columns`, (f.types || []).length, e.columns);
    if (e.sum_amount_cents != null) {
      check(`${tag}: Σ amount (cents, typed column)`, f.amount_cents, e.sum_amount_cents);
      check(`${tag}: Σ outstanding (cents, typed columns)`, f.outstanding_cents, e.outstanding_cents);
    }
  }
  // The importer alone, when it reads workbooks (its result says so); not a checked figure.
  const only = [];
  for (let it = 0; it < RUNS + 1; it++) {
    const r = await importOnly(page);
    if (r.result.error) { only.push({ ms: null, error: r.result.error }); break; }
    only.push({ ms: r.ms, rows: r.result.rows_accepted });
  }
  await page.addScriptTag({ url: '/bench/xlsx.full.min.js' });
  const columns = e.sum_amount_cents != null
    ? [{ index: 5, scale: 100, want: e.sum_amount_cents }]
    : [{ index: e.limit_column, scale: 1, want: e.sum_limit_bal }, { index: e.target_column, scale: 1, want: e.sum_target }];
  const peer = [];
  for (let it = 0; it < RUNS + 1; it++) {
    const r = await sheetjs(page, columns);
    peer.push(r);
    check(`${wb.name} SheetJS run ${it}: rows (with the header)`, r.rows, e.rows + 1);
    columns.forEach((c, i) => check(`${wb.name} SheetJS run ${it}: Σ column ${c.index}`, r.sums[i], c.want));
  }
  await page.context().close();
  return { ours, only, peer, problems };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const warmMedian = (runs) => (runs.length > 1 ? median(runs.slice(1).map((r) => r.ms)) : null);

// The figures of one workbook's page: warm medians (the first run of each is the warm-up).
export function workbookFigures(p) {
  const ours = warmMedian(p.ours);
  const sheetjsMs = warmMedian(p.peer);
  const only = warmMedian(p.only);
  // The ratio compares like with like, as the CSV's ratio to PapaParse does: SheetJS called on the
  // bytes against our importer called on the same bytes (bytes → typed table, no frames drawn in
  // between). The drop → table time (frames drawn while it reads) is reported beside it.
  return {
    ours_ms: ours, sheetjs_ms: sheetjsMs, ratio: only && sheetjsMs ? sheetjsMs / only : null,
    ratio_drop: ours && sheetjsMs ? sheetjsMs / ours : null,
    import_only_ms: only,
    read_ms: p.ours.length > 1 ? median(p.ours.slice(1).map((r) => r.read_ms)) : null,
    ours_runs_ms: p.ours.map((r) => r.ms), sheetjs_runs_ms: p.peer.map((r) => r.ms),
    import_only_runs_ms: p.only.map((r) => r.ms), import_only_error: (p.only.find((r) => r.error) || {}).error || null,
    heap_bytes: Math.max(0, ...p.ours.map((r) => r.heap || 0)), error: (p.ours[0] && p.ours[0].file.error) || null,
  };
}

// [SECTION] alone ------------------------------------------------------------------------------------
async function runAlone(workbookDir) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const requireBrowser = createRequire(path.join(repo, 'tests/browser/package.json'));
  const { chromium } = requireBrowser('playwright-core');
  const { startStaticServer } = await import(path.join(repo, 'tests/browser/static_server.mjs'));
  const webDir = path.resolve(process.env.OL_WEB_DIR || path.join(repo, 'build/wasm/web'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-workbook-bench-'));
  fs.mkdirSync(path.join(dir, 'bench'));
  for (const name of fs.readdirSync(webDir)) fs.symlinkSync(path.join(webDir, name), path.join(dir, name));
  const found = serveWorkbooks(dir, workbookDir, requireBrowser);
  const failures = [];
  const check = (what, got, want) => { if (got !== want) failures.push(`${what}: got ${got}, expected ${want}`); return got === want; };
  const server = await startStaticServer(dir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--js-flags=--expose-gc'] });
  try {
    for (const [key, wb] of Object.entries(found)) {
      const f = workbookFigures(await workbookPage(browser, server, wb, check));
      console.log(`${key}: ${JSON.stringify(f)}`);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error('WRONG RESULTS:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node tests/bench/workbook_bench.mjs WORKBOOK_DIR');
    process.exit(2);
  }
  runAlone(path.resolve(process.argv[2])).catch((err) => { console.error(err); process.exit(1); });
}
