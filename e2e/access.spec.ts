// Reading made easier (issue 7): each learner's text size (100 % to 200 %) and high-contrast
// theme, applied by every page before its first paint; the system's reduced-motion setting; the
// "Cần giúp đỡ?" panel on every page, in both languages, in the static pages too.
import { test, expect, type Page } from './fixtures';
import { expectNoAxeViolations, holdWasm } from './helpers';

const LESSON = 'nhan-dien-lua-dao';

/** The root font size in CSS pixels, and whether the high-contrast theme is on. */
async function look(page: Page): Promise<{ px: number; contrast: boolean }> {
  return page.evaluate(() => ({
    px: parseFloat(getComputedStyle(document.documentElement).fontSize),
    contrast: document.documentElement.classList.contains('contrast'),
  }));
}

test('each learner chooses their text size and contrast; every page shows it from the first paint', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Cỡ chữ và màu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm người học' })).toBeVisible();
  expect(await look(page)).toEqual({ px: 16, contrast: false });
  const bigger = page.getByRole('button', { name: 'Chữ to hơn' });
  const said = page.locator('.look-said');
  for (const percent of [125, 150, 175, 200]) {
    await bigger.click();
    await expect(said).toHaveText(`Cỡ chữ: ${percent} %`);
    await expect(page.locator('.look-now')).toHaveText(`Cỡ chữ: ${percent} %`);
  }
  expect(await look(page)).toEqual({ px: 32, contrast: false });
  await bigger.click();
  await expect(said).toHaveText('Chữ đã to nhất.');
  await page.getByRole('checkbox', { name: 'Tương phản cao: chữ trắng và vàng trên nền đen' }).check();
  await expect(said).toHaveText('Đã bật tương phản cao.');
  expect(await look(page)).toEqual({ px: 32, contrast: true });
  await expectNoAxeViolations(page);

  // The course page, its static first paint (the wasm held back) and a lesson page show it too.
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#prerender h1')).toBeVisible();
  await expect(page.locator('#app')).toBeHidden();
  expect(await look(page)).toEqual({ px: 32, contrast: true });
  release();
  await page.goto(`/lesson/${LESSON}`);
  // The app's page, once it has taken the static one's place (both are in the document a moment).
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await look(page)).toEqual({ px: 32, contrast: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Another learner has their own: a new one starts at the phone's own size.
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Thêm người học' }).click();
  await page.getByRole('radio', { name: 'Con trâu' }).check();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('.profiles-said')).toContainText('Bây giờ máy đang học với');
  await expect(page.locator('.look-now')).toHaveText('Cỡ chữ: 100 %');
  expect(await look(page)).toEqual({ px: 16, contrast: false });
  await page.goto('/');
  expect(await look(page)).toEqual({ px: 16, contrast: false });
  // Back to the first learner: their look comes back with them.
  await page.goto('/settings');
  await page.locator('.profiles button.profile', { hasText: 'Hoa sen' }).click();
  await expect(page.locator('.profiles-said')).toHaveText('Đã chuyển sang Hoa sen.');
  expect(await look(page)).toEqual({ px: 32, contrast: true });
  await page.goto('/');
  expect(await look(page)).toEqual({ px: 32, contrast: true });

  // Smaller again, and contrast off: the phone's own look, nothing left behind.
  await page.goto('/settings');
  await page.getByRole('checkbox', { name: 'Tương phản cao: chữ trắng và vàng trên nền đen' }).uncheck();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Chữ nhỏ hơn' }).click();
  await page.getByRole('button', { name: 'Chữ nhỏ hơn' }).click();
  await expect(said).toHaveText('Chữ đã nhỏ nhất.');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kns.look.')));
  expect(kept).toEqual([]);
});

test('with the system set to reduce motion, nothing on any page moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of ['/', `/lesson/${LESSON}`, `/lesson/${LESSON}/quiz`, '/settings']) {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.scrollBehavior === 'smooth';
        })
        .map((el) => el.tagName + '.' + el.className),
    );
    expect(moving, path).toEqual([]);
  }
});

const HELP = {
  vi: {
    summary: 'Cần giúp đỡ?',
    pages: {
      '/': 'Đây là danh sách bài học.',
      [`/lesson/${LESSON}`]: 'Đọc từng bước, từ trên xuống dưới.',
      [`/lesson/${LESSON}/quiz`]: 'Chọn câu trả lời, rồi bấm "Kiểm tra".',
      '/khong-co-trang-nay': 'Máy không tìm thấy trang bạn mở.',
      '/settings': 'Trang này để chọn cỡ chữ, màu, người học và hồ sơ học tập.',
    },
  },
  en: {
    summary: 'Need help?',
    pages: {
      '/': 'This is the list of lessons.',
      [`/lesson/${LESSON}`]: 'Read the steps one by one, from the top down.',
      [`/lesson/${LESSON}/quiz`]: 'Choose an answer, then press "Check".',
      '/khong-co-trang-nay': 'The page you opened was not found.',
      '/settings': 'Here you choose the text size, the colours, the learner and their records.',
    },
  },
};

for (const lang of ['vi', 'en'] as const) {
  test(`every page has a "${HELP[lang].summary}" panel that says what the page is for (${lang})`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('kns.lang', l), lang);
    for (const [path, first] of Object.entries(HELP[lang].pages)) {
      await page.goto(path);
      // The app's page (a static one, where there is one, has given way).
      await expect(page.locator('#prerender')).toHaveCount(0);
      const help = page.locator('main details.help');
      await expect(help).toHaveCount(1);
      const summary = help.getByText(HELP[lang].summary, { exact: true });
      await expect(help.locator('p')).toBeHidden();
      await summary.click();
      await expect(help.locator('p')).toBeVisible();
      await expect(help.locator('p')).toContainText(first);
      // Two sentences, no more.
      expect((await help.locator('p').innerText()).match(/[.!?](\s|$)/g)?.length, path).toBe(2);
      await expectNoAxeViolations(page);
      // The keyboard closes it again.
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(help.locator('p')).toBeHidden();
    }
  });
}

test('the static pages carry the same panel before the app loads', async ({ page }) => {
  for (const [path, first] of [['/', HELP.vi.pages['/']], [`/lesson/${LESSON}`, HELP.vi.pages[`/lesson/${LESSON}`]]]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toContain(`<details class="help"><summary>Cần giúp đỡ?</summary><p>${first}`);
  }
});

test('after moving to another page, the keyboard and screen readers start at its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.getByRole('link', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' })).toBeFocused();
  await page.getByRole('link', { name: 'Về danh sách bài học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kỹ năng số cơ bản' })).toBeFocused();
  // The browser's back button too.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' })).toBeFocused();
  await page.getByRole('link', { name: 'Làm bài kiểm tra' }).click();
  await expect(page.locator('.question h1')).toBeFocused();
});
