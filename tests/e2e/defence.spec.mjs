// The last lines of defence: storage switched off, a plan file re-saved by Excel in another
// encoding, "Keep mine" over another tab's newer work, and a crash that must say so.
import { test as plain } from '@playwright/test';
import { test, expect } from './fixtures.mjs';
import { cell, open, only, saveFile, enter as type, saved, otherTabSaved } from './helpers.mjs';
import { readFileSync } from 'node:fs';

async function openFile(page, buffer, name) {
  await page.getByTestId('import').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await page.getByTestId('import-apply').click();
}

test('storage blocked: the app opens, says saving is off, and works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page);
  await expect(page.getByTestId('banner-storage-off')).toContainText('Saving is off');
  await only(page, 'CND-101');
  await type(page, 'CND-101', '2026-W50', 'forecast', 321);
  await expect(cell(page, 'CND-101', '2026-W50', 'forecast')).toHaveText('321');
  // Who am I: used in this tab, and the form says it could not be kept.
  await page.getByTestId('me').click();
  await page.getByTestId('me-name').fill('Ana');
  await page.getByTestId('me-save').click();
  await expect(page.getByTestId('me-message')).toContainText('could not keep it');
  await expect(page.getByTestId('me')).toHaveText('Ana (Sales)');
  await page.getByTestId('me-cancel').click();
  const d = page.waitForEvent('download');
  await page.getByTestId('off-save-file').click();
  expect(readFileSync(await (await d).path(), 'utf8')).toContain('series,CND-101,forecast,2026-W50,321');
});

for (const [encoding, encode] of [
  ['Windows-1252', (t) => Buffer.from(t, 'latin1')],
  ['UTF-16', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
]) {
  test(`a plan file re-saved as ${encoding} merges with its accents and accented SKU codes intact`, async ({ page }) => {
    await open(page);
    // Our plan gets an accented SKU code and name (opened from a plan file of another plan).
    const demo = (await saveFile(page)).replace(/^\uFEFF/, '');
    const accented = demo.replaceAll('CND-101', 'CRÈME-101').replace(/(product,CRÈME-101,)[^,]*/, '$1Crème brûlée')
      .replace(/setting,plan_id,[^\r\n]*/, 'setting,plan_id,plan-accents');
    await openFile(page, Buffer.from('\uFEFF' + accented), 'accents.csv');
    await page.getByTestId('checkin-start').click();
    await saved(page);
    const ours = (await saveFile(page)).replace(/^\uFEFF/, '');
    expect(ours).toContain('product,CRÈME-101,Crème brûlée,');
    // Someone re-saves it from Excel with a changed forecast: no BOM, another encoding.
    const theirs = ours.replace('series,CRÈME-101,forecast,2026-W50,111', 'series,CRÈME-101,forecast,2026-W50,777');
    expect(theirs).not.toBe(ours);
    await page.getByTestId('import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: encode(theirs) });
    await expect(page.getByTestId('merge')).toContainText('1 change(s) taken');
    await page.getByTestId('import-apply').click();
    await only(page, 'CRÈME-101');
    await expect(cell(page, 'CRÈME-101', '2026-W50', 'forecast')).toHaveText('777');
    const after = await saveFile(page);
    expect(after).toContain('product,CRÈME-101,Crème brûlée,');
    expect(after).not.toContain('\uFFFD');
  });
}

test('"Keep mine" shows what differs from the other tab\'s newer work and keeps their copy', async ({ context }) => {
  const { a, b } = await otherTabSaved(context);
  await expect(b.getByTestId('banner-other-tab')).toBeVisible();
  await a.waitForTimeout(600);
  const theirs = await a.evaluate(() => {
    const p = localStorage.getItem('sop.plan.current');
    return localStorage.getItem(p.startsWith('a') ? 'sop.plan.a' : 'sop.plan.b');
  });
  await type(b, 'CND-101', '2026-W51', 'forecast', 555);
  await b.getByTestId('other-tab-keep').click();
  // W50: theirs 444, mine 111; W51: theirs 111, mine 555.
  await expect(b.getByTestId('other-tab-differences')).toHaveText(
    "The other tab's plan differs from yours in 2 weekly value(s) and 0 product value(s), across 1 SKU(s).");
  // Nothing written yet.
  expect(await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop.recovered.')).length)).toBe(0);
  await b.getByTestId('other-tab-keep-confirm').click();
  await expect(b.getByTestId('banner-other-tab')).toHaveCount(0);
  await expect(a.getByTestId('banner-other-tab')).toBeVisible();
  await b.getByTestId('recovered-toggle').click();
  const item = b.locator('[data-testid="recovered-item"][data-source="other-tab"]');
  const d = b.waitForEvent('download');
  await item.getByTestId('recovered-download').click();
  expect(readFileSync(await (await d).path(), 'utf8')).toBe(theirs);
});

// A crash logs to the console on purpose, so this test uses the plain fixture and checks it.
plain('a panic shows a message on the page instead of freezing silently', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', () => {});
  await open(page);
  await page.evaluate(() => { try { window.sop_crash_test(); } catch (e) { /* the wasm trap */ } });
  const crash = page.getByTestId('crash');
  await crash.waitFor();
  await expect(crash).toContainText('Something went wrong');
  await expect(page.getByTestId('crash-details')).toContainText('crash test: the app was asked to stop');
  await expect(page.getByTestId('crash-reload')).toHaveAttribute('href', /\?today=2026-11-23/);
  expect(errors.join('\n')).toContain('crash test');
});
