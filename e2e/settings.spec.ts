// The settings page: a page of its own (the second entry, with its own wasm), reached from every
// page's header. It says whether the browser keeps the app's storage for good, asks on a tap,
// and says how much room the app uses; it works offline once opened.
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './helpers';

const KEPT = 'Trình duyệt sẽ giữ bài học và kết quả của bạn, kể cả khi máy thiếu bộ nhớ.';
const NOT_KEPT = 'Khi máy thiếu bộ nhớ, trình duyệt có thể xoá bài học đã tải. Bạn có thể xin trình duyệt giữ lại.';
const REFUSED = 'Trình duyệt chưa đồng ý giữ lâu dài. Bài học vẫn được lưu, nhưng có thể bị xoá khi máy thiếu bộ nhớ.';

test('settings: reached from the header, says whether storage is kept for good, asks on a tap, and the room used', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cài đặt');
  await expect(page).toHaveTitle('Cài đặt · Kỹ năng số');
  const status = page.locator('.storage-kept');
  await expect(status).toHaveText(new RegExp(`^(${[KEPT, NOT_KEPT].map((t) => t.replace(/[.()]/g, '\\$&')).join('|')})$`));
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await expect(status).toHaveText(persisted ? KEPT : NOT_KEPT);
  await expect(page.locator('.storage-used')).toHaveText(/^Ứng dụng đang dùng khoảng \d+ KB trên máy này\.$/);
  await expectNoAxeViolations(page);
  if (!persisted) {
    await page.getByRole('button', { name: 'Xin giữ bài học lâu dài' }).click();
    await expect(status).not.toHaveText(NOT_KEPT);
    const now = await page.evaluate(() => navigator.storage.persisted());
    await expect(status).toHaveText(now ? KEPT : REFUSED);
    if (now) await expect(page.getByRole('button', { name: 'Xin giữ bài học lâu dài' })).toHaveCount(0);
  }

  // The language switch works here too, and the choice holds on the course page.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page).toHaveTitle('Settings · Kỹ năng số');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the settings page, once opened, opens again with no network', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.goto('/settings');
    await expect(page.locator('.storage-used')).toBeVisible();
    const build = await page.locator('meta[name="kns-build"]').getAttribute('content');
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cài đặt');
    await expect(page.locator('.storage-kept')).toBeVisible();
    expect(await page.locator('meta[name="kns-build"]').getAttribute('content')).toBe(build);
    await context.setOffline(false);
  });
});
