// Promotions and launches as named demand events: added in the deep dive, shown as their own
// "Promotions & events" row, lowering projected stock by exactly what they add, switched off
// and on, removed; bad input refused with a message and nothing added. Expected numbers come
// from the forecast and projected stock the grid showed before (projected(w) falls by the sum
// of the events' lifts up to w).
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { open, cell, num } from './helpers.mjs';

const SKU = 'CND-101';
const WEEKS = ['2026-W48', '2026-W49', '2026-W50', '2026-W51'];
const fmt = (v) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });

async function weekly(page) {
  await page.getByTestId('tab-weekly').click();
  await page.getByTestId('filter').fill(SKU);
  await cell(page, SKU, '2026-W48', 'projected').waitFor();
}

async function monthly(page) {
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('events').waitFor();
}

async function addEvent(page, { name, target, first, last, amount, kind }) {
  await page.getByTestId('event-new').click();
  await page.getByTestId('event-name').fill(name);
  await page.getByTestId('event-target').selectOption(target);
  await page.getByTestId('event-first').fill(first);
  await page.getByTestId('event-last').fill(last);
  await page.getByTestId('event-amount').fill(amount);
  await page.getByTestId('event-kind').selectOption(kind);
  await page.getByTestId('event-save').click();
}

test('a promotion lifts the forecast as its own row, lowers stock by what it adds, and switches off', async ({ page }) => {
  await open(page);
  await weekly(page);
  const f = {}, p = {};
  for (const w of WEEKS) {
    f[w] = await num(page, SKU, w, 'forecast');
    p[w] = await num(page, SKU, w, 'projected');
    await expect(cell(page, SKU, w, 'consensus')).toHaveText(''); // no override: events count
  }
  // No event yet: no events row.
  await expect(page.locator(`[role="gridcell"][data-sku="${SKU}"][data-measure="events"]`)).toHaveCount(0);

  await monthly(page);
  await addEvent(page, { name: 'Black Friday promo', target: SKU, first: '2026-W49', last: '2026-W50', amount: '50', kind: 'percent' });
  await expect(page.getByTestId('event')).toHaveCount(1);
  await expect(page.getByTestId('event')).toContainText('Black Friday promo');
  await expect(page.getByTestId('event')).toContainText(`+50 % · ${SKU} · 2026-W49–2026-W50`);
  await page.screenshot({ path: `${SCREENSHOTS}events.png` });

  await weekly(page);
  // +50 % of the forecast in W49 and W50, nothing in W48 and W51.
  // In whole units, half away from zero (111 / 2 = 55.5 → 56).
  const lift = { '2026-W48': 0, '2026-W49': Math.round(f['2026-W49'] / 2), '2026-W50': Math.round(f['2026-W50'] / 2), '2026-W51': 0 };
  let cumulative = 0;
  for (const w of WEEKS) {
    cumulative += lift[w];
    await expect(cell(page, SKU, w, 'events')).toHaveText(fmt(lift[w]));
    await expect(cell(page, SKU, w, 'projected')).toHaveText(fmt(p[w] - cumulative));
  }
  await page.screenshot({ path: `${SCREENSHOTS}events-row.png` });

  // Switched off: kept in the list, the row reads 0 and stock is back.
  await monthly(page);
  await page.getByTestId('event-toggle').uncheck();
  await expect(page.getByTestId('event')).toContainText('off');
  await weekly(page);
  await expect(cell(page, SKU, '2026-W49', 'events')).toHaveText('0');
  for (const w of WEEKS) await expect(cell(page, SKU, w, 'projected')).toHaveText(fmt(p[w]));
  // Undo switches it on again.
  await page.getByTestId('undo').click();
  await expect(cell(page, SKU, '2026-W51', 'projected')).toHaveText(fmt(p['2026-W51'] - lift['2026-W49'] - lift['2026-W50']));

  // Removed: the row goes, the stock is back; undo brings the event back.
  await monthly(page);
  await page.getByTestId('event-remove').click();
  await expect(page.getByTestId('event')).toHaveCount(0);
  await weekly(page);
  await expect(page.locator(`[role="gridcell"][data-sku="${SKU}"][data-measure="events"]`)).toHaveCount(0);
  await expect(cell(page, SKU, '2026-W51', 'projected')).toHaveText(fmt(p['2026-W51']));
  await page.getByTestId('undo').click();
  await expect(cell(page, SKU, '2026-W49', 'events')).toHaveText(fmt(lift['2026-W49']));
});

test('a family event in units a week is split over its SKUs; bad events are refused and add nothing', async ({ page }) => {
  await open(page);
  await page.getByTestId('tab-monthly').click();
  await cell(page, 'family:Candles', '2026-12', 'forecast').waitFor();
  const forecast = await num(page, 'family:Candles', '2026-12', 'forecast');
  const demand = await num(page, 'family:Candles', '2026-12', 'demand');
  // Bad input first: each says what is wrong, and the list stays empty.
  const bad = [
    [{ amount: 'lots', first: '2026-W49', last: '2026-W52' }, "Lift: 'lots' is not a number"],
    [{ amount: '100', first: '2026-W60', last: '2026-W52' }, 'write ISO weeks like 2026-W49'],
    [{ amount: '100', first: '2026-W52', last: '2026-W49' }, '2026-W49 is before 2026-W52'],
    [{ amount: '-150', first: '2026-W49', last: '2026-W52', kind: 'percent' }, 'between −100 % and +1000 %'],
  ];
  for (const [e, says] of bad) {
    await addEvent(page, { name: 'Gift guide feature', target: 'family:Candles', kind: 'units', ...e });
    await expect(page.getByTestId('event-message')).toContainText(says);
    await page.getByTestId('event-cancel').click();
    await expect(page.getByTestId('event')).toHaveCount(0);
  }
  // +100 a week over December's five weeks (W49–W53): +500 in the family's December.
  await addEvent(page, { name: 'Gift guide feature', target: 'family:Candles', first: '2026-W49', last: '2026-W53', amount: '100', kind: 'units' });
  await expect(page.getByTestId('event')).toContainText('+100 a week · Candles (family)');
  await expect(cell(page, 'family:Candles', '2026-12', 'events')).toHaveText('500');
  await expect(cell(page, 'family:Candles', '2026-12', 'demand')).toHaveText(fmt(demand + 500));
  await expect(cell(page, 'family:Candles', '2026-12', 'forecast')).toHaveText(fmt(forecast));
});
