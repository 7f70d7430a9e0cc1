// Browser figures for `cargo xtask bench`, each written as JSON to the file that BENCH_OUT names
// with a suffix:
// - `.latency`: answer to commit, from the tap on "Kiểm tra" (check) to the end of the IndexedDB
//   transaction that saves the answer (its `complete` event), for the first 100 answers of the
//   course's quizzes taken in order (budget 20 ms: median and 95th percentile);
// - `.floor`: what that figure cannot go below here: a click on a button that does nothing, to
//   the browser's next task, 30 times;
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

  // The floor under that figure: a click on a button that does nothing, to the browser's next
  // task (which is when IndexedDB's events can run at the earliest). In headless Chromium here the
  // browser draws a frame after each click first, about 12 ms.
  await page.evaluate(() => {
    const w = window as any;
    w.__floor = [];
    const button = document.createElement('button');
    button.id = 'bench-noop';
    button.textContent = 'noop';
    document.body.prepend(button);
    button.addEventListener('click', (e) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => w.__floor.push(performance.now() - e.timeStamp);
      channel.port2.postMessage(0);
    });
  });
  for (let i = 0; i < 30; i++) await page.click('#bench-noop');
  await page.waitForFunction(() => (window as any).__floor.length === 30);
  const floor = await page.evaluate(() => (window as any).__floor);
  writeFileSync(`${process.env.BENCH_OUT ?? 'bench'}.floor`, JSON.stringify({ samples: floor }));
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
