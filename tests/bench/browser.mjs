// Shared by the browser benchmarks: serve the release build in dist/ on a free local port and
// launch headless Chromium (the same flags as the e2e suite), with a 1280×720 page.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

// BENCH_DIST serves another build (e.g. one with function names kept, for profile.mjs).
const DIST = resolve(process.env.BENCH_DIST ?? new URL('../../dist', import.meta.url).pathname);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Starts the server and the browser; returns { page, origin, close }. */
export async function openBench() {
  const server = createServer((req, res) => {
    let p = join(DIST, decodeURIComponent(req.url.split('?')[0]));
    if (!p.startsWith(DIST) || !existsSync(p) || statSync(p).isDirectory()) p = join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(readFileSync(p));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  return {
    page,
    origin: `http://127.0.0.1:${server.address().port}`,
    close: async () => { await browser.close(); server.close(); },
  };
}

/** Helpers the benchmarks call inside the page (window.__frame, __afterWork, __selectCurrent,
 * __edit), defined once here so that every benchmark times the same actions. */
export async function installPageHelpers(page) {
  await page.evaluate(() => {
    // The next painted frame (requestAnimationFrame + a task).
    window.__frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // A task after the app's effects, then a forced style and layout: the work of an action
    // without the wait for vsync.
    window.__afterWork = () => new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { void document.body.offsetHeight; r(); };
      ch.port2.postMessage(0);
    });
    // Selects the current week's first consensus cell in view and focuses the grid.
    window.__selectCurrent = async (measure) => {
      const grid = document.querySelector('[data-testid="plan-grid"]');
      const target = [...document.querySelectorAll(`[role="gridcell"][data-measure="${measure}"]`)]
        .find((c) => c.classList.contains('current'));
      target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      grid.focus();
      await window.__frame();
    };
    // Types `value` into the active cell and commits it with Enter; returns the work and
    // the time to the next painted frame, in ms; then moves back up to the edited cell.
    window.__edit = async (value) => {
      const grid = document.querySelector('[data-testid="plan-grid"]');
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: String(value)[0], bubbles: true }));
      await window.__frame();
      const input = document.querySelector('.cell-editor');
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const start = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await window.__afterWork();
      const work = performance.now() - start;
      await window.__frame();
      const frame = performance.now() - start;
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
      await window.__frame();
      return { work, frame };
    };
  });
}
