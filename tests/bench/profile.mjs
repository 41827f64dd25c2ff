// Where the grid's time goes: a CPU profile (Chrome DevTools protocol) of arrow keys and of
// edits at 2,000 SKUs, summed by function (self time), top 30 for each; with the argument
// `reforecast`, of the page's thread during a re-forecast instead. Needs a build that keeps
// function names:
//   bash scripts/profile [reforecast] (builds with names kept into /tmp/sop-profile, runs this)
import { installPageHelpers, openBench } from './browser.mjs';

const { page, origin, close } = await openBench();
await page.goto(`${origin}/?today=2026-11-23&bench=${process.env.BENCH_SKUS ?? 2000}`);
await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
await page.getByTestId('horizon').selectOption('52');
await installPageHelpers(page);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 250 });

await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

async function profile(name, body) {
  const before = await metrics();
  await cdp.send('Profiler.start');
  await page.evaluate(body);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await metrics();
  const spent = (k) => ((after[k] - before[k]) * 1000).toFixed(0);
  console.log(`\n${name}: script ${spent('ScriptDuration')} ms, style ${spent('RecalcStyleDuration')} ms (${after.RecalcStyleCount - before.RecalcStyleCount} recalcs), layout ${spent('LayoutDuration')} ms (${after.LayoutCount - before.LayoutCount} layouts), all tasks ${spent('TaskDuration')} ms`);
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, k) => {
    const n = byId.get(id);
    const f = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    const t = (dt[k] ?? 0) / 1000;
    total += t;
    self.set(f, (self.get(f) ?? 0) + t);
  });
  // Inclusive time of the app's own functions (sop_grid::…), to see which part of the app
  // an action spends its time in.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, k) => {
    const t = (dt[k] ?? 0) / 1000;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame.functionName;
      if (f.startsWith('sop_grid::') && !seen.has(f)) {
        seen.add(f);
        incl.set(f, (incl.get(f) ?? 0) + t);
      }
    }
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log(`\n${name}: ${total.toFixed(0)} ms sampled; self time by function:`);
  for (const [f, t] of top) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${f.slice(0, 150)}`);
  console.log(`${name}: inclusive time of the app's functions:`);
  for (const [f, t] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${t.toFixed(1).padStart(8)} ms  ${f.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
}

const reforecast = process.argv[2] === 'reforecast';

if (reforecast) await profile('re-forecast, the page\'s thread from click to summary', async () => {
  document.querySelector('[data-testid="reforecast"]').click();
  await new Promise((resolve) => {
    const said = () => document.querySelector('[data-testid="grid-message"]')?.innerText.includes('Re-forecast');
    const check = () => (said() ? resolve() : setTimeout(check, 20));
    check();
  });
});

if (!reforecast) await profile('40 arrow keys', async () => {
  const grid = document.querySelector('[data-testid="plan-grid"]');
  grid.focus();
  for (let i = 0; i < 40; i++) {
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft'][i % 4], bubbles: true }));
    await window.__frame();
  }
});

if (!reforecast) await profile('20 edits', async () => {
  await window.__selectCurrent('consensus');
  for (let i = 0; i < 20; i++) await window.__edit(100 + i);
});

if (!reforecast) await profile('scroll 100 steps', async () => {
  const grid = document.querySelector('[data-testid="plan-grid"]');
  grid.scrollTop = 0;
  for (let i = 0; i < 100; i++) {
    grid.scrollTop += 600;
    await new Promise((r) => requestAnimationFrame(r));
  }
});
await close();
