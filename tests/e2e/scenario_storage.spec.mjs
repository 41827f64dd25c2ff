// The scenarios' storage is guarded like the plan's: a second tab never overwrites the first
// one's scenarios unasked, an unreadable list is moved aside byte for byte (never written
// over), listed and downloadable, and a full storage is said so. Before: the last tab to save
// won, and the next new scenario wrote over a list that could not be read.
import { test, expect } from './fixtures.mjs';
import { open } from './helpers.mjs';
import { readFileSync } from 'node:fs';

test.describe.configure({ timeout: 90_000 });

async function deepDive(page) {
  await open(page);
  await page.getByTestId('tab-monthly').click();
  await page.getByTestId('scenarios').waitFor();
}

async function newScenario(page, name) {
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-save').click();
  await expect(page.locator(`[data-testid="scenario"][data-name="${name}"]`)).toHaveCount(1);
}

/** The names in the stored list (its second line), once a save has written `count` of them. */
async function storedNames(page, count) {
  await page.waitForFunction((n) => {
    const t = localStorage.getItem('sop.scenarios');
    return t && JSON.parse(t.split('\n')[1]).length === n;
  }, count);
  return page.evaluate(() => JSON.parse(localStorage.getItem('sop.scenarios').split('\n')[1]).map((s) => s.name));
}

const names = (page) => page.getByTestId('scenario').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));

test('two tabs: the second one asks instead of overwriting the first one\'s scenarios', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await deepDive(a);
  await deepDive(b);
  await newScenario(a, 'From A');
  expect(await storedNames(a, 1)).toEqual(['From A']);
  // B, opened before A saved, makes its own: it must not write A's away.
  await newScenario(b, 'From B');
  await expect(b.getByTestId('scenarios-other-tab')).toBeVisible();
  await b.waitForTimeout(800);
  expect(await storedNames(a, 1)).toEqual(['From A']);
  // B takes A's list.
  await b.getByTestId('scenarios-other-tab-reload').click();
  await expect(b.getByTestId('scenarios-other-tab')).toHaveCount(0);
  expect(await names(b)).toEqual(['From A']);
  // Now B adds one: saved on top of A's, and A is told, not overwritten silently.
  await newScenario(b, 'Second from B');
  expect(await storedNames(b, 2)).toEqual(['From A', 'Second from B']);
  await expect(a.getByTestId('scenarios-other-tab')).toBeVisible();
  // A keeps its own: its list is saved and B is told in turn.
  await a.getByTestId('scenarios-other-tab-keep').click();
  expect(await storedNames(a, 1)).toEqual(['From A']);
  await expect(b.getByTestId('scenarios-other-tab')).toBeVisible();
});

test('an unreadable list is moved aside byte for byte, listed, downloadable, never written over', async ({ page }) => {
  await deepDive(page);
  const bad = 'sop-scenarios,2,tok\n[{"name":"Lost"}]\n{"app":"sop-grid","schema":3,"len":9,"check":"00000000","payload":"AAAA';
  await page.evaluate((t) => localStorage.setItem('sop.scenarios', t), bad);
  await page.reload();
  await page.getByTestId('tab-monthly').click();
  const problem = page.getByTestId('scenarios-problem');
  await expect(problem).toContainText('The saved scenarios could not be read');
  await expect(problem).toContainText('kept aside, unchanged, under “sop.scenarios.unreadable.');
  await expect(page.getByTestId('scenarios-kept')).toHaveCount(1);
  await page.getByTestId('scenarios').screenshot({ path: new URL('./screenshots/scenarios-unreadable.png', import.meta.url).pathname });
  const key = await page.getByTestId('scenarios-kept').getAttribute('data-key');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(bad);
  const d = page.waitForEvent('download');
  await page.getByTestId('scenarios-kept-download').click();
  expect(readFileSync(await (await d).path(), 'utf8')).toBe(bad);
  // A new scenario is saved afresh; the kept copy is untouched, and is not copied twice.
  await newScenario(page, 'Fresh');
  expect(await storedNames(page, 1)).toEqual(['Fresh']);
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(bad);
  await page.reload();
  await page.getByTestId('tab-monthly').click();
  expect(await names(page)).toEqual(['Fresh']);
  await expect(page.getByTestId('scenarios-kept')).toHaveCount(1);
  await expect(page.getByTestId('scenarios-problem')).toHaveCount(0);
});

test('a list written by a newer version is left untouched and nothing is saved over it', async ({ page }) => {
  await deepDive(page);
  const newer = 'sop-scenarios,9,tok\n[]\n';
  await page.evaluate((t) => localStorage.setItem('sop.scenarios', t), newer);
  await page.reload();
  await page.getByTestId('tab-monthly').click();
  await expect(page.getByTestId('scenarios-problem')).toContainText('newer version');
  await newScenario(page, 'Here only');
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => localStorage.getItem('sop.scenarios'))).toBe(newer);
});

test('storage full: the panel says the scenarios are not saved; saving resumes when there is room', async ({ page }) => {
  await deepDive(page);
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try { localStorage.setItem('filler' + i++, chunk); } catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await newScenario(page, 'No room');
  await expect(page.getByTestId('scenarios-problem')).toHaveText(
    "Scenarios not saved in this browser: the browser's storage for this site is full. They are kept in this tab; deleting a scenario makes room.",
  );
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler')).forEach((k) => localStorage.removeItem(k)));
  await newScenario(page, 'Room again');
  expect(await storedNames(page, 2)).toEqual(['No room', 'Room again']);
  await expect(page.getByTestId('scenarios-problem')).toHaveCount(0);
});
