// Import benchmark in headless Chromium against the release build in dist/ (run by
// scripts/bench): the generated 100,000-line Shopify orders export (examples/bench_import.rs
// --write) chosen in the import dialog; time from choosing the file to the preview on screen
// (read, decode, parse, aggregate to weeks, preview), and the long tasks meanwhile.
// Prints figures; asserts nothing.
import { existsSync, statSync } from 'node:fs';
import { openBench } from './browser.mjs';

const FILE = process.argv[2];
if (!FILE || !existsSync(FILE)) {
  console.error('usage: node tests/bench/import.mjs <orders.csv>');
  process.exit(2);
}
const { page, origin, close } = await openBench();
await page.goto(`${origin}/?today=2025-11-03`);
await page.locator('[role="gridcell"]').first().waitFor();

const runs = [];
for (let i = 0; i < 3; i++) {
  await page.getByTestId('import').click();
  await page.evaluate(() => {
    window.__long = [];
    window.__obs = new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration)));
    window.__obs.observe({ type: 'longtask' });
    // The moment the preview is on screen, seen by the page itself (Playwright's waitFor
    // polls, up to 500 ms apart, which would add its own latency to the figure).
    window.__seenAt = null;
    window.__seen = new MutationObserver(() => {
      if (window.__seenAt === null && document.querySelector('[data-testid="import-seen"]')) {
        window.__seenAt = performance.now();
      }
    });
    window.__seen.observe(document.body, { childList: true, subtree: true });
    window.__start = performance.now();
  });
  await page.getByTestId('import-file').setInputFiles(FILE);
  await page.getByTestId('import-seen').waitFor({ timeout: 120_000 });
  const r = await page.evaluate(() => {
    window.__obs.disconnect();
    window.__seen.disconnect();
    return { ms: (window.__seenAt ?? performance.now()) - window.__start, long: window.__long, seen: document.querySelector('[data-testid="import-seen"]').textContent };
  });
  runs.push(r);
  await page.getByTestId('import-close').click();
}
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const mb = statSync(FILE).size / (1024 * 1024);
console.log(`import benchmark: ${mb.toFixed(1)} MB Shopify orders export, Chromium headless, 3 runs`);
console.log(`  ${runs[0].seen}`);
console.log(`  choose file -> preview on screen: median ${ms[1].toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`);
const longest = Math.max(...runs.flatMap((r) => r.long), 0);
console.log(`  long tasks >= 50 ms per run: ${runs.map((r) => r.long.length).join(', ')}; longest ${longest.toFixed(0)} ms`);
await close();
