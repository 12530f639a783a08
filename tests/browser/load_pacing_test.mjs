// Browser check of the frame pacing while new data loads (issue #19, src/app/load_pacing.hpp),
// called from run.mjs with the import suite: a 200,000-row ledger (the bench's generator) dropped
// on a fresh page; while it loads, most animation frames go to the work (frames "skipped"), and a
// click on a tab acts within a few frames — before the load is over — as it does on an idle page.
// (The first pacing, taken out in November, lost such a click in a browser check.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROWS = 200000;

export async function runLoadPacingChecks({ browser, server, repo, h }) {
  const { check, ui, frames, dropFiles, watch, cspProbe } = h;
  const generator = path.join(repo, '../shared/bench-anchors/gen_ledger.py');
  await check('while a 200,000-row file loads, frames go to the work and a click on a tab acts at once', async () => {
    assert.ok(fs.existsSync(generator), `${generator} is missing`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overdue-pacing-'));
    const file = path.join(dir, 'ledger_200k.csv');
    execFileSync('python3', [generator, String(ROWS), file, '7'], { stdio: 'ignore' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.addInitScript(cspProbe);
    const page = await context.newPage();
    watch(page, 'en');
    try {
      await page.goto(server.origin + '/');
      await page.evaluate(() => window.overdueLens.whenReady());
      const busy = () => page.evaluate(() => window.overdueLens.busy());
      await dropFiles(page, [{ name: 'ledger_200k.csv', path: file }]);
      // Paced: some frames were given to the work while it is still loading.
      let u = await ui(page);
      for (let i = 0; i < 400 && !(u.load_frames.skipped >= 3); i++) {
        await frames(page, 1);
        u = await ui(page);
      }
      assert.ok(u.load_frames.skipped >= 3, `no frame was given to the work: ${JSON.stringify(u.load_frames)}`);
      assert.ok(await busy(), 'the file finished loading before the click could be tried');
      assert.notEqual(u.group, 'method');
      const tab = u.rects['nav.group.method'];
      assert.ok(tab, 'the Method tab is on screen while loading');
      // The click as DOM events on the canvas (what GLFW listens to), timed in animation frames
      // inside the page so the test's own round trips do not count: the move, the press and the
      // release each before a frame of its own. Input waiting gets a frame drawn at once,
      // and the frame after it too: the tab chosen on the press opens then, and the release is
      // taken; paced frames alone come ~200 ms apart (3–4 frames of work each).
      const { acted, busyWhenActed, seen } = await page.evaluate(async ([x, y]) => {
        const canvas = document.getElementById('canvas');
        const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
        const fire = (type, buttons) => canvas.dispatchEvent(new MouseEvent(type,
          { clientX: x, clientY: y, button: 0, buttons, bubbles: true, cancelable: true }));
        fire('mousemove', 0);
        await raf();   // a tab is hovered a frame before it takes a press (ImGui's AllowOverlap)
        fire('mousedown', 1);
        await raf();
        fire('mouseup', 0);
        const seen = [];   // per frame after the release: group, frames drawn / given to the work
        for (let i = 1; i <= 3; i++) {
          await raf();
          const u = window.overdueLens.ui();
          seen.push(`${u.group} ${u.load_frames.drawn}/${u.load_frames.skipped}`);
          if (u.group === 'method') return { acted: i, busyWhenActed: window.overdueLens.busy(), seen };
        }
        return { acted: -1, busyWhenActed: window.overdueLens.busy(), seen };
      }, [tab[0] + tab[2] / 2, tab[1] + tab[3] / 2]);
      assert.ok(acted > 0, 'the click on the Method tab did not act within 3 frames of its release (input waited for a paced frame): ' +
        `before ${u.load_frames.drawn}/${u.load_frames.skipped}, then ${seen.join(', ')}`);
      assert.ok(busyWhenActed, 'the click acted only once the load was over');
      // The load still completes: every row read, the analysis in place.
      for (let i = 0; i < 1200 && (await busy()); i++) await page.waitForTimeout(50);
      const s = await ui(page);
      assert.ok(s.analysis.available && !s.analysis.pending, 'the analysis of the file is in place');
      assert.ok(s.load_frames.skipped > s.load_frames.drawn,
        `most frames went to the work (${JSON.stringify(s.load_frames)})`);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
