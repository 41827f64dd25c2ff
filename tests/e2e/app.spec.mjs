// The weekly check-in view of the built-in demo plan, pinned to 2026-W48 by ?today=2026-11-23.
// Selectors use data-testid and data-* attributes only (the grid contract).
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { open, cell } from './helpers.mjs';

test('weekly view shows the demo plan from the pinned current week', async ({ page }) => {
  await open(page);
  const grid = page.locator('[role="grid"][data-testid="plan-grid"]');
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('current-week')).toHaveText('Week 2026-W48');
  // 4 past weeks + 13 ahead (2026 has a week 53): W44 … 2027-W07, plus the label column.
  await expect(grid).toHaveAttribute('aria-colcount', '18');
  await expect(grid.locator('[role="columnheader"][data-period="2026-W48"]')).toHaveCount(1);
  // Total, the three families and the first SKU are on screen.
  await expect(cell(page, 'total', '2026-W48', 'projected')).toBeVisible();
  for (const f of ['Candles']) await expect(cell(page, `family:${f}`, '2026-W48', 'projected')).toBeVisible();
  await expect(cell(page, 'CND-101', '2026-W48', 'projected')).toBeVisible();
  // Exceptions: the four stockouts first, each with its suggested order.
  const items = page.getByTestId('exceptions').locator('li');
  await expect(items.first()).toContainText('Stockout');
  for (const sku of ['CND-103', 'CND-108', 'DIF-106', 'GFT-102']) {
    await expect(page.getByTestId(`exception-${sku}`)).toContainText('Stockout');
    await expect(page.getByTestId(`suggestion-${sku}`)).toContainText(/^Order [\d,]+ by 20\d\d-W\d\d/);
  }
  await expect(page.getByTestId('kpi-stockouts')).toContainText('4');
  await page.screenshot({ path: `${SCREENSHOTS}weekly.png` });
});

test('the grid stays virtualised: bounded DOM, every row reachable by scrolling', async ({ page }) => {
  await open(page);
  const grid = page.getByTestId('plan-grid');
  const count = await page.locator('[role="gridcell"]').count();
  expect(count).toBeLessThanOrEqual(3000);
  // Header + total and 3 families (3 rows each, plus Candles' capacity) + 40 SKUs × 9 measures.
  await expect(grid).toHaveAttribute('aria-rowcount', String(1 + 4 * 3 + 1 + 40 * 9));
  await expect(cell(page, 'family:Candles', '2026-W49', 'capacity')).toHaveText('900');
  // 4,344 units arrive in W49 against 900 of capacity: flagged.
  await expect(cell(page, 'family:Candles', '2026-W49', 'receipts')).toHaveClass(/overload/);
  await grid.evaluate((el) => { el.scrollTop = el.scrollHeight; el.scrollLeft = el.scrollWidth; });
  await expect(cell(page, 'GFT-110', '2027-W07', 'cover')).toBeVisible();
  expect(await page.locator('[role="gridcell"]').count()).toBeLessThanOrEqual(3000);
});

test('the SKU panel shows the selected SKU (screenshot)', async ({ page }) => {
  await open(page);
  await cell(page, 'CND-101', '2026-W49', 'forecast').click();
  await expect(page.getByTestId('product-panel')).toContainText('CND-101');
  await page.screenshot({ path: `${SCREENSHOTS}weekly-sku-panel.png` });
});
