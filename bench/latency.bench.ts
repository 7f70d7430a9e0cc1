// Browser figures for `cargo xtask bench`, each written as JSON to the file that BENCH_OUT names
// with a suffix:
// - `.latency`: answer to commit, from the tap on "Kiểm tra" (check) to the end of the IndexedDB
//   transaction that saves the answer (its `complete` event), for the first 100 answers of the
//   course's quizzes taken in order (budget 20 ms: median and 95th percentile);
// - `.offline`: after one visit, with the network off, a reload until the app has taken over the
//   course page, in ms from the start of the navigation, five times (budget 1 s).
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { answer, courseIds, currentQuestion, lessonJson } from '../e2e/helpers';

const ANSWERS = 100;

test('answer to commit', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.__taps = [];
    w.__commits = [];
    document.addEventListener('click', (e) => w.__taps.push(e.timeStamp), true);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: any[]) {
      this.transaction.addEventListener('complete', () => w.__commits.push(performance.now()));
      return put.apply(this, args as any);
    };
  });
  test.setTimeout(10 * 60_000);
  const samples: number[] = [];
  for (const id of await courseIds(page)) {
    if (samples.length >= ANSWERS) break;
    const lesson = await lessonJson(page, id, 'vi');
    await page.goto(`/lesson/${id}/quiz`);
    const total = lesson.quiz.questions.length;
    for (let i = 0; i < total && samples.length < ANSWERS; i++) {
      await expect(page.locator('.question-progress')).toHaveText(`Câu ${i + 1} / ${total}`);
      await answer(page, await currentQuestion(page, lesson), true, 'vi');
      const before = await page.evaluate(() => (window as any).__commits.length);
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await page.waitForFunction((n) => (window as any).__commits.length > n, before);
      samples.push(
        await page.evaluate(() => {
          const w = window as any;
          return w.__commits[w.__commits.length - 1] - w.__taps[w.__taps.length - 1];
        }),
      );
      const next = i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả';
      await page.getByRole('button', { name: next, exact: true }).click();
    }
  }
  expect(samples).toHaveLength(ANSWERS);
  writeFileSync(`${process.env.BENCH_OUT ?? 'bench'}.latency`, JSON.stringify({ samples }));
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('offline reload to interactive', async ({ page, context }) => {
    await page.addInitScript(() => {
      // The moment the static page gives way: the app is on screen and answers taps.
      new MutationObserver((_, observer) => {
        if (document.getElementById('app') && !document.getElementById('prerender')) {
          (window as any).__interactive = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.waitForFunction(() => (window as any).__interactive !== undefined);
      samples.push(await page.evaluate(() => (window as any).__interactive));
    }
    await context.setOffline(false);
    writeFileSync(`${process.env.BENCH_OUT ?? 'bench'}.offline`, JSON.stringify({ samples }));
  });
});
