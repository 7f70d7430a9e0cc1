// Quizzes, as a learner takes them: every question kind answered by tapping, feedback after each
// answer, the result against the pass mark, and a retry. The right answers come from the compiled
// lesson the app itself loads, so the tests follow the content as it changes.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const SCAM_LESSON = 'nhan-dien-lua-dao';

type Json = any;

/** The words of a run of inlines (serde's external tagging: {"text": "…"}, {"strong": […]}, …). */
function plain(inlines: Json[]): string {
  return inlines
    .map((inline) => {
      const [kind, value] = Object.entries(inline)[0] as [string, Json];
      if (kind === 'text' || kind === 'code') return value as string;
      if (kind === 'emphasis' || kind === 'strong') return plain(value);
      return plain(value.text);
    })
    .join('');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function lessonJson(page: Page, id: string, lang: string): Promise<Json> {
  const course = await (await page.request.get('/content/course.json')).json();
  const translation = course.lessons.find((l: Json) => l.id === id).translations.find((t: Json) => t.lang === lang);
  return (await (await page.request.get(`/content/${translation.file}.json`)).json()).lesson;
}

async function courseIds(page: Page): Promise<string[]> {
  const course = await (await page.request.get('/content/course.json')).json();
  return course.lessons.map((l: Json) => l.id);
}

/** The question now on screen, found in the lesson by its prompt. */
async function currentQuestion(page: Page, lesson: Json): Promise<Json> {
  const prompt = squash((await page.locator('.question h1').textContent()) ?? '');
  const question = lesson.quiz.questions.find((q: Json) => squash(plain(q.prompt)) === prompt);
  expect(question, `question on screen: ${prompt}`).toBeTruthy();
  return question;
}

const exactly = (text: string) => new RegExp(`^\\s*${squash(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s*$`);

/** Answers the question on screen by tapping, rightly or wrongly. */
async function answer(page: Page, question: Json, right: boolean, lang: string) {
  const [kind, body] = Object.entries(question.kind)[0] as [string, Json];
  const choice = (text: string) => page.locator('.choice').filter({ has: page.locator('span', { hasText: exactly(text) }) });
  const tile = (scope: string, text: string) => page.locator(scope).locator('.tile', { hasText: exactly(text) }).first();
  switch (kind) {
    case 'single_choice': {
      const option = body.options.find((o: Json) => o.correct === right);
      await choice(plain(option.text)).click();
      break;
    }
    case 'multiple_choice': {
      const picks = right ? body.options.filter((o: Json) => o.correct) : [body.options.find((o: Json) => !o.correct) ?? body.options[0]];
      for (const o of picks) await choice(plain(o.text)).click();
      break;
    }
    case 'true_false': {
      const say = right ? body.answer : !body.answer;
      const label = say ? (lang === 'vi' ? 'Đúng' : 'True') : lang === 'vi' ? 'Sai' : 'False';
      await choice(label).click();
      break;
    }
    case 'order': {
      const steps: Json[] = right ? body.steps : [...body.steps].reverse();
      for (const step of steps) await tile('ul.tiles', plain(step)).click();
      break;
    }
    case 'match': {
      const n = body.pairs.length;
      for (let i = 0; i < n; i++) {
        const right_item = body.pairs[right ? i : (i + 1) % n].right;
        await tile('.match ul.tiles >> nth=0', plain(body.pairs[i].left)).click();
        await tile('.match ul.tiles >> nth=1', plain(right_item)).click();
      }
      break;
    }
    case 'spot_the_scam': {
      const parts: Json[] = right ? body.parts.filter((p: Json) => p.correct) : [body.parts.find((p: Json) => !p.correct)];
      for (const p of parts) await page.locator('.message-part', { hasText: exactly(plain(p.text)) }).click();
      break;
    }
    default:
      throw new Error(`unknown question kind ${kind}`);
  }
}

async function takeQuiz(page: Page, lesson: Json, right: (index: number) => boolean, lang = 'vi') {
  const total = lesson.quiz.questions.length;
  for (let i = 0; i < total; i++) {
    await expect(page.locator('.question-progress')).toHaveText(lang === 'vi' ? `Câu ${i + 1} / ${total}` : `Question ${i + 1} of ${total}`);
    const question = await currentQuestion(page, lesson);
    const check = page.getByRole('button', { name: lang === 'vi' ? 'Kiểm tra' : 'Check', exact: true });
    await answer(page, question, right(i), lang);
    await check.click();
    const verdict = page.locator('.feedback .verdict-title');
    await expect(verdict).toHaveText(right(i) ? (lang === 'vi' ? 'Đúng rồi!' : 'Right!') : lang === 'vi' ? 'Chưa đúng.' : 'Not quite.');
    await expect(page.locator('.feedback')).toContainText(squash(plain(question.explanation)).slice(0, 30));
    const next = lang === 'vi' ? (i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả') : i + 1 < total ? 'Next question' : 'See the result';
    await page.getByRole('button', { name: next, exact: true }).click();
  }
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

test('the lesson page leads to its quiz', async ({ page }) => {
  const lesson = await lessonJson(page, SCAM_LESSON, 'vi');
  await page.goto(`/lesson/${SCAM_LESSON}`);
  await expect(page.locator('.quiz-start')).toContainText(`Có ${lesson.quiz.questions.length} câu hỏi. Bạn cần đúng 80% để đạt.`);
  await page.getByRole('link', { name: 'Làm bài kiểm tra' }).click();
  await expect(page).toHaveURL(new RegExp(`/lesson/${SCAM_LESSON}/quiz$`));
  await expect(page.locator('.question-progress')).toHaveText(`Câu 1 / ${lesson.quiz.questions.length}`);
  // Nothing is chosen for the learner, so there is nothing to check yet (in a spot-the-scam
  // question, "nothing looks suspicious" is itself an answer).
  const first = await currentQuestion(page, lesson);
  if (!('spot_the_scam' in first.kind)) {
    await expect(page.getByRole('button', { name: 'Kiểm tra', exact: true })).toBeDisabled();
  }
  await expect(page.locator('.choice input:checked, .tile[aria-pressed="true"], .message-part[aria-pressed="true"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('answering every question right passes the quiz', async ({ page }) => {
  const lesson = await lessonJson(page, SCAM_LESSON, 'vi');
  const total = lesson.quiz.questions.length;
  await page.goto(`/lesson/${SCAM_LESSON}/quiz`);
  await takeQuiz(page, lesson, () => true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả');
  await expect(page.locator('.quiz-score')).toHaveText(`Bạn trả lời đúng ${total} trên ${total} câu (100%).`);
  await expect(page.locator('.quiz-result .verdict')).toHaveText('Chúc mừng! Bạn đã đạt bài này.');
  await expectNoAxeViolations(page);
});

test('wrong answers show feedback, fail below the pass mark, list what to review, and a retry starts over', async ({ page }) => {
  const lesson = await lessonJson(page, SCAM_LESSON, 'vi');
  const total = lesson.quiz.questions.length;
  await page.goto(`/lesson/${SCAM_LESSON}/quiz`);
  // The first question wrong, with its feedback checked for accessibility too.
  const first = await currentQuestion(page, lesson);
  await answer(page, first, false, 'vi');
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.locator('.feedback .verdict-title')).toHaveText('Chưa đúng.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Câu tiếp theo', exact: true }).click();
  // Then right, wrong, right…: half right is below 80 %.
  for (let i = 1; i < total; i++) {
    const q = await currentQuestion(page, lesson);
    await answer(page, q, i % 2 === 0, 'vi');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByRole('button', { name: i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả', exact: true }).click();
  }
  const score = Math.floor((total - 1) / 2);
  await expect(page.locator('.quiz-score')).toHaveText(
    `Bạn trả lời đúng ${score} trên ${total} câu (${Math.floor((score * 100) / total)}%).`,
  );
  await expect(page.locator('.quiz-result .verdict')).toContainText('Bạn cần đúng ít nhất 80% để đạt.');
  await expect(page.locator('.quiz-result li')).toHaveCount(total - score);
  await expect(page.locator('.quiz-result li').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Làm lại' }).click();
  await expect(page.locator('.question-progress')).toHaveText(`Câu 1 / ${total}`);
  await expect(page.locator('.feedback .verdict')).toHaveCount(0);
  await expect(page.locator('.choice input:checked, .tile[aria-pressed="true"], .message-part[aria-pressed="true"]')).toHaveCount(0);
});

test('every lesson quiz in the course can be passed by tapping, in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  for (const id of await courseIds(page)) {
    for (const lang of ['vi', 'en']) {
      await page.goto('/');
      await page.getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English' }).click();
      const lesson = await lessonJson(page, id, lang);
      await page.goto(`/lesson/${id}/quiz`);
      await takeQuiz(page, lesson, () => true, lang);
      await expect(page.locator('.quiz-result .verdict')).toHaveText(
        lang === 'vi' ? 'Chúc mừng! Bạn đã đạt bài này.' : 'Well done! You passed this lesson.',
      );
    }
  }
});
