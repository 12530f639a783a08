// Browser checks of the fonts (issue #7, start-up payload), called from run.mjs (suite `fonts`):
//  * the start screen is usable with the start-up parts only (latin.ttf + cjk.ttf): 中 is in the
//    body font while the rare parts are still held back, and a Chinese start screen is drawn;
//  * the rare parts (latin-rare.ttf, cjk-rare.ttf) are fetched after start and merged: a customer
//    named 王䶮 (U+4DAE, CJK Extension A, only in cjk-rare.ttf) draws differently once it arrives
//    (ImGui's "?" before, the ideograph after), and nothing else on the screen changed;
//  * if the rare parts cannot be fetched, the page keeps working: a console warning, no error
//    panel, no console error, a dropped file still loads;
//  * the single offline file (OL_SINGLE_HTML, default build/single/overdue-lens.html) merges its
//    embedded rare parts after start too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RARE = ['latin-rare.ttf', 'cjk-rare.ttf'];

// A small receivables file whose first customer is written with an Extension A ideograph.
function rareNameCsv() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-fonts-'));
  const file = path.join(dir, '稀有字客户.csv');
  fs.writeFileSync(file, '客户名称,发票号,开票日期,到期日,金额\n' +
    '王䶮,FP-001,2024-01-05,2024-02-04,1200.00\n' +
    '李明,FP-002,2024-01-08,2024-02-07,860.50\n');
  return file;
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runFontsChecks({ browser, server, repo, h }) {
  const { check, ui, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const csv = rareNameCsv();
  const fonts = async (page) => (await ui(page)).fonts;
  const canvasShot = (page) => page.locator('#canvas').screenshot();

  // [SECTION] start-up parts only, then the rare parts released -------------------------------------
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'fonts');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // The rare parts are held back until released: the page must be usable without them.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const rareRequests = [];
  await page.route(/\/fonts\/[^/]+-rare\.ttf$/, async (route) => {
    rareRequests.push({ url: route.request().url(), ready: await page.evaluate(() => window.overdueLens.ready) });
    await released;
    await route.continue();
  });

  await check('fonts: the start screen is usable with latin.ttf + cjk.ttf only (中 present, 䶮 not yet)', async () => {
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    await page.evaluate(() => window.overdueLens.whenReady());
    await frames(page, 5);
    const f = await fonts(page);
    assert.deepEqual(f, { rare_loaded: false, has_glyph_4DAE: false, has_glyph_4E2D: true });
    assert.equal((await ui(page)).language, 'zh');
    await shot(page, 'fonts_start_zh.png');
  });

  await check('fonts: the rare parts are asked for only after the app is ready', async () => {
    for (let i = 0; i < 100 && rareRequests.length < RARE.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(rareRequests.map((r) => path.basename(new URL(r.url).pathname)).sort(), [...RARE].sort());
    assert.ok(rareRequests.every((r) => r.ready), JSON.stringify(rareRequests));
  });

  let before = null;
  await check('fonts: a customer named 王䶮 is shown while the rare part is missing', async () => {
    await dropFiles(page, [{ name: path.basename(csv), path: csv }]);
    await page.waitForFunction(() => window.overdueLens.summary().files.length === 1 && !window.overdueLens.busy(),
      null, { timeout: 60000 });
    await clickWidget(page, 'file.0');
    await openView(page, 'data');
    await waitUi(page, (u) => u.tab === 'data' && u.visible_rows === 2);
    await page.mouse.move(5, 795);  // nothing hovered
    await frames(page, 10);
    before = await canvasShot(page);
    await frames(page, 10);
    // The same state draws the same pixels (so a change later is the font's doing).
    assert.ok(before.equals(await canvasShot(page)), 'the screen changes by itself');
    await shot(page, 'fonts_rare_missing_zh.png');
    assert.equal((await fonts(page)).has_glyph_4DAE, false);
  });

  await check('fonts: once the rare parts arrive they are merged and 䶮 is drawn (the screen changes)', async () => {
    release();
    await waitUi(page, (u) => u.fonts.rare_loaded, null, 30000);
    assert.deepEqual(await fonts(page), { rare_loaded: true, has_glyph_4DAE: true, has_glyph_4E2D: true });
    await frames(page, 10);
    const after = await canvasShot(page);
    assert.ok(!after.equals(before), 'the table looks the same after the rare font was merged');
    await shot(page, 'fonts_rare_loaded_zh.png');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.ok(!warnings.some((w) => /font/i.test(w)), warnings.join('\n'));
    assert.equal(await page.isHidden('#error-panel'), true);
  });
  await context.close();

  // [SECTION] the rare parts cannot be fetched ---------------------------------------------------------
  const failing = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await failing.addInitScript(cspProbe);
  const page2 = await failing.newPage();
  // Not h.watch: Chromium itself logs the refused requests as console errors ("Failed to load
  // resource"); any other console error or page error is a failure.
  const warnings2 = [];
  const errors2 = [];
  page2.on('console', (m) => {
    if (m.type() === 'warning') warnings2.push(m.text());
    const refused = /^Failed to load resource/.test(m.text()) && /-rare\.ttf$/.test(m.location().url || '');
    if (m.type() === 'error' && !refused) errors2.push(m.text());
  });
  page2.on('pageerror', (e) => errors2.push(e.message));
  await page2.route(/\/fonts\/[^/]+-rare\.ttf$/, (route) => route.abort('failed'));
  await check('fonts: without the rare parts the page keeps working (a warning, no error panel)', async () => {
    await page2.goto(server.origin + '/', { waitUntil: 'load' });
    await page2.evaluate(() => window.overdueLens.whenReady());
    for (let i = 0; i < 200 && warnings2.filter((w) => /font/.test(w)).length < RARE.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const name of RARE) assert.ok(warnings2.some((w) => w.includes(name)), `no warning for ${name}: ${warnings2.join('\n')}`);
    assert.deepEqual((await ui(page2)).fonts, { rare_loaded: false, has_glyph_4DAE: false, has_glyph_4E2D: true });
    assert.equal(await page2.isHidden('#error-panel'), true);
    await dropFiles(page2, [{ name: path.basename(csv), path: csv }]);
    await page2.waitForFunction(() => window.overdueLens.summary().files.length === 1 && !window.overdueLens.busy(),
      null, { timeout: 60000 });
    const s = await page2.evaluate(() => window.overdueLens.summary());
    assert.equal(s.files[0].rows.accepted, 2);
    assert.deepEqual(await page2.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(errors2, []);
  });
  await failing.close();

  // [SECTION] the single offline file --------------------------------------------------------------------
  const single = process.env.OL_SINGLE_HTML || path.join(repo, 'build/single/overdue-lens.html');
  await check('fonts: the single offline file merges its embedded rare parts after start', async () => {
    assert.ok(fs.existsSync(single), `missing ${single}`);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await ctx.addInitScript(cspProbe);
    const p = await ctx.newPage();
    watch(p, 'fonts-single');
    await p.goto(pathToFileURL(single).href);
    await p.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });
    assert.equal((await ui(p)).fonts.has_glyph_4E2D, true);
    await waitUi(p, (u) => u.fonts.rare_loaded, null, 30000);
    assert.deepEqual((await ui(p)).fonts, { rare_loaded: true, has_glyph_4DAE: true, has_glyph_4E2D: true });
    assert.deepEqual(await p.evaluate(() => window.__cspViolations), []);
    await ctx.close();
  });
}
