// Sharing with merge: two people, two browsers, one plan. Each edits their own copy; they
// exchange plan files; both end with the same merged plan. Conflicts are listed with both
// values and who made them, and picked.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, only, person, saveFile } from './helpers.mjs';

async function openFile(page, text, name = 'plan.csv') {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-summary')).toBeVisible();
}

async function type(page, sku, period, measure, value) {
  await only(page, sku);
  await cell(page, sku, period, measure).click();
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
}

/** The plan file without the lines that say who saved it and how many edits this copy saw. */
function content(text) {
  return text.split('\r\n').filter((l) => !/^setting,(author|revision),/.test(l)).join('\r\n');
}

test('forecast edited in one browser, receipts in the other: after exchanging files both hold the same plan; a conflict is shown and resolved', async ({ browser }) => {
  const kim = await person(browser, 'Kim', 'CEO');
  const ana = await person(browser, 'Ana', 'Sales');

  // The weekly call: Kim starts a check-in and sends the plan round.
  await kim.page.getByTestId('checkin-start').click();
  await expect(kim.page.getByTestId('checkin-last')).toHaveText('Last check-in 2026-11-23');
  const start = await saveFile(kim.page);
  expect(start).toMatch(/\r\nsetting,base_checkin,plan-[0-9a-f]+-2026-W48-[0-9a-f]+\r\n/);
  await openFile(ana.page, start);
  await expect(ana.page.getByTestId('import-summary')).toContainText('Another plan');
  await expect(ana.page.getByTestId('import-summary')).toContainText('saved by Kim (CEO)');
  await ana.page.getByTestId('import-apply').click();

  // Apart: Kim (standing in for sales) revises a forecast, Ana moves a receipt in.
  await type(kim.page, 'CND-101', '2026-W50', 'forecast', 150);
  await type(ana.page, 'CND-101', '2026-W51', 'confirmed-receipts', 900);
  const fromKim = await saveFile(kim.page);
  const fromAna = await saveFile(ana.page);

  await openFile(kim.page, fromAna, 'from-ana.csv');
  await expect(kim.page.getByTestId('merge-summary')).toContainText('Merged against the check-in of 2026-11-23 (Kim (CEO))');
  await expect(kim.page.getByTestId('merge')).toContainText("1 change(s) taken from Ana (Sales)'s copy, 1 of ours kept");
  await expect(kim.page.getByTestId('merge-conflict')).toHaveCount(0);
  await kim.page.getByTestId('import-apply').click();
  await openFile(ana.page, fromKim, 'from-kim.csv');
  await expect(ana.page.getByTestId('merge')).toContainText("1 change(s) taken from Kim (CEO)'s copy, 1 of ours kept");
  await ana.page.getByTestId('import-apply').click();

  for (const { page } of [kim, ana]) {
    await only(page, 'CND-101');
    await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('150');
    await expect(cell(page, 'CND-101', '2026-W51', 'confirmed-receipts')).toHaveText('900');
  }
  expect(content(await saveFile(kim.page))).toBe(content(await saveFile(ana.page)));

  // Both change the same week's forecast: a conflict, with both values and who made them.
  await type(kim.page, 'CND-101', '2026-W52', 'forecast', 200);
  await type(ana.page, 'CND-101', '2026-W52', 'forecast', 250);
  const kim2 = await saveFile(kim.page);
  const ana2 = await saveFile(ana.page);
  await openFile(kim.page, ana2);
  const conflict = kim.page.getByTestId('merge-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('CND-101');
  await expect(conflict).toContainText('forecast 2026-W52');
  await expect(conflict).toContainText('200 Kim (CEO)');
  await expect(conflict).toContainText('250 Ana (Sales)');
  await kim.page.screenshot({ path: SCREENSHOTS + 'merge-conflict.png' });
  await conflict.getByTestId('pick-theirs').check();
  await kim.page.getByTestId('import-apply').click();
  await openFile(ana.page, kim2);
  await expect(ana.page.getByTestId('merge-conflict')).toContainText('250 Ana (Sales)');
  await ana.page.getByTestId('merge-all-ours').click();
  await ana.page.getByTestId('import-apply').click();
  for (const { page } of [kim, ana]) {
    await only(page, 'CND-101');
    await expect(cell(page, 'CND-101', '2026-W52', 'forecast')).toHaveText('250');
  }
  expect(content(await saveFile(kim.page))).toBe(content(await saveFile(ana.page)));

  // The merge is one undoable change.
  await cell(kim.page, 'CND-101', '2026-W52', 'forecast').click();
  await kim.page.keyboard.press('Control+z');
  await expect(cell(kim.page, 'CND-101', '2026-W52', 'forecast')).toHaveText('200');
  await kim.context.close();
  await ana.context.close();
});

test('no check-in in common: a two-way comparison lists every difference to pick', async ({ browser }) => {
  const kim = await person(browser, 'Kim', 'CEO');
  const ana = await person(browser, 'Ana', 'Sales');
  await openFile(ana.page, await saveFile(kim.page));
  await ana.page.getByTestId('import-apply').click();
  await type(kim.page, 'CND-101', '2026-W50', 'forecast', 150);
  await type(ana.page, 'CND-101', '2026-W51', 'confirmed-receipts', 900);
  await openFile(kim.page, await saveFile(ana.page));
  await expect(kim.page.getByTestId('merge-summary')).toContainText('two-way comparison');
  const conflicts = kim.page.getByTestId('merge-conflict');
  await expect(conflicts).toHaveCount(2);
  await kim.page.getByTestId('merge-all-theirs').click();
  await kim.page.getByTestId('import-apply').click();
  await only(kim.page, 'CND-101');
  await expect(cell(kim.page, 'CND-101', '2026-W50', 'forecast')).toHaveText('111');
  await expect(cell(kim.page, 'CND-101', '2026-W51', 'confirmed-receipts')).toHaveText('900');
  await kim.context.close();
  await ana.context.close();
});

test('a plan file edited by hand in a spreadsheet merges like any other copy', async ({ browser }) => {
  const kim = await person(browser, 'Kim', 'CEO');
  await kim.page.getByTestId('checkin-start').click();
  const file = await saveFile(kim.page);
  // Someone changes a forecast in Excel and re-saves with semicolons and CRLF.
  const line = file.split('\r\n').find((l) => l.startsWith('series,CND-101,forecast,2026-W50,'));
  expect(line).toBe('series,CND-101,forecast,2026-W50,111');
  // The demo plan has no quoted cells, so swapping the delimiter is what Excel would write
  // (its prices then take decimal commas).
  expect(file.includes('"')).toBe(false);
  const edited = file.replace(line, 'series,CND-101,forecast,2026-W50,175')
    .split('\r\n')
    .map((l) => l.split(',').map((c) => (/^\d+\.\d+$/.test(c) ? c.replace('.', ',') : c)).join(';'))
    .join('\r\n');
  await openFile(kim.page, edited, 'edited.csv');
  await expect(kim.page.getByTestId('merge')).toContainText('1 change(s) taken from');
  await kim.page.getByTestId('import-apply').click();
  await only(kim.page, 'CND-101');
  await expect(cell(kim.page, 'CND-101', '2026-W50', 'forecast')).toHaveText('175');
  await kim.context.close();
});
