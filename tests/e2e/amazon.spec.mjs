// Amazon Seller Central reports through the import dialog: the All Orders report becomes
// weekly actual sales, the FBA inventory report stock on hand and inbound receipts. Numbers
// worked out by hand from tests/fixtures/amazon_*.txt (see tests/import_amazon.rs). The
// orders are from October 2025: the app is pinned to 3 Nov 2025 so their weeks are past; the
// inventory report is a snapshot of the current week (pinned to 23 Nov 2026, 2026-W48).
import { test, expect } from './fixtures.mjs';
import { cell, only } from './helpers.mjs';

const FIX = new URL('../fixtures/', import.meta.url).pathname;

async function openAt(page, today) {
  await page.goto(`/?today=${today}`);
  await page.locator('[role="gridcell"]').first().waitFor();
}

/** Opens the app on `today` and picks a report in the import dialog; it must be seen so. */
async function pick(page, today, name, seen) {
  await openAt(page, today);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(FIX + name);
  await expect(page.getByTestId('import-seen')).toHaveText(seen);
}

async function importOrders(page) {
  await pick(page, '2025-11-03', 'amazon_all_orders.txt',
    'Amazon All Orders report, UTF-8, tab-delimited, dates y-m-d, 18 order items');
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('4 SKUs');
  await expect(summary).toContainText('3 order items cancelled left out');
  await expect(summary).toContainText('1 order item of other channels shipped by Amazon (sales-channel Non-Amazon) left out');
  await expect(summary).toContainText('1 order item with quantity 0 left out');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText('Imported amazon_all_orders.txt');
}

async function importInventory(page) {
  await pick(page, '2026-11-23', 'amazon_fba_inventory.txt',
    'Amazon FBA inventory report, UTF-8, tab-delimited, 5 listing rows');
  await expect(page.getByTestId('import-summary')).toContainText('1 listing not fulfilled by Amazon left out');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText('Imported amazon_fba_inventory.txt');
}

test('the Amazon All Orders report gives exact weekly actuals (pending counted, cancelled left out)', async ({ page }) => {
  await importOrders(page);
  await page.getByTestId('filter').fill('CND-101');
  // 2 + 1 in W41; 4 + 1 pending in W42 (the cancelled order of 17 Oct and the Non-Amazon
  // order are left out); Monday 27 Oct 00:40 +01:00 is W44 as written.
  await expect(cell(page, 'CND-101', '2025-W41', 'actual')).toHaveText('3');
  await expect(cell(page, 'CND-101', '2025-W42', 'actual')).toHaveText('5');
  await expect(cell(page, 'CND-101', '2025-W44', 'actual')).toHaveText('3');
  await page.getByTestId('filter').fill('CND-102');
  // 2 shipped in W42; 3 pending in W43; the cancelled order of 8 Oct left out
  await expect(cell(page, 'CND-102', '2025-W42', 'actual')).toHaveText('2');
  await expect(cell(page, 'CND-102', '2025-W43', 'actual')).toHaveText('3');
  await page.getByTestId('filter').fill('GFT-102');
  // Sunday 12 Oct 23:30 -07:00 is W41 as written (Monday in UTC)
  await expect(cell(page, 'GFT-102', '2025-W41', 'actual')).toHaveText('1');
  await expect(cell(page, 'GFT-102', '2025-W42', 'actual')).toHaveText('1');
});

test('the FBA inventory report sets stock on hand and inbound receipts', async ({ page }) => {
  await importInventory(page);
  await only(page, 'CND-101');
  // receiving (12) this week, shipped (48) next week; working (24) not yet
  await expect(cell(page, 'CND-101', '2026-W48', 'confirmed-receipts')).toHaveText('12');
  await expect(cell(page, 'CND-101', '2026-W49', 'confirmed-receipts')).toHaveText('48');
  await cell(page, 'CND-101', '2026-W49', 'forecast').click();
  // fulfillable 84 + reserved 6 (2 unsellable left out)
  await expect(page.getByTestId('attr-on-hand')).toHaveValue('90');
  await only(page, 'DIF-104');
  await expect(cell(page, 'DIF-104', '2026-W49', 'confirmed-receipts')).toHaveText('60');
});

// The SKU panel's channel split and stock per location (issue 12 items 3 and 4).
test('Amazon shows as a channel and Amazon FBA as a location in the SKU panel', async ({ page }) => {
  await importOrders(page);
  await page.getByTestId('filter').fill('CND-101');
  await cell(page, 'CND-101', '2025-W44', 'actual').click();
  const amazon = page.getByTestId('sku-channels').locator('[data-testid="sku-channel-row"][data-channel="Amazon"]');
  // CND-101's Amazon units in the last 13 weeks: 3 + 5 + 3
  await expect(amazon).toContainText('11');

  await importInventory(page);
  await only(page, 'CND-101');
  await cell(page, 'CND-101', '2026-W49', 'forecast').click();
  const fba = page.getByTestId('sku-locations').locator('[data-testid="sku-location-row"][data-location="Amazon FBA"]');
  await expect(fba).toContainText('90');
});
