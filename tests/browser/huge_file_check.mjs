#!/usr/bin/env node
// Outside CI (too slow and too big for it): a huge file dropped on the page (issue #8, "a 2 GB file
// is read in chunks or refused with a clear message, never a crashed tab"; issue #7, "a 1 GB file
// loads or is refused before memory runs out"). Writes a ledger of about SIZE_MB (the generator's
// rows repeated with fresh invoice ids) to a temporary file, gives it to the page's file input,
// and reports what happened: loaded (rows, time, wasm heap) or refused/failed (the message),
// and whether the tab survived.
//
// usage: node tests/browser/huge_file_check.mjs SIZE_MB [SIZE_MB ...]   (after scripts/build.sh wasm)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const webDir = process.env.OL_WEB_DIR || path.join(repo, 'build/wasm/web');

function writeLedger(file, megabytes) {
  const header = 'customer_id,customer_name,invoice_id,invoice_date,due_date,amount,paid_date,paid_amount\n';
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, header);
  let written = header.length;
  let n = 0;
  const target = megabytes * 1048576;
  while (written < target) {
    let block = '';
    for (let i = 0; i < 20000; i++, n++) {
      const c = n % 5000;
      const m = 1 + (n % 12);
      block += `C${c},客户${c}有限公司,INV${n},2025-${String(m).padStart(2, '0')}-05,2025-${String(m).padStart(2, '0')}-28,` +
        `${(n % 9973) + 100}.50,${n % 3 ? `2025-${String(m).padStart(2, '0')}-27` : ''},${n % 3 ? `${(n % 9973) + 100}.50` : ''}\n`;
    }
    fs.writeSync(fd, block);
    written += Buffer.byteLength(block);
  }
  fs.closeSync(fd);
  return { bytes: fs.statSync(file).size, rows: n };
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  if (sizes.length === 0) {
    console.error('usage: node tests/browser/huge_file_check.mjs SIZE_MB [SIZE_MB ...]');
    process.exit(2);
  }
  const server = await startStaticServer(webDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-huge-'));
  try {
    for (const mb of sizes) {
      const file = path.join(dir, `huge_${mb}mb.csv`);
      const { bytes, rows } = writeLedger(file, mb);
      const page = await browser.newPage();
      let crashed = false;
      page.on('crash', () => { crashed = true; });
      await page.goto(server.origin + '/');
      await page.evaluate(() => window.overdueLens.whenReady());
      const t0 = Date.now();
      await page.setInputFiles('#file-input', file);
      let outcome;
      for (;;) {
        if (crashed) { outcome = { crashed: true }; break; }
        const state = await page.evaluate(() => {
          const s = window.overdueLens.summary();
          const f = s.files[0];
          const panel = document.getElementById('error-panel');
          return {
            busy: window.overdueLens.busy(), file: f ? { error: f.error || '', rows: f.rows || null } : null,
            errorPanel: panel && !panel.hidden ? panel.textContent.replace(/\s+/g, ' ').trim() : '',
            heapMB: Math.round(window.Module.HEAPU8.length / 1048576),
          };
        }).catch((e) => ({ evaluateFailed: String(e) }));
        if (state.evaluateFailed || state.errorPanel || (state.file && !state.busy)) { outcome = state; break; }
        if (Date.now() - t0 > 30 * 60000) { outcome = { timedOut: true, ...state }; break; }
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(JSON.stringify({ size_mb: Math.round(bytes / 1048576), rows_written: rows,
        seconds: (Date.now() - t0) / 1000, ...outcome }));
      await page.close().catch(() => {});
      fs.rmSync(file);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
