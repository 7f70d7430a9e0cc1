// Quizzes, as a learner takes them: every question kind answered by tapping, feedback after each
// answer, the result against the pass mark, and a retry. The right answers come from the compiled
// lesson the app itself loads, so the tests follow the content as it changes.
import { test, expect } from './fixtures';
import { answer, courseIds, currentQuestion, expectNoAxeViolations, lessonJson, plain, squash, takeQuiz } from './helpers';

const SCAM_LESSON = 'nhan-dien-lua-dao';

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
  await expect(page.locator('.quiz-result .saved')).toHaveText('Kết quả đã được lưu trên máy này.');
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
