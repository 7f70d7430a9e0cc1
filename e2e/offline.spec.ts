// After one visit, the app works with no network: the service worker (public/sw.js) keeps this
// build's pages, JS, wasm and course index. Every page carries the build id the worker has.
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

const LESSON = 'nhan-dien-lua-dao';

test('after one visit, the course page and a lesson page opened before load with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  // The worker is active once it has stored the whole shell.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  const build = await page.locator('meta[name="kns-build"]').getAttribute('content');
  expect(build).toMatch(/^[0-9a-f]{16}$/);
  const worker = await (await page.request.get('/sw.js')).text();
  expect(worker).toContain(`const BUILD = '${build}';`);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).find((p) => p.endsWith('.wasm')));
  expect(worker).toContain(`"${wasm}"`);

  // A lesson page opened online is kept (the worker controls the page from here on).
  await page.reload();
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.goto('/');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
  // The app itself runs offline: it takes over the static page and shows each lesson's state.
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  expect(await page.locator('meta[name="kns-build"]').getAttribute('content')).toBe(build);

  // The lesson's page, opened directly, is there to read from the worker's store.
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  expect(await page.locator('meta[name="kns-build"]').getAttribute('content')).toBe(build);

  // An address with no page of its own gets the app's page, which says what it can.
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});
