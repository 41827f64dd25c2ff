// Channels and locations: two sales files of different channels merge (the grid shows the
// total, the SKU panel the split by channel with shares in the user's locale), and a stock
// file of one location replaces that location only. The app is pinned to 3 Nov 2025
// (2025-W45), so October's weeks are past weeks. The SKUs are new (not in the demo plan), so
// every figure is worked out by hand from the files.
import { test, expect } from './fixtures.mjs';
import { cell } from './helpers.mjs';

test.use({ locale: 'de-DE' });

async function openAt(page) {
  await page.goto('/?today=2025-11-03');
  await page.locator('[role="gridcell"]').first().waitFor();
}

async function importText(page, name, text, mode = 'merge') {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-seen')).toBeVisible();
  await page.getByTestId('import-mode').selectOption(mode);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
}

function row(page, kind, name) {
  return page.locator(`[data-testid="sku-${kind}-row"][data-${kind}="${name}"]`);
}

test('two sales files of different channels add up in the grid and split in the SKU panel', async ({ page }) => {
  await openAt(page);
  // W42: Wholesale 5 (two days), Amazon 3; W43: Amazon 0 more in the second file.
  await importText(page, 'sales_wholesale.csv', 'Date,SKU,Channel,Units sold\n2025-10-14,NEW-1,Wholesale,2\n2025-10-15,NEW-1,Wholesale,3\n');
  await importText(page, 'sales_amazon.csv', 'Date,SKU,Channel,Units sold\n2025-10-16,NEW-1,Amazon,3\n');
  await page.getByTestId('filter').fill('NEW-1');
  await expect(cell(page, 'NEW-1', '2025-W42', 'actual')).toHaveText('8');
  await cell(page, 'NEW-1', '2025-W45', 'forecast').click();
  const channels = page.getByTestId('sku-channels');
  await expect(channels.getByTestId('sku-channel-row')).toHaveCount(2);
  await expect(row(page, 'channel', 'Wholesale').getByTestId('sku-channel-units')).toHaveText('5');
  await expect(row(page, 'channel', 'Wholesale').getByTestId('sku-channel-share')).toHaveText('62,5%');
  await expect(row(page, 'channel', 'Amazon').getByTestId('sku-channel-units')).toHaveText('3');
  await expect(row(page, 'channel', 'Amazon').getByTestId('sku-channel-share')).toHaveText('37,5%');
  // Replacing the Amazon sales keeps Wholesale's: 5 + 1.
  await importText(page, 'sales_amazon.csv', 'Date,SKU,Channel,Units sold\n2025-10-16,NEW-1,Amazon,1\n', 'replace');
  await expect(cell(page, 'NEW-1', '2025-W42', 'actual')).toHaveText('6');
  await expect(row(page, 'channel', 'Wholesale').getByTestId('sku-channel-units')).toHaveText('5');
  await expect(row(page, 'channel', 'Amazon').getByTestId('sku-channel-units')).toHaveText('1');
  // One undo takes back the replace only.
  await page.getByTestId('undo').click();
  await expect(cell(page, 'NEW-1', '2025-W42', 'actual')).toHaveText('8');
});

test('a stock file of one location replaces that location only', async ({ page }) => {
  await openAt(page);
  const header = 'Handle,Title,SKU,Location,On hand\n';
  await importText(page, 'inventory_export.csv', header + 'new-2,Item,NEW-2,Warehouse,10\nnew-2,Item,NEW-2,Amazon FBA,4\n');
  await page.getByTestId('filter').fill('NEW-2');
  await cell(page, 'NEW-2', '2025-W45', 'forecast').click();
  await expect(page.getByTestId('attr-on-hand')).toHaveValue('14');
  await importText(page, 'inventory_export.csv', header + 'new-2,Item,NEW-2,Warehouse,7\n', 'replace');
  await expect(page.getByTestId('attr-on-hand')).toHaveValue('11');
  const locations = page.getByTestId('sku-locations');
  await expect(locations.getByTestId('sku-location-row')).toHaveCount(2);
  await expect(row(page, 'location', 'Warehouse').getByTestId('sku-location-units')).toHaveText('7');
  await expect(row(page, 'location', 'Amazon FBA').getByTestId('sku-location-units')).toHaveText('4');
});
