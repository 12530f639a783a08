// The page on every screen (issue #22 §1-3): one browser page whose size and device pixel ratio are
// changed through CDP (Emulation.setDeviceMetricsOverride) — a phone 390×844 at dpr 3 (touch), a
// tablet 768×1024 at dpr 2 (touch), 1280×800 and 2560×1440 at dpr 1 — each in English and Chinese,
// and 360×640 (dpr 2) and 1440×900 with the dashboard in English:
// the layout class follows the width; every toolbar and navigation rectangle lies inside the
// viewport, none overlaps another, no label is cut (ui().cut: text wider than its widget); KPI
// tiles and charts stay inside the width. On the phone: a finger drag scrolls the overdue list and
// clicks nothing, a tap opens a customer, a long press shows a KPI tile's tooltip; the text size L is chosen from the menu, remembered with
// the settings, and still nothing is cut. Screenshots at each size: build/screenshots/responsive_*.png.
import assert from 'node:assert/strict';
import path from 'node:path';

// The four sizes with the dashboard and the overdue list in both languages, plus the
// smallest phone width and the 1440 px desktop where labels used to be cut (dashboard, English).
const BOTH = { en: ['dashboard', 'overdue'], zh: ['overdue'] };
const SIZES = [
  { name: 'phone', width: 390, height: 844, dpr: 3, touch: true, layout: 'narrow', views: BOTH },
  { name: 'small_phone', width: 360, height: 640, dpr: 2, touch: true, layout: 'narrow', views: { en: ['dashboard'], zh: [] } },
  { name: 'tablet', width: 768, height: 1024, dpr: 2, touch: true, layout: 'medium', views: BOTH },
  { name: 'desktop', width: 1280, height: 800, dpr: 1, touch: false, layout: 'wide', views: BOTH },
  { name: 'desktop_1440', width: 1440, height: 900, dpr: 1, touch: false, layout: 'wide', views: { en: ['dashboard'], zh: [] } },
  { name: 'wide', width: 2560, height: 1440, dpr: 1, touch: false, layout: 'wide', views: BOTH },
];

// Toolbar and navigation rectangles: inside the viewport, none overlapping (1 px of shared edge allowed).
export function layoutProblems(u, width, height) {
  const problems = [];
  const names = Object.keys(u.rects).filter((n) => n.startsWith('toolbar.') || n.startsWith('nav.'));
  for (const n of names) {
    const [x, y, w, h] = u.rects[n];
    if (x < -0.5 || y < -0.5 || x + w > width + 0.5 || y + h > height + 0.5) problems.push(`${n} outside ${width}×${height}: ${[x, y, w, h].map(Math.round)}`);
  }
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = u.rects[names[i]], b = u.rects[names[j]];
      const ox = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
      const oy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
      if (ox > 1 && oy > 1) problems.push(`${names[i]} overlaps ${names[j]}`);
    }
  }
  for (const n of u.cut) problems.push(`label cut: ${n}`);
  return problems;
}

export async function runResponsiveChecks({ browser, server, repo, h }) {
  const { check, ui, frames, clickWidget, openView, waitUi, shot, watch, cspProbe } = h;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', hasTouch: true });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'responsive');
  const cdp = await context.newCDPSession(page);
  const resize = async (s) => {
    // Playwright's own resize sets dpr 1: the CDP override comes after it.
    await page.setViewportSize({ width: s.width, height: s.height });
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: s.width, height: s.height, deviceScaleFactor: s.dpr, mobile: s.touch });
    await waitUi(page, (x, want) => x.dpr === want.dpr && x.width_class === want.layout, s).catch(async (e) => {
      const u = await ui(page);
      throw new Error(`resize to ${s.name}: dpr ${u.dpr}, ${u.width_class}, ${await page.evaluate(() => [innerWidth, devicePixelRatio])}`);
    });
    await frames(page, 4);
  };
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());

  await check('responsive: the demo at four sizes in en and zh — layout class, toolbar and navigation inside, not overlapping, no label cut', async () => {
    await clickWidget(page, 'load_demo');
    await waitUi(page, (x) => x.guide_step === 0 && x.tab === 'dashboard' && x.rects['guide.next'], null, 120000);
    for (let k = 0; k < 5; k++) await clickWidget(page, 'guide.next');   // through the walkthrough to "Done"
    await waitUi(page, (x) => x.guide_step === -1);
    for (const s of SIZES) {
      await resize(s);
      for (const lang of ['en', 'zh']) {
        if (s.views[lang].length === 0) continue;
        let u = await ui(page);
        if (u.language !== lang) {
          if (u.rects['toolbar.menu']) await clickWidget(page, 'toolbar.menu');
          await clickWidget(page, 'toolbar.language');
          u = await waitUi(page, (x, l) => x.language === l, lang);
        }
        // Few views per size: software-rendered frames at 2560 px or dpr 3 are slow (CI time).
        for (const view of s.views[lang]) {
          await openView(page, view);
          await frames(page, 2);
          u = await ui(page);
          assert.equal(u.width_class, s.layout, `${s.name}: layout class`);
          assert.deepEqual(layoutProblems(u, s.width, s.height), [], `${s.name} ${lang} ${view}`);
          // No horizontal scrollbar under the whole view (tables scroll inside themselves).
          const wide = Object.keys(u.rects).filter((n) => u.rects[n][0] + u.rects[n][2] > s.width + 0.5);
          assert.ok(u.view_overflow_x <= 1, `${s.name} ${lang} ${view}: a scrollbar under the view, ${u.view_overflow_x} px of sideways scroll (${wide.join(', ')})`);
          if (s.layout === 'narrow') assert.ok(u.rects['nav.list'] && u.rects['toolbar.menu'] && !u.rects['toolbar.language'], 'phone: a list of views and the compact toolbar');
          else assert.ok(u.rects['nav.group.receivables'] && u.rects['toolbar.language'], 'group tabs and the full toolbar');
          if (s.layout === 'wide') assert.ok(!u.rects['nav.files'], 'wide: the files column, no drawer');
          else assert.ok(u.rects['nav.files'], 'the files drawer\'s toggle');
          if (view === 'dashboard') {
            // KPI tiles wrap and charts fit: nothing wider than the page.
            const content = Object.keys(u.rects).filter((n) => n.startsWith('kpi.') || n.startsWith('chart.'));
            assert.ok(content.length >= 8, 'the KPI tiles and charts are drawn');
            for (const n of content) assert.ok(u.rects[n][0] >= 0 && u.rects[n][0] + u.rects[n][2] <= s.width + 0.5, `${n} inside the width at ${s.name}`);
          }
          if (view === 'dashboard' && lang === 'en') await shot(page, `responsive_${s.name}_dashboard_en.png`);
          // The README's pair (docs/screenshot.png, docs/screenshot_phone.png): in CSS pixels.
          if (view === 'dashboard' && lang === 'en' && (s.name === 'phone' || s.name === 'desktop'))
            await page.screenshot({ path: path.join(repo, 'build/screenshots', `readme_${s.name}.png`), scale: 'css' });
          if (view === 'overdue' && lang === 'zh') await shot(page, `responsive_${s.name}_overdue_zh.png`);
        }
      }
    }
  });

  await check('responsive: on a phone a finger drag scrolls the overdue list and clicks nothing; a tap opens a customer', async () => {
    await resize(SIZES[0]);
    let u = await openView(page, 'overdue');
    u = await waitUi(page, (x) => x.rects['overdue.row0'] && x.rects['overdue.row2']);
    const before = u.touch_drag.drags;
    const r0 = u.rects['overdue.row0'];
    const x = r0[0] + 40, y = r0[1] + 160;   // inside the list (at least 200 CSS px tall)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await frames(page, 1);   // moving before the long-press time (0.5 s; software-rendered frames are slow)
    for (let k = 1; k <= 10; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - k * 15 }] });
      await frames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 4);
    u = await ui(page);
    assert.equal(u.touch, true);
    assert.equal(u.touch_drag.drags, before + 1, JSON.stringify(u.touch_drag));
    assert.match(u.touch_drag.window, /overdue_list/);
    assert.ok(u.touch_drag.scroll_y > 100, `scrolled ${u.touch_drag.scroll_y} CSS px for a 150 px drag`);
    assert.equal(u.tab, 'overdue', 'the drag opened nothing');
    assert.ok(u.touch_drag.window_scroll_y > 100, `the list is scrolled: ${JSON.stringify(u.touch_drag)}`);
    await shot(page, 'responsive_phone_overdue_dragged.png');
    // A tap on a row opens that customer's card.
    await page.touchscreen.tap(x, y);   // whichever row is there now
    u = await waitUi(page, (x) => x.tab === 'customer');
    assert.notEqual(u.analysis.selected_customer, null);
    await shot(page, 'responsive_phone_customer_en.png');
  });

  await check('responsive: on a phone a long press on a KPI tile shows its tooltip and clicks nothing', async () => {
    let u = await openView(page, 'dashboard');
    u = await waitUi(page, (x) => x.rects['kpi.overdue'] && !x.tooltip);
    const r = u.rects['kpi.overdue'];
    const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    const t0 = Date.now();
    while (Date.now() - t0 < 900) await frames(page, 1);   // held still past the long-press time (0.5 s)
    u = await waitUi(page, (x) => x.tooltip, null, 10000);
    await shot(page, 'responsive_phone_long_press.png');
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 4);
    u = await ui(page);
    assert.equal(u.tab, 'dashboard', 'the long press opened nothing');
  });

  await check('responsive: on a phone a tap on the customer search opens the text overlay focused inside the touch (the phone\'s keyboard); Chinese typed there filters the list', async () => {
    let u = await openView(page, 'overdue');
    u = await waitUi(page, (x) => x.rects['overdue.search']);
    const r = u.rects['overdue.search'];
    const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
    const before = await page.evaluate(() => window.overdueLens.overlayGestureFocuses());
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-overlay', null, { timeout: 10000 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    assert.equal(await page.evaluate(() => window.overdueLens.overlayGestureFocuses()), before + 1, 'focused again inside the touch end');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text-overlay', 'the overlay keeps the focus');
    await page.keyboard.insertText('北京');
    u = await waitUi(page, (x) => x.analysis.search === '北京');
    assert.ok(u.analysis.list_rows < 120, `the list is filtered (${u.analysis.list_rows} rows)`);
    await shot(page, 'responsive_phone_search_zh.png');
    await page.keyboard.press('Escape');
    await frames(page, 3);
  });

  await check('responsive: text size L from the phone\'s menu — remembered with the settings, nothing cut; back to S', async () => {
    await clickWidget(page, 'toolbar.menu');
    await clickWidget(page, 'toolbar.text_size.l');
    let u = await waitUi(page, (x) => x.text_size === 'l');
    await frames(page, 40);   // settings are remembered twice a second
    const saved = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
    assert.match(saved, /"text_size": "l"/);
    u = await openView(page, 'dashboard');
    await frames(page, 3);
    u = await ui(page);
    assert.deepEqual(layoutProblems(u, 390, 844), []);
    await shot(page, 'responsive_phone_dashboard_en_text_l.png');
    await clickWidget(page, 'toolbar.menu');
    await clickWidget(page, 'toolbar.text_size.s');
    await waitUi(page, (x) => x.text_size === 's');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  });
  await context.close();
}
