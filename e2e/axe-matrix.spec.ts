// WCAG 2.2 AA (axe-core) on every page and every state a person reaches, in both languages and
// both themes (issue 7): the course page with its help open; a lesson with a glossary word open,
// read-aloud's bar showing, and a lesson that could not load; a quiz question answered wrongly and
// rightly, and the result; the not-found page; the settings page: text size, the learners, a new
// learner's form, a lock's keypad, the records' consent, the records, a record's QR codes. On a 320 px wide
// phone, the high-contrast runs with text at 200 %: nothing may scroll sideways either.
import { test, expect, type Page } from './fixtures';
import { answer, currentQuestion, expectNoAxeViolations, lessonJson } from './helpers';

const LESSON = 'nhan-dien-lua-dao';
const OTHER = 'mat-khau-otp-du-lieu-ca-nhan';

const WORDS = {
  vi: { add: 'Thêm người học', lock: 'Đặt khóa', pin: 'Mã số 4 chữ số', cancel: 'Quay lại', qr: 'Hiện mã QR cho người hướng dẫn', next: 'Mã tiếp theo' },
  en: { add: 'Add a learner', lock: 'Add a lock', pin: 'A 4-digit PIN', cancel: 'Go back', qr: 'Show a QR code for the trainer', next: 'Next code' },
};

for (const lang of ['vi', 'en'] as const) {
  for (const theme of ['light', 'contrast'] as const) {
    test(`every state passes axe: ${lang}, ${theme} theme`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 320, height: 640 });
      const w = WORDS[lang];
      await page.addInitScript(([lang, theme]) => {
        localStorage.setItem('kns.lang', lang);
        if (theme === 'contrast') localStorage.setItem('kns.look.default', '200 contrast');
        // A voice for each language, so read-aloud's bar shows.
        (window as any).SpeechSynthesisUtterance = function (this: any, text: string) { this.text = text; };
        Object.defineProperty(window, 'speechSynthesis', {
          value: { getVoices: () => [{ name: 'vi', lang: 'vi-VN', localService: true }, { name: 'en', lang: 'en-US', localService: true }], speak() {}, pause() {}, resume() {}, cancel() {} },
          configurable: true,
        });
      }, [lang, theme]);
      const inTheme = async () => expect(page.locator('html')).toHaveClass(theme === 'contrast' ? /contrast/ : /^(?!.*contrast)/);
      const check = async (what: string) => {
        await inTheme();
        await test.step(what, () => expectNoAxeViolations(page));
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(sideways, `${what}: scrolls sideways by ${sideways} px`).toBeLessThanOrEqual(0);
      };

      await page.goto('/');
      await expect(page.locator('#prerender')).toHaveCount(0);
      await page.locator('.help summary').click();
      await check('course page, help open');

      await page.goto(`/lesson/${LESSON}`);
      await expect(page.locator('#prerender')).toHaveCount(0);
      await expect(page.locator('#reader')).toBeVisible();
      await page.locator('.term-link').first().click();
      await page.locator('#reader-main').click();
      await check('lesson, a word explained, being read aloud');

      // Opened from the course page with no connection (opened directly, its static page stays).
      await page.route('**/content/lessons/**', (route) => route.abort('internetdisconnected'));
      await page.goto('/');
      await expect(page.locator('#prerender')).toHaveCount(0);
      await page.locator(`.lesson-card a[href="/lesson/${OTHER}"]`).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await check('a lesson that could not load');
      await page.unroute('**/content/lessons/**');

      const lesson = await lessonJson(page, LESSON, lang);
      await page.goto(`/lesson/${LESSON}/quiz`);
      let question = await currentQuestion(page, lesson);
      await answer(page, question, false, lang);
      await page.locator('.question .actions .button').click();
      await expect(page.locator('.verdict.failed')).toBeVisible();
      await check('quiz, answered wrongly');
      await page.locator('.question .actions .button').click();
      question = await currentQuestion(page, lesson);
      await answer(page, question, true, lang);
      await page.locator('.question .actions .button').click();
      await expect(page.locator('.verdict.passed')).toBeVisible();
      await check('quiz, answered rightly');
      await page.locator('.question .actions .button').click();
      await finishQuiz(page, lesson);
      await expect(page.locator('.verdict.passed')).toBeVisible();
      await check('quiz result, passed');

      await page.goto('/khong-co-trang-nay');
      await check('not found');

      await page.goto('/settings');
      await expect(page.getByRole('button', { name: w.add })).toBeVisible();
      await page.locator('#text-bigger').click();
      await check('settings: text size, learners, records consent');
      await page.getByRole('button', { name: w.add }).click();
      await check('settings: a new learner');
      await page.getByRole('button', { name: w.cancel }).click();
      await page.getByRole('button', { name: w.lock }).click();
      await page.getByRole('button', { name: w.pin }).click();
      await expect(page.locator('.keypad')).toBeVisible();
      await check('settings: a lock\'s keypad');
      await page.getByRole('button', { name: w.cancel }).click();
      await page.locator('.consent-check input').nth(0).check();
      await page.locator('.consent-check input').nth(1).check();
      await page.locator('#consent-save').click();
      await expect(page.locator('.record')).toHaveCount(1);
      await check('settings: records');
      await page.getByRole('button', { name: w.qr }).click();
      await expect(page.locator('svg.qr')).toBeVisible();
      await page.getByRole('button', { name: w.next }).click();
      await check('settings: a record as QR codes');
    });
  }
}

/** Answers every question left rightly (one was answered wrongly: 10 of 11 still passes). */
async function finishQuiz(page: Page, lesson: any) {
  while (await page.locator('.question').count()) {
    const question = await currentQuestion(page, lesson);
    await answer(page, question, true, (await page.locator('html').getAttribute('lang')) ?? 'vi');
    await page.locator('.question .actions .button').click();
    await expect(page.locator('.feedback .verdict-title')).toBeVisible();
    await page.locator('.question .actions .button').click();
    await page.waitForFunction(() => !document.querySelector('.question .feedback .verdict'));
  }
}
