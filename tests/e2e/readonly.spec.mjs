// A save written by a newer version of the app opens this tab read-only (issue 11, item 2):
// the grid says so and takes no changes at all — typing, pasting, undo, scenarios — and the
// newer save, like everything else stored, stays byte for byte as it was.
import { test as plain } from '@playwright/test';
import { test, expect } from './fixtures.mjs';
import { cell, open, only, paste, enter as type, saved, storedText, TODAY } from './helpers.mjs';

/** Every stored key and its text (this session's view of local storage). */
async function everything(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

test('a newer app\'s save: typing into a cell changes nothing, says read-only, and the save stays byte for byte', async ({ page }) => {
  await open(page);
  await saved(page);
  const newer = (await storedText(page)).replace(/"schema":\d+,/, '"schema":7,');
  await page.evaluate((t) => {
    const p = localStorage.getItem('sop.plan.current');
    localStorage.setItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b', t);
  }, newer);
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
  await expect(page.getByTestId('banner-restore')).toHaveAttribute('data-kind', 'newer');
  await expect(page.getByTestId('banner-restore')).toContainText('read-only: it takes no changes');
  const grid = page.getByTestId('plan-grid');
  await expect(grid).toHaveAttribute('aria-readonly', 'true');
  await expect(grid).toHaveClass(/read-only/);
  const before = await everything(page);
  expect(Object.values(before)).toContain(newer);

  await only(page, 'CND-101');
  const forecast = cell(page, 'CND-101', '2026-W50', 'forecast');
  const shown = await forecast.innerText();
  await type(page, 'CND-101', '2026-W50', 'forecast', 999);
  await expect(page.getByTestId('grid-message')).toHaveText('Read-only: this tab does not take changes (see the banner at the top)');
  await expect(forecast).toHaveText(shown);
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
  // A paste and an undo are refused the same way.
  await forecast.click();
  await paste(page, '555\t556');
  await expect(forecast).toHaveText(shown);
  await page.keyboard.press('Control+z');
  await expect(forecast).toHaveText(shown);
  // Scenarios too: nothing is made.
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('Copy');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-message')).toHaveText('Read-only: this tab does not take changes (see the banner at the top)');
  await expect(page.getByTestId('scenario')).toHaveCount(0);
  await page.waitForTimeout(900);
  expect(await everything(page)).toEqual(before);
});

// A planner's page (no ?today= / ?bench=) has no crash switch; a test session does.
plain('the crash test switch exists only in a test session', async ({ page }) => {
  await page.goto('/');
  await page.locator('[role="gridcell"]').first().waitFor();
  expect(await page.evaluate(() => typeof window.sop_crash_test)).toBe('undefined');
  expect(await page.evaluate(() => typeof window.wasmBindings?.sop_crash_test)).toBe('undefined');
  await page.goto(`/?today=${TODAY}`);
  await page.locator('[role="gridcell"]').first().waitFor();
  expect(await page.evaluate(() => typeof window.sop_crash_test)).toBe('function');
});
