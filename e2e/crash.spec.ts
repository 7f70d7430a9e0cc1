// The tab killed in the middle of saving an answer, at 200 random moments: every time, the store
// holds the state before the answer or the state after it, never half of it, and the app opens
// it whole and resumes where the store says.
//
// Each moment: tap "Kiểm tra" (the answer is saved in one IndexedDB transaction), wait a random
// 0 to 10 ms (a save commits a few ms after the tap here), kill the tab's renderer (Chromium's Page.crash),
// then open the quiz in a new tab and look. The lessons' quizzes are taken in course order, in
// Vietnamese, then in English, until 200 moments have been tried.
import { test, expect, type Page, type BrowserContext } from './fixtures';
import { answer, courseIds, currentQuestion, storedAttempt, type Json } from './helpers';

const MOMENTS = 200;

async function compiled(page: Page, id: string, lang: string): Promise<Json> {
  const course = await (await page.request.get('/content/course.json')).json();
  const translation = course.lessons.find((l: Json) => l.id === id).translations.find((t: Json) => t.lang === lang);
  return (await page.request.get(`/content/${translation.file}.json`)).json();
}

async function openQuiz(context: BrowserContext, id: string, lang: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/lesson/${id}/quiz`);
  await expect(page.locator('.question-progress')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  return page;
}

test('a tab killed while an answer is being saved leaves the old state or the new, never half', async ({ context }) => {
  test.setTimeout(15 * 60_000);
  const setup = await context.newPage();
  const ids = await courseIds(setup);
  await setup.close();
  let moments = 0;
  const outcomes = { before: 0, after: 0 };
  for (const lang of ['vi', 'en']) {
    await context.addInitScript((lang) => localStorage.setItem('kns.lang', lang), lang);
    for (const id of ids) {
      if (moments >= MOMENTS) break;
      const setup = await context.newPage();
      const { hash, lesson } = await compiled(setup, id, lang);
      await setup.close();
      const total = lesson.quiz.questions.length;
      let page = await openQuiz(context, id, lang);
      for (let i = 0; i < total && moments < MOMENTS; i++) {
        const was = await storedAttempt(page, id);
        const before = was?.hash === hash ? was.answers : 0;
        await expect(page.locator('.question-progress')).toHaveText(lang === 'vi' ? `Câu ${before + 1} / ${total}` : `Question ${before + 1} of ${total}`);
        await answer(page, await currentQuestion(page, lesson), i % 2 === 0, lang);
        const cdp = await context.newCDPSession(page);
        await page.getByRole('button', { name: lang === 'vi' ? 'Kiểm tra' : 'Check', exact: true }).click({ noWaitAfter: true });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
        cdp.send('Page.crash').catch(() => {});
        await page.waitForEvent('crash');
        moments++;
        page.close().catch(() => {});

        page = await openQuiz(context, id, lang);
        // The store holds the answers from before the tap, or those and the new one.
        const stored = await storedAttempt(page, id);
        const after = stored?.hash === hash ? stored.answers : 0;
        expect([before, before + 1], `moment ${moments}: ${before} answers before`).toContain(after);
        outcomes[after === before ? 'before' : 'after']++;
        // The app decoded every record (a half-written one would be skipped and said), and resumes
        // at the first question the store has no answer for.
        await expect(page.locator('.notice')).toHaveCount(0);
        if (after < total) {
          await expect(page.locator('.question-progress')).toHaveText(
            lang === 'vi' ? `Câu ${after + 1} / ${total}` : `Question ${after + 1} of ${total}`,
          );
        }
        if (after === before) i--; // the same question again
      }
      await page.close();
    }
  }
  expect(moments).toBe(MOMENTS);
  // The moments fell on both sides of the commit, so both outcomes were really tried.
  expect(outcomes.before, JSON.stringify(outcomes)).toBeGreaterThan(0);
  expect(outcomes.after, JSON.stringify(outcomes)).toBeGreaterThan(0);
  console.log(`crash moments: ${JSON.stringify(outcomes)}`);
});
