// Import benchmark in headless Chromium against the release build in dist/ (run by
// scripts/bench): the generated 100,000-line Shopify orders export (examples/bench_import.rs
// --write) chosen in the import dialog; time from choosing the file to the preview on screen
// (read, decode, parse, aggregate to weeks, preview), and the long tasks meanwhile.
// Prints figures; asserts nothing.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const FILE = process.argv[2];
if (!FILE || !existsSync(FILE)) {
  console.error('usage: node tests/bench/import.mjs <orders.csv>');
  process.exit(2);
}
const DIST = resolve(new URL('../../dist', import.meta.url).pathname);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  let p = join(DIST, decodeURIComponent(req.url.split('?')[0]));
  if (!p.startsWith(DIST) || !existsSync(p) || statSync(p).isDirectory()) p = join(DIST, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(`http://127.0.0.1:${server.address().port}/?today=2025-11-03`);
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
await browser.close();
server.close();
