// The four-pillar self-check at the top of the course page (issue 4): the learner ticks what is
// true, nothing is ticked for them, the last item fills itself from progress, each item not done
// links to a lesson that helps, and every tick is kept on the device, even one made before the
// app has loaded.
import { test, expect, type Page } from './fixtures';
import { courseIds, holdWasm, lessonJson, takeQuiz } from './helpers';

const ITEMS = [
  ['danh-tinh-so', 'Tôi có VNeID đã kích hoạt'],
  ['phuong-tien-so', 'Tôi có điện thoại thông minh'],
  ['tai-khoan-so', 'Tôi có tài khoản dịch vụ công và tài khoản ngân hàng hoặc ví điện tử'],
  ['ky-nang-so', 'Tôi đã học kỹ năng số cơ bản'],
];

/** The course page, once the app has taken it over. */
async function coursePage(page: Page) {
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  return page.locator('.self-check');
}

const box = (page: Page, slug: string) => page.locator(`.self-check [data-check="${slug}"]`);
const item = (page: Page, slug: string) => page.locator('.self-check li').filter({ has: page.locator(`[data-check="${slug}"]`) });

test('the course page opens with the four pillars, nothing ticked, each item linking to a lesson that helps', async ({ page }) => {
  const checks = await coursePage(page);
  await expect(checks.getByRole('heading', { level: 2 })).toHaveText('Bốn trụ cột công dân số');
  for (const [slug, label] of ITEMS) {
    const input = page.getByRole('checkbox', { name: label, exact: true });
    await expect(input).toHaveAttribute('data-check', slug);
    await expect(input).not.toBeChecked();
    await expect(item(page, slug).getByRole('link')).toHaveCount(1);
  }
  // Only the last is not the learner's to tick: progress ticks it.
  await expect(box(page, 'ky-nang-so')).toBeDisabled();
  await expect(box(page, 'danh-tinh-so')).toBeEnabled();
  const ids = await courseIds(page);
  await expect(item(page, 'ky-nang-so').locator('.check-status')).toHaveText(`Đã đạt 0 trên ${ids.length} bài.`);
  // The help leads to the lesson.
  await item(page, 'danh-tinh-so').getByRole('link', { name: 'Danh tính số VNeID' }).click();
  await expect(page).toHaveURL('/lesson/danh-tinh-so-vneid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh tính số VNeID');
  // In English too.
  await coursePage(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.self-check h2')).toHaveText('The four pillars of a digital citizen');
  await expect(page.getByRole('checkbox', { name: 'I have a smartphone' })).not.toBeChecked();
});

test('a ticked box hides its help and is kept on this device, ticked even before the app has loaded', async ({ page, context }) => {
  await coursePage(page);
  const phone = page.getByRole('checkbox', { name: 'Tôi có điện thoại thông minh' });
  await phone.check();
  await expect(item(page, 'phuong-tien-so').getByRole('link')).toBeHidden();
  await expect(item(page, 'danh-tinh-so').getByRole('link')).toBeVisible();
  await page.reload();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(phone).toBeChecked();
  await expect(box(page, 'danh-tinh-so')).not.toBeChecked();

  // With the app held back, the static page already shows the tick (no box flips at takeover).
  const slow = await context.newPage();
  await holdWasm(slow);
  await slow.goto('/');
  await expect(slow.locator('#prerender [data-check="phuong-tien-so"]')).toBeChecked();
  await expect(slow.locator('#prerender [data-check="tai-khoan-so"]')).not.toBeChecked();
  await expect(slow.locator('#prerender .self-check li').nth(1).getByRole('link')).toBeHidden();
  await slow.close();

  // Unticking is kept as well.
  await phone.uncheck();
  await page.reload();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(phone).not.toBeChecked();
});

test('a box ticked on the static page before the app has loaded is carried over and saved', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const early = page.locator('#prerender').getByRole('checkbox', { name: 'Tôi có VNeID đã kích hoạt' });
  await early.check();
  release();
  await expect(page.locator('#prerender')).toHaveCount(0);
  const vneid = page.getByRole('checkbox', { name: 'Tôi có VNeID đã kích hoạt' });
  await expect(vneid).toBeChecked();
  await expect(vneid).toBeFocused();
  await page.unroute('**/*_bg.wasm');
  await page.reload();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(vneid).toBeChecked();
});

test('the last item counts passed lessons, points to the next one, and ticks itself when every lesson is passed', async ({ page }) => {
  test.setTimeout(180_000);
  const ids = await courseIds(page);
  // One lesson at a time: 26 requests at once from Playwright's request client have been seen to
  // hang against the loopback server.
  const titles: string[] = [];
  for (const id of ids) titles.push((await lessonJson(page, id, 'vi')).title);
  for (const [n, id] of ids.entries()) {
    await page.goto(`/lesson/${id}/quiz`);
    await takeQuiz(page, await lessonJson(page, id, 'vi'), () => true);
    await expect(page.locator('.quiz-result .verdict')).toHaveText('Chúc mừng! Bạn đã đạt bài này.');
    await expect(page.locator('.quiz-result .saved')).toBeVisible();
    if (n === 0 || n === ids.length - 1) {
      await coursePage(page);
      const learned = box(page, 'ky-nang-so');
      await expect(item(page, 'ky-nang-so').locator('.check-status')).toHaveText(`Đã đạt ${n + 1} trên ${ids.length} bài.`);
      if (n === 0) {
        await expect(learned).not.toBeChecked();
        await expect(item(page, 'ky-nang-so').getByRole('link')).toHaveText(titles[1]);
      } else {
        await expect(learned).toBeChecked();
        await expect(item(page, 'ky-nang-so').getByRole('link')).toHaveCount(0);
        // Passing lessons ticks nothing the learner has to say themselves.
        await expect(box(page, 'danh-tinh-so')).not.toBeChecked();
      }
    }
  }
});
