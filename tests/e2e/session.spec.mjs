// The test switches (`?bench=N`, `?today=`) open a test copy under its own storage keys and
// say so in the top bar; the plan saved in this browser is never read or changed by them.
// Before, one visit to `?bench=50` replaced the saved plan and dropped its check-ins, and a
// far-ahead `?today=` rolled it on for good.
import { test, expect } from './fixtures.mjs';
import { cell } from './helpers.mjs';

test.describe.configure({ timeout: 120_000 });

/** Every key of the real local storage but the test copy's, with its text. */
function ownKeys(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => !k.startsWith('sop.pinned.')).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Waits until autosave has written the plan, as the tab sees storage. */
async function saved(page) {
  await page.waitForFunction(() => {
    const p = localStorage.getItem('sop.plan.current');
    return p && localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b');
  });
  await page.waitForTimeout(600);
}

async function ready(page, url) {
  await page.goto(url);
  await page.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
}

test('?bench= and ?today= leave the saved plan and its check-ins exactly as they were', async ({ page }) => {
  // The planner's own plan, on the real date: an edit and a check-in, saved.
  await ready(page, '/');
  await expect(page.getByTestId('session-badge')).toHaveCount(0);
  const week = (await page.getByTestId('current-week').innerText()).replace('Week ', '');
  await page.getByTestId('filter').fill('CND-101');
  const c = cell(page, 'CND-101', week, 'forecast');
  await c.click();
  await page.keyboard.type('137');
  await page.keyboard.press('Enter');
  await expect(c).toHaveText('137');
  await page.getByTestId('checkin-start').click();
  await saved(page);
  const before = await ownKeys(page);
  expect(Object.keys(before)).toContain('sop.plan.current');
  const lastCheckin = await page.getByTestId('checkin-last').innerText();

  // A benchmark session: its generated plan is saved, in its own keys.
  await ready(page, '/?bench=50');
  await expect(page.getByTestId('session-badge')).toHaveText('Test copy: benchmark plan, 50 SKUs');
  await saved(page);
  // A date far ahead: the test copy rolls on to 2030, and an edit is saved there.
  await ready(page, '/?today=2030-01-07');
  await expect(page.getByTestId('session-badge')).toHaveText('Test copy: pinned to 2030-01-07');
  await expect(page.getByTestId('current-week')).toHaveText('Week 2030-W02');
  await saved(page);

  // Back to the plain address: the saved plan, its check-in and every key as before.
  await ready(page, '/');
  await expect(page.getByTestId('session-badge')).toHaveCount(0);
  await expect(page.getByTestId('current-week')).toHaveText(`Week ${week}`);
  await expect(page.getByTestId('checkin-last')).toHaveText(lastCheckin);
  await page.getByTestId('filter').fill('CND-101');
  await expect(cell(page, 'CND-101', week, 'forecast')).toHaveText('137');
  await page.waitForTimeout(600);
  expect(await ownKeys(page)).toEqual(before);
  // The test copy lives on under its own keys, for the next test session.
  const pinned = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop.pinned.sop.plan.')));
  expect(pinned.length).toBe(2);
});

test('a pinned session saves across a reload in its own keys and sees only those', async ({ page }) => {
  await ready(page, '/?today=2026-11-23');
  await expect(page.getByTestId('session-badge')).toHaveText('Test copy: pinned to 2026-11-23');
  await page.screenshot({ path: new URL('./screenshots/session-badge.png', import.meta.url).pathname });
  await page.getByTestId('filter').fill('CND-101');
  const c = cell(page, 'CND-101', '2026-W50', 'forecast');
  await c.click();
  await page.keyboard.type('222');
  await page.keyboard.press('Enter');
  await saved(page);
  // Inside the session, storage reads as if the keys were the plain ones.
  const seen = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop.')).sort());
  expect(seen).toContain('sop.plan.current');
  expect(seen.some((k) => k.startsWith('sop.pinned.'))).toBe(false);
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
  await page.getByTestId('filter').fill('CND-101');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('222');
  // The plain address never saw it: the demo plan opens, no test copy badge.
  await ready(page, '/');
  await expect(page.getByTestId('session-badge')).toHaveCount(0);
  await page.getByTestId('filter').fill('CND-101');
  await cell(page, 'CND-101', '2026-W50', 'forecast').waitFor();
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).not.toHaveText('222');
});
