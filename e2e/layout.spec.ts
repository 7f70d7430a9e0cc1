// Every screen at the hardest size a learner may use: a 320 px wide phone with text at 200 %.
// Nothing scrolls sideways, every control is a touch target of at least 48 × 48 px, and axe-core
// (WCAG 2.2 AA rules) finds nothing. Words
// inside a sentence (glossary words, links in text) are exempt, as WCAG 2.5.8 exempts inline
// targets; they are as tall as the line they sit in.
import { test, expect, type Page } from './fixtures';
import { ALL_KINDS, answer, courseIds, currentQuestion, expectNoAxeViolations, lessonJson, lessonsForEveryKind } from './helpers';

test.use({ viewport: { width: 320, height: 640 } });

const TARGETS = [
  '.app-header a',
  '.app-header button',
  '.back a',
  '.lesson-card a',
  'main a.button',
  'main button.button',
  '.choice',
  '.tile',
  '.message-part',
  '.profile',
  '.picture-choice',
  '.keypad-key',
  '.help summary',
].join(', ');

async function bigText(page: Page) {
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
}

/** Fails with the screen's name when the page scrolls sideways or a control is too small. */
async function checkScreen(page: Page, screen: string) {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.textContent ?? '').trim().slice(0, 40)}`)
      .slice(0, 5);
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
  expect(overflow, `${screen}: scrolls sideways by ${overflow}px: ${culprits.join(' | ')}`).toBeLessThanOrEqual(0);
  const small = await page.locator(TARGETS).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 48 || box.height < 48)
      .map(({ text, box }) => `${text} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
  expect(small, `${screen}: controls smaller than 48 × 48 px`).toEqual([]);
  await expectNoAxeViolations(page);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await bigText(page);
}

test('the course page, every lesson page, the not-found page and the settings page', async ({ page }) => {
  await open(page, '/');
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  await checkScreen(page, 'course page');
  for (const id of await courseIds(page)) {
    await open(page, `/lesson/${id}`);
    await expect(page.locator('article.lesson h1')).toBeVisible();
    // With a glossary definition open, as a learner would read it.
    const term = page.locator('.term-link').first();
    if ((await term.count()) > 0) await term.click();
    await checkScreen(page, `lesson ${id}`);
  }
  await open(page, '/khong-co-trang-nay');
  await checkScreen(page, 'not-found page');
  await open(page, '/settings');
  await expect(page.locator('.storage-used')).toBeVisible();
  await checkScreen(page, 'settings page');
  // Each step of the learners' section: adding one, and both keypads.
  await page.getByRole('button', { name: 'Thêm người học' }).click();
  await checkScreen(page, 'settings: add a learner');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('.profiles li')).toHaveCount(2);
  await checkScreen(page, 'settings: two learners');
  for (const kind of ['Bấm ba hình', 'Mã số 4 chữ số']) {
    await page.getByRole('button', { name: 'Đặt khóa' }).click();
    await page.getByRole('button', { name: kind }).click();
    await checkScreen(page, `settings: keypad (${kind})`);
    await page.getByRole('button', { name: 'Quay lại' }).click();
  }
  await page.getByRole('button', { name: 'Xóa một người học' }).click();
  await page.locator('.profiles button').first().click();
  await checkScreen(page, 'settings: delete a learner?');
});

const WORDS = {
  vi: { progress: (n: number, t: number) => `Câu ${n} / ${t}`, check: 'Kiểm tra', next: 'Câu tiếp theo', finish: 'Xem kết quả', result: 'Kết quả' },
  en: { progress: (n: number, t: number) => `Question ${n} of ${t}`, check: 'Check', next: 'Next question', finish: 'See the result', result: 'Result' },
};

for (const lang of ['vi', 'en'] as const) {
  test(`every kind of question, answered right and wrong, and the result, in ${lang}, with no axe-core violation`, async ({ page }) => {
    test.setTimeout(240_000);
    const words = WORDS[lang];
    const seen = new Set<string>();
    for (const { id } of await lessonsForEveryKind(page)) {
      const lesson = await lessonJson(page, id, lang);
      await page.goto('/');
      await page.evaluate((l) => localStorage.setItem('kns.lang', l), lang);
      await open(page, `/lesson/${id}/quiz`);
      const total = lesson.quiz.questions.length;
      for (let i = 0; i < total; i++) {
        await expect(page.locator('.question-progress')).toHaveText(words.progress(i + 1, total));
        const question = await currentQuestion(page, lesson);
        const kind = Object.keys(question.kind)[0];
        const fresh = !seen.has(kind);
        await answer(page, question, i % 2 === 0, lang);
        if (fresh) await checkScreen(page, `${id}: ${kind}`);
        await page.getByRole('button', { name: words.check, exact: true }).click();
        await expect(page.locator('.feedback .verdict-title')).toBeVisible();
        if (fresh) await checkScreen(page, `${id}: ${kind}, checked`);
        seen.add(kind);
        await page.getByRole('button', { name: i + 1 < total ? words.next : words.finish, exact: true }).click();
      }
      await expect(page.getByRole('heading', { level: 1, name: words.result })).toBeVisible();
      await checkScreen(page, `${id}: result`);
    }
    expect([...seen].sort()).toEqual(ALL_KINDS);
  });
}
