// Saving and restoring a 2,000-SKU x 156-week plan with 8 check-ins in headless Chromium,
// against the release build in dist/ (run by scripts/bench). Prints medians; asserts nothing.
// Save: the app's own autosave after an edit (encode + write + read back + switch), as timed
// by the app (window.__sop_timings.save_ms). Restore: reading and decoding at start
// (restore_ms). Cold start: from the app starting (wasm loaded) to the first frame with the
// grid drawn (ready_ms), and from navigation (ready_at_ms), for the demo plan and for the
// restored plan. Memory: the wasm memory once the check-ins are read (wasm_memory_bytes).
import { openBench } from './browser.mjs';

const { page, origin, close } = await openBench();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
const SKUS = Number(process.env.BENCH_SKUS ?? 2000);
const timings = () => page.evaluate(() => ({ ...(window.__sop_timings ?? {}) }));
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1], n: s.length };
};

// Cold start with the demo plan (nothing stored; the browser has the files cached).
const demo = [];
for (let i = 0; i < 11; i++) {
  await page.goto(`${origin}/?today=2026-11-23`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${origin}/?today=2026-11-23`);
  await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__sop_timings?.ready_at_ms !== undefined);
  demo.push((await timings()).ready_at_ms);
}
await page.evaluate(() => localStorage.clear());

await page.goto(`${origin}/?today=2026-11-23&bench=${SKUS}`);
await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
await page.waitForFunction(() => window.__sop_timings?.save_ms !== undefined, null, { timeout: 60_000 });

// Eight weekly check-ins, one a week: each week the plan is reopened a week later (it rolls
// on), a forecast is changed and the check-in taken.
const edit = async (i) => {
  const c = page.locator('[role="gridcell"][data-measure="forecast"].current').first();
  await c.click();
  await page.keyboard.type(String(100 + i));
  await page.keyboard.press('Enter');
};
const day = (i) => new Date(Date.UTC(2026, 10, 23 + 7 * i)).toISOString().slice(0, 10);
for (let i = 0; i < 8; i++) {
  if (i > 0) {
    await page.goto(`${origin}/?today=${day(i)}`);
    await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__sop_timings?.checkins_ms !== undefined || !localStorage.getItem('sop.plan.current'));
  }
  await edit(i);
  await page.getByTestId('checkin-start').click();
  await page.waitForTimeout(600);
}
// Saves after single edits, each timed by the app; the page's long tasks meanwhile.
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
    .observe({ type: 'longtask', buffered: false });
});
const saves = [];
const encodes = [];
const parts = [];
for (let i = 0; i < 11; i++) {
  await page.evaluate(() => { delete window.__sop_timings.save_ms; });
  await edit(20 + i);
  await page.waitForFunction(() => window.__sop_timings?.save_ms !== undefined, null, { timeout: 30_000 });
  saves.push((await timings()).save_ms);
  encodes.push((await timings()).save_encode_ms);
  const t = await timings();
  parts.push([t.save_step_max_ms, t.save_seal_ms, t.save_write_ms]);
}
const { saved_chars: chars } = await timings();
const saveLong = await page.evaluate(() => window.__long);

// Restores: reload (no bench parameter) and let the app read what it saved.
const restores = [];
const ready = [];
const navigated = [];
const memory = [];
const checkins = [];
const steps = [];
for (let i = 0; i < 11; i++) {
  await page.goto(`${origin}/?today=${day(7)}`);
  await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => window.__sop_timings?.ready_ms !== undefined
    && window.__sop_timings?.checkins_ms !== undefined);
  const t = await timings();
  restores.push(t.restore_ms);
  ready.push(t.ready_ms);
  navigated.push(t.ready_at_ms);
  memory.push(t.wasm_memory_bytes);
  checkins.push(t.checkins_ms);
  steps.push(t.checkin_step_max_ms);
}
const s = stats(saves), r = stats(restores), c = stats(ready), k = stats(checkins), st = stats(steps);
console.log(`${SKUS} SKUs x 156 weeks + 8 check-ins: stored ${chars.toLocaleString('en')} characters (quota 5,242,880)`);
const e = stats(encodes);
// A build that does not publish a timing (an older one, run with BENCH_DIST) prints n/a.
const ms = (x) => (typeof x === 'number' && !Number.isNaN(x) ? x.toFixed(1) : 'n/a');
console.log(`save (encode, write, verify, switch): median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${s.n}; of which encoding median ${ms(e.median)} ms`);
const part = (i) => ms(stats(parts.map((p) => p[i])).median);
console.log(`  a save's tasks, medians: longest encoding step ${part(0)} ms, seal ${part(1)} ms, write + read back ${part(2)} ms`);
console.log(`long tasks >= 50 ms during the 11 edits and saves: ${saveLong.length}${saveLong.length ? `, longest ${Math.round(Math.max(...saveLong))} ms` : ''}`);
console.log(`restore (read, decode): median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms over ${r.n}`);
console.log(`cold start to a drawn grid after the wasm loaded: median ${c.median.toFixed(0)} ms, max ${c.max.toFixed(0)} ms`);
const d = stats(demo), n = stats(navigated), m = stats(memory);
console.log(`cold start, navigation to a drawn grid: demo plan median ${d.median.toFixed(0)} ms (max ${d.max.toFixed(0)}); restored ${SKUS} SKUs + 8 check-ins median ${n.median.toFixed(0)} ms (max ${n.max.toFixed(0)})`);
const mib = (x) => ms(x / 1048576);
console.log(`wasm memory after restoring ${SKUS} SKUs + 8 check-ins: median ${mib(m.median)} MiB, first ${mib(memory[0])}, last ${mib(memory[memory.length - 1])}, max ${mib(m.max)} MiB`);
console.log(`check-ins read after the grid is drawn: all 8 in median ${k.median.toFixed(0)} ms, longest single step median ${st.median.toFixed(1)} ms (max ${st.max.toFixed(1)})`);
if (errors.length) console.log('page errors:', errors);
await close();
