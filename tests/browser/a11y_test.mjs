// Browser checks of issue #22 §4–§6 (keyboard, screen readers, IME everywhere), called from run.mjs
// (suite `a11y`):
//  * the page shell: the canvas is role="application" with an aria-label naming the tool in the
//    page's language, <html lang> follows the UI language, and axe-core finds no violation;
//  * the live region #ol-status: after a drop it names the rows read in the exact form, in English
//    and in Chinese, each message its own child, and ui().live is the same list;
//  * a Chinese IME composition reaches a letter template through the <textarea> overlay (pinyin
//    being composed does not; Enter starts a new line there, Escape ends the editing);
//  * keyboard only: from the start screen, Tab to "Load the demo", Enter, Escape closes the guide,
//    Tab to the navigation, arrows to the overdue customers' view, Enter, arrows down to the first
//    customer, Enter opens the card; Tab to a file card, Enter picks that file;
//    the focus outline is drawn (screenshots in both themes);
//  * "Accessible report" opens the report in a new tab from a Blob, styled (the report's stylesheet
//    applies) and with no CSP violation; the single offline file allows the same stylesheet hash;
//  * when the page stops, the live region says what the error panel says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// axe-core's source, injected with page.evaluate: the page's CSP blocks an added <script>.
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// "1234567" → "1,234,567", as the page formats counts (src/app/format.cpp format_count).
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// The live region's children, in order.
const liveTexts = (page) => page.evaluate(() =>
  Array.from(document.getElementById('ol-status').children).map((c) => c.textContent));
// The live region's texts and ui().live read at one moment (a later message — "Analysis ready" —
// may come in between two separate reads).
const liveAndUi = (page) => page.evaluate(() => ({
  dom: Array.from(document.getElementById('ol-status').children).map((c) => c.textContent),
  live: window.overdueLens.ui().live,
}));

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runA11yChecks({ browser, server, repo, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const fixture = { name: '应收明细_browser.csv', path: path.join(repo, 'tests/browser/fixtures/应收明细_browser.csv') };

  const open = async (locale) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
    await context.addInitScript(cspProbe);
    const page = await context.newPage();
    watch(page, `a11y-${locale}`);
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    await page.evaluate(() => window.overdueLens.whenReady());
    await frames(page, 3);
    return { context, page };
  };

  // [SECTION] the page shell, the live region, the IME in a letter template (English) ---------------
  const en = await open('en-US');
  const { page } = en;

  await check('a11y: the canvas is role="application" named in the page language; axe-core finds no violation', async () => {
    const shell = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      role: document.getElementById('canvas').getAttribute('role'),
      label: document.getElementById('canvas').getAttribute('aria-label'),
      live: document.getElementById('ol-status').getAttribute('aria-live'),
    }));
    assert.equal(shell.lang, 'en');
    assert.equal(shell.role, 'application');
    assert.match(shell.label, /^OverdueLens: /);
    assert.equal(shell.live, 'polite');
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document);
      return { violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
               passes: r.passes.length };
    });
    console.log(`      axe-core: ${result.passes} rules passed, ${result.violations.length} violations`);
    assert.deepEqual(result.violations, []);
  });

  await check('a11y: after a drop the live region says the rows read, rejected (English), and ui().live is the same list', async () => {
    await dropFiles(page, [fixture]);
    const u = await waitUi(page, (x) => x.live.length > 0 && x.files.every((f) => f.status !== 'loading'));
    const file = (await summary(page)).files[0];
    const expected = `${fixture.name}: ${count(file.rows.accepted)} rows read, ${count(file.rows.rejected)} rejected.`;
    assert.ok(file.rows.rejected > 0, 'the fixture has a rejected row');
    assert.equal(u.live[0], expected);
    const now = await liveAndUi(page);
    assert.deepEqual(now.dom, now.live);
    assert.equal(now.live[0], expected);
    assert.equal(await page.evaluate(() => document.getElementById('ol-status').firstElementChild.lang), 'en');
  });

  await check('a11y: a Chinese IME composition reaches a letter template through the <textarea> overlay', async () => {
    await clickWidget(page, 'toolbar.export');
    await clickWidget(page, 'export.letters_edit');
    await waitUi(page, (x) => x.rects['letters.template.temporary']);
    await clickWidget(page, 'letters.template.temporary');
    await page.waitForSelector('#text-overlay-multiline.open', { state: 'visible', timeout: 5000 });
    const box = await page.locator('#text-overlay-multiline').boundingBox();
    const field = (await ui(page)).rects['letters.template.temporary'];
    assert.ok(Math.abs(box.x - field[0]) < 2 && Math.abs(box.y - field[1]) < 2 && Math.abs(box.height - field[3]) < 2,
      `overlay at ${JSON.stringify(box)}, field at ${field}`);
    const cdp = await en.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zunjing', selectionStart: 7, selectionEnd: 7 });
    await frames(page, 4);
    assert.equal((await ui(page)).letters.temporary, '', 'pinyin being composed reached the template');
    await cdp.send('Input.insertText', { text: '此致敬礼' });
    let u = await waitUi(page, (x) => x.letters.temporary.endsWith('此致敬礼'));
    assert.ok(u.letters.temporary.length > 20, 'the default template was kept in front of the typed text');
    await shot(page, 'a11y_letters_ime.png');
    // Enter starts a new line in a multiline field (the overlay stays), Escape ends the editing.
    await page.keyboard.press('Enter');
    await page.keyboard.type('X');
    u = await waitUi(page, (x) => x.letters.temporary.endsWith('此致敬礼\nX'));
    assert.ok(await page.locator('#text-overlay-multiline.open').isVisible());
    await page.keyboard.press('Escape');
    await page.waitForSelector('#text-overlay-multiline', { state: 'hidden', timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the focus went back to the canvas');
    // Escape again closes the letters window (as it closes a popup).
    await page.keyboard.press('Escape');
    await waitUi(page, (x) => !x.rects['letters.window']);
  });
  await en.context.close();

  // [SECTION] Chinese: the live region's form, the canvas label ------------------------------------------
  await check('a11y: in Chinese the canvas is named in Chinese and the live region says 读取 … 行，拒绝 … 行', async () => {
    const zh = await open('zh-CN');
    try {
      const shell = await zh.page.evaluate(() => ({ lang: document.documentElement.lang,
        label: document.getElementById('canvas').getAttribute('aria-label') }));
      assert.equal(shell.lang, 'zh-CN');
      assert.match(shell.label, /^逾期透镜：/);
      await dropFiles(zh.page, [fixture]);
      const u = await waitUi(zh.page, (x) => x.live.length > 0);
      const file = (await summary(zh.page)).files[0];
      assert.equal(u.live[0], `${fixture.name}：读取 ${count(file.rows.accepted)} 行，拒绝 ${count(file.rows.rejected)} 行。`);
      const now = await liveAndUi(zh.page);
      assert.deepEqual(now.dom, now.live);
      assert.equal(now.live[0], u.live[0]);
    } finally {
      await zh.context.close();
    }
  });

  // [SECTION] keyboard only, the analysis message, the accessible report ---------------------------------
  const kb = await open('en-US');
  const kpage = kb.page;
  // Presses `key` until ui().nav names a widget that `want` accepts (at most `limit` presses).
  const pressUntil = async (key, want, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await kpage.keyboard.press(key);
      await frames(kpage, 2);
      const u = await ui(kpage);
      if (u.nav.name && want(u.nav.name)) return u;
    }
    throw new Error(`pressing ${key} ${limit} times never reached the widget; nav = ${JSON.stringify((await ui(kpage)).nav)}`);
  };
  let presses = 0;
  const counted = (want) => (name) => { presses++; return want(name); };

  await check('a11y: keyboard only — start screen → demo → overdue customers → a customer\'s card', async () => {
    await kpage.keyboard.press('Tab');   // the browser's Tab reaches the app, not the page's focus order
    await pressUntil('Tab', counted((n) => n === 'load_demo'));
    const u0 = await ui(kpage);
    assert.equal(u0.nav.visible, true, 'the focus outline is drawn');
    await shot(kpage, 'a11y_keyboard_focus_light.png');
    await kpage.keyboard.press('Enter');
    const ready = await waitUi(kpage, (x) => x.analysis.available && !x.analysis.pending && x.tab === 'dashboard', null, 60000);
    // The guide opens with the keyboard in it: Escape closes it.
    if (ready.guide_step >= 0) {
      await kpage.keyboard.press('Escape');
      await waitUi(kpage, (x) => x.guide_step < 0);
    }
    // Tab past the group tabs to the Receivables group's views (nav.view.*), the arrow keys along
    // them to the overdue customers' view, Enter; then down to the list's first customer.
    await pressUntil('Tab', counted((n) => /^nav\.view\./.test(n)), 60);
    await pressUntil('ArrowRight', counted((n) => n === 'nav.view.overdue'), 30);
    await kpage.keyboard.press('Enter');
    await waitUi(kpage, (x) => x.tab === 'overdue');
    const list = await waitUi(kpage, (x) => x.analysis.list_first_ids.length > 0);
    await pressUntil('ArrowDown', counted((n) => n === 'overdue.row0'), 40);
    await shot(kpage, 'a11y_keyboard_list.png');
    await kpage.keyboard.press('Enter');
    const card = await waitUi(kpage, (x) => x.tab === 'customer');
    assert.equal(card.analysis.selected_customer, list.analysis.list_first_ids[0]);
    console.log(`      ${presses} key presses from the start screen to the card`);
    // A file card is picked with Enter as with a click (Escape leaves the card again).
    const before = (await ui(kpage)).selected;
    await pressUntil('Tab', (n) => n === 'file.1', 150);
    await kpage.keyboard.press('Enter');
    const picked = await waitUi(kpage, (x) => x.selected !== before);
    assert.equal(picked.selected, picked.files[1].name);
    await kpage.keyboard.press('Escape');
    await frames(kpage, 3);
  });

  await check('a11y: the live region says the analysis is ready (open, overdue, overdue customers, as the tiles show them)', async () => {
    const u = await ui(kpage);
    const a = (await summary(kpage)).analysis;
    // Money as the tiles show it (format_cents: ¥, thousands separators, two decimals).
    const money = (units) => { const [i, f] = units.toFixed(2).split('.'); return `¥${count(i)}.${f}`; };
    const t = a.totals;
    const expected = `Analysis ready: open ${money(t.open)}, overdue ${money(t.overdue)}, ${count(t.overdue_customers)} overdue customers.`;
    assert.ok(u.live.includes(expected), `${JSON.stringify(u.live)} lacks ${expected}`);
    assert.ok(u.live.length <= 5);
    assert.deepEqual(await liveTexts(kpage), u.live);
  });

  await check('a11y: the focus outline is drawn in the dark theme too', async () => {
    await clickWidget(kpage, 'toolbar.theme');
    await waitUi(kpage, (x) => x.theme === 'dark');
    await kpage.keyboard.press('Tab');
    const u = await pressUntil('Tab', () => true, 1);
    assert.equal(u.nav.visible, true);
    await shot(kpage, 'a11y_keyboard_focus_dark.png');
    await clickWidget(kpage, 'toolbar.theme');
  });

  await check('a11y: "Accessible report" opens the report in a new tab from a Blob, styled, with no CSP violation', async () => {
    await clickWidget(kpage, 'toolbar.export');
    const opening = kb.context.waitForEvent('page', { timeout: 15000 });
    await clickWidget(kpage, 'export.accessible_report');
    const report = await opening;
    const violations = [];
    report.on('console', (m) => { if (m.type() === 'error') violations.push(m.text()); });
    watch(report, 'a11y-report');
    await report.waitForLoadState('load');
    assert.match(report.url(), /^blob:/);
    const look = await report.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: getComputedStyle(document.querySelector('h1')).color,
      bodyMax: getComputedStyle(document.body).maxWidth,
      tables: document.querySelectorAll('table').length,
      sheets: Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0),
      csp: window.__cspViolations || [],
    }));
    assert.equal(look.lang, 'en');
    assert.equal(look.h1, 'rgb(47, 111, 181)', 'the report\'s stylesheet did not apply (h1 colour)');
    assert.ok(look.sheets > 10 && look.tables > 0);
    assert.deepEqual(look.csp, []);
    assert.deepEqual(violations, []);
    await report.screenshot({ path: path.join(repo, 'build/screenshots/a11y_report_tab.png') });
    console.log('      screenshot build/screenshots/a11y_report_tab.png');
    assert.ok((await ui(kpage)).live.some((t) => t === 'The report opened in a new tab.'));
    await report.close();
  });

  await check('a11y: when the page stops, the live region says what the error panel says', async () => {
    await kpage.evaluate(() => window.Module._ol_test_crash_next_frame());
    await kpage.waitForSelector('#error-panel', { state: 'visible', timeout: 10000 });
    const panel = await kpage.textContent('#error-message-en');
    const live = await liveTexts(kpage);
    assert.equal(live[live.length - 1], panel);
    assert.deepEqual((await ui(kpage)).live, live);
  });
  await kb.context.close();

  await check('a11y: the single offline file\'s CSP allows the report\'s stylesheet by the same hash as the page\'s', async () => {
    const single = process.env.OL_SINGLE_HTML || path.join(repo, 'build/single/overdue-lens.html');
    const styleHashes = (html) => {
      const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1].replace(/&#x27;|&#39;/g, "'");
      return policy.match(/style-src ([^;]*)/)[1].match(/'sha256-[A-Za-z0-9+/=]+'/g) || [];
    };
    const page = styleHashes(await (await fetch(server.origin + '/')).text());
    assert.equal(page.length, 1, 'the page allows one inline stylesheet: the report\'s');
    if (!fs.existsSync(single)) throw new Error(`missing ${single} (scripts/build.sh wasm writes it)`);
    assert.ok(styleHashes(fs.readFileSync(single, 'utf8')).includes(page[0]));
  });
}
