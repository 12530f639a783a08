// Browser checks of the scorecard leaving the lab (issue #21 §2), called from run.mjs: on the
// credit-card demo, the page's downloads are the CLI's bytes for the same file and options — the
// SQL query (--export-sql), the card CSV in the page's language (--card-csv --lang), and the
// scores with their reasons of another loaded file (--score … --score-out). Screenshots of the
// scorecard view (direction beside the scaling) and of the downloads block, in en and zh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// h: { check, ui, summary, frames, clickWidget, dropFiles, waitUi, shot, watch, cspProbe }
export async function runLabDeployChecks({ browser, server, repo, cliPath, h }) {
  const { check, ui, frames, clickWidget, waitUi, shot, watch, cspProbe } = h;
  const demoFile = path.join(repo, 'data/demo/uci_credit_card.csv');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-deploy-'));
  const cli = (lang) => {
    const out = { sql: path.join(tmp, `q_${lang}.sql`), card: path.join(tmp, `card_${lang}.csv`), scores: path.join(tmp, `s_${lang}.csv`) };
    execFileSync(cliPath, ['model', demoFile, '--target', 'default.payment.next.month', '--lang', lang,
      '--export-sql', out.sql, '--card-csv', out.card, '--score', demoFile, '--score-out', out.scores,
      '--json', path.join(tmp, 'm.json')]);
    return { sql: fs.readFileSync(out.sql), card: fs.readFileSync(out.card), scores: fs.readFileSync(out.scores) };
  };
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(cspProbe);
  const page = await context.newPage();
  watch(page, 'lab-deploy');
  await page.goto(server.origin + '/');
  await page.evaluate(() => window.overdueLens.whenReady());

  const scrollTo = async (name) => {
    for (let k = 0; k < 40; k++) {
      const u = await ui(page);
      const r = u.rects[name];
      if (r && r[1] > 80 && r[1] + r[3] < 960) return;
      // In the view's left padding: over the scrolling tables the wheel would scroll them instead.
      const left = u.rects['lab.cutoff'] ? u.rects['lab.cutoff'][0] - 4 : 355;
      await page.mouse.move(left, 600);
      await page.mouse.wheel(0, r && r[1] < 80 ? -200 : 200);
      await frames(page, 3);
    }
    throw new Error(`could not scroll to ${name}`);
  };
  const download = async (widget) => {
    const waiting = page.waitForEvent('download', { timeout: 15000 });
    await clickWidget(page, widget);
    const d = await waiting;
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
  };

  await check('lab-deploy: the scorecard view says the direction beside the scaling', async () => {
    await clickWidget(page, 'load_credit_demo');
    const u = await waitUi(page, (x) => x.lab.done && x.tab === 'lab', null, 240000);
    assert.equal(u.lab.error, '');
    await clickWidget(page, 'lab.tab.model');
    await waitUi(page, (x) => x.lab.view === 2);
    await frames(page, 3);
    await shot(page, 'lab_deploy_scorecard_en.png');
  });

  await check('lab-deploy: SQL, card CSV and scores downloads equal the CLI\'s (en)', async () => {
    const want = cli('en');
    await clickWidget(page, 'lab.tab.decisions');
    await waitUi(page, (x) => x.lab.view === 4 && x.rects['lab.sql']);
    await scrollTo('lab.sql');
    const sql = await download('lab.sql');
    assert.equal(sql.name, 'scorecard.sql');
    assert.ok(sql.bytes.equals(want.sql), 'the SQL download differs from --export-sql');
    const card = await download('lab.card_csv');
    assert.ok(card.bytes.equals(want.card), 'the card CSV download differs from --card-csv --lang en');
    await scrollTo('lab.score_file');
    await clickWidget(page, 'lab.score_file');
    await waitUi(page, (x) => x.rects['lab.score_file.0']);
    await clickWidget(page, 'lab.score_file.0');
    await scrollTo('lab.score');
    const scores = await download('lab.score');
    assert.ok(scores.bytes.toString('utf8').startsWith('record,points,p_bad,reason_1,reason_2,reason_3\n'));
    assert.ok(scores.bytes.equals(want.scores), 'the scores download differs from --score');
    await scrollTo('lab.sql');
    await frames(page, 3);
    await shot(page, 'lab_deploy_downloads_en.png');
  });

  await check('lab-deploy: in Chinese the card CSV has Chinese headers, as --lang zh (screenshots)', async () => {
    await clickWidget(page, 'toolbar.language');
    await waitUi(page, (x) => x.language === 'zh');
    await frames(page, 3);
    await scrollTo('lab.card_csv');
    const card = await download('lab.card_csv');
    assert.ok(card.bytes.equals(cli('zh').card), 'the card CSV download differs from --card-csv --lang zh');
    await frames(page, 3);
    await shot(page, 'lab_deploy_downloads_zh.png');
    await clickWidget(page, 'lab.tab.model');
    await waitUi(page, (x) => x.lab.view === 2);
    await frames(page, 3);
    await shot(page, 'lab_deploy_scorecard_zh.png');
    await clickWidget(page, 'toolbar.language');
  });
  await context.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
