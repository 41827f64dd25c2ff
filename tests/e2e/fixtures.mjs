// Shared Playwright fixture: every test fails if the page logs a console error
// or throws an uncaught exception (pageerror), from any point in the test.
// Import { test, expect } from here instead of '@playwright/test'.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
        problems.push(`console.error: ${msg.text()}${where}`);
      }
    });
    page.on('pageerror', (err) => {
      problems.push(`pageerror: ${err.stack ?? err.message ?? String(err)}`);
    });
    await use(page);
    if (problems.length > 0) {
      await testInfo.attach('browser-errors', { body: problems.join('\n'), contentType: 'text/plain' });
    }
    expect(problems, 'the page logged console errors or threw page errors').toEqual([]);
  },
});

export { expect };

// Where tests save their screenshots (git-ignored).
export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;
