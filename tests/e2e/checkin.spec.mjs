// The weekly check-in: a snapshot of the plan; then what changed since — marked in the grid
// and listed for the call, ranked, with who changed what.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, open, only } from './helpers.mjs';

async function type(page, sku, period, measure, value) {
  await cell(page, sku, period, measure).click();
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
}

test('after a check-in, forecast revisions and a moved receipt are marked and listed with who made them', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('since')).toHaveCount(0);
  await expect(page.getByTestId('checkin-last')).toHaveText('No check-in yet');
  await page.getByTestId('me').click();
  await page.getByTestId('me-name').fill('Ana');
  await page.getByTestId('me-role').selectOption('Sales');
  await page.getByTestId('me-save').click();
  await page.getByTestId('checkin-start').click();
  await expect(page.getByTestId('checkin-last')).toHaveText('Last check-in 2026-11-23');
  await expect(page.getByTestId('since')).toContainText('of 2026-11-23 by Ana (Sales) — nothing changed yet');

  await only(page, 'CND-101');
  // Forecast 111 + 111 → 150 + 140 over W50–W51; the 700 due in W52 comes a week early.
  await type(page, 'CND-101', '2026-W50', 'forecast', 150);
  await type(page, 'CND-101', '2026-W51', 'forecast', 140);
  await type(page, 'CND-101', '2026-W51', 'confirmed-receipts', 700);
  await type(page, 'CND-101', '2026-W52', 'confirmed-receipts', 0);
  const items = page.getByTestId('change-item');
  await expect(items).toHaveText([
    /CND-101 confirmed receipts of 700 moved 2026-W52 → 2026-W51 — Ana \(Sales\)/,
    /CND-101 forecast 2026-W50–W51: 222 → 290 \(\+68, \+31%\) — Ana \(Sales\)/,
  ]);
  for (const [period, measure] of [['2026-W50', 'forecast'], ['2026-W51', 'forecast'],
    ['2026-W51', 'confirmed-receipts'], ['2026-W52', 'confirmed-receipts']]) {
    await expect(cell(page, 'CND-101', period, measure)).toHaveClass(/changed/);
  }
  await expect(cell(page, 'CND-101', '2026-W52', 'forecast')).not.toHaveClass(/changed/);
  await page.screenshot({ path: SCREENSHOTS + 'weekly-since-checkin.png' });

  // Back to the check-in's value: no longer a change.
  await type(page, 'CND-101', '2026-W51', 'forecast', 111);
  await expect(items).toHaveText([/moved 2026-W52 → 2026-W51/, /CND-101 forecast 2026-W50: 111 → 150 \(\+39, \+35%\)/]);
  await expect(cell(page, 'CND-101', '2026-W51', 'forecast')).not.toHaveClass(/changed/);
});
