// The course page and each lesson page paint from static HTML before the wasm runs, and the app
// takes them over without a visible jump (DESIGN.md: first paint never waits for the wasm,
// CLS ≤ 0.02).
import { test, expect, type Page } from './fixtures';
import { courseIds, holdWasm, lessonJson } from './helpers';

const LESSON = 'nhan-dien-lua-dao';

/** Text and position of every element that `selector` finds inside `scope`. */
async function boxes(page: Page, scope: string, selector: string): Promise<string[]> {
  return page.locator(`${scope} ${selector}`).evaluateAll((els) =>
    els.map((e) => JSON.stringify([e.textContent, e.getBoundingClientRect().toJSON()])),
  );
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

  test('a lesson page is there to read, with its quiz link', async ({ page }) => {
    const lesson = await lessonJson(page, LESSON, 'vi');
    await page.goto(`/lesson/${LESSON}`);
    await expect(page).toHaveTitle(`${lesson.title} · Kỹ năng số`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    await expect(page.locator('#prerender article.lesson')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('link', { name: 'Làm bài kiểm tra' })).toHaveAttribute('href', `/lesson/${LESSON}/quiz`);
    await expect(page.locator('#prerender .term-definition').first()).toBeHidden();
  });
});

test('the static page is on screen while the wasm downloads, then the app takes its place without a jump', async ({ page }) => {
  await watchLayoutShift(page);
  const release = await holdWasm(page);
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Kỹ năng số cơ bản');
  await expect(page.locator('#prerender')).toBeVisible();
  const before = await boxes(page, '#prerender', '.lesson-title');
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  // The app's own page: progress badges are there, and a tap changes the page in place.
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  const after = await boxes(page, '#app', '.lesson-title');
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

test('a lesson page: static first, then the app in its place, nothing moves', async ({ page }) => {
  await watchLayoutShift(page);
  const release = await holdWasm(page);
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.locator('#prerender')).toBeVisible();
  const parts = 'h1, h2, p, li, aside, .term-link';
  const before = await boxes(page, '#prerender', parts);
  expect(before.length).toBeGreaterThan(10);
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  expect(await boxes(page, '#app', parts)).toEqual(before);
  expect(await page.evaluate(() => (window as any).__shift)).toBeLessThanOrEqual(0.02);
  // The app's page works: a glossary word opens its definition.
  const term = page.locator('.term-link').first();
  await term.click();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
});

test('taps on the static page count: a glossary word opens, a language is chosen', async ({ page }) => {
  let release = await holdWasm(page);
  await page.goto(`/lesson/${LESSON}`);
  const term = page.locator('.term-link').first();
  await term.click();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#${await term.getAttribute('aria-controls')}`)).toBeVisible();
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  const appTerm = page.locator('#app .term-link').first();
  await expect(appTerm).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#${await appTerm.getAttribute('aria-controls')}`)).toBeVisible();

  await page.unroute('**/*_bg.wasm');
  release = await holdWasm(page);
  await page.goto('/');
  await page.locator('#prerender').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#prerender').getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basic digital skills');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a lesson opened directly that the app cannot load stays readable on its static page', async ({ page }) => {
  await page.route('**/content/lessons/**', (route) => route.abort('internetdisconnected'));
  const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/content/lessons/'));
  await page.goto(`/lesson/${LESSON}`);
  await failed;
  // Two frames after the failure: the app has had every chance to take over, and did not.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.locator('#app')).toBeHidden();
  await expect(page.locator('#prerender')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
});

test('on an address with no static page, or with English chosen, the Vietnamese page never shows', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(`/lesson/${LESSON}/quiz`);
  await expect(page.locator('#prerender')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Kỹ năng số cơ bản' })).toHaveCount(0);
  release();
  await expect(page.locator('.question-progress')).toBeVisible();
  await expect(page.locator('#prerender')).toHaveCount(0);

  await page.evaluate(() => localStorage.setItem('kns.lang', 'en'));
  for (const path of ['/', `/lesson/${LESSON}`]) {
    await page.unroute('**/*_bg.wasm');
    const releaseAgain = await holdWasm(page);
    await page.goto(path);
    await expect(page.locator('#prerender')).toBeHidden();
    releaseAgain();
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recognising scam calls and messages');
});
