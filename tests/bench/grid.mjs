// Grid benchmark in headless Chromium against the release build in dist/ (run by
// scripts/bench after `trunk build --release --offline`). Prints medians; asserts nothing.
// Plan: ?bench=2000 (2,000 SKUs, 52 weeks of history + 104 ahead; weekly view, 52 weeks ahead).
import { installPageHelpers, openBench } from './browser.mjs';

const { page, origin, close } = await openBench();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

const SKUS = Number(process.env.BENCH_SKUS ?? 2000);
const t0 = Date.now();
await page.goto(`${origin}/?today=2026-11-23&bench=${SKUS}`);
await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
const loadMs = Date.now() - t0;
await page.getByTestId('horizon').selectOption('52');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
};

// Two clocks per action: "work" runs from the key to the DOM updated and laid out (a
// message-channel task after the app's effects, then a forced layout); "frame" runs on to the
// next painted frame (requestAnimationFrame + a task), which adds the wait for vsync (up to
// 16.7 ms at 60 Hz) whatever the work.
await installPageHelpers(page);

// Edit → repainted grid: commit a typed consensus with Enter.
const editTimes = await page.evaluate(async () => {
  await window.__selectCurrent('consensus');
  const times = [];
  const work = [];
  for (let i = 0; i < 60; i++) {
    const t = await window.__edit(100 + i);
    work.push(t.work);
    times.push(t.frame);
  }
  return { times, work };
});

// Arrow key → repainted cursor: move the active cell down and back up (then right and back
// left), timing each key to the next frame + task; a MutationObserver counts the grid cells
// the key added or replaced (new gridcell nodes) and the cells whose class changed.
const arrows = await page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const grid = document.querySelector('[data-testid="plan-grid"]');
  grid.focus();
  await frame();
  let added = 0;
  const classed = new Set();
  const seen = (records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          if (n.getAttribute('role') === 'gridcell') added++;
          added += n.querySelectorAll('[role="gridcell"]').length;
        }
      } else if (r.type === 'attributes' && r.target.getAttribute('role') === 'gridcell'
        && r.oldValue !== r.target.getAttribute('class')) {
        classed.add(r.target);
      }
    }
  };
  const obs = new MutationObserver(seen);
  const keys = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft'];
  const times = [];
  const work = [];
  let addedTotal = 0;
  let classedTotal = 0;
  for (let i = 0; i < 80; i++) {
    obs.observe(grid, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
    added = 0;
    classed.clear();
    const start = performance.now();
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % 4], bubbles: true }));
    await window.__afterWork();
    work.push(performance.now() - start);
    await frame();
    times.push(performance.now() - start);
    seen(obs.takeRecords());
    obs.disconnect();
    addedTotal += added;
    classedTotal += classed.size;
  }
  return { times, work, added: addedTotal / times.length, classed: classedTotal / times.length };
});

// Scroll from top to bottom, one step per frame; count long tasks (≥ 50 ms).
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const before = await metrics();
const scroll = await page.evaluate(async () => {
  const grid = document.querySelector('[data-testid="plan-grid"]');
  const long = [];
  const obs = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
  obs.observe({ type: 'longtask', buffered: false });
  let maxCells = 0;
  const frames = [];
  grid.scrollTop = 0;
  let last = performance.now();
  while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
    grid.scrollTop += 600;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
    maxCells = Math.max(maxCells, document.querySelectorAll('[role="gridcell"]').length);
  }
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  return { steps: frames.length, long, maxCells, rows: Number(grid.getAttribute('aria-rowcount')) };
});

const after = await metrics();

// Switching views: click a tab, wait until the other view's grid has painted (next frame).
const switchTimes = await page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = { monthly: [], weekly: [] };
  for (let i = 0; i < 10; i++) {
    for (const v of ['monthly', 'weekly']) {
      const start = performance.now();
      document.querySelector(`[data-testid="tab-${v}"]`).click();
      await frame();
      const want = v === 'monthly' ? /^\d{4}-\d\d$/ : /W\d\d$/;
      const cell = document.querySelector('[role="gridcell"]');
      if (!cell || !want.test(cell.dataset.period)) throw new Error(`the ${v} view did not paint`);
      times[v].push(performance.now() - start);
    }
  }
  return times;
});
const spent = (k) => ((after[k] - before[k]) * 1000).toFixed(0);
const e = stats(editTimes.times);
const ew = stats(editTimes.work);
const aw = stats(arrows.work);
console.log(`grid benchmark: ${SKUS} SKUs x 156 weeks (weekly view, 52 weeks ahead), Chromium headless`);
console.log(`  load to first grid cell: ${loadMs} ms (includes wasm download/compile and demo generation)`);
console.log(`  edit -> grid updated and laid out: median ${ew.median.toFixed(1)} ms, p95 ${ew.p95.toFixed(1)} ms (${ew.n} edits)`);
console.log(`  edit -> next painted frame: median ${e.median.toFixed(1)} ms, p95 ${e.p95.toFixed(1)} ms (includes the wait for vsync)`);
const a = stats(arrows.times);
console.log(`  arrow key -> cursor updated and laid out: median ${aw.median.toFixed(1)} ms, p95 ${aw.p95.toFixed(1)} ms (${aw.n} keys)`);
console.log(`  arrow key -> next painted frame: median ${a.median.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms (includes the wait for vsync)`);
console.log(`  cells rebuilt per arrow key: ${arrows.added.toFixed(1)} (gridcell nodes added or replaced; cells whose class changed: ${arrows.classed.toFixed(1)})`);
console.log(`  scroll top to bottom: ${scroll.steps} steps over ${scroll.rows} rows, long tasks >= 50 ms: ${scroll.long.length}${scroll.long.length ? ` (max ${Math.max(...scroll.long).toFixed(0)} ms)` : ''}`);
console.log(`  live DOM cells (max while scrolling): ${scroll.maxCells}`);
console.log(`  while scrolling: script ${spent('ScriptDuration')} ms, style ${spent('RecalcStyleDuration')} ms, layout ${spent('LayoutDuration')} ms, all tasks ${spent('TaskDuration')} ms`);
const sm = stats(switchTimes.monthly);
const sw = stats(switchTimes.weekly);
console.log(`  switch view -> painted: to monthly median ${sm.median.toFixed(1)} ms (p95 ${sm.p95.toFixed(1)}), to weekly median ${sw.median.toFixed(1)} ms (p95 ${sw.p95.toFixed(1)}) (${sm.n} each)`);
if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
await close();
if (errors.length) process.exit(1);
