// Browser checks of the model lab (issue #5), called from run.mjs: "Load the credit-card demo" on
// the start screen fetches the UCI accounts, the lab runs one step per frame and its result is the
// same JSON document as `overdue-lens model FILE --target … --json` (one core, two front ends);
// every view is drawn (screenshots in en and zh); the threshold and the cutoff react to the mouse
// with the confusion matrix and the approval figures following. Prints the page's time per step.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function cliModel(cliPath, file, target, extra = []) {
  const out = execFileSync(cliPath, ['model', file, '--target', target, ...extra], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return JSON.parse(out);
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runLabChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, summary, frames, clickWidget, waitUi, shot, watch, cspProbe } = h;
  const demoFile = path.join(repo, 'data/demo/uci_credit_card.csv');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'lab');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  let model = null;

  await check('lab: one click on the credit-card demo runs the lab; its JSON equals `overdue-lens model`', async () => {
    await clickWidget(page, 'load_credit_demo');
    const u = await waitUi(page, (x) => x.lab.done && x.tab === 'lab', null, 240000);
    assert.equal(u.lab.error, '');
    const s = await summary(page);
    assert.ok(s.model, 'summary().model is null after the run');
    const native = cliModel(cliPath, demoFile, 'default.payment.next.month');
    native.file = 'uci_credit_card.csv';
    assert.deepEqual(s.model, native);
    model = s.model;
    const times = u.lab.times.map((t) => `${t.step} ${t.ms.toFixed(0)}`).join(', ');
    console.log(`      page step times (ms): ${times}; wall ${u.lab.wall_ms.toFixed(0)} ms, longest step ${u.lab.longest_step_ms.toFixed(0)} ms`);
    assert.equal(u.lab.times.length, 12);
    await frames(page, 3);
    await shot(page, 'lab_data_en.png');
  });

  await check('lab: the features view draws the IV bars, the heat map and the scree plot', async () => {
    await clickWidget(page, 'lab.tab.features');
    const u = await waitUi(page, (x) => x.lab.view === 1 && x.rects['lab.iv_chart']);
    assert.ok(u.rects['lab.iv_chart'][3] > 100, 'the IV chart has no height');
    await frames(page, 3);
    await shot(page, 'lab_features_en.png');
  });

  // Scrolls the lab view with the mouse wheel until the named widget is inside the window.
  const scrollTo = async (name) => {
    for (let k = 0; k < 40; k++) {
      const u = await ui(page);
      const r = u.rects[name];
      if (r && r[1] > 80 && r[1] + r[3] < 960) return;
      // In the view's left padding: over the scrolling tables the wheel would scroll them instead.
      const left = u.rects['lab.iv_chart'] ? u.rects['lab.iv_chart'][0] - 4 : 330;
      await page.mouse.move(left, 600);
      await page.mouse.wheel(0, r && r[1] < 80 ? -200 : 200);
      await frames(page, 3);
    }
    throw new Error(`could not scroll to ${name}`);
  };

  await check('lab: merging two bins by hand reruns the lab with one bin less (the same JSON as --merge-bin)', async () => {
    const before = (await summary(page)).model;
    await scrollTo('lab.bin_merge.0');
    await frames(page, 3);
    const shownFeature = before.features[0];
    await clickWidget(page, 'lab.bin_merge.0');
    await waitUi(page, (x) => x.lab.running || x.lab.next_step < 12, null, 10000).catch(() => {});
    await waitUi(page, (x) => x.lab.done && !x.lab.running, null, 240000);
    const after = (await summary(page)).model;
    assert.equal(after.features[0].name, shownFeature.name);
    assert.equal(after.features[0].bins.length, shownFeature.bins.length - 1);
    assert.equal(after.features[0].bins[0].good + after.features[0].bins[0].bad,
      shownFeature.bins[0].good + shownFeature.bins[0].bad + shownFeature.bins[1].good + shownFeature.bins[1].bad);
    assert.deepEqual(after.features.slice(1), before.features.slice(1));
    // The same edit on the command line gives the same document.
    const native = cliModel(cliPath, demoFile, 'default.payment.next.month', ['--merge-bin', `${shownFeature.name}:1`]);
    native.file = 'uci_credit_card.csv';
    assert.deepEqual(after, native);
    model = after;
    await frames(page, 3);
    await shot(page, 'lab_bins_edited_en.png');
  });

  await check('lab: the model view shows the scorecard', async () => {
    await clickWidget(page, 'lab.tab.model');
    await waitUi(page, (x) => x.lab.view === 2);
    await frames(page, 3);
    await shot(page, 'lab_model_en.png');
  });

  await check('lab: the confusion matrix follows the threshold (0.5 equals the CLI\'s at_0_5; a drag moves it)', async () => {
    await clickWidget(page, 'lab.tab.evaluation');
    let u = await waitUi(page, (x) => x.lab.view === 3 && x.rects['lab.threshold']);
    const card = model.models.scorecard;
    // At the KS threshold (the default), the matrix is the CLI's.
    assert.deepEqual([u.lab.shown.tp, u.lab.shown.fp, u.lab.shown.tn, u.lab.shown.fn],
      [card.confusion.tp, card.confusion.fp, card.confusion.tn, card.confusion.fn]);
    await frames(page, 3);
    await shot(page, 'lab_evaluation_en.png');
    await clickWidget(page, 'lab.threshold_half');
    u = await waitUi(page, (x) => Math.abs(x.lab.shown.threshold - 0.5) < 1e-9);
    assert.deepEqual([u.lab.shown.tp, u.lab.shown.fp, u.lab.shown.tn, u.lab.shown.fn],
      [card.at_0_5.tp, card.at_0_5.fp, card.at_0_5.tn, card.at_0_5.fn]);
    // Drag the slider's grab to its left part: a lower threshold flags more accounts.
    const r = u.rects['lab.threshold'];
    await page.mouse.move(r[0] + r[2] * 0.5, r[1] + r[3] / 2);
    await frames(page, 2);
    await page.mouse.down();
    for (let k = 1; k <= 5; k++) {
      await page.mouse.move(r[0] + r[2] * (0.5 - 0.08 * k), r[1] + r[3] / 2);
      await frames(page, 2);
    }
    await page.mouse.up();
    u = await waitUi(page, (x) => x.lab.shown.threshold < 0.3);
    const flagged = u.lab.shown.tp + u.lab.shown.fp;
    assert.ok(flagged > card.at_0_5.tp + card.at_0_5.fp, `a lower threshold flagged ${flagged} accounts`);
    assert.equal(u.lab.shown.tp + u.lab.shown.fn, card.test_bads);
    assert.equal(u.lab.shown.tp + u.lab.shown.fp + u.lab.shown.tn + u.lab.shown.fn, card.test_accounts);
  });

  await check('lab: the decisions view approves about 70 % at its first cutoff, as the CLI\'s curve says', async () => {
    await clickWidget(page, 'lab.tab.decisions');
    const u = await waitUi(page, (x) => x.lab.view === 4 && x.rects['lab.cutoff'] && x.lab.shown.approved > 0);
    assert.ok(Math.abs(u.lab.shown.approval_rate - 0.7) < 0.01, `approval ${u.lab.shown.approval_rate}`);
    const near = model.decisions.cutoff_curve.reduce((a, b) =>
      Math.abs(b.approval_rate - 0.7) < Math.abs(a.approval_rate - 0.7) ? b : a);
    assert.ok(Math.abs(u.lab.shown.bad_rate_approved - near.bad_rate_approved) < 0.01);
    assert.equal(u.lab.bands, model.decisions.bands.length);
    await frames(page, 3);
    await shot(page, 'lab_decisions_en.png');
  });

  await check('lab: the views in Chinese (screenshots)', async () => {
    await clickWidget(page, 'toolbar.language');
    await waitUi(page, (x) => x.language === 'zh');
    await clickWidget(page, 'lab.tab.evaluation');
    await waitUi(page, (x) => x.lab.view === 3);
    await frames(page, 3);
    await shot(page, 'lab_evaluation_zh.png');
    await clickWidget(page, 'lab.tab.features');
    await waitUi(page, (x) => x.lab.view === 1);
    await frames(page, 3);
    await shot(page, 'lab_features_zh.png');
    await clickWidget(page, 'toolbar.language');
  });
  await context.close();
}

// The guided walkthrough (issue #6) on the demo ledger: it opens by itself on the dashboard, each
// step opens its tab, back and next work, "Done" closes it and the tab bar's "Guide" reopens it.
export async function runGuideChecks({ browser, server, h }) {
  const { check, frames, clickWidget, openView, waitUi, shot, watch, cspProbe } = h;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'guide');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());
  await check('guide: the demo opens the walkthrough; its five steps open their tabs; back, done and reopen work', async () => {
    await clickWidget(page, 'load_demo');
    await waitUi(page, (x) => x.guide_step === 0 && x.tab === 'dashboard' && x.rects['guide.next'], null, 120000);
    await frames(page, 4);
    await shot(page, 'guide_step1_aging_zh.png');
    const tabs = ['dashboard', 'overdue', 'customer', 'types', 'lab'];
    for (let k = 1; k < tabs.length; k++) {
      await clickWidget(page, 'guide.next');
      const u = await waitUi(page, (x, want) => x.guide_step === want.k && x.tab === want.tab, { k, tab: tabs[k] });
      if (tabs[k] === 'customer') assert.notEqual(u.card.customer, '', 'the customer card opened empty');
      // The walkthrough follows the page's places (issue #22 §3): each step's view in its group.
      assert.equal(u.group, { dashboard: 'receivables', overdue: 'receivables', customer: 'receivables', types: 'types', lab: 'lab' }[tabs[k]]);
      if (tabs[k] === 'customer') { await frames(page, 4); await shot(page, 'guide_step3_rules_zh.png'); }
    }
    await frames(page, 4);
    await shot(page, 'guide_step5_lab_zh.png');
    await clickWidget(page, 'guide.back');
    await waitUi(page, (x) => x.guide_step === 3 && x.tab === 'types');
    await clickWidget(page, 'guide.next');
    await waitUi(page, (x) => x.guide_step === 4);
    await clickWidget(page, 'guide.next');  // "Done" on the last step
    await waitUi(page, (x) => x.guide_step === -1);
    await openView(page, 'teaching');   // the guide is reopened from Method
    await clickWidget(page, 'nav.guide');
    await waitUi(page, (x) => x.guide_step === 0 && x.tab === 'dashboard');
  });
  await context.close();
}
