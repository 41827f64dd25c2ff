// The grid as a spreadsheet user drives it. Expected numbers are worked out from the values the
// grid showed before the edit: projected(w) = projected(w−1) + receipts(w) − demand(w), so a
// change of d in week W's demand moves projected of W and every later week by −d.
import { test, expect } from './fixtures.mjs';
import { open, only, cell, num, active, paste, copy } from './helpers.mjs';

const SKU = 'CND-101';

test('typing a consensus recalculates projected stock; undo and redo restore it', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const f48 = await num(page, SKU, '2026-W48', 'forecast');
  const p48 = await num(page, SKU, '2026-W48', 'projected');
  const p49 = await num(page, SKU, '2026-W49', 'projected');
  // Consensus 0 replaces the forecast: stock rises by the forecast from W48 on.
  await cell(page, SKU, '2026-W48', 'consensus').click();
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('0');
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText((p48 + f48).toLocaleString('en-US'));
  await expect(cell(page, SKU, '2026-W49', 'projected')).toHaveText((p49 + f48).toLocaleString('en-US'));
  // Enter moved down to confirmed receipts.
  expect(await active(page)).toEqual({ sku: SKU, period: '2026-W48', measure: 'confirmed-receipts' });
  await page.keyboard.press('Control+z');
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('');
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText(p48.toLocaleString('en-US'));
  await page.keyboard.press('Control+y');
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText((p48 + f48).toLocaleString('en-US'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+Z');
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('0');
  await page.getByTestId('undo').click();
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('');
  await page.getByTestId('redo').click();
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('0');
});

test('typed numbers: thousands separators accepted, text refused with a message and nothing changed', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const p48 = await num(page, SKU, '2026-W48', 'projected');
  const r48 = await num(page, SKU, '2026-W48', 'confirmed-receipts');
  await cell(page, SKU, '2026-W48', 'confirmed-receipts').click();
  await page.keyboard.type('1,200');
  await page.keyboard.press('Tab');
  await expect(cell(page, SKU, '2026-W48', 'confirmed-receipts')).toHaveText('1,200');
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText((p48 - r48 + 1200).toLocaleString('en-US'));
  expect(await active(page)).toEqual({ sku: SKU, period: '2026-W49', measure: 'confirmed-receipts' });
  // Refused: the editor stays open with a message; Esc cancels; the cell is unchanged.
  const before = await cell(page, SKU, '2026-W49', 'confirmed-receipts').innerText();
  await page.keyboard.type('12a');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-message')).toHaveText(`${SKU} confirmed receipts in 2026-W49: '12a' is not a number`);
  await expect(page.getByTestId('cell-editor')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
  await expect(cell(page, SKU, '2026-W49', 'confirmed-receipts')).toHaveText(before);
  // A calculated cell cannot be typed into.
  await cell(page, SKU, '2026-W49', 'projected').click();
  await page.keyboard.type('5');
  await expect(page.getByTestId('grid-message')).toContainText('This cell is calculated');
  await expect(page.getByTestId('cell-editor')).toHaveCount(0);
});

test('F2 edits the current value, Escape cancels, Delete clears', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const f50 = await cell(page, SKU, '2026-W50', 'forecast').innerText();
  await cell(page, SKU, '2026-W50', 'forecast').click();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('cell-editor')).toHaveValue(f50.replace(/,/g, ''));
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await page.keyboard.press('Escape');
  await expect(cell(page, SKU, '2026-W50', 'forecast')).toHaveText(f50);
  // Double-click edits too; then Delete clears a consensus to "not set".
  await cell(page, SKU, '2026-W50', 'consensus').dblclick();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(cell(page, SKU, '2026-W50', 'consensus')).toHaveText('7');
  await cell(page, SKU, '2026-W50', 'consensus').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, SKU, '2026-W50', 'consensus')).toHaveText('');
  await cell(page, SKU, '2026-W50', 'forecast').click();
  await page.keyboard.press('Backspace');
  await expect(cell(page, SKU, '2026-W50', 'forecast')).toHaveText('0');
});

test('keyboard navigation and range selection like a spreadsheet', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const at = async (p, m) => expect(await active(page)).toEqual({ sku: SKU, period: p, measure: m });
  await cell(page, SKU, '2026-W48', 'forecast').click();
  await page.keyboard.press('ArrowDown'); await at('2026-W48', 'consensus');
  await page.keyboard.press('ArrowRight'); await at('2026-W49', 'consensus');
  await page.keyboard.press('ArrowUp'); await at('2026-W49', 'forecast');
  await page.keyboard.press('ArrowLeft'); await at('2026-W48', 'forecast');
  await page.keyboard.press('Tab'); await at('2026-W49', 'forecast');
  await page.keyboard.press('Shift+Tab'); await at('2026-W48', 'forecast');
  await page.keyboard.press('Enter'); await at('2026-W48', 'consensus');
  await page.keyboard.press('Shift+Enter'); await at('2026-W48', 'forecast');
  await page.keyboard.press('End'); await at('2027-W07', 'forecast');
  await page.keyboard.press('Home'); await at('2026-W44', 'forecast');
  await page.keyboard.press('Control+End');
  await at('2027-W07', 'cover');
  await page.keyboard.press('Control+Home');
  expect(await active(page)).toEqual({ sku: 'total', period: '2026-W44', measure: 'demand' });
  await page.keyboard.press('PageDown');
  const down = await active(page);
  expect(down.sku).toBe(SKU);
  await page.keyboard.press('PageUp');
  expect((await active(page)).sku).toBe('total');
  // Shift+arrows, Shift+PageDown and Shift+click select ranges.
  await cell(page, SKU, '2026-W48', 'forecast').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(4);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(1);
  // Filtered to one SKU the grid has 16 rows (total 3, Candles 4 with its capacity, SKU 9); its
  // forecast is row 9. A page is longer than that, so Shift+PageDown reaches the last row
  // (rows 9–16, 8 cells) and Shift+PageUp from there the first (rows 1–9, 9 cells), as in Excel.
  await page.keyboard.press('Shift+PageDown');
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(8);
  expect(await active(page)).toEqual({ sku: SKU, period: '2026-W48', measure: 'cover' });
  await page.keyboard.press('Shift+PageUp');
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(9);
  expect(await active(page)).toEqual({ sku: 'total', period: '2026-W48', measure: 'demand' });
  await cell(page, SKU, '2026-W48', 'actual').click();
  await cell(page, SKU, '2026-W50', 'planned-receipts').click({ modifiers: ['Shift'] });
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(15);
  // Drag selects too.
  await cell(page, SKU, '2026-W48', 'forecast').hover();
  await page.mouse.down();
  await cell(page, SKU, '2026-W49', 'consensus').hover();
  await page.mouse.up();
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(4);
  await page.keyboard.press('Control+a');
  expect(await page.locator('[role="gridcell"][aria-selected="true"]').count()).toBeGreaterThan(100);
});

test('Ctrl+D fills down, Ctrl+C copies the selection as TSV', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const f = [await num(page, SKU, '2026-W49', 'forecast'), await num(page, SKU, '2026-W50', 'forecast')];
  await cell(page, SKU, '2026-W49', 'forecast').click();
  await cell(page, SKU, '2026-W50', 'consensus').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await expect(cell(page, SKU, '2026-W49', 'consensus')).toHaveText(f[0].toLocaleString('en-US'));
  await expect(cell(page, SKU, '2026-W50', 'consensus')).toHaveText(f[1].toLocaleString('en-US'));
  expect(await copy(page)).toBe(`${f[0]}\t${f[1]}\n${f[0]}\t${f[1]}\n`);
  await expect(page.getByTestId('grid-message')).toHaveText('Copied 4 cell(s)');
});

test('paste a TSV block from Excel: one undoable change, calculated cells skipped and said so', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const before = {
    f48: await num(page, SKU, '2026-W48', 'forecast'),
    f49: await num(page, SKU, '2026-W49', 'forecast'),
    r48: await num(page, SKU, '2026-W48', 'confirmed-receipts'),
    r49: await num(page, SKU, '2026-W49', 'confirmed-receipts'),
    p48: await num(page, SKU, '2026-W48', 'projected'),
    p49: await num(page, SKU, '2026-W49', 'projected'),
  };
  // Consensus and confirmed receipts rows, W48–W49, as Excel copies them (CRLF, trailing newline).
  await cell(page, SKU, '2026-W48', 'consensus').click();
  await paste(page, '10\t20\r\n100\t1,000\r\n');
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('10');
  await expect(cell(page, SKU, '2026-W49', 'consensus')).toHaveText('20');
  await expect(cell(page, SKU, '2026-W48', 'confirmed-receipts')).toHaveText('100');
  await expect(cell(page, SKU, '2026-W49', 'confirmed-receipts')).toHaveText('1,000');
  const p48 = before.p48 + (before.f48 - 10) + (100 - before.r48);
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText(p48.toLocaleString('en-US'));
  // W49 = W48 + receipts − demand, with the pasted values.
  const planned49 = await num(page, SKU, '2026-W49', 'planned-receipts');
  await expect(cell(page, SKU, '2026-W49', 'projected')).toHaveText((p48 + 1000 + planned49 - 20).toLocaleString('en-US'));
  // One undo takes the whole paste back.
  await page.keyboard.press('Control+z');
  await expect(cell(page, SKU, '2026-W48', 'consensus')).toHaveText('');
  await expect(cell(page, SKU, '2026-W49', 'confirmed-receipts')).toHaveText(before.r49.toLocaleString('en-US'));
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText(before.p48.toLocaleString('en-US'));
  await page.keyboard.press('Control+y');
  await expect(cell(page, SKU, '2026-W49', 'confirmed-receipts')).toHaveText('1,000');
  // A block reaching into calculated rows: those cells are skipped and the user is told.
  await cell(page, SKU, '2026-W50', 'planned-receipts').click();
  await paste(page, '5\n6\n7\n');
  await expect(cell(page, SKU, '2026-W50', 'planned-receipts')).toHaveText('5');
  // Planned receipts 5, projected on hand skipped, safety stock typed as a fixed 7 units.
  await expect(page.getByTestId('grid-message')).toHaveText('Paste 3×1: 1 calculated cell(s) skipped');
  await expect(cell(page, SKU, '2026-W50', 'safety')).toHaveText('7');
  await expect(cell(page, SKU, '2026-W48', 'safety')).toHaveText('7');
  // Text in the block refuses it all and names the cell.
  await cell(page, SKU, '2026-W51', 'consensus').click();
  await paste(page, '4\tabc\n');
  await expect(page.getByTestId('grid-message')).toHaveText(`Nothing pasted: ${SKU} consensus in 2026-W52: 'abc' is not a number`);
  await expect(cell(page, SKU, '2026-W51', 'consensus')).toHaveText('');
});

test('clicking an exception brings its SKU and week into view and selects it', async ({ page }) => {
  await open(page);
  await page.getByTestId('exception-GFT-102').click();
  expect(await active(page)).toEqual({ sku: 'GFT-102', period: '2026-W48', measure: 'projected' });
  await expect(cell(page, 'GFT-102', '2026-W48', 'projected')).toBeInViewport();
  // Its stock is 0 in W48 (amber: below safety stock) and negative after (red).
  await expect(cell(page, 'GFT-102', '2026-W48', 'projected')).toHaveClass(/below-safety/);
  await expect(cell(page, 'GFT-102', '2026-W49', 'projected')).toHaveClass(/stockout/);
  // Only exceptions: the grid keeps just the flagged SKUs (and their families).
  const flagged = await page.getByTestId('exceptions').locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-sku')));
  const prefixes = new Set(flagged.map((s) => s.slice(0, 3)));
  // Header, total (3 rows), each family with a flagged SKU (3 rows; Candles also capacity).
  const familyRows = 3 * prefixes.size + (prefixes.has('CND') ? 1 : 0);
  await page.getByTestId('only-exceptions').check();
  await expect(page.getByTestId('plan-grid')).toHaveAttribute('aria-rowcount', String(1 + 3 + familyRows + 9 * flagged.length));
  const shown = await page.locator('[role="gridcell"][data-measure="projected"]').evaluateAll(
    (cells) => [...new Set(cells.map((c) => c.getAttribute('data-sku')).filter((s) => !s.includes(':') && s !== 'total'))]);
  expect(shown.length).toBeGreaterThan(0);
  for (const sku of shown) expect(flagged).toContain(sku);
});

test('families collapse and expand', async ({ page }) => {
  await open(page);
  await page.getByTestId('toggle-family-Candles').click();
  await expect(cell(page, 'CND-101', '2026-W48', 'projected')).toHaveCount(0);
  await expect(cell(page, 'family:Diffusers', '2026-W48', 'projected')).toBeVisible();
  await page.getByTestId('toggle-family-Candles').click();
  await expect(cell(page, 'CND-101', '2026-W48', 'projected')).toBeVisible();
});

test('a projected cell explains its number on hover', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const onHand = await num(page, SKU, '2026-W48', 'projected');
  const receipts49 = (await num(page, SKU, '2026-W49', 'confirmed-receipts')) + (await num(page, SKU, '2026-W49', 'planned-receipts'));
  const demand49 = await num(page, SKU, '2026-W49', 'forecast');
  const p49 = await num(page, SKU, '2026-W49', 'projected');
  expect(p49).toBe(onHand + receipts49 - demand49);
  await cell(page, SKU, '2026-W49', 'projected').hover();
  const f = (n) => n.toLocaleString('en-US');
  await expect(cell(page, SKU, '2026-W49', 'projected')).toHaveAttribute('title',
    `${f(onHand)} projected + ${f(receipts49)} receipts − ${f(demand49)} demand = ${f(p49)}`);
});

test('the SKU panel edits on hand and safety stock as undoable changes; bad values change nothing', async ({ page }) => {
  await open(page);
  await only(page, SKU);
  const p48 = await num(page, SKU, '2026-W48', 'projected');
  const p52 = await num(page, SKU, '2026-W52', 'projected');
  await cell(page, SKU, '2026-W48', 'projected').click();
  const onHand = page.getByTestId('attr-on-hand');
  const was = Number(await onHand.inputValue());
  // 100 more on hand now: every projected week is 100 higher.
  await onHand.fill(String(was + 100));
  await onHand.press('Enter');
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText((p48 + 100).toLocaleString('en-US'));
  await expect(cell(page, SKU, '2026-W52', 'projected')).toHaveText((p52 + 100).toLocaleString('en-US'));
  // A fixed safety stock of 50 shows in every week, and the gap is projected − 50.
  const safety = page.getByTestId('attr-safety-units');
  await safety.fill('50');
  await safety.press('Enter');
  await expect(cell(page, SKU, '2026-W50', 'safety')).toHaveText('50');
  const p50 = await num(page, SKU, '2026-W50', 'projected');
  await expect(cell(page, SKU, '2026-W50', 'gap')).toHaveText((p50 - 50).toLocaleString('en-US'));
  await expect(page.getByTestId('attr-safety-weeks')).toHaveValue('');
  // Refused: a negative on hand names the SKU and the field, and the plan is unchanged.
  await onHand.fill('-5');
  await onHand.press('Enter');
  await expect(page.getByTestId('product-message')).toHaveText(`${SKU} on hand now (units): '-5' must be a number of units, 0 or more`);
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText((p48 + 100).toLocaleString('en-US'));
  // Two undos: the safety stock, then the on hand.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(cell(page, SKU, '2026-W48', 'projected')).toHaveText(p48.toLocaleString('en-US'));
  await expect(onHand).toHaveValue(String(was));
});
