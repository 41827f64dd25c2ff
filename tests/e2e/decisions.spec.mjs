// The decisions log: recorded in the check-in with an owner, a due date and the SKUs and weeks
// it concerns; open ones stay in the weekly view until closed; they travel in the plan file.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, only, person, saveFile } from './helpers.mjs';

async function openFile(page, text) {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-apply').click();
}

test('a decision recorded in one browser appears in another after a file exchange, and closing it travels back', async ({ browser }) => {
  const kim = await person(browser, 'Kim', 'CEO');
  const ana = await person(browser, 'Ana', 'Sales');
  await kim.page.getByTestId('checkin-start').click();
  await openFile(ana.page, await saveFile(kim.page));

  // In the call Kim records a decision on the selected cell, owned by Olu.
  await only(kim.page, 'CND-101');
  await cell(kim.page, 'CND-101', '2026-W50', 'confirmed-receipts').click();
  await kim.page.getByTestId('decision-new').click();
  await expect(kim.page.getByTestId('decision-skus')).toHaveValue('CND-101');
  await expect(kim.page.getByTestId('decision-weeks')).toHaveValue('2026-W50');
  await expect(kim.page.getByTestId('decision-due')).toHaveValue('2026-11-30');
  await kim.page.getByTestId('decision-owner').fill('');
  await kim.page.getByTestId('decision-text').fill('Expedite PO 4471 by air');
  await kim.page.getByTestId('decision-save').click();
  await expect(kim.page.getByTestId('decision-message')).toContainText('needs an owner');
  await kim.page.getByTestId('decision-owner').fill('Olu (Operations)');
  await kim.page.getByTestId('decision-save').click();
  const kims = kim.page.getByTestId('decision');
  await expect(kims).toHaveCount(1);
  await expect(kims).toContainText('Expedite PO 4471 by air');
  await expect(kims).toContainText('Olu (Operations) · due 2026-11-30 · CND-101 · 2026-W50');
  await kim.page.screenshot({ path: SCREENSHOTS + 'weekly-decisions.png' });
  // The printed one-page summary lists it.
  await kim.page.getByTestId('tab-monthly').click();
  await expect(kim.page.getByTestId('print-decisions'))
    .toContainText('Expedite PO 4471 by air — Olu (Operations) by 2026-11-30 (CND-101)');
  await kim.page.getByTestId('tab-weekly').click();

  // Ana opens Kim's file: the decision is in her weekly view.
  await openFile(ana.page, await saveFile(kim.page));
  const anas = ana.page.getByTestId('decision');
  await expect(anas).toHaveCount(1);
  await expect(anas).toContainText('Expedite PO 4471 by air');
  await expect(anas).toContainText('Olu (Operations) · due 2026-11-30');

  // Ana closes it; Kim merges her file: closed there too.
  await anas.getByTestId('decision-close').click();
  await expect(anas).toHaveCount(0);
  await openFile(kim.page, await saveFile(ana.page));
  await expect(kims).toHaveCount(0);
  // Undo brings the merge back out: open again.
  await cell(kim.page, 'CND-101', '2026-W50', 'confirmed-receipts').click();
  await kim.page.keyboard.press('Control+z');
  await expect(kims).toHaveCount(1);
  await kim.context.close();
  await ana.context.close();
});
