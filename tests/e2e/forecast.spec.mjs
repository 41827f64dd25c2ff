// The statistical baseline through the "Re-forecast" button. Three new SKUs are imported as
// sales history so every expected number can be worked out by hand:
// - NEW-7 sold 40, 60, 30, 50, 70, 50 in W42–W47: six weeks is too short to hold 13 out, so
//   the baseline is the moving average of the last four, (30 + 50 + 70 + 50) / 4 = 50 a week;
// - NEW-8 (same family, "Unassigned") never sold: the family's average SKU, i.e. NEW-7's 50;
// - NEW-9 never sold either: the family profile too, and the launch curve typed as its
//   consensus (5, 15 in W48, W49) stays on top.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { open, cell } from './helpers.mjs';

const HISTORY = [
  'Date,SKU,Units sold',
  '2026-10-12,NEW-7,40', '2026-10-19,NEW-7,60', '2026-10-26,NEW-7,30',
  '2026-11-02,NEW-7,50', '2026-11-09,NEW-7,70', '2026-11-16,NEW-7,50',
  '2026-11-16,NEW-8,0', '2026-11-16,NEW-9,0',
].join('\n') + '\n';

/** Shows one SKU's rows (the grid is virtualised: the others' rows may not be drawn). */
async function show(page, sku) {
  await page.getByTestId('filter').fill(sku);
  await cell(page, sku, '2026-W48', 'forecast').waitFor();
}

async function type(page, sku, period, measure, text) {
  await show(page, sku);
  await cell(page, sku, period, measure).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(cell(page, sku, period, measure)).toHaveText(text);
}

test('re-forecast writes the baseline into future forecasts and keeps overrides; one undo restores', async ({ page }) => {
  await open(page);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from(HISTORY) });
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('status')).toContainText('3 SKUs added');
  await show(page, 'NEW-7');
  await expect(cell(page, 'NEW-7', '2026-W47', 'actual')).toHaveText('50');

  // Before: a forecast typed for NEW-7 next week and an override the week after.
  await type(page, 'NEW-7', '2026-W49', 'forecast', '10');
  await type(page, 'NEW-7', '2026-W50', 'consensus', '80');
  await type(page, 'NEW-9', '2026-W48', 'consensus', '5');
  await type(page, 'NEW-9', '2026-W49', 'consensus', '15');
  // The SKU panel says how the baseline is made.
  await show(page, 'NEW-7');
  await cell(page, 'NEW-7', '2026-W48', 'forecast').click();
  await expect(page.getByTestId('baseline-info')).toHaveText('Baseline: moving average, not backtested (too little history)');

  await page.getByTestId('reforecast').click();
  await expect(page.getByTestId('grid-message')).toContainText('Re-forecast 43 SKUs');
  await expect(page.getByTestId('grid-message')).toContainText('family profile 2');
  await expect(page.getByTestId('grid-message')).toContainText('3 consensus overrides stay on top');
  await page.screenshot({ path: `${SCREENSHOTS}reforecast.png` });

  await show(page, 'NEW-7');
  // NEW-7: 50 in every week ahead; the override stays on top and is W50's demand, so from
  // nothing on hand and no receipts stock runs 0 − 50 = −50, −100, −100 − 80 = −180, −230.
  for (const w of ['2026-W48', '2026-W49', '2026-W50', '2026-W51']) {
    await expect(cell(page, 'NEW-7', w, 'forecast')).toHaveText('50');
  }
  await expect(cell(page, 'NEW-7', '2026-W50', 'consensus')).toHaveText('80');
  const projected = ['-50', '-100', '-180', '-230'];
  for (const [k, w] of ['2026-W48', '2026-W49', '2026-W50', '2026-W51'].entries()) {
    await expect(cell(page, 'NEW-7', w, 'projected')).toHaveText(projected[k]);
  }
  // The past is history: W47's forecast stays the 0 it held (the baseline would say 50).
  await expect(cell(page, 'NEW-7', '2026-W47', 'forecast')).toHaveText('0');
  // NEW-8 and NEW-9 take the family's profile; NEW-9's launch curve stays on top.
  await show(page, 'NEW-8');
  await expect(cell(page, 'NEW-8', '2026-W48', 'forecast')).toHaveText('50');
  await expect(cell(page, 'NEW-8', '2026-W51', 'forecast')).toHaveText('50');
  await cell(page, 'NEW-8', '2026-W48', 'forecast').click();
  await expect(page.getByTestId('baseline-info')).toHaveText('Baseline: family profile, no sales history of its own');
  await show(page, 'NEW-9');
  await expect(cell(page, 'NEW-9', '2026-W48', 'forecast')).toHaveText('50');
  await expect(cell(page, 'NEW-9', '2026-W48', 'consensus')).toHaveText('5');
  await expect(cell(page, 'NEW-9', '2026-W49', 'consensus')).toHaveText('15');
  // From nothing on hand: −5, then −5 − 15 = −20, then −20 − 50 = −70.
  await expect(cell(page, 'NEW-9', '2026-W50', 'projected')).toHaveText('-70');

  // A second re-forecast has nothing left to change.
  await page.getByTestId('reforecast').click();
  await expect(page.getByTestId('grid-message')).toContainText('0 forecast cells changed');

  // Undo (the second re-forecast recorded nothing): the forecasts typed before are back.
  await page.getByTestId('undo').click();
  await expect(cell(page, 'NEW-9', '2026-W49', 'forecast')).toHaveText('0');
  await expect(cell(page, 'NEW-9', '2026-W49', 'consensus')).toHaveText('15');
  await show(page, 'NEW-7');
  await expect(cell(page, 'NEW-7', '2026-W49', 'forecast')).toHaveText('10');
  await expect(cell(page, 'NEW-7', '2026-W48', 'forecast')).toHaveText('0');
  await expect(cell(page, 'NEW-7', '2026-W50', 'consensus')).toHaveText('80');
  await show(page, 'NEW-8');
  await expect(cell(page, 'NEW-8', '2026-W48', 'forecast')).toHaveText('0');
});
