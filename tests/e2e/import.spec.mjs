// Importing the example files through the dialog, and the plan file round trip. Dates in the
// fixtures are from October 2025 (sales) and Nov 2026 – Jan 2027 (orders, forecasts): the app
// is pinned to 3 Nov 2025 so the October weeks are past weeks and the rest lies ahead.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, num, only, reveal } from './helpers.mjs';
import { readFileSync } from 'node:fs';

const FIX = new URL('../fixtures/', import.meta.url).pathname;

async function openAt(page, today) {
  await page.goto(`/?today=${today}`);
  await page.locator('[role="gridcell"]').first().waitFor();
}

async function importFile(page, name) {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(FIX + name);
  await expect(page.getByTestId('import-seen')).toBeVisible();
}

test('Shopify orders become weekly actual sales; one undo removes them', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await page.getByTestId('filter').fill('CND-101');
  const before = await num(page, 'CND-101', '2025-W42', 'actual');
  await importFile(page, 'shopify_orders.csv');
  await expect(page.getByTestId('import-seen')).toHaveText('Shopify orders export, UTF-8, comma-delimited, dates y-m-d, 13 line items');
  await expect(page.getByTestId('import-summary')).toContainText('4 SKUs');
  await expect(page.getByTestId('import-summary')).toContainText('3 line items of cancelled orders left out');
  await page.screenshot({ path: `${SCREENSHOTS}import-dialog.png` });
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('status')).toContainText('Imported shopify_orders.csv');
  // Hand-worked from the file: CND-101 sold 4 in W41 (#1010 3 + #1009 1), 3 in W42, 2 in W43.
  await expect(cell(page, 'CND-101', '2025-W42', 'actual')).toHaveText('3');
  await expect(cell(page, 'CND-101', '2025-W43', 'actual')).toHaveText('2');
  await page.getByTestId('undo').click();
  await expect(cell(page, 'CND-101', '2025-W42', 'actual')).toHaveText(before.toLocaleString('en-US'));
});

test('the Excel-mangled purchase orders give the same receipts as the clean file', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await page.getByTestId('filter').fill('GFT-102');
  await importFile(page, 'purchase_orders_excel.csv');
  await expect(page.getByTestId('import-seen')).toContainText('semicolon-delimited');
  // Replace: the demo's own future receipts go, so December holds exactly the file's 1,200.
  await page.getByTestId('import-mode').selectOption('replace');
  await page.getByTestId('import-apply').click();
  // The weekly view shows 13 weeks from 2025-W45; GFT-102's 1,200 arrive in 2026-W51: the
  // deep dive shows December 2026 (W49–W53) holding them.
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('filter').fill('GFT-102');
  await page.getByTestId('months').selectOption('18');
  await page.getByTestId('expand-all').click();
  await page.getByTestId('plan-grid').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await expect(await reveal(page, 'GFT-102', '2026-12', 'receipts')).toHaveText('1,200');
});

test('a file with errors applies nothing until the bad rows are skipped', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'sales.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Date,SKU,Units sold\n2025-10-06,CND-101,5\n2025-10-07,CND-101,abc\n'),
  });
  await expect(page.getByTestId('import-errors')).toContainText("line 3, column 'Units sold': 'abc'");
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await page.getByTestId('import-skip-errors').check();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('filter').fill('CND-101');
  await expect(page.getByTestId('status')).toContainText('Imported sales.csv');
});

test('save the plan file, change the plan, open the file and take its values: the saved plan is back', async ({ page }) => {
  await openAt(page, '2026-11-23');
  await only(page, 'CND-101');
  const f49 = await num(page, 'CND-101', '2026-W49', 'forecast');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-plan').click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF#sop-plan,2')).toBe(true);
  await cell(page, 'CND-101', '2026-W49', 'forecast').click();
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'CND-101', '2026-W49', 'forecast')).toHaveText('999');
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-seen')).toContainText('plan file');
  // The same plan, no check-in in common: the one difference is offered, mine by default.
  await expect(page.getByTestId('merge-summary')).toContainText('two-way comparison');
  await expect(page.getByTestId('merge-conflict')).toHaveCount(1);
  await expect(page.getByTestId('merge-conflict')).toContainText(`forecast 2026-W49`);
  await page.getByTestId('merge-all-theirs').click();
  await page.getByTestId('import-apply').click();
  await expect(cell(page, 'CND-101', '2026-W49', 'forecast')).toHaveText(f49.toLocaleString('en-US'));
  // The plan is the saved one: saved again, the file is the same apart from its revision.
  const again = page.waitForEvent('download');
  await page.getByTestId('save-plan').click();
  const norevision = (t) => t.replace(/\r\nsetting,revision,\d+/, '');
  expect(norevision(readFileSync(await (await again).path(), 'utf8'))).toBe(norevision(text));
  // Opening is undoable: the edited plan comes back.
  await page.getByTestId('undo').click();
  await expect(cell(page, 'CND-101', '2026-W49', 'forecast')).toHaveText('999');
});

test('export the view: the grid as CSV', async ({ page }) => {
  await openAt(page, '2026-11-23');
  await only(page, 'CND-101');
  const f49 = await num(page, 'CND-101', '2026-W49', 'forecast');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-view').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('SKU,Name,Family,Measure,' + ['44', '45', '46', '47', '48', '49', '50', '51', '52', '53'].map((w) => `2026-W${w}`).join(',') + ',' + ['01', '02', '03', '04', '05', '06', '07'].map((w) => `2027-W${w}`).join(','));
  const row = lines.find((l) => l.startsWith('CND-101,') && l.includes(',Forecast,'));
  expect(row.split(',')[4 + 5]).toBe(String(f49));
});

/** Applies a fixture through the dialog with the defaults (merge, add SKUs). */
async function applyFixture(page, name) {
  await importFile(page, name);
  await expect(page.getByTestId('import-apply')).toBeEnabled();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText(`Imported ${name}`);
}

// Each fixture and its Excel-mangled copy (semicolons, decimal commas, Windows-1252 or
// UTF-16, BOM, d/m/y dates) give the same numbers, worked out by hand from the files.
for (const variant of ['', '_excel']) {
  test(`sales history${variant}: days summed into weeks`, async ({ page }) => {
    await openAt(page, '2025-11-03');
    await applyFixture(page, `sales_history${variant}.csv`);
    await page.getByTestId('filter').fill('CND-101');
    // 5 + 3 + 2 in the week of Mon 6 Oct (Sunday 12 Oct still counts), 4 the week after.
    await expect(cell(page, 'CND-101', '2025-W41', 'actual')).toHaveText('10');
    await expect(cell(page, 'CND-101', '2025-W42', 'actual')).toHaveText('4');
    await page.getByTestId('filter').fill('DIF-104');
    await expect(cell(page, 'DIF-104', '2025-W41', 'actual')).toHaveText('1,250');
  });

  test(`weekly forecast, long and wide${variant}`, async ({ page }) => {
    for (const file of [`forecast_long${variant}.csv`, `forecast_wide_weeks${variant}.csv`]) {
      await openAt(page, '2026-11-23');
      await applyFixture(page, file);
      await page.getByTestId('filter').fill('CND-101');
      await expect(cell(page, 'CND-101', '2026-W49', 'forecast')).toHaveText('135.5');
      await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('150');
      await page.getByTestId('filter').fill('GFT-102');
      await expect(cell(page, 'GFT-102', '2026-W51', 'forecast')).toHaveText('45');
    }
  });

  test(`monthly forecast${variant}: months split over their weeks`, async ({ page }) => {
    await openAt(page, '2026-11-23');
    await applyFixture(page, `forecast_wide_months${variant}.csv`);
    await page.getByTestId('tab-monthly').click();
    await page.getByTestId('filter').fill('CND-101');
    await page.getByTestId('expand-all').click();
    await expect(await reveal(page, 'CND-101', '2027-01', 'forecast')).toHaveText('380');
    await expect(cell(page, 'CND-101', '2026-12', 'forecast')).toHaveText('610.3');
  });

  test(`Shopify products and inventory${variant}: prices and stock in the SKU panel`, async ({ page }) => {
    await openAt(page, '2026-11-23');
    await applyFixture(page, `shopify_products${variant}.csv`);
    await only(page, 'CND-101');
    await cell(page, 'CND-101', '2026-W49', 'forecast').click();
    await expect(page.getByTestId('attr-unit-price')).toHaveValue('18.00');
    await expect(page.getByTestId('attr-unit-cost')).toHaveValue('5.40');
    await expect(page.getByTestId('attr-on-hand')).toHaveValue('120');
    // The inventory export: 110 in the studio + 10 at the pop-up shop.
    await page.getByTestId('attr-on-hand').fill('1');
    await page.getByTestId('attr-on-hand').press('Enter');
    await expect(page.getByTestId('attr-on-hand')).toHaveValue('1');
    await applyFixture(page, `shopify_inventory${variant}.csv`);
    await expect(page.getByTestId('attr-on-hand')).toHaveValue('120');
  });
}

test('the purchase orders file: receipts in their weeks', async ({ page }) => {
  await openAt(page, '2026-11-23');
  await applyFixture(page, 'purchase_orders.csv');
  await only(page, 'CND-101');
  await expect(cell(page, 'CND-101', '2026-W48', 'confirmed-receipts')).toHaveText('600');
  await expect(cell(page, 'CND-101', '2026-W50', 'planned-receipts')).toHaveText('600');
});

test('the column mapping can be changed; a missing required column blocks applying', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await importFile(page, 'sales_history.csv');
  await page.getByTestId('import-map-quantity').selectOption({ label: '—' });
  await expect(page.getByTestId('import-errors')).toContainText('Quantity');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await page.getByTestId('import-map-quantity').selectOption({ label: 'Units sold' });
  await expect(page.getByTestId('import-apply')).toBeEnabled();
});

test('a changed mapping is remembered for files with the same header, across a reload', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await importFile(page, 'sales_history.csv');
  await expect(page.getByTestId('import-map-quantity')).toHaveValue('3');
  await page.getByTestId('import-map-quantity').selectOption({ label: '—' });
  await expect(page.getByTestId('import-errors')).toContainText('Quantity');
  await page.reload();
  await page.locator('[role="gridcell"]').first().waitFor();
  await importFile(page, 'sales_history.csv');
  await expect(page.getByTestId('import-map-quantity')).toHaveValue('');
  await expect(page.getByTestId('import-errors')).toContainText('Quantity');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
});

test('ambiguous dates: the dialog asks for the order before anything can be applied', async ({ page }) => {
  await openAt(page, '2026-11-23');
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'forecast.csv', mimeType: 'text/csv',
    buffer: Buffer.from('SKU;01/11/2026;01/12/2026;01/01/2027\nCND-101;520;610,25;380\n'),
  });
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await page.getByTestId('import-date-order').selectOption('Dmy');
  await expect(page.getByTestId('import-apply')).toBeEnabled();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('filter').fill('CND-101');
  await page.getByTestId('expand-all').click();
  await expect(await reveal(page, 'CND-101', '2027-01', 'forecast')).toHaveText('380');
});

// The plan as a saved plan file: the same text before and after means the plan is unchanged.
async function savePlan(page) {
  const d = page.waitForEvent('download');
  await page.getByTestId('save-plan').click();
  return readFileSync(await (await d).path(), 'utf8');
}

// Bad files through the dialog: the message says what and where, Apply stays disabled, and
// the plan is exactly as it was (a saved plan file before and after is the same text).
const BAD = [
  ['empty.csv', '', /empty/i],
  ['header-only.csv', 'Date,SKU,Units sold\n', /no data rows|only a header|header/i],
  ['binary.csv', '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000garbage\u0000', /not a text|CSV/i],
  ['unknown.csv', 'Colour,Mood\nblue,calm\n', /Colour/],
  ['unclosed.csv', 'Date,SKU,Units sold\n2025-10-06,"CND-101,5\n2025-10-07,CND-101,3\n', /line 2/],
  ['negative.csv', 'Date,SKU,Units sold\n2025-10-06,CND-101,-5\n', /line 2, column 'Units sold': '-5'/],
  ['nan.csv', 'Date,SKU,Units sold\n2025-10-06,CND-101,NaN\n', /line 2, column 'Units sold': 'NaN'/],
  ['baddate.csv', 'Date,SKU,Units sold\n2025-13-45,CND-101,5\n', /line 2, column 'Date': '2025-13-45'/],
  ['ragged.csv', 'Date,SKU,Units sold\n2025-10-06,CND-101\n', /line 2: has 2 cells but the header/],
  ['onecolumn.csv', 'Date SKU Units\n2025-10-06 CND-101 5\n', /only one column found/],
  ['nosku.csv', 'Date,Units sold\n2025-10-06,5\n', /SKU/],
  ['infinite.csv', 'Date,SKU,Units sold\n2025-10-06,CND-101,inf\n', /line 2, column 'Units sold': 'inf'/],
  ['dupes.csv', 'SKU,Week,Forecast\nCND-101,2026-W49,5\nCND-101,2026-W49,6\n', /line 3/],
];
for (const [name, body, message] of BAD) {
  test(`bad input ${name}: a clear message and the plan unchanged`, async ({ page }) => {
    await openAt(page, '2025-11-03');
    const before = await savePlan(page);
    await page.getByTestId('import').click();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body, 'latin1') });
    await expect(page.getByTestId('import-errors')).toContainText(message);
    await expect(page.getByTestId('import-apply')).toBeDisabled();
    await page.getByTestId('import-close').click();
    expect(await savePlan(page)).toBe(before);
  });
}

// Large files are read in slices: a progress bar with the megabytes read, the page stays
// responsive, and Cancel stops the reading with nothing imported.
function salesHistory(lines) {
  const rows = ['Date,SKU,Units sold'];
  for (let i = 0; i < lines; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push(`2025-10-${day},CND-${100 + (i % 7)},${1 + (i % 5)}`);
  }
  return rows.join('\n') + '\n';
}

test('a larger file is read in slices with progress, then previewed', async ({ page }) => {
  await openAt(page, '2025-11-03');
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'big-sales.csv', mimeType: 'text/csv', buffer: Buffer.from(salesHistory(20_000)) });
  await expect(page.getByTestId('import-seen')).toHaveText(/sales history.*20,000/);
  await expect(page.getByTestId('import-summary')).toContainText('20,000 rows · 7 SKUs');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('import-apply')).toBeEnabled();
});

test('cancel while a large file is read: nothing is imported and the plan is unchanged', async ({ page }) => {
  await openAt(page, '2025-11-03');
  const before = await savePlan(page);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'huge-sales.csv', mimeType: 'text/csv', buffer: Buffer.from(salesHistory(1_000_000)) });
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-progress-text')).toContainText(/Reading huge-sales\.csv: [\d.]+ of 2\d\.\d MB/);
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('status')).toContainText('Import of huge-sales.csv cancelled');
  await expect(page.getByTestId('import-seen')).toHaveCount(0);
  await page.getByTestId('import-close').click();
  expect(await savePlan(page)).toBe(before);
});

test('a file over 200 MB is refused before it is read, and the plan is unchanged', async ({ page }) => {
  const { openSync, ftruncateSync, closeSync, unlinkSync } = await import('node:fs');
  const big = '/tmp/sop-201mb.csv';
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 201 * 1024 * 1024);
  closeSync(fd);
  await openAt(page, '2025-11-03');
  const before = await savePlan(page);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(big);
  await expect(page.getByTestId('status')).toContainText('sop-201mb.csv is 201 MB; the importer reads files up to 200 MB. Nothing was imported.');
  await expect(page.getByTestId('import-apply')).toHaveCount(0);
  await page.getByTestId('import-close').click();
  expect(await savePlan(page)).toBe(before);
  unlinkSync(big);
});

test('SKUs unknown to the plan: added when offered, left out and named when declined', async ({ page }) => {
  await openAt(page, '2025-11-03');
  const file = { name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,SKU,Units sold\n2025-10-06,NEW-9,5\n2025-10-06,CND-101,2\n') };
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-add-skus').uncheck();
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText('SKUs not added: NEW-9');
  await page.getByTestId('filter').fill('NEW-9');
  await expect(page.locator('[role="gridcell"][data-sku="NEW-9"]')).toHaveCount(0);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText('1 SKU added');
  await expect(cell(page, 'NEW-9', '2025-W41', 'actual')).toHaveText('5');
});
