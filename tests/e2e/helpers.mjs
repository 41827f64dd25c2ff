// Small helpers shared by the grid tests: cells by the grid contract, numbers as shown.
export const TODAY = '2026-11-23';

export function cell(page, sku, period, measure) {
  return page.locator(`[role="gridcell"][data-sku="${sku}"][data-period="${period}"][data-measure="${measure}"]`);
}

/** The number a cell shows ("1,234" → 1234, blank → null). */
export async function num(page, sku, period, measure) {
  const text = (await cell(page, sku, period, measure).innerText()).trim();
  return text === '' ? null : Number(text.replace(/,/g, ''));
}

export async function open(page) {
  await page.goto(`/?today=${TODAY}`);
  await page.locator('[role="gridcell"]').first().waitFor();
}

/** Shows only one SKU (plus its family and the total) so its rows are on screen. */
export async function only(page, sku) {
  await page.getByTestId('filter').fill(sku);
  await cell(page, sku, '2026-W48', 'projected').waitFor();
}

export async function active(page) {
  const el = page.locator('[role="gridcell"].active');
  return {
    sku: await el.getAttribute('data-sku'),
    period: await el.getAttribute('data-period'),
    measure: await el.getAttribute('data-measure'),
  };
}

/** A paste as Excel or Google Sheets sends it: a ClipboardEvent carrying text/plain. */
export async function paste(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector('[data-testid="plan-grid"]').dispatchEvent(ev);
  }, text);
}

/** Fires a copy event at the grid and returns what it put on the clipboard. */
export async function copy(page) {
  return page.evaluate(() => {
    const dt = new DataTransfer();
    const ev = new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector('[data-testid="plan-grid"]').dispatchEvent(ev);
    return dt.getData('text/plain');
  });
}

/** Scrolls the (virtualised) grid down from the top until the cell exists; returns it. */
export async function reveal(page, sku, period, measure) {
  const grid = page.getByTestId('plan-grid');
  const target = cell(page, sku, period, measure);
  // Two passes: a pass that reaches the bottom without seeing the row starts again from the top.
  for (let pass = 0; pass < 2 && !(await target.count()); pass++) {
    await grid.evaluate((el) => { el.scrollTop = 0; });
    for (let i = 0; i < 600; i++) {
      if (await target.count()) break;
      // A third of the view per step; then wait (up to ~2 s of frames) until the drawn rows
      // actually cover the view, so a slow repaint on a busy machine cannot pass a row unseen.
      const moved = await grid.evaluate(async (el) => {
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const before = el.scrollTop;
        el.scrollTop += Math.floor(el.clientHeight / 3);
        const covered = () => {
          const top = el.scrollTop;
          const bottom = Math.min(top + el.clientHeight, el.scrollHeight) - 1;
          const rows = [...el.querySelectorAll('[role="row"]:not([aria-rowindex="1"])')];
          const spans = (y) => rows.some((r) => r.offsetTop <= y && y < r.offsetTop + r.offsetHeight);
          return rows.length > 0 && spans(bottom) && spans(Math.max(top, bottom - el.clientHeight / 2));
        };
        for (let k = 0; k < 120 && (k < 2 || !covered()); k++) await frame();
        return el.scrollTop !== before;
      });
      if (!moved) {
        await target.first().waitFor({ timeout: 2000 }).catch(() => {});
        break;
      }
    }
  }
  // Centre its row in the grid (the sticky header would hide a row scrolled to the top edge).
  await target.evaluate(async (c) => {
    const grid = c.closest('[role="grid"]');
    const row = c.closest('[role="row"]');
    grid.scrollTop = Math.max(0, row.offsetTop - grid.clientHeight / 2);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  return target;
}

/** A person in their own browser (a fresh context): the app opened, name and role set. */
export async function person(browser, name, role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/?today=${TODAY}`);
  await page.locator('[role="gridcell"]').first().waitFor();
  await page.getByTestId('me').click();
  await page.getByTestId('me-name').fill(name);
  await page.getByTestId('me-role').selectOption(role);
  await page.getByTestId('me-save').click();
  return { context, page };
}

/** Clicks "Save plan file" and returns the downloaded file's text. */
export async function saveFile(page) {
  const { readFileSync } = await import('node:fs');
  const d = page.waitForEvent('download');
  await page.getByTestId('save-plan').click();
  return readFileSync(await (await d).path(), 'utf8');
}

/** Types a value into a cell and presses Enter. */
export async function enter(page, sku, period, measure, value) {
  await cell(page, sku, period, measure).click();
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
}

/** Waits until autosave has written the plan (the pointer names a slot that holds text). */
export async function saved(page) {
  await page.waitForFunction(() => {
    const p = localStorage.getItem('sop.plan.current');
    return p && localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b');
  });
  await page.waitForTimeout(600);
}

/** The stored plan text the pointer names. */
export async function storedText(page) {
  return page.evaluate(() => {
    const p = localStorage.getItem('sop.plan.current');
    return localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b');
  });
}

/**
 * Two tabs on one saved plan, both showing CND-101; tab A types 444 in its 2026-W50 forecast
 * and saves, so tab B shows the "another tab saved" banner. Returns both pages.
 */
export async function otherTabSaved(context) {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await saved(a);
  await open(b);
  await only(a, 'CND-101');
  await only(b, 'CND-101');
  await enter(a, 'CND-101', '2026-W50', 'forecast', 444);
  await b.getByTestId('banner-other-tab').waitFor();
  return { a, b };
}
