// Meeting mode in the weekly view: the agenda steps (keys N / P and buttons), the 30-minute
// clock (Playwright's fake clock: paused, then moved on exactly), and J / K through the
// exceptions selecting each one's SKU and first problem week in the grid, D to record a
// decision on it.
import { test, expect, SCREENSHOTS } from './fixtures.mjs';
import { TODAY } from './helpers.mjs';

const T0 = new Date(`${TODAY}T09:00:00`);
const MIN = 60_000;

async function currentStep(page) {
  return page.locator('[data-testid^="meeting-step-"][aria-current="step"]').getAttribute('data-testid');
}

/** The SKU and first problem week an exception card names ("from 2026-W48 · …"). */
async function exceptionAt(page, i) {
  const card = page.locator('[data-testid="exceptions"] li[data-testid^="exception-"]').nth(i);
  const sku = await card.getAttribute('data-sku');
  const week = (await card.innerText()).match(/from (\d{4}-W\d{2})/)[1];
  return { sku, week };
}

async function activeCell(page) {
  const el = page.locator('[role="gridcell"].active');
  return { sku: await el.getAttribute('data-sku'), week: await el.getAttribute('data-period'), measure: await el.getAttribute('data-measure') };
}

test('meeting mode: agenda steps, a 30-minute clock, and keys through the exceptions', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.goto(`/?today=${TODAY}`);
  await page.locator('[role="gridcell"]').first().waitFor();
  // Stop the clock so every reading below is exact.
  await page.clock.pauseAt(new Date(T0.getTime() + 10 * MIN));
  await page.getByTestId('meeting-start').click();
  await expect(page.getByTestId('meeting')).toBeVisible();
  await expect(page.getByTestId('meeting-start')).toHaveCount(0);
  await expect(page.getByTestId('meeting-timer')).toHaveText('30:00');
  expect(await currentStep(page)).toBe('meeting-step-1');
  await expect(page.getByTestId('meeting-prompt')).toContainText("Last weeks' sales against the forecast");
  await page.screenshot({ path: `${SCREENSHOTS}meeting-1.png` });

  // Steps: N and P, and the buttons.
  await page.keyboard.press('n');
  expect(await currentStep(page)).toBe('meeting-step-2');
  await page.screenshot({ path: `${SCREENSHOTS}meeting-2.png` });
  await page.keyboard.press('p');
  expect(await currentStep(page)).toBe('meeting-step-1');
  await page.keyboard.press('p');
  expect(await currentStep(page)).toBe('meeting-step-1');
  await page.getByTestId('meeting-next').click();
  expect(await currentStep(page)).toBe('meeting-step-2');

  // Five minutes on: 25:00.
  await page.clock.fastForward(5 * MIN);
  await expect(page.getByTestId('meeting-timer')).toHaveText('25:00');
  await expect(page.getByTestId('meeting-timer')).not.toHaveClass(/amber|over/);
  // Time is booked to the step it was spent in.
  await expect(page.getByTestId('meeting-step-2')).toContainText('05:00');

  // J: the most urgent exception, selected in the grid like a click; J again: the second.
  const first = await exceptionAt(page, 0);
  const second = await exceptionAt(page, 1);
  await page.keyboard.press('j');
  expect(await currentStep(page)).toBe('meeting-step-3');
  await expect(page.getByTestId('meeting-exception-count')).toContainText('Exception 1 of');
  expect(await activeCell(page)).toEqual({ sku: first.sku, week: first.week, measure: 'projected' });
  await expect(page.locator('[data-testid="exceptions"] li.current')).toHaveAttribute('data-sku', first.sku);
  await page.screenshot({ path: `${SCREENSHOTS}meeting-3.png` });
  await page.keyboard.press('j');
  await expect(page.getByTestId('meeting-exception-count')).toContainText('Exception 2 of');
  expect(await activeCell(page)).toEqual({ sku: second.sku, week: second.week, measure: 'projected' });
  await page.keyboard.press('k');
  expect(await activeCell(page)).toEqual({ sku: first.sku, week: first.week, measure: 'projected' });

  // D: the decisions step, the form open on that exception's SKU and week.
  await page.keyboard.press('d');
  expect(await currentStep(page)).toBe('meeting-step-4');
  await expect(page.getByTestId('decision-skus')).toHaveValue(first.sku);
  await expect(page.getByTestId('decision-weeks')).toHaveValue(first.week);
  // Typing in the form is typing: N does not move the agenda.
  await page.getByTestId('decision-text').fill('');
  await page.getByTestId('decision-text').type('Expedite, n');
  expect(await currentStep(page)).toBe('meeting-step-4');
  await page.screenshot({ path: `${SCREENSHOTS}meeting-4.png` });
  await page.getByTestId('decision-cancel').click();

  // Twenty minutes more (25 gone): amber. Paused, the clock stands still.
  await page.clock.fastForward(20 * MIN);
  await expect(page.getByTestId('meeting-timer')).toHaveText('05:00');
  await expect(page.getByTestId('meeting-timer')).toHaveClass(/amber/);
  await page.getByTestId('meeting-pause').click();
  await expect(page.getByTestId('meeting-pause')).toHaveText('Resume');
  await page.clock.fastForward(3 * MIN);
  await expect(page.getByTestId('meeting-timer')).toHaveText('05:00');
  await page.getByTestId('meeting-pause').click();
  // Six minutes more: 31 minutes of meeting, one over.
  await page.clock.fastForward(6 * MIN);
  await expect(page.getByTestId('meeting-timer')).toHaveText('+01:00 over');
  await expect(page.getByTestId('meeting-timer')).toHaveClass(/over/);

  await page.getByTestId('meeting-end').click();
  await expect(page.getByTestId('meeting')).toHaveCount(0);
  await expect(page.getByTestId('meeting-start')).toBeVisible();
  // Out of the meeting, J is just a key.
  const before = await activeCell(page);
  await page.keyboard.press('j');
  expect(await activeCell(page)).toEqual(before);
});
