// Stored data the app cannot use is never written over: each copy is moved aside under its own
// dated key, listed under "Recovered data" newest first, downloadable byte for byte and
// openable where it is a plan; a newer app's save makes the tab read-only; a damaged or
// dangling pointer is kept and said.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, open, only, enter as type, saved, storedText } from './helpers.mjs';
import { readFileSync } from 'node:fs';

const SLOT = (p) => (p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b');

/** Puts `text` where the pointer says the plan is, as damage or another version would. */
async function putInSlot(page, text) {
  await page.evaluate((t) => {
    const p = localStorage.getItem('sop.plan.current');
    localStorage.setItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b', t);
  }, text);
}

async function reload(page) {
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
}

async function recoveredItems(page) {
  const list = page.getByTestId('recovered-list');
  if (!(await list.isVisible())) await page.getByTestId('recovered-toggle').click();
  return page.getByTestId('recovered-item');
}

async function download(page, item) {
  const d = page.waitForEvent('download');
  await item.getByTestId('recovered-download').click();
  return readFileSync(await (await d).path(), 'utf8');
}

test('a newer-format save, a corrupt save and a second corrupt save all survive, listed newest first and downloadable byte for byte', async ({ page }) => {
  await open(page);
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 137);
  await saved(page);
  const good = await storedText(page);
  // What an older version kept under its single backup key joins the list too.
  const oldBackup = '{"app":"sop-grid","schema":2,"len":9,"check":"00000000","payload":"AAAA"}';
  await page.evaluate((t) => localStorage.setItem('sop.plan.backup', t), oldBackup);

  const cut = good.slice(0, Math.floor(good.length / 2));
  await putInSlot(page, cut);
  await reload(page);
  await expect(page.getByTestId('banner-restore')).toContainText('incomplete');
  await expect(page.getByTestId('banner-restore')).toContainText('kept untouched under Recovered data');
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('111');
  await saved(page); // the demo is saved afresh: the cut copy is already aside

  const broken = '{"app":"sop-grid",' + good.slice(40, 120);
  await putInSlot(page, broken);
  await reload(page);
  await expect(page.getByTestId('banner-restore')).toContainText('damaged');
  await saved(page);

  const newer = good.replace(/"schema":\d+,/, '"schema":7,');
  await putInSlot(page, newer);
  const pointer = await page.evaluate(() => localStorage.getItem('sop.plan.current'));
  await reload(page);
  const banner = page.getByTestId('banner-restore');
  await expect(banner).toHaveAttribute('data-kind', 'newer');
  await expect(banner).toContainText('Read-only: The saved plan was written by a newer version of the app (format 7; this one reads up to 4)');
  // Read-only: an edit here is never saved over the newer save.
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W51', 'forecast', 999);
  await page.waitForTimeout(900);
  expect(await page.evaluate(() => localStorage.getItem('sop.plan.current'))).toBe(pointer);
  expect(await page.evaluate((k) => localStorage.getItem(k), SLOT(pointer))).toBe(newer);

  const items = await recoveredItems(page);
  await expect(items).toHaveCount(4);
  await page.screenshot({ path: SCREENSHOTS + 'recovered-panel.png' });
  // Newest first: the newer save, the damaged one, the cut one, then the old backup.
  await expect(items.nth(0)).toHaveAttribute('data-source', 'plan');
  await expect(items.nth(0).getByTestId('recovered-holds')).toHaveText('A save of a newer version of the app (format 7): it opens once this app is updated.');
  await expect(items.nth(1).getByTestId('recovered-holds')).toContainText('damaged');
  await expect(items.nth(2).getByTestId('recovered-holds')).toHaveText('The saved plan is incomplete: saving it was cut off before the end.');
  await expect(items.nth(3)).toHaveAttribute('data-source', 'backup');
  expect(await download(page, items.nth(0))).toBe(newer);
  expect(await download(page, items.nth(1))).toBe(broken);
  expect(await download(page, items.nth(2))).toBe(cut);
  expect(await download(page, items.nth(3))).toBe(oldBackup);
  // Read-only: nothing here can be opened over it.
  await expect(page.getByTestId('recovered-open')).toHaveCount(0);
  // A second start meets the same newer save: it is not kept twice.
  await reload(page);
  await expect(await recoveredItems(page)).toHaveCount(4);
});

test('every stored key damaged: all kept aside and said, never the demo silently over them', async ({ page }) => {
  await open(page);
  await saved(page);
  const good = await storedText(page);
  const texts = { 'sop.plan.current': 'zz', 'sop.plan.a': good.slice(0, 300), 'sop.plan.b': good.slice(5) };
  await page.evaluate((t) => Object.entries(t).forEach(([k, v]) => localStorage.setItem(k, v)), texts);
  await reload(page);
  await expect(page.getByTestId('banner-restore')).toHaveAttribute('data-kind', 'pointer');
  await expect(page.getByTestId('banner-restore')).toContainText('Everything found is kept untouched under Recovered data');
  const items = await recoveredItems(page);
  await expect(items).toHaveCount(3);
  const got = [];
  for (let i = 0; i < 3; i++) got.push(await download(page, items.nth(i)));
  expect(got.sort()).toEqual(Object.values(texts).sort());
});

test('a pointer to an empty slot: the copy found is kept, and opens with one click', async ({ page }) => {
  await open(page);
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 137);
  await saved(page);
  const mine = await storedText(page);
  const v1 = readFileSync(new URL('../fixtures/storage/v1.json', import.meta.url), 'utf8').trim();
  await page.evaluate(([m, old]) => {
    localStorage.clear();
    localStorage.setItem('sop.plan.current', 'b:gone');
    localStorage.setItem('sop.plan.a', m);
    localStorage.setItem('sop.recovered.2026-11-01T10:00:00.000Z/slot', old);
  }, [mine, v1]);
  await reload(page);
  await expect(page.getByTestId('banner-restore')).toHaveAttribute('data-kind', 'pointer');
  const items = await recoveredItems(page);
  await expect(items).toHaveCount(3);
  // An older format (1) opens too.
  const old = items.filter({ hasText: '2 SKU(s), 2 check-in(s)' });
  await expect(old.getByTestId('recovered-open')).toBeVisible();
  const copy = items.filter({ hasText: 'A plan this app can open' }).filter({ hasText: '0 check-in(s)' });
  expect(await download(page, copy)).toBe(mine);
  await copy.getByTestId('recovered-open').click();
  await expect(page.getByTestId('recovered-message')).toContainText('Opened the recovered copy');
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('137');
  await saved(page);
  await reload(page);
  await expect(page.getByTestId('banner-restore')).toHaveCount(0);
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('137');
});

test('closing the tab while changes cannot be saved asks first; with everything saved it does not', async ({ page }) => {
  // Storage switched off: the change lives in this tab only. (A newer app's save no longer
  // serves here: its read-only tab refuses the change, so there is nothing to lose.)
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page);
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 5);
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('5');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('closing with everything saved does not ask', async ({ page }) => {
  await open(page);
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 5);
  await saved(page);
  let asked = false;
  page.on('dialog', async (d) => { asked = true; await d.dismiss(); });
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  expect(asked).toBe(false);
});

test('the app asks the browser to keep its storage, and says so where it is refused', async ({ page }) => {
  await open(page);
  await page.waitForFunction(() => window.__sop_timings && window.__sop_timings.storage_persisted !== undefined);
  const granted = await page.evaluate(() => window.__sop_timings.storage_persisted);
  await expect(page.getByTestId('storage-note')).toHaveCount(granted ? 0 : 1);
});
