// The app shell: the course page, a lesson, the language switch and the not-found page, each
// checked with axe-core (WCAG 2.2 AA rules) as a person would reach it.
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';

const LESSON = 'nhan-dien-lua-dao';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  expect(summary).toEqual([]);
}

test('the course page shows the lesson in Vietnamese on a first visit', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
  await expect(page.getByRole('heading', { level: 2, name: 'Kỹ năng số' })).toBeVisible();
  const card = page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' });
  await expect(card).toBeVisible();
  // Groups follow the course order, so a beginner meets the phone lesson first.
  await expect(page.locator('.lesson-card').first().locator('.lesson-title')).toHaveText('Làm quen với điện thoại thông minh');
  await expect(page.locator('.lesson-card').first()).toContainText('phút');
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  await expect(page.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);
});

test('switching to English changes the page text and survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basic digital skills');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Recognising scam calls and messages' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basic digital skills');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.lesson-card').first()).toContainText('minutes');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
});

test('the lesson opens from the course page and shows its steps and warning', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  await expect(page).toHaveURL(new RegExp(`/lesson/${LESSON}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  await expect(page).toHaveTitle(/Nhận diện cuộc gọi và tin nhắn lừa đảo/);
  const steps = page.locator('ol.steps').first();
  await expect(steps).toBeVisible();
  expect(await steps.locator('li').count()).toBeGreaterThan(1);
  const warning = page.locator('aside.callout.warning').first();
  await expect(warning).toBeVisible();
  await expect(warning.locator('.callout-label')).toHaveText('Cảnh báo');
  await expect(page.locator('button.term-link', { hasText: 'OTP' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a lesson opened directly follows the chosen language', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recognising scam calls and messages');
  await expect(page.locator('aside.callout.warning .callout-label').first()).toHaveText('Warning');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
});

test('an unknown address shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang này');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Về trang đầu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
});

test('an unknown lesson says so plainly', async ({ page }) => {
  await page.goto('/lesson/khong-co-bai-nay');
  await expect(page.getByText('Không có bài học này. Có thể đường dẫn đã cũ.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a lesson that cannot be loaded shows a plain message and loads on retry', async ({ page }) => {
  let fail = true;
  await page.route('**/content/lessons/**', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  // Opened from the course page, in the app. (Opened directly, the lesson's static page stays:
  // see prerender.spec.ts.)
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Không tải được bài học này');
  await expectNoAxeViolations(page);
  fail = false;
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
});

test('a lesson that stalls on a bad connection is given up after 20 s with the same message, and loads on retry', async ({ page }) => {
  // The page's clock is the test's: 20 s pass when the test says so.
  await page.clock.install();
  let stall = true;
  await page.route('**/content/lessons/**', (route) => (stall ? undefined : route.continue()));
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  await expect(page.getByText('Đang tải bài học')).toBeVisible();
  const alert = page.getByRole('alert');
  await page.clock.runFor(19_000);
  await expect(page.getByText('Đang tải bài học')).toBeVisible();
  await expect(alert).toHaveCount(0);
  await page.clock.runFor(1_500);
  await expect(alert).toContainText('Không tải được bài học này');
  stall = false;
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
});

test('lessons are fetched only when opened, not with the course page', async ({ page }) => {
  const lessonRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/content/lessons/')) lessonRequests.push(r.url());
  });
  await page.goto('/');
  // The app has the course page (it has taken over the static one) and has fetched no lesson.
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' })).toBeVisible();
  expect(lessonRequests).toEqual([]);
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  await expect(page.locator('ol.steps').first()).toBeVisible();
  await expect.poll(() => lessonRequests.length).toBe(1);
  expect(lessonRequests[0]).toMatch(new RegExp(`/content/lessons/${LESSON}\\.vi\\.[0-9a-f]{12}\\.bin$`));
});

test('links change the page without reloading it, and back and forward work', async ({ page }) => {
  await page.goto('/');
  // The app's links, once it has taken over the static page (whose links load the next page).
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.evaluate(() => ((window as any).stillTheSamePage = true));
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  expect(await page.evaluate(() => (window as any).stillTheSamePage)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => (window as any).stillTheSamePage)).toBe(true);
});
