// The monthly deep dive of the demo plan (current week 2026-W48, so November 2026 is the
// current month). Expected numbers come from the values the grid showed before the edit.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { open, cell, num, reveal } from './helpers.mjs';

async function deepDive(page) {
  await open(page);
  await page.getByTestId('tab-monthly').click();
  await expect(page.getByTestId('tab-monthly')).toHaveAttribute('aria-selected', 'true');
  await cell(page, 'family:Candles', '2026-12', 'forecast').waitFor();
}

test('months, families first, money and capacity; the screenshot', async ({ page }) => {
  await deepDive(page);
  const grid = page.getByTestId('plan-grid');
  // 3 past months (Aug–Oct), November and 11 more: Aug 2026 … Oct 2027, plus the label column.
  await expect(grid).toHaveAttribute('aria-colcount', String(15 + 1));
  await expect(grid.locator('[role="columnheader"][data-period="2026-08"]')).toHaveCount(1);
  await grid.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await expect(grid.locator('[role="columnheader"][data-period="2027-10"]')).toHaveCount(1);
  await grid.evaluate((el) => { el.scrollLeft = 0; });
  // Families are collapsed: no SKU rows until drilled into.
  await expect(page.locator('[role="gridcell"][data-sku="CND-101"]')).toHaveCount(0);
  for (const m of ['revenue', 'cogs', 'margin', 'inventory-value', 'po-spend']) {
    await expect(cell(page, 'total', '2026-12', m)).toBeVisible();
  }
  // Margin = revenue − COGS (each rounded to whole currency units, so within 1).
  await reveal(page, 'family:Candles', '2026-12', 'margin');
  const [rev, cogs, margin] = await Promise.all(['revenue', 'cogs', 'margin'].map((m) => num(page, 'family:Candles', '2026-12', m)));
  expect(Math.abs(rev - cogs - margin)).toBeLessThanOrEqual(1);
  // Candles are poured in-house at 900 a week: December (5 weeks) has 4,500 of capacity.
  await expect(await reveal(page, 'family:Candles', '2026-12', 'capacity')).toHaveText('4,500');
  await expect(page.locator('[role="gridcell"][data-sku="family:Diffusers"][data-measure="capacity"]')).toHaveCount(0);
  await expect(page.getByTestId('split-rule')).toContainText('in proportion to the current forecast');
  await expect(page.getByTestId('kpi-wmape-3')).toContainText('%');
  await expect(page.getByTestId('chart')).toBeVisible();
  await grid.evaluate((el) => { el.scrollTop = 0; });
  await page.screenshot({ path: `${SCREENSHOTS}monthly.png` });
  await page.getByTestId('toggle-family-Candles').click();
  await (await reveal(page, 'CND-101', '2026-12', 'projected')).click();
  await expect(page.getByTestId('kpi-scope')).toHaveText(/^CND-101 /);
  await page.screenshot({ path: `${SCREENSHOTS}monthly-drilldown.png` });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-summary')).toBeVisible();
  await expect(page.getByTestId('plan-grid')).toBeHidden();
  // The side panels for planning are not part of the printed page.
  await expect(page.getByTestId('events')).toBeHidden();
  await expect(page.getByTestId('scenarios')).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOTS}print-summary.png`, fullPage: true });
});

test('a family-level monthly forecast edit splits to SKUs and weeks as one undoable change', async ({ page }) => {
  await deepDive(page);
  const F = 'family:Candles';
  const before = {
    forecast: await num(page, F, '2026-12', 'forecast'),
    demand: await num(page, F, '2026-12', 'demand'),
    projected: await num(page, F, '2026-12', 'projected'),
    jan: await num(page, F, '2027-01', 'forecast'),
  };
  await page.getByTestId('toggle-family-Candles').click();
  const skus = ['CND-101', 'CND-102', 'CND-110'];
  const skuBefore = {};
  for (const s of skus) {
    await reveal(page, s, '2026-12', 'forecast');
    skuBefore[s] = await num(page, s, '2026-12', 'forecast');
  }
  await reveal(page, F, '2026-12', 'forecast');
  // Double the family's December: every SKU's December doubles (the split is proportional).
  await cell(page, F, '2026-12', 'forecast').click();
  await page.keyboard.type(String(2 * before.forecast));
  await page.keyboard.press('Enter');
  await expect(cell(page, F, '2026-12', 'forecast')).toHaveText((2 * before.forecast).toLocaleString('en-US'));
  for (const s of skus) {
    await expect(await reveal(page, s, '2026-12', 'forecast')).toHaveText((2 * skuBefore[s]).toLocaleString('en-US'));
  }
  await reveal(page, F, '2026-12', 'forecast');
  // No candle has a consensus in December: demand rises by the same amount, and stock at the
  // end of December falls by it. January is untouched.
  await expect(cell(page, F, '2026-12', 'demand')).toHaveText((before.demand + before.forecast).toLocaleString('en-US'));
  await expect(cell(page, F, '2026-12', 'projected')).toHaveText((before.projected - before.forecast).toLocaleString('en-US'));
  await expect(cell(page, F, '2027-01', 'forecast')).toHaveText(before.jan.toLocaleString('en-US'));
  // The weeks of December got the split too: the weekly view shows CND-101's W49 doubled.
  await page.getByTestId('tab-weekly').click();
  await page.getByTestId('filter').fill('CND-101');
  const w49 = await num(page, 'CND-101', '2026-W49', 'forecast');
  await page.getByTestId('tab-monthly').click();
  await cell(page, F, '2026-12', 'forecast').waitFor();
  // One undo restores the family and every SKU.
  await page.getByTestId('undo').click();
  await expect(cell(page, F, '2026-12', 'forecast')).toHaveText(before.forecast.toLocaleString('en-US'));
  await expect(cell(page, F, '2026-12', 'projected')).toHaveText(before.projected.toLocaleString('en-US'));
  await page.getByTestId('tab-weekly').click();
  await page.getByTestId('filter').fill('CND-101');
  await expect(cell(page, 'CND-101', '2026-W49', 'forecast')).toHaveText((w49 / 2).toLocaleString('en-US'));
});

test('a SKU month below what past weeks already hold is refused and changes nothing', async ({ page }) => {
  await deepDive(page);
  await page.getByTestId('toggle-family-Candles').click();
  await (await reveal(page, 'CND-101', '2026-11', 'forecast')).click();
  const nov = await num(page, 'CND-101', '2026-11', 'forecast');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-message')).toContainText('CND-101 forecast in 2026-11:');
  await expect(page.getByTestId('grid-message')).toContainText('were already in past weeks; type at least that');
  await page.keyboard.press('Escape');
  await expect(cell(page, 'CND-101', '2026-11', 'forecast')).toHaveText(nov.toLocaleString('en-US'));
});
