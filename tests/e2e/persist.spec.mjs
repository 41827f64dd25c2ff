// Autosave to local storage and every way it can fail: nothing typed is lost, unreadable data
// is kept under a dated key (more in recovery.spec.mjs), a full storage keeps working in memory, a second tab never
// overwrites silently.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, open, only, reveal, enter as type, saved, storedText, otherTabSaved } from './helpers.mjs';
import { readFileSync } from 'node:fs';

const POINTER = 'sop.plan.current';

async function savePlanFile(page) {
  const d = page.waitForEvent('download');
  await page.getByTestId('save-plan').click();
  return readFileSync(await (await d).path(), 'utf8');
}

test('reload after edits restores exactly the same plan, and undo history starts afresh', async ({ page }) => {
  await open(page);
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 137);
  await type(page, 'CND-101', '2026-W51', 'confirmed-receipts', 480);
  await saved(page);
  const before = await savePlanFile(page);
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('137');
  await expect(cell(page, 'CND-101', '2026-W51', 'confirmed-receipts')).toHaveText('480');
  expect(await savePlanFile(page)).toBe(before);
  await expect(page.getByTestId('banner-restore')).toHaveCount(0);
});

test('an edit is saved within half a second and again when the tab is hidden', async ({ page }) => {
  await open(page);
  await saved(page);
  await only(page, 'CND-101');
  const before = await storedText(page);
  await type(page, 'CND-101', '2026-W50', 'forecast', 222);
  const t0 = Date.now();
  await page.waitForFunction((b) => {
    const p = localStorage.getItem('sop.plan.current');
    return localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b') !== b;
  }, before, { polling: 20 });
  expect(Date.now() - t0).toBeLessThan(900); // 400 ms timer + test polling and round trips
  // Only one copy is kept once the save is verified.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop.plan.')).sort());
  expect(keys.length).toBe(2);
  // Hidden right after an edit: saved at once, before the timer would fire.
  const stored = await storedText(page);
  await type(page, 'CND-101', '2026-W51', 'forecast', 223);
  const changedAtOnce = await page.evaluate((b) => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    const p = localStorage.getItem('sop.plan.current');
    return localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b') !== b;
  }, stored);
  expect(changedAtOnce).toBe(true);
});

for (const [name, damage, reason] of [
  ['corrupt JSON', (t) => '{"app":"sop-grid",' + t.slice(40, 80), /could not be read/],
  ['truncated data', (t) => t.slice(0, Math.floor(t.length / 2)), /truncated|cut short|incomplete/i],
  ['a future schema version', (t) => t.replace(/"schema":\s*\d+/, '"schema":7'), /newer version/],
]) {
  test(`stored data with ${name}: kept as a backup, a banner explains, the download gives it back`, async ({ page }) => {
    await open(page);
    await only(page, 'CND-101');
    await type(page, 'CND-101', '2026-W50', 'forecast', 137);
    await saved(page);
    const good = await storedText(page);
    const bad = damage(good);
    await page.evaluate((b) => {
      const p = localStorage.getItem('sop.plan.current');
      localStorage.setItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b', b);
    }, bad);
    await page.reload();
    await page.locator('[role="gridcell"]').first().waitFor();
    const banner = page.getByTestId('banner-restore');
    await expect(banner).toContainText(reason);
    if (name === 'corrupt JSON') await page.screenshot({ path: SCREENSHOTS + 'banner-unreadable.png' });
    // Kept under its own dated key, exactly.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop.recovered.'))
      .map((k) => localStorage.getItem(k)))).toEqual([bad]);
    const d = page.waitForEvent('download');
    await page.getByTestId('restore-download').click();
    expect(readFileSync(await (await d).path(), 'utf8')).toBe(bad);
    // The demo plan is shown; the bad copy is never overwritten before it is backed up.
    await only(page, 'CND-101');
    await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('111');
  });
}

test('storage full: work goes on in memory, a banner offers the plan file, saving resumes when there is room', async ({ page }) => {
  await open(page);
  await saved(page);
  // Fill the origin's storage to the brim with filler.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try { localStorage.setItem('filler' + i++, chunk); } catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 333);
  await expect(page.getByTestId('banner-quota')).toBeVisible();
  await page.screenshot({ path: SCREENSHOTS + 'banner-quota.png' });
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('333');
  const d = page.waitForEvent('download');
  await page.getByTestId('quota-save-file').click();
  expect(readFileSync(await (await d).path(), 'utf8')).toContain('series,CND-101,forecast,2026-W50,333');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler')).forEach((k) => localStorage.removeItem(k)));
  await type(page, 'CND-101', '2026-W51', 'forecast', 334);
  await expect(page.getByTestId('banner-quota')).toHaveCount(0);
  await saved(page);
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('333');
});

test('two tabs: the other tab says so instead of overwriting; keep mine or reload theirs', async ({ context }) => {
  const { a, b } = await otherTabSaved(context);
  await expect(b.getByTestId('banner-other-tab')).toBeVisible();
  // B edits too: it must not save over A's plan while the banner is up.
  await type(b, 'CND-101', '2026-W51', 'forecast', 555);
  await b.waitForTimeout(700);
  await a.reload();
  await only(a, 'CND-101');
  await expect(cell(a, 'CND-101', '2026-W50', 'forecast')).toHaveText('444');
  await expect(cell(a, 'CND-101', '2026-W51', 'forecast')).toHaveText('111');
  // B reloads theirs: A's plan.
  await b.getByTestId('other-tab-reload').click();
  await b.locator('[role="gridcell"]').first().waitFor();
  await only(b, 'CND-101');
  await expect(cell(b, 'CND-101', '2026-W50', 'forecast')).toHaveText('444');
  // Now B changes and A keeps its own: A's save wins, B is told.
  await type(b, 'CND-101', '2026-W52', 'forecast', 666);
  await expect(a.getByTestId('banner-other-tab')).toBeVisible();
  await a.getByTestId('other-tab-keep').click();
  await a.getByTestId('other-tab-keep-confirm').click();
  await expect(a.getByTestId('banner-other-tab')).toHaveCount(0);
  await expect(b.getByTestId('banner-other-tab')).toBeVisible();
});

test('check-ins kept over weeks score the forecast by lag in the deep dive', async ({ page }) => {
  const day = async (d) => {
    await page.goto(`/?today=${d}`);
    await page.locator('[role="gridcell"]').first().waitFor();
  };
  // W48: check-in. The demo forecast of CND-101 for W49 is 111.
  await day('2026-11-23');
  await page.getByTestId('checkin-start').click();
  await saved(page);
  // A week later the plan has rolled on to W49; another check-in.
  await day('2026-11-30');
  await expect(page.getByTestId('current-week')).toHaveText('Week 2026-W49');
  await expect(page.getByTestId('checkin-last')).toHaveText('Last check-in 2026-11-23');
  await page.getByTestId('checkin-start').click();
  await saved(page);
  // W50: last week's actual comes in at 100 against the 111 the first check-in planned.
  await day('2026-12-07');
  await page.getByTestId('filter').fill('CND-101');
  await cell(page, 'CND-101', '2026-W49', 'actual').waitFor();
  await type(page, 'CND-101', '2026-W49', 'actual', 100);
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('filter').fill('CND-101');
  await page.getByTestId('expand-all').click();
  await (await reveal(page, 'CND-101', '2026-12', 'forecast')).click();
  await expect(page.getByTestId('kpi-scope')).toContainText('CND-101');
  // Lag 1: |100 − 111| / 100 = 11.0 %, bias (111 − 100) / 100 = +11.0 %, one check-in scored
  // (the W49 check-in's week W50 is not over yet).
  await expect(page.getByTestId('kpi-lag-1')).toContainText('11.0%');
  await expect(page.getByTestId('kpi-lag-1-detail')).toHaveText('bias +11.0% · 1 check-in week(s)');
  await expect(page.getByTestId('kpi-lag-4-detail')).toHaveText('needs a check-in 4 week(s) back');
});
