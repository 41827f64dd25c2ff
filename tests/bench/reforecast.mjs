// Re-forecasting a generated 2,000-SKU plan (52 weeks of history, 104 ahead) in headless
// Chromium against the release build in dist/ (run by scripts/bench): the time from the click
// to the summary line, and the page thread's long tasks (>= 50 ms) meanwhile, with when they
// started. The fitting runs in Web Workers; run twice, the second time with the workers
// already started. Prints figures; asserts nothing.
import { openBench } from './browser.mjs';

const { page, origin, close } = await openBench();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const SKUS = Number(process.env.BENCH_SKUS ?? 2000);
await page.goto(`${origin}/?today=2026-11-23&bench=${SKUS}`);
await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration])))
    .observe({ type: 'longtask', buffered: false });
});
for (const run of ['first run (workers start)', 'second run (workers running)']) {
  await page.evaluate(() => { window.__long = []; });
  const t0 = Date.now();
  const p0 = await page.evaluate(() => performance.now());
  await page.getByTestId('reforecast').click();
  await page.getByTestId('reforecast-progress').waitFor({ state: 'detached', timeout: 600_000 });
  const ms = Date.now() - t0;
  const long = await page.evaluate(() => window.__long);
  const when = long.map(([at, d]) => `${Math.round(d)} ms at +${((at - p0) / 1000).toFixed(2)} s`);
  console.log(`re-forecast ${SKUS} SKUs, ${run}: ${(ms / 1000).toFixed(1)} s from click to summary (${(ms / SKUS).toFixed(1)} ms a SKU)`);
  console.log(`  long tasks >= 50 ms meanwhile: ${long.length}${when.length ? ` (${when.join(', ')})` : ''}`);
  console.log(`  ${await page.getByTestId('grid-message').innerText()}`);
}
if (errors.length) console.log('page errors:', errors);
await close();
