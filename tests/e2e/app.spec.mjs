// The weekly view of the built-in demo plan, pinned to 2026-W48 by ?today=2026-11-23.
// Selectors use data-testid and data-* attributes only (the grid contract).
import { test, expect, SCREENSHOTS } from './fixtures.mjs';

const TODAY = '2026-11-23';
const WEEK = '2026-W48';
const DEMO_SKUS = 40;

test('weekly grid shows the demo plan from the pinned current week', async ({ page }) => {
  await page.goto(`/?today=${TODAY}`);

  const grid = page.locator('[role="grid"][data-testid="plan-grid"]');
  await expect(grid).toBeVisible();

  // The pinned week is a column of the grid.
  await expect(grid.locator(`[role="columnheader"][data-period="${WEEK}"]`)).toHaveCount(1);

  // Projected on hand exists for that week, one cell per SKU.
  const projectedThisWeek = grid.locator(`[data-measure="projected"][data-sku][data-period="${WEEK}"]`);
  await expect(projectedThisWeek.first()).toBeVisible();
  await expect(projectedThisWeek).toHaveCount(DEMO_SKUS);

  // Forty distinct SKUs across all projected cells, named like CND-101.
  const skus = await grid
    .locator('[data-measure="projected"][data-sku]')
    .evaluateAll((cells) => [...new Set(cells.map((c) => c.getAttribute('data-sku')))]);
  expect(skus).toHaveLength(DEMO_SKUS);
  expect(skus).toContain('CND-101');
  for (const sku of skus) expect(sku).toMatch(/^[A-Z]{3}-\d{3}$/);

  // The gap measure is shown for the same SKUs and week.
  await expect(grid.locator(`[data-measure="gap"][data-sku][data-period="${WEEK}"]`)).toHaveCount(DEMO_SKUS);

  await page.screenshot({ path: `${SCREENSHOTS}weekly.png`, fullPage: true });
});
