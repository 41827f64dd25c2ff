// Scenarios against the plan in tests/fixtures/plans/scenario_plan.csv, small enough to work out by
// hand (the same numbers as tests/native/engine_scenario.rs):
//
// A-1 (Candles): 100 on hand, 40 a week W48–W51, 60 arriving in W49, cost 10, price 25:
//   stock 60, 80, 40, 0 → stock value 600, 800, 400, 0 (average 450); PO spend 600.
// B-1 (Soaps): 12 on hand, 5 a week, cost 4, price 6: stock 7, 2, −3, −8 → 3 + 5 unserved,
//   8 × 6 = 48 lost; stock value 28, 8 (average 9).
// Plan: 1 SKU out of stock, 48 lost, 459 average stock value, 600 PO spend.
//
// "Supplier 2 weeks late" (A-1's 60 arrive in W51): stock 60, 20, −20, 0 → 20 × 25 = 500
//   more lost; stock value 600, 200 → average 200 (−250); spend the same.
// "Demand +20% on Candles" (A-1 sells 48): stock 52, 64, 16, −32 → 32 × 25 = 800 more lost;
//   stock value 520, 640, 160 → average 330 (−120); spend the same.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { open, cell, only } from './helpers.mjs';
import { readFileSync } from 'node:fs';

const PLAN = readFileSync(new URL('../fixtures/plans/scenario_plan.csv', import.meta.url));

async function openSmallPlan(page) {
  await open(page);
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'scenario_plan.csv', mimeType: 'text/csv', buffer: PLAN });
  await expect(page.getByTestId('import-seen')).toContainText('plan file');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('scenarios').waitFor();
  // W47–W51 cut November and December: no whole month, and the deep dive says so.
  await expect(page.getByTestId('no-months')).toContainText('no whole month');
}

async function newScenario(page, name, kind, fill) {
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-kind').selectOption(kind);
  await fill();
  await page.getByTestId('scenario-save').click();
}

async function expectColumn(page, col, values) {
  for (const [key, value] of Object.entries(values)) {
    await expect(page.getByTestId(`compare-${key}-${col}`)).toHaveText(value);
  }
}

async function expectDeltas(page, col, values) {
  for (const [key, value] of Object.entries(values)) {
    await expect(page.getByTestId(`delta-${key}-${col}`)).toHaveText(value);
  }
}

async function weeklyA(page) {
  await page.getByTestId('tab-weekly').click();
  await page.getByTestId('filter').fill('A-1');
  await cell(page, 'A-1', '2026-W49', 'confirmed-receipts').waitFor();
}

test('scenarios compared with the plan show the hand-worked deltas; edit one, promote it, undo', async ({ page }) => {
  await openSmallPlan(page);
  await newScenario(page, 'Supplier 2 weeks late', 'late', async () => {
    await page.getByTestId('scenario-target').selectOption('A-1');
    await page.getByTestId('scenario-weeks').fill('2');
  });
  await expect(page.getByTestId('scenario-message')).toContainText('Receipts of 1 SKU(s) 2 week(s) later');
  await newScenario(page, 'Demand +20% on Candles', 'demand', async () => {
    await page.getByTestId('scenario-target').selectOption('family:Candles');
    await page.getByTestId('scenario-pct').fill('20');
    await page.getByTestId('scenario-first').fill('2026-W48');
    await page.getByTestId('scenario-last').fill('2026-W51');
  });
  await expect(page.getByTestId('scenario')).toHaveCount(2);
  await expect(page.getByTestId('compare-table')).toContainText('Next 4 weeks');
  await expectColumn(page, 'plan', { stockouts: '1', 'lost-revenue': '48', 'inventory-value': '459', 'po-spend': '600' });
  await expectColumn(page, 0, { stockouts: '2', 'lost-revenue': '548', 'inventory-value': '209', 'po-spend': '600' });
  await expectDeltas(page, 0, { stockouts: '+1', 'lost-revenue': '+500', 'inventory-value': '-250', 'po-spend': '0' });
  await expectColumn(page, 1, { stockouts: '2', 'lost-revenue': '848', 'inventory-value': '339', 'po-spend': '600' });
  await expectDeltas(page, 1, { stockouts: '+1', 'lost-revenue': '+800', 'inventory-value': '-120', 'po-spend': '0' });
  await expect(page.getByTestId('delta-lost-revenue-1')).toHaveClass(/worse/);
  await page.screenshot({ path: `${SCREENSHOTS}scenarios-small-plan.png` });

  // Edit the late-supplier scenario: 20 more arrive in W50. The plan does not move.
  await page.getByTestId('scenario-edit').first().click();
  await expect(page.getByTestId('scenario-banner')).toContainText('Supplier 2 weeks late');
  await weeklyA(page);
  await expect(cell(page, 'A-1', '2026-W49', 'confirmed-receipts')).toHaveText('0');
  await expect(cell(page, 'A-1', '2026-W51', 'confirmed-receipts')).toHaveText('60');
  await cell(page, 'A-1', '2026-W50', 'confirmed-receipts').click();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'A-1', '2026-W50', 'projected')).toHaveText('0');
  await page.screenshot({ path: `${SCREENSHOTS}scenario-editing.png` });
  await page.getByTestId('scenario-back').click();
  await expect(page.getByTestId('scenario-banner')).toHaveCount(0);
  await expect(cell(page, 'A-1', '2026-W49', 'confirmed-receipts')).toHaveText('60');
  await expect(cell(page, 'A-1', '2026-W50', 'confirmed-receipts')).toHaveText('0');
  // Its comparison now: A-1 stock 60, 20, 0, 20 → nothing more lost; stock value 600, 200,
  // 0, 200 → 250 + 9 = 259 (−200); spend 80 × 10 = 800 (+200).
  await page.getByTestId('tab-monthly').click();
  await expectDeltas(page, 0, { stockouts: '0', 'lost-revenue': '0', 'inventory-value': '-200', 'po-spend': '+200' });

  // Promote it: the plan takes its receipts; one undo brings the plan back.
  await page.getByTestId('scenario-promote').first().click();
  await expect(page.getByTestId('scenario-message')).toContainText('is now the plan');
  await expectColumn(page, 'plan', { 'lost-revenue': '48', 'inventory-value': '259', 'po-spend': '800' });
  await weeklyA(page);
  await expect(cell(page, 'A-1', '2026-W51', 'confirmed-receipts')).toHaveText('60');
  await expect(cell(page, 'A-1', '2026-W49', 'confirmed-receipts')).toHaveText('0');
  await page.getByTestId('undo').click();
  await expect(cell(page, 'A-1', '2026-W49', 'confirmed-receipts')).toHaveText('60');
  await expect(cell(page, 'A-1', '2026-W51', 'confirmed-receipts')).toHaveText('0');

  // Scenarios are kept in this browser: after a reload both are there, with their numbers.
  await page.waitForTimeout(600); // the plan's autosave (400 ms after the last change)
  await page.reload();
  await page.getByTestId('tab-monthly').click();
  await expect(page.getByTestId('scenario')).toHaveCount(2);
  await expectDeltas(page, 1, { 'lost-revenue': '+800', 'inventory-value': '-120' });
  // Deleted: gone from the comparison.
  await page.getByTestId('scenario-delete').first().click();
  await expect(page.getByTestId('scenario')).toHaveCount(1);
  await expectColumn(page, 0, { 'lost-revenue': '848' });
});

test('a scenario without a name, or with a bad change, is refused and nothing is made', async ({ page }) => {
  await openSmallPlan(page);
  await newScenario(page, '  ', 'none', async () => {});
  await expect(page.getByTestId('scenario-message')).toContainText('A scenario needs a name');
  await page.getByTestId('scenario-name').fill('Big push');
  await page.getByTestId('scenario-kind').selectOption('demand');
  await page.getByTestId('scenario-pct').fill('lots');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-message')).toContainText("Change: 'lots' is not a number");
  await page.getByTestId('scenario-pct').fill('20');
  await page.getByTestId('scenario-first').fill('2027-W30');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-message')).toContainText('From: week 2027-W30 is outside the plan');
  await expect(page.getByTestId('scenario')).toHaveCount(0);
  await expect(page.getByTestId('compare-table')).toHaveCount(0);
});

// The demo plan (current week 2026-W48, 78 weeks ahead), Black Friday week, Gift sets +20 %.
// Worked out by hand from src/demo.rs's inputs (the same table as tests/native/engine_scenario.rs):
// W48 forecasts ×1.2 in whole units: GFT-101 33→40 (+7), 102 35→42 (+7), 103 53→64 (+11),
// 104 53→64 (+11), 105 24→29 (+5), 106 51→61 (+10), 107 26→31 (+5), 108 21→25 (+4),
// 109 36→43 (+7), 110 48→58 (+10). Each extra lowers that SKU's stock in all later weeks.
// Nine of them never get within their extra of zero: stock value down extra × cost in all 78
// weeks = 7×28.54 + 11×27.50 + 11×18.43 + 5×18.41 + 10×29.56 + 5×25.38 + 4×28.03 + 7×29.76
// + 10×28.26 = 1,822.60 off the average. GFT-102 (35 on hand, cost 26.82, price 63.99) is at 0
// after W48 and short W49–2027-W02 (−50 … −250, −138, −26) whatever happens: the 7 extra are
// unserved in W48 (one more SKU-week short; 7 × 63.99 = 447.93 lost) and it holds 7 less in
// the 70 weeks it has 7 or more: 70 × 7 × 26.82 / 78 = 168.48. Stock value −1,991.08 in all.
// No SKU newly out of stock (GFT-102 already was), no receipt moved: PO spend the same.
test('Black Friday week, Gift sets +20 % on the demo plan: hand-worked deltas; edit, promote, undo', async ({ page }) => {
  await open(page);
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('scenarios').waitFor();
  await newScenario(page, 'Black Friday: Gift sets +20%', 'demand', async () => {
    await page.getByTestId('scenario-target').selectOption('family:Gift sets');
    await page.getByTestId('scenario-pct').fill('20');
    await page.getByTestId('scenario-first').fill('2026-W48');
    await page.getByTestId('scenario-last').fill('2026-W48');
  });
  await expect(page.getByTestId('scenario-message')).toContainText('Demand +20 % on 10 SKU(s) in 2026-W48: 10 cells changed');
  await expect(page.getByTestId('compare-table')).toContainText('Next 78 weeks');
  await expectDeltas(page, 0, { stockouts: '0', 'stockout-weeks': '+1', 'lost-revenue': '+448', 'inventory-value': '-1,991', 'po-spend': '0' });
  await expect(page.getByTestId('delta-lost-revenue-0')).toHaveClass(/worse/);
  await expect(page.getByTestId('delta-inventory-value-0')).toHaveClass(/better/);
  await expect(page.getByTestId('delta-po-spend-0')).not.toHaveClass(/worse|better/);
  await page.getByTestId('scenarios').screenshot({ path: `${SCREENSHOTS}scenarios.png` });
  await page.screenshot({ path: `${SCREENSHOTS}scenarios-page.png` });

  // In the scenario, GFT-103 sells 64 in W48; an edit there (W49: 100) stays in it.
  await page.getByTestId('scenario-edit').click();
  await expect(page.getByTestId('scenario-banner')).toContainText('Black Friday: Gift sets +20%');
  await page.getByTestId('tab-weekly').click();
  await only(page, 'GFT-103');
  await expect(cell(page, 'GFT-103', '2026-W48', 'forecast')).toHaveText('64');
  await cell(page, 'GFT-103', '2026-W49', 'forecast').click();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'GFT-103', '2026-W49', 'forecast')).toHaveText('100');
  await page.getByTestId('scenario-back').click();
  await expect(page.getByTestId('scenario-banner')).toHaveCount(0);
  await only(page, 'GFT-103');
  await expect(cell(page, 'GFT-103', '2026-W48', 'forecast')).toHaveText('53');
  await expect(cell(page, 'GFT-103', '2026-W49', 'forecast')).toHaveText('77');

  // Promoted, the plan sells what the scenario does; one undo brings the plan back.
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('scenario-promote').click();
  await expect(page.getByTestId('scenario-message')).toContainText('is now the plan');
  await page.getByTestId('tab-weekly').click();
  await only(page, 'GFT-103');
  await expect(cell(page, 'GFT-103', '2026-W48', 'forecast')).toHaveText('64');
  await expect(cell(page, 'GFT-103', '2026-W49', 'forecast')).toHaveText('100');
  await page.getByTestId('undo').click();
  await expect(cell(page, 'GFT-103', '2026-W48', 'forecast')).toHaveText('53');
  await expect(cell(page, 'GFT-103', '2026-W49', 'forecast')).toHaveText('77');
});

// Scenarios are rolled to the current week like the plan when the app opens: a plain copy
// saved in W48 still equals the plan in W49, over the same 78 weeks. (Not rolled, it would be
// compared from W48: e.g. GFT-101's 204 arriving in W48 would count as PO spend in it only.)
test('a copy of the plan saved last week still compares equal to the plan this week', async ({ page }) => {
  await open(page);
  await only(page, 'GFT-103');
  await cell(page, 'GFT-103', '2026-W50', 'forecast').click();
  await page.keyboard.type('80');
  await page.keyboard.press('Enter');
  await page.getByTestId('tab-monthly').click();
  await newScenario(page, 'Copy of the W48 plan', 'none', async () => {});
  await expect(page.getByTestId('scenario')).toHaveCount(1);
  await page.waitForTimeout(600); // both autosaves (400 ms after the last change)
  await page.goto('/?today=2026-11-30');
  await expect(page.getByTestId('current-week')).toContainText('2026-W49');
  await page.getByTestId('tab-monthly').click();
  await expect(page.getByTestId('compare-table')).toContainText('Next 78 weeks');
  await expectDeltas(page, 0, { stockouts: '0', 'stockout-weeks': '0', 'lost-revenue': '0', 'inventory-value': '0', 'po-spend': '0' });
});
