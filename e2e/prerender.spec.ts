// The course page paints from static HTML before the wasm runs, and the app takes it over
// without a visible jump (DESIGN.md's budgets: first paint never waits for the wasm, CLS ≤ 0.02).
import { test, expect, type Page } from '@playwright/test';
import { courseIds } from './helpers';

/** Holds every request for the wasm until the returned function is called. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Sums layout shifts from the start of the page, as CLS counts them. */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) {
        if (!entry.hadRecentInput) (window as any).__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the course page is there to read, every lesson a link', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
    await expect(page.getByRole('heading', { level: 2, name: 'Kỹ năng số' })).toBeVisible();
    const ids = await courseIds(page);
    const links = page.locator('#prerender .lesson-card a');
    await expect(links).toHaveCount(ids.length);
    const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.sort()).toEqual(ids.map((id) => `/lesson/${id}`).sort());
    await expect(page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' })).toBeVisible();
    await expect(page.locator('.lesson-card').first()).toContainText('phút');
  });
});

test('the static page is on screen while the wasm downloads, then the app takes its place without a jump', async ({ page }) => {
  await watchLayoutShift(page);
  const release = await holdWasm(page);
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Kỹ năng số cơ bản');
  await expect(page.locator('#prerender')).toBeVisible();
  const before = await page.locator('#prerender .lesson-title').evaluateAll((els) =>
    els.map((e) => JSON.stringify([e.textContent, e.getBoundingClientRect().toJSON()])),
  );
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  // The app's own page: progress badges are there, and a tap changes the page in place.
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  const after = await page.locator('#app .lesson-title').evaluateAll((els) =>
    els.map((e) => JSON.stringify([e.textContent, e.getBoundingClientRect().toJSON()])),
  );
  expect(after).toEqual(before);
  const shift = await page.evaluate(() => (window as any).__shift);
  expect(shift).toBeLessThanOrEqual(0.02);
});

test('a link focused on the static page keeps the focus when the app takes over', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const first = page.locator('#prerender .lesson-card a').first();
  await first.focus();
  const href = await first.getAttribute('href');
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('#app .lesson-card a').first()).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(href);
});

test('on another address, or with English chosen, the Vietnamese course page never shows', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/lesson/nhan-dien-lua-dao');
  await expect(page.locator('#prerender')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Kỹ năng số cơ bản' })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');

  await page.evaluate(() => localStorage.setItem('kns.lang', 'en'));
  await page.unroute('**/*_bg.wasm');
  const releaseAgain = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#prerender')).toBeHidden();
  releaseAgain();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basic digital skills');
  await expect(page.locator('#prerender')).toHaveCount(0);
});
