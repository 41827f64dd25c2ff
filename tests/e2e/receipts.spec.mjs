// Purchase-order lists through the import dialog: partly received lines give only what is still
// to come, and Excel's re-save in a French locale (codes mangled: 417 for 00417, 1,23457E+11 for
// 123456789012) gives the same receipts on the original codes. Values worked out by hand from
// tests/fixtures/purchase_orders_received*.csv (see tests/import_purchase_orders.rs).
import { test, expect } from './fixtures.mjs';
import { cell, open, only } from './helpers.mjs';

const FIX = new URL('../fixtures/', import.meta.url).pathname;

async function importFile(page, name) {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(FIX + name);
  await expect(page.getByTestId('import-seen')).toBeVisible();
}

async function apply(page, name) {
  await expect(page.getByTestId('import-apply')).toBeEnabled();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText(`Imported ${name}`);
}

/** Confirmed and planned receipts the grid shows for a SKU, W49 to W52. */
async function expectReceipts(page, sku, confirmed, planned) {
  await only(page, sku);
  const weeks = ['2026-W49', '2026-W50', '2026-W51', '2026-W52'];
  for (const [i, w] of weeks.entries()) {
    await expect(cell(page, sku, w, 'confirmed-receipts')).toHaveText(confirmed[i]);
    await expect(cell(page, sku, w, 'planned-receipts')).toHaveText(planned[i]);
  }
}

/** 00417: 200 in W49, 100 − 40 = 60 in W50, draft 82.5 in W51.
 *  123456789012: 150 − 60 = 90 in W49, (1,000 − 20) + 30 = 1,010 in W51, 40 in W52. */
async function expectTheFilesReceipts(page) {
  await expectReceipts(page, '00417', ['200', '60', '0', '0'], ['0', '0', '82.5', '0']);
  await expectReceipts(page, '123456789012', ['90', '0', '1,010', '40'], ['0', '0', '0', '0']);
}

for (const [file, seen] of [
  ['purchase_orders_received.csv', 'purchase / production orders, UTF-8, comma-delimited, dates y-m-d, 13 order lines'],
  ['purchase_orders_received_fr.csv', 'purchase / production orders, Windows-1252 (not UTF-8), semicolon-delimited, decimal comma, dates d/m/y, 13 order lines'],
]) {
  test(`${file}: outstanding receipts on the plan's codes 00417 and 123456789012`, async ({ page }) => {
    await open(page);
    await importFile(page, 'products_numeric_codes.csv');
    await apply(page, 'products_numeric_codes.csv');
    await importFile(page, file);
    await expect(page.getByTestId('import-seen')).toHaveText(seen);
    await expect(page.getByTestId('import-mapping').getByTestId('import-map-qty-received')).toHaveValue('5');
    await expect(page.getByTestId('import-summary')).toContainText(
      '4 lines partly received: 270 units already in, counted as outstanding 1,380');
    await expect(page.getByTestId('import-summary')).toContainText('3 fully received order lines left out');
    await apply(page, file);
    if (file.endsWith('_fr.csv')) {
      await expect(page.getByTestId('status')).toContainText('1,23457E+11 is 123456789012, 417 is 00417');
    }
    await expect(page.getByTestId('status')).not.toContainText('SKUs added');
    await expectTheFilesReceipts(page);
  });
}

test('a formula-looking code is added only when the planner ticks the confirmation', async ({ page }) => {
  await open(page);
  const file = {
    name: 'po.csv', mimeType: 'text/csv',
    buffer: Buffer.from('SKU,Qty,Expected date\n"=HYPERLINK(""http://x"")",5,2026-12-02\nCND-101,4,2026-12-02\n'),
  };
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-warnings')).toContainText(`line 2, column 'SKU': '=HYPERLINK("http://x")' looks like a spreadsheet formula`);
  await expect(page.getByTestId('import-confirm-odd-codes')).not.toBeChecked();
  await apply(page, 'po.csv');
  await expect(page.getByTestId('status')).toContainText(`Codes that look like formulas were not added as SKUs: line 2: '=HYPERLINK("http://x")'`);
  await expect(page.getByTestId('status')).not.toContainText('SKUs added');
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm-odd-codes').check();
  await apply(page, 'po.csv');
  await expect(page.getByTestId('status')).toContainText(/1 SKUs? added/);
});
