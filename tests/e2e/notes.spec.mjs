// Who am I, and notes: a note is signed with the name and role set in this browser, marks its
// cell (or its row), lists in the notes panel, and is undone like any edit.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { cell, open, only } from './helpers.mjs';

async function setMe(page, name, role) {
  await page.getByTestId('me').click();
  await page.getByTestId('me-name').fill(name);
  await page.getByTestId('me-role').selectOption(role);
  await page.getByTestId('me-save').click();
  await expect(page.getByTestId('me')).toHaveText(`${name} (${role})`);
}

test('a note needs a name; then it is signed, marks its cell, and undo removes it', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('me')).toHaveText('Who are you?');
  await only(page, 'CND-101');
  await cell(page, 'CND-101', '2026-W50', 'forecast').click();
  await expect(page.getByTestId('note-target')).toHaveText('On CND-101 · forecast · 2026-W50');
  await page.getByTestId('note-text').fill('Boots promo confirmed');
  await page.getByTestId('note-add-cell').click();
  await expect(page.getByTestId('note-message')).toContainText('Say who you are first');
  await expect(page.getByTestId('note')).toHaveCount(0);

  await setMe(page, 'Ana', 'Sales');
  await cell(page, 'CND-101', '2026-W50', 'forecast').click();
  await page.getByTestId('note-add-cell').click();
  const note = page.getByTestId('note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Ana (Sales)');
  await expect(note).toContainText('2026-11-23');
  await expect(note).toContainText('CND-101 · forecast · 2026-W50');
  await expect(note).toContainText('Boots promo confirmed');
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveClass(/has-note/);
  await expect(cell(page, 'CND-101', '2026-W51', 'forecast')).not.toHaveClass(/has-note/);

  // A row note marks the row label, not a cell.
  await page.getByTestId('note-text').fill('Discontinue after Christmas?');
  await page.getByTestId('note-add-sku').click();
  await expect(note).toHaveCount(2);
  await expect(page.getByTestId('row-note-marker')).toHaveCount(1);
  await page.screenshot({ path: SCREENSHOTS + 'weekly-notes.png' });

  // Undo (Ctrl+Z in the grid) takes the last note away, then the first.
  await cell(page, 'CND-101', '2026-W50', 'forecast').click();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveCount(1);
  await expect(page.getByTestId('row-note-marker')).toHaveCount(0);
  await page.getByTestId('note-remove').click();
  await expect(note).toHaveCount(0);
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).not.toHaveClass(/has-note/);
  await cell(page, 'CND-101', '2026-W50', 'forecast').click();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveCount(1);
});

test('the name is remembered in this browser and an empty name is refused', async ({ page }) => {
  await open(page);
  await page.getByTestId('me').click();
  await page.getByTestId('me-name').fill('   ');
  await page.getByTestId('me-save').click();
  await expect(page.getByTestId('me-message')).toContainText('Type your name');
  await page.getByTestId('me-cancel').click();
  await setMe(page, 'Olu', 'Operations');
  await page.reload();
  await expect(page.getByTestId('me')).toHaveText('Olu (Operations)');
});
