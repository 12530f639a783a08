// Browser checks of the lab's stability monitoring (issue #21 §3), called from run.mjs as the
// suite "lab-monitor": the credit-card demo runs the lab, a second file (the same accounts with
// PAY_0 moved up by 2 and no target, written to a temp dir) is dropped and picked in the
// Stability view as the new applicants; the PSI the page prints equals the CLI's
// `model --monitor` to the printed 4 decimals, and the page's monitoring object equals the CLI's
// JSON. Screenshots in en and zh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The demo file's first 6,000 records (a shorter lab run) with a date column "opened" before the
// target: four months by record order, every 97th record without a date.
const kDatedRecords = 6000;
function datedCopy(demoFile, dir) {
  const lines = fs.readFileSync(demoFile, 'utf8').split(/\r?\n/).filter((l) => l.length > 0).slice(0, kDatedRecords + 1);
  const n = lines.length - 1;
  const out = lines.map((line, k) => {
    const f = line.split(',');
    const t = f.pop();
    const i = k - 1;
    const month = 1 + Math.floor((i * 4) / n);
    const date = k === 0 ? 'opened' : i % 97 === 0 ? '' : `2024-0${month}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return [...f, date, t].join(',');
  });
  const file = path.join(dir, 'dev_dated.csv');
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

// The demo file's first 5,000 records with column 7 (PAY_0) + 2 and the last column (the target)
// dropped.
function shiftedCopy(demoFile, dir) {
  const lines = fs.readFileSync(demoFile, 'utf8').split(/\r?\n/).filter((l) => l.length > 0).slice(0, 5001);
  const out = lines.map((line, k) => {
    const f = line.split(',');
    f.pop();
    if (k > 0) f[6] = String(Number(f[6]) + 2);
    return f.join(',');
  });
  const file = path.join(dir, 'new_applicants.csv');
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runLabMonitorChecks({ browser, server, repo, cliPath, h }) {
  const { check, summary, frames, clickWidget, openView, dropFiles, waitUi, shot, watch, cspProbe } = h;
  const demoFile = path.join(repo, 'data/demo/uci_credit_card.csv');
  const target = 'default.payment.next.month';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-monitor-'));
  const newFile = shiftedCopy(demoFile, tmp);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'lab-monitor');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());

  // Scrolls the view with the mouse wheel (in its left padding) until the named widget is inside.
  const scrollTo = async (name) => {
    for (let k = 0; k < 40; k++) {
      const u = await h.ui(page);
      const r = u.rects[name];
      if (r && r[1] > 80 && r[1] + r[3] < 980) return;
      await page.mouse.move(u.rects['lab.monitor.file'][0] - 30, 600);
      await page.mouse.wheel(0, r && r[1] < 80 ? -400 : 400);
      await frames(page, 3);
    }
    throw new Error(`could not scroll to ${name}`);
  };

  await check('lab-monitor: a second file picked in the Stability view gives the CLI\'s PSI and monitoring JSON', async () => {
    await clickWidget(page, 'load_credit_demo');
    await waitUi(page, (x) => x.lab.done && x.tab === 'lab', null, 240000);
    await dropFiles(page, [{ name: 'new_applicants.csv', path: newFile }]);
    await waitUi(page, (x) => x.files.length === 2 && x.files.every((f) => f.status === 'done'), null, 60000);
    await openView(page, 'lab');
    await waitUi(page, (x) => x.tab === 'lab' && x.rects['lab.tab.stability']);
    await clickWidget(page, 'lab.tab.stability');
    await waitUi(page, (x) => x.lab.view === 5 && x.rects['lab.monitor.file']);
    await clickWidget(page, 'lab.monitor.file');
    await waitUi(page, (x) => x.rects['lab.monitor.file.1']);
    await clickWidget(page, 'lab.monitor.file.1');
    const u = await waitUi(page, (x) => x.lab.monitor.shown_psi !== '', null, 20000);
    assert.equal(u.lab.monitor.error, '');

    const native = JSON.parse(execFileSync(cliPath, ['model', demoFile, '--target', target, '--monitor', newFile],
      { encoding: 'utf8', maxBuffer: 256 << 20 })).monitoring;
    assert.equal(u.lab.monitor.shown_psi, native.score_psi.toFixed(4));
    assert.equal(native.band, 'shift');
    const s = await summary(page);
    native.file = 'new_applicants.csv';
    assert.deepEqual(s.model.monitoring, native);
    const mon = u.lab.monitor;
    console.log(`      page PSI ${mon.shown_psi} (${native.band}), CLI ${native.score_psi}; job ${mon.compute_ms.toFixed(1)} ms ` +
      `in ${mon.frames} frames (longest slice ${mon.longest_ms.toFixed(1)} ms), choice to result ${mon.ms.toFixed(0)} ms`);
    await frames(page, 3);
    await shot(page, 'lab_stability_en.png');
    await scrollTo('lab.monitor.feature_bins');
    await frames(page, 3);
    await shot(page, 'lab_stability_features_en.png');
  });

  await check('lab-monitor: by month of a date column of the development file, as `--monitor-by`', async () => {
    const dated = datedCopy(demoFile, tmp);
    await dropFiles(page, [{ name: 'dev_dated.csv', path: dated }]);
    await waitUi(page, (x) => x.files.length === 3 && x.files.every((g) => g.status === 'done'), null, 60000);
    await openView(page, 'lab');
    await waitUi(page, (x) => x.tab === 'lab' && x.rects['lab.file']);
    await clickWidget(page, 'lab.file');
    const ids = await page.evaluate(() => Object.keys(window.overdueLens.ui().rects).filter((k) => /^lab\.file\.\d+$/.test(k)));
    assert.equal(ids.length, 3, `file items: ${ids}`);
    const last = ids.sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]))[ids.length - 1];
    await clickWidget(page, last);  // the last loaded: dev_dated.csv
    await waitUi(page, (x) => x.rects['lab.run']);
    await clickWidget(page, 'lab.run');
    await waitUi(page, (x) => x.lab.done && !x.lab.running && x.rects['lab.tab.stability'], null, 240000);
    await clickWidget(page, 'lab.tab.stability');
    await waitUi(page, (x) => x.lab.view === 5 && !x.lab.monitor.running && x.rects['lab.monitor.by']);
    await scrollTo('lab.monitor.by');
    await clickWidget(page, 'lab.monitor.by');
    await waitUi(page, (x) => x.rects['lab.monitor.by.0']);
    await clickWidget(page, 'lab.monitor.by.0');
    await waitUi(page, (x) => x.lab.monitor.by === 'opened' && !x.lab.monitor.running, null, 20000);
    const s = await summary(page);
    const native = JSON.parse(execFileSync(cliPath, ['model', dated, '--target', target, '--monitor', newFile,
      '--monitor-by', 'opened'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
    assert.equal(s.model.monitoring_by.missing_dates, Math.floor((kDatedRecords - 1) / 97) + 1);
    assert.deepEqual(s.model.monitoring_by, native.monitoring_by);
    assert.deepEqual(s.model.monitoring, native.monitoring);
    console.log(`      months ${s.model.monitoring_by.months.map((m) => `${m.month} ${m.score_psi.toFixed(4)}`).join(', ')}; ` +
      `${s.model.monitoring_by.missing_dates} without a date`);
    await scrollTo('lab.monitor.months_chart');
    await frames(page, 3);
    await shot(page, 'lab_stability_months_en.png');
  });

  await check('lab-monitor: the Stability view in Chinese (screenshot)', async () => {
    await clickWidget(page, 'toolbar.language');
    await waitUi(page, (x) => x.language === 'zh');
    await frames(page, 4);
    await shot(page, 'lab_stability_zh.png');
    await clickWidget(page, 'toolbar.language');
  });
  await context.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
