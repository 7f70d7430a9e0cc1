// Every end-to-end test imports `test` and `expect` from here. It is Playwright's own, with one
// fixture that watches each test's pages: what they printed, scripts that threw, renderers that
// crashed, requests that failed, and requests still unanswered. When a test fails, that log is
// printed with its result, so a failure on a machine whose trace is gone (a CI run) still says
// what the page was doing.
import { test as base, expect, type Page, type Request } from '@playwright/test';

export { expect };
export type { Page, BrowserContext } from '@playwright/test';

export const test = base.extend<{ watch: void }>({
  watch: [
    async ({ context }, use, testInfo) => {
      const start = Date.now();
      const at = () => `${((Date.now() - start) / 1000).toFixed(2)} s`;
      const log: string[] = [];
      const waiting = new Map<Request, string>();
      const watchPage = (page: Page) => {
        const name = `page ${context.pages().indexOf(page) + 1}`;
        page.on('console', (m) => log.push(`${at()} ${name} console.${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => log.push(`${at()} ${name} threw: ${e.message}`));
        page.on('crash', () => log.push(`${at()} ${name} renderer crashed`));
        page.on('framenavigated', (f) => {
          if (f === page.mainFrame()) log.push(`${at()} ${name} at ${f.url()}`);
        });
      };
      context.pages().forEach(watchPage);
      context.on('page', watchPage);
      context.on('request', (r) => waiting.set(r, `${at()} ${r.method()} ${r.url()}`));
      context.on('requestfinished', (r) => {
        waiting.delete(r);
      });
      context.on('requestfailed', (r) => {
        waiting.delete(r);
        log.push(`${at()} request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
      });
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const asked of waiting.values()) log.push(`unanswered at the end, asked at ${asked}`);
        for (const [i, page] of context.pages().entries()) {
          const screen = page
            .evaluate(() => `${document.readyState}, ${document.body?.innerText.replace(/\s+/g, ' ').slice(0, 300)}`)
            .catch((e) => `unreadable: ${e}`);
          const late = new Promise<string>((done) => setTimeout(() => done('no answer in 2 s'), 2000));
          log.push(`page ${i + 1} shows at the end: ${await Promise.race([screen, late])}`);
        }
        console.log(`What the pages of "${testInfo.title}" did:\n  ${log.join('\n  ') || '(nothing)'}`);
      }
    },
    { auto: true },
  ],
});
