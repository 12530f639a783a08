// Browser checks of the classification pages (issue #4, "The page"), called from run.mjs: load
// tests/data/ledger/generated_1000.csv (the contact-log fixture tests/data/classify/contacts_zh.csv
// names other customers, so the ledger alone), then
//  * summary().analysis deep-equals `overdue-lens analyze FILE --as-of D` (types, rule traces, …);
//  * the overdue list opens sorted by the CLI's priority;
//  * for each type present, the type filter + a click on the list's first row open a card whose
//    displayed type and rule rows (id, state, value text) match the CLI's JSON for that customer;
//  * a point of the risk matrix is hovered (tooltip names the customer) and clicked (opens its card);
//  * a threshold typed into the teaching panel reclassifies like `analyze --set classify.KEY=V`;
//    "reset to defaults" restores the CLI's default analysis;
//  * the what-if sandbox: removing the customer's payments changes the scenario, reset restores it;
//  * screenshots of the types view with the risk matrix, a customer card and the teaching panel in
//    English and Chinese.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsvRecords } from './csv_records.mjs';

function cliAnalyze(cliPath, files, args) {
  const stdout = execFileSync(cliPath, ['analyze', ...files, ...args],
    { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(stdout);
}

// The CLI's "held" (true / false / null) as the page's rule state.
const stateOf = (reason) => (reason.held === null ? 'not_evaluated' : reason.held ? 'held' : 'missed');

// How the card must write a rule's value (classify_text.cpp): shares "67 %", days "852 d",
// factors "×1.09", counts "2", thousands separated; "—" when not evaluated.
const SHARE = new Set(['R2_chronic_lateness', 'R4_keeps_paying_partially', 'T1_good_record']);
const DAYS = new Set(['S1_no_payment', 'S2_deep_dpd_not_paying', 'T3_recent_or_paying']);
const grouped = (n) => n.toLocaleString('en-US');
function expectedValueText(reason, lang) {
  if (reason.held === null) return '—';
  const v = reason.value;
  if (SHARE.has(reason.rule)) return lang === 'zh' ? `${Math.round(v * 100)}%` : `${Math.round(v * 100)} %`;   // as the report writes it
  if (DAYS.has(reason.rule)) return lang === 'zh' ? `${grouped(Math.round(v))} 天` : `${grouped(Math.round(v))} d`;
  if (reason.rule === 'R3_rising_balance') return `×${v.toFixed(2)}`;
  return grouped(Math.round(v));
}

// The card's rule rows against the CLI's reasons for that customer.
function assertCardMatches(card, cliCustomer, lang = 'en') {
  assert.equal(card.customer, cliCustomer.id);
  assert.equal(card.type, cliCustomer.type);
  assert.equal(card.low_confidence, cliCustomer.low_confidence);
  assert.deepEqual(card.rules.map((r) => r.id), cliCustomer.reasons.map((r) => r.rule));
  for (const [i, reason] of cliCustomer.reasons.entries()) {
    const row = card.rules[i];
    assert.equal(row.state, stateOf(reason), `${reason.rule} state`);
    assert.ok(Math.abs(row.value - reason.value) < 5e-4, `${reason.rule} value ${row.value} vs CLI ${reason.value}`);
    assert.ok(Math.abs(row.threshold - reason.threshold) < 5e-4, `${reason.rule} threshold`);
    assert.equal(row.value_text, expectedValueText(reason, lang), `${reason.rule} value text`);
  }
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe, problems }
export async function runClassifyChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, openView, dropFiles, waitUi, shot } = h;
  const generated = path.join(repo, 'tests/data/ledger/generated_1000.csv');
  if (!fs.existsSync(generated)) {
    await check('classification pages: tests/data/ledger/generated_1000.csv exists', async () => assert.fail('missing fixture'));
    return;
  }
  const asOf = '2024-12-31';
  const expected = cliAnalyze(cliPath, [generated], ['--as-of', asOf]);
  const byId = (doc) => Object.fromEntries(doc.customers.map((c) => [c.id, c]));

  const settle = async (page, pred) => {
    const until = Date.now() + 60000;
    for (;;) {
      const u = await ui(page);
      if (u.analysis && !u.analysis.pending && !(await page.evaluate(() => window.overdueLens.busy()))) {
        const s = await summary(page);
        if (pred(s, u)) return s;
      }
      if (Date.now() > until) throw new Error('analysis did not settle');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const clickAt = async (page, x, y) => {
    await page.mouse.move(x, y);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    await frames(page, 3);
  };
  // Scrolls the page's work area until the named widget is inside the viewport.
  const scrollTo = async (page, name) => {
    const vh = page.viewportSize().height;
    for (let k = 0; k < 30; k++) {
      const r = (await ui(page)).rects[name];
      assert.ok(r, `widget "${name}" was never drawn`);
      if (r[1] >= 60 && r[1] + r[3] <= vh - 10) return;
      await page.mouse.move(page.viewportSize().width * 0.6, vh * 0.5);
      await page.mouse.wheel(0, r[1] > vh / 2 ? 240 : -240);
      await frames(page, 4);
    }
    throw new Error(`could not scroll "${name}" into view`);
  };
  const clickRowStart = async (page, name) => {
    const r = (await ui(page)).rects[name];
    assert.ok(r, `widget "${name}" is not on screen`);
    await clickAt(page, r[0] + Math.min(40, r[2] / 2), r[1] + r[3] / 2);
  };
  const openPage = async (context, label) => {
    await context.addInitScript(h.cspProbe);
    const page = await context.newPage();
    h.watch(page, label);
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => window.overdueLens && window.overdueLens.ready, null, { timeout: 60000 });
    await dropFiles(page, [{ name: path.basename(generated), path: generated }]);
    await page.waitForFunction(() => window.overdueLens.ready && !window.overdueLens.busy() &&
      window.overdueLens.summary().files.length === 1, null, { timeout: 120000, polling: 100 });
    await page.evaluate((d) => window.overdueLens.setAsOf(d), asOf);
    await settle(page, (s) => s.analysis && s.analysis.as_of === asOf);
    return page;
  };
  // Type filter through the combo: open it, click the type's entry.
  const filterType = async (page, type) => {
    await clickWidget(page, 'overdue.type_filter');
    await waitUi(page, (u, t) => u.rects[`overdue.type_filter.${t}`], type);
    await clickWidget(page, `overdue.type_filter.${type}`);
    await waitUi(page, (u, t) => u.analysis.type_filter === t, { all: -1, temporary: 0, structural: 1, stubborn: 2 }[type]);
  };
  const openCardFromList = async (page, type) => {
    await openView(page, 'overdue');
    await waitUi(page, (u) => u.tab === 'overdue' && u.rects['overdue.type_filter']);
    await filterType(page, type);
    const u = await waitUi(page, (x) => x.analysis.list_first_ids.length > 0 && x.rects['overdue.row0']);
    const id = u.analysis.list_first_ids[0];
    await clickRowStart(page, 'overdue.row0');
    return (await waitUi(page, (x, want) => x.tab === 'customer' && x.card.customer === want && x.card.rules.length > 0, id)).card;
  };

  // [SECTION] English page -------------------------------------------------------------------------------
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await openPage(context, 'classify-en');

  await check(`classify: summary().analysis deep-equals \`analyze generated_1000.csv --as-of ${asOf}\` (types, rule traces, scores, plans)`, async () => {
    const s = await summary(page);
    assert.deepStrictEqual(s.analysis, expected);
    const types = new Set(expected.customers.map((c) => c.type).filter(Boolean));
    assert.ok(types.size >= 2, `the fixture has several types: ${[...types]}`);
  });

  await check('classify: the overdue list opens sorted by the CLI\'s priority', async () => {
    await openView(page, 'overdue');
    const u = await waitUi(page, (x) => x.tab === 'overdue' && x.analysis.list_first_ids.length > 0);
    assert.equal(u.analysis.sort_column, 14);
    assert.deepEqual(u.analysis.list_first_ids, expected.priority.slice(0, u.analysis.list_first_ids.length));
  });

  const cli = byId(expected);
  for (const type of ['stubborn', 'structural', 'temporary']) {
    if (!expected.customers.some((c) => c.type === type)) continue;
    await check(`classify: a ${type} customer's card (opened by clicking the filtered list) shows the CLI's type and rule trace`, async () => {
      const card = await openCardFromList(page, type);
      assert.equal(card.type, type);
      assertCardMatches(card, cli[card.customer]);
      // Structural plans carry installments: their sum is the overdue amount to the cent.
      if (cli[card.customer].installments && cli[card.customer].installments.length) {
        assert.equal(card.installments_sum, card.overdue_cents);
      }
      if (type === 'stubborn') await shot(page, 'classify_card_en.png');
    });
  }

  await check('classify: hovering a risk-matrix point names the customer; clicking it opens its card', async () => {
    await openView(page, 'overdue');
    await filterType(page, 'all');
    await openView(page, 'types');
    const u = await waitUi(page, (x) => x.tab === 'types' && x.rects['matrix.area']);
    const [ax, ay, aw, ah] = u.rects['matrix.area'];
    const at = (c) => [ax + (c.ability / 100) * aw, ay + ah - (c.impact / 100) * ah];
    const points = expected.customers.filter((c) => c.type).map((c) => ({ c, p: at(c) }));
    // A point at least 14 CSS px from every other, so the click cannot pick a neighbour.
    const lonely = points.find(({ p }) => points.every(({ p: q }) => q === p || Math.hypot(q[0] - p[0], q[1] - p[1]) > 14));
    assert.ok(lonely, 'an isolated point');
    await page.mouse.move(lonely.p[0], lonely.p[1]);
    await frames(page, 4);
    assert.equal((await ui(page)).matrix_hovered, lonely.c.id);
    await shot(page, 'classify_types_en.png');
    await clickAt(page, lonely.p[0], lonely.p[1]);
    const card = (await waitUi(page, (x, id) => x.tab === 'customer' && x.card.customer === id && x.card.rules.length, lonely.c.id)).card;
    assertCardMatches(card, cli[lonely.c.id]);
  });

  // A threshold value that changes at least one customer's type (checked with the CLI first).
  // (S2 "deepest DPD while not paying": raising it far lets S1 alone decide who is stubborn.)
  const key = 'classify.stubborn_dpd';
  let edited = null;
  for (const value of [3000, 2500, 2000, 1500]) {
    const doc = cliAnalyze(cliPath, [generated], ['--as-of', asOf, '--set', `${key}=${value}`]);
    const changed = doc.customers.find((c) => c.type && c.type !== cli[c.id].type);
    if (changed) { edited = { value, doc, changed }; break; }
  }
  await check(`classify: typing ${key} into the teaching panel reclassifies like \`analyze --set ${key}=…\``, async () => {
    assert.ok(edited, 'some value of the threshold changes a type');
    await openView(page, 'teaching');
    const u = await waitUi(page, (x, k) => x.tab === 'teaching' && x.rects[`teach.${k}`], key);
    await shot(page, 'classify_teaching_en.png');
    const r = u.rects[`teach.${key}`];
    await clickAt(page, r[0] + 25, r[1] + r[3] / 2);   // the number field, left of the −/+ buttons
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(edited.value));
    await page.keyboard.press('Enter');
    await frames(page, 4);
    const s = await settle(page, (x) => x.analysis.settings.classify.stubborn_dpd === edited.value);
    assert.deepStrictEqual(s.analysis, edited.doc);
    // The changed customer's card, found through the search field and the list, shows the new type.
    await openView(page, 'overdue');
    await waitUi(page, (x) => x.tab === 'overdue' && x.rects['overdue.search']);
    await clickWidget(page, 'overdue.search');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', edited.changed.id);
    await page.press('#text-overlay', 'Enter');
    await waitUi(page, (x, id) => x.analysis.search === id && x.analysis.list_first_ids[0] === id, edited.changed.id);
    await clickRowStart(page, 'overdue.row0');
    const card = (await waitUi(page, (x, id) => x.tab === 'customer' && x.card.customer === id && x.card.rules.length, edited.changed.id)).card;
    assert.notEqual(card.type, cli[edited.changed.id].type);
    assertCardMatches(card, byId(edited.doc)[edited.changed.id]);
    await clickWidget(page, 'customer.back');
    await clickWidget(page, 'overdue.search');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', '');
    await page.press('#text-overlay', 'Enter');
    await waitUi(page, (x) => x.analysis.search === '');
  });

  await check('classify: "reset to defaults" in the teaching panel gives the CLI\'s default analysis again', async () => {
    await openView(page, 'teaching');
    await waitUi(page, (x) => x.tab === 'teaching' && x.rects['teach.reset']);
    await clickWidget(page, 'teach.reset');
    const s = await settle(page, (x) => x.analysis.settings.classify.stubborn_dpd === 180);
    assert.deepStrictEqual(s.analysis, expected);
  });

  await check('classify: the allowance method switch gives `analyze --allowance invoice_age_years`', async () => {
    await openView(page, 'types');
    await waitUi(page, (x) => x.tab === 'types' && x.rects['allowance.method.invoice_age_years']);
    await clickWidget(page, 'allowance.method.invoice_age_years');
    const s = await settle(page, (x) => x.analysis.allowance.method === 'invoice_age_years');
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, [generated], ['--as-of', asOf, '--allowance', 'invoice_age_years']));
    await clickWidget(page, 'allowance.method.dpd_bucket');
    await settle(page, (x) => x.analysis.allowance.method === 'dpd_bucket');
  });

  await check('what-if: removing a customer\'s payments in the sandbox classifies like `analyze` of the ledger without them; reset restores', async () => {
    await openView(page, 'overdue');
    await waitUi(page, (x) => x.tab === 'overdue' && x.rects['overdue.type_filter']);
    // A customer that paid something, not stubborn already: removing its payments must matter.
    const candidate = expected.priority.map((id) => cli[id]).find((c) => c.type !== 'stubborn' && c.last_payment);
    assert.ok(candidate, 'a non-stubborn overdue customer with payments');
    await filterType(page, candidate.type);
    await clickWidget(page, 'overdue.search');
    await page.waitForSelector('#text-overlay.open', { state: 'visible', timeout: 5000 });
    await page.fill('#text-overlay', candidate.id);
    await page.press('#text-overlay', 'Enter');
    await waitUi(page, (x, id) => x.analysis.list_first_ids[0] === id && x.analysis.list_rows === 1, candidate.id);
    await clickRowStart(page, 'overdue.row0');
    await waitUi(page, (x, id) => x.tab === 'customer' && x.card.customer === id, candidate.id);
    await scrollTo(page, 'whatif.header');
    await clickRowStart(page, 'whatif.header');
    let u = await waitUi(page, (x) => x.card.whatif.open && x.card.whatif.payments > 0);
    assert.equal(u.card.whatif.type, candidate.type, 'an untouched sandbox gives the real type');
    await scrollTo(page, 'whatif.remove_payments');
    await clickWidget(page, 'whatif.remove_payments');
    u = await waitUi(page, (x) => x.card.whatif.edited && x.card.whatif.payments === 0);
    // The same customer in `analyze` of the ledger file with its paid columns emptied.
    const records = parseCsvRecords(fs.readFileSync(generated, 'utf8'));
    const col = (name) => records[0].indexOf(name);
    const [cid, paidAmount, paidDate] = [col('customer_id'), col('paid_amount'), col('paid_date')];
    assert.ok(cid >= 0 && paidAmount >= 0 && paidDate >= 0, 'one-table ledger columns');
    const quote = (f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const rows = records.filter((r) => r.length === records[0].length).map((r, i) => (i > 0 && r[cid] === candidate.id
      ? r.map((f, k) => (k === paidAmount || k === paidDate ? '' : f)) : r));
    const modified = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-whatif-')), 'generated_1000.csv');
    fs.writeFileSync(modified, rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
    const scenario = byId(cliAnalyze(cliPath, [modified], ['--as-of', asOf]))[candidate.id];
    assert.equal(u.card.whatif.type, scenario.type, `scenario type ${u.card.whatif.type} vs analyze without payments ${scenario.type}`);
    assert.deepEqual(u.card.whatif.rules.map((r) => [r.id, r.state]), scenario.reasons.map((r) => [r.rule, stateOf(r)]));
    for (const [i, r] of scenario.reasons.entries()) assert.ok(Math.abs(u.card.whatif.rules[i].value - r.value) < 5e-4, r.rule);
    // The real card is untouched.
    assertCardMatches(u.card, candidate);
    console.log(`      what-if ${candidate.id}: ${candidate.type} → ${u.card.whatif.type} without its payments; frame ${u.frame_ms.toFixed(1)} ms (UI ${u.ui_ms.toFixed(1)} ms) with the card and sandbox open`);
    await shot(page, 'classify_whatif_en.png');
    await scrollTo(page, 'whatif.reset');
    await clickWidget(page, 'whatif.reset');
    u = await waitUi(page, (x) => !x.card.whatif.edited && x.card.whatif.payments > 0);
    assert.equal(u.card.whatif.type, candidate.type);
    assert.deepStrictEqual((await summary(page)).analysis, expected, 'the real analysis never changed');
  });

  await check('settings: a settings file saved by `analyze --save-settings`, dropped on the page, gives `analyze --settings FILE`', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-settings-'));
    const file = path.join(dir, 'overdue-settings.json');
    execFileSync(cliPath, ['analyze', generated, '--as-of', asOf, '--lang', 'en', '--set', 'classify.chronic_late_share=0.9',
      '--set', 'scores.high_impact=40', '--save-settings', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    await dropFiles(page, [{ name: 'overdue-settings.json', path: file }]);
    const s = await settle(page, (x) => x.analysis.settings.classify.chronic_late_share === 0.9 && x.analysis.settings.scores.high_impact === 40);
    assert.deepStrictEqual(s.analysis, cliAnalyze(cliPath, [generated], ['--settings', file]));
    assert.equal(s.files.length, 1, 'a settings file is not a table');
    assert.equal((await ui(page)).language, 'en');
    await openView(page, 'teaching');
    await waitUi(page, (x) => x.tab === 'teaching' && x.rects['teach.reset']);
    await clickWidget(page, 'teach.reset');
    assert.deepStrictEqual((await settle(page, (x) => x.analysis.settings.scores.high_impact === 50)).analysis, expected);
  });

  await check('classify: no console errors, page errors or CSP violations (English page)', async () => {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('classify')), []);
  });
  await context.close();

  // [SECTION] Chinese page at devicePixelRatio 2: screenshots --------------------------------------------
  const zh = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const zhPage = await openPage(zh, 'classify-zh');
  await check('classify zh: types view with the risk matrix, a card and the teaching panel in Chinese (screenshots)', async () => {
    assert.equal((await ui(zhPage)).language, 'zh');
    await openView(zhPage, 'types');
    const u = await waitUi(zhPage, (x) => x.tab === 'types' && x.rects['matrix.area']);
    const [ax, ay, aw, ah] = u.rects['matrix.area'];
    const c = expected.customers.find((x) => x.type === 'structural') || expected.customers.find((x) => x.type);
    await zhPage.mouse.move(ax + (c.ability / 100) * aw, ay + ah - (c.impact / 100) * ah);
    await frames(zhPage, 4);
    await shot(zhPage, 'classify_types_zh_dpr2.png');
    const card = await openCardFromList(zhPage, 'structural');
    assertCardMatches(card, cli[card.customer], 'zh');
    await shot(zhPage, 'classify_card_zh_dpr2.png');
    await openView(zhPage, 'teaching');
    await waitUi(zhPage, (x) => x.tab === 'teaching');
    await frames(zhPage, 3);
    await shot(zhPage, 'classify_teaching_zh_dpr2.png');
    assert.deepEqual(await zhPage.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(h.problems.filter((p) => p.startsWith('classify')), []);
  });
  await zh.close();
}
