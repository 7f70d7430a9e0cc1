// Progress that is never lost: every answer is saved the moment it is given, a reload resumes
// the quiz, the course page shows each lesson's state, and broken or missing storage is said
// plainly while the app keeps teaching.
import { test, expect, type Page } from './fixtures';
import { answer, currentQuestion, lessonJson, storedAttempt, takeQuiz, type Json } from './helpers';

const storedAnswers = async (page: Page, lesson: string) => (await storedAttempt(page, lesson))?.answers ?? 0;

const LESSON = 'nhan-dien-lua-dao';
const TITLE = 'Nhận diện cuộc gọi và tin nhắn lừa đảo';

async function answerRight(page: Page, lesson: Json) {
  const question = await currentQuestion(page, lesson);
  await answer(page, question, true, 'vi');
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.locator('.feedback .verdict-title')).toHaveText('Đúng rồi!');
  return question;
}

const card = (page: Page) => page.locator('.lesson-card', { hasText: TITLE });

test('a reload in the middle of a quiz resumes at the next question, in the same order, with the answers kept', async ({ page }) => {
  const lesson = await lessonJson(page, LESSON, 'vi');
  const total = lesson.quiz.questions.length;
  await page.goto(`/lesson/${LESSON}/quiz`);
  for (let i = 0; i < 3; i++) {
    await answerRight(page, lesson);
    await page.getByRole('button', { name: 'Câu tiếp theo', exact: true }).click();
  }
  await expect(page.locator('.question-progress')).toHaveText(`Câu 4 / ${total}`);
  const fourth = (await currentQuestion(page, lesson)).id;
  await page.reload();
  await expect(page.locator('.question-progress')).toHaveText(`Câu 4 / ${total}`);
  expect((await currentQuestion(page, lesson)).id).toBe(fourth);
  for (let i = 3; i < total; i++) {
    await answerRight(page, lesson);
    await page.getByRole('button', { name: i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả', exact: true }).click();
  }
  // The three answers given before the reload count.
  await expect(page.locator('.quiz-score')).toHaveText(`Bạn trả lời đúng ${total} trên ${total} câu (100%).`);
});

test('the course page shows each lesson as not started, in progress or passed, and keeps it after a reload', async ({ page }) => {
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto('/');
  await expect(card(page).locator('.badge')).toHaveText('Chưa học');
  await page.goto(`/lesson/${LESSON}/quiz`);
  await answerRight(page, lesson);
  await page.goto('/');
  await expect(card(page).locator('.badge')).toHaveText('Đang học');
  await page.goto(`/lesson/${LESSON}/quiz`);
  await expect(page.locator('.question-progress')).toHaveText(`Câu 2 / ${lesson.quiz.questions.length}`);
  // Finish from question 2: takeQuiz expects to start at 1, so answer the rest here.
  const total = lesson.quiz.questions.length;
  for (let i = 1; i < total; i++) {
    await answerRight(page, lesson);
    await page.getByRole('button', { name: i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả', exact: true }).click();
  }
  await expect(page.locator('.quiz-result .verdict')).toHaveText('Chúc mừng! Bạn đã đạt bài này.');
  // The result says when it is on the disk (written with strict durability); then leaving is safe.
  await expect(page.locator('.quiz-result .saved')).toHaveText('Kết quả đã được lưu trên máy này.');
  await page.goto('/');
  await expect(card(page).locator('.badge')).toHaveText('Đã đạt');
  await page.reload();
  await expect(card(page).locator('.badge')).toHaveText('Đã đạt');
  // A later, worse try never takes the pass away.
  await page.goto(`/lesson/${LESSON}/quiz`);
  await takeQuiz(page, lesson, () => false);
  await expect(page.locator('.quiz-result .saved')).toBeVisible();
  await page.goto('/');
  await expect(card(page).locator('.badge')).toHaveText('Đã đạt');
});

test('each answer is its own small transaction, and a finished quiz is written with strict durability', async ({ page }) => {
  await page.addInitScript(() => {
    // Every read-write transaction on progress the app opens, with the durability it asked for.
    const w = window as any;
    w.__writes = [];
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: any, mode?: any, options?: any) {
      const tx = open.call(this, names, mode, options);
      if (mode === 'readwrite' && [].concat(names).includes('progress' as never)) w.__writes.push(tx.durability);
      return tx;
    } as any;
  });
  const lesson = await lessonJson(page, LESSON, 'vi');
  const total = lesson.quiz.questions.length;
  await page.goto(`/lesson/${LESSON}/quiz`);
  await takeQuiz(page, lesson, () => true);
  await expect(page.locator('.quiz-result .saved')).toBeVisible();
  const writes: string[] = await page.evaluate(() => (window as any).__writes);
  expect(writes).toEqual([...Array(total).fill('default'), 'strict']);
});

test('the feedback on an answer is drawn once the answer is saved', async ({ page }) => {
  await page.addInitScript(() => {
    // How many answer transactions had completed when each verdict appeared.
    const w = window as any;
    w.__done = 0;
    w.__atVerdict = [];
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: any, mode?: any, options?: any) {
      const tx = open.call(this, names, mode, options);
      if (mode === 'readwrite' && [].concat(names).includes('progress' as never)) {
        tx.addEventListener('complete', () => w.__done++);
      }
      return tx;
    } as any;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node instanceof Element && (node.matches('.verdict-title') || node.querySelector('.verdict-title'))) {
            w.__atVerdict.push(w.__done);
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto(`/lesson/${LESSON}/quiz`);
  for (let i = 0; i < 3; i++) {
    await answerRight(page, lesson);
    await page.getByRole('button', { name: 'Câu tiếp theo', exact: true }).click();
  }
  // Each verdict appeared after its own answer's transaction had completed.
  expect(await page.evaluate(() => (window as any).__atVerdict)).toEqual([1, 2, 3]);
});

test('with no IndexedDB the app still teaches and says once, plainly, that progress will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto('/');
  const notice = page.locator('.notice');
  await expect(notice).toHaveText(
    'Trình duyệt này không cho lưu bài học. Bạn vẫn học được, nhưng khi đóng trang, kết quả sẽ mất.',
  );
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.locator('ol.steps').first()).toBeVisible();
  await page.getByRole('link', { name: 'Làm bài kiểm tra' }).click();
  await takeQuiz(page, lesson, () => true);
  await expect(page.locator('.quiz-result .verdict')).toHaveText('Chúc mừng! Bạn đã đạt bài này.');
  await expect(notice).toHaveCount(1);
  // Nothing claims the result is saved when it cannot be.
  await expect(page.locator('.quiz-result .saved')).toHaveCount(0);
});

test('a damaged saved record is skipped and reported, and everything else loads', async ({ page }) => {
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto(`/lesson/${LESSON}/quiz`);
  await answerRight(page, lesson);
  // Something else writes a value the app cannot read into its database.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kns');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('progress', 'readwrite');
          tx.objectStore('progress').put({ not: 'ours' }, 'default/bai-khac');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto('/');
  await expect(page.locator('.notice')).toHaveText(
    'Một vài kết quả cũ bị hỏng nên không đọc được. Các kết quả khác vẫn còn đủ.',
  );
  await expect(card(page).locator('.badge')).toHaveText('Đang học');
});

/** How many answers the stored attempt of a lesson holds, read from IndexedDB itself: the record's
 *  wire form (postcard) begins profile, lesson, Some(attempt) = hash, lang, seed, answers. */
test('two tabs answering the same quiz at once lose no answer', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  const lesson = await lessonJson(one, LESSON, 'vi');
  const total = lesson.quiz.questions.length;
  // Both tabs open the quiz before either answers: each holds the record as it was then.
  for (const page of [one, two]) {
    await page.goto(`/lesson/${LESSON}/quiz`);
    await expect(page.locator('.question-progress')).toHaveText(`Câu 1 / ${total}`);
  }
  const first = await answerRight(one, lesson);
  await expect.poll(() => storedAnswers(one, LESSON)).toBe(1);
  // The second tab answers another question (or the same one: then it replaces it).
  const second = await answerRight(two, lesson);
  const expected = first.id === second.id ? 1 : 2;
  await expect.poll(() => storedAnswers(two, LESSON)).toBe(expected);
  // The first tab answers on; nothing the second saved is written over.
  await one.getByRole('button', { name: 'Câu tiếp theo', exact: true }).click();
  const third = await answerRight(one, lesson);
  const answered = new Set([first.id, second.id, third.id]).size;
  await expect.poll(() => storedAnswers(one, LESSON)).toBe(answered);
  // A reload of either tab resumes with every answer.
  await two.reload();
  await expect(two.locator('.question-progress')).toBeVisible();
  expect(await storedAnswers(two, LESSON)).toBe(answered);
});
