// Lessons kept on the device (IndexedDB), so they open with no network: each lesson when it is
// opened, the whole course with "Tải tất cả bài học"; the course page says which lessons are
// kept and the room they take. A full device or a lost network loses nothing already kept.
import { test, expect, type Page } from './fixtures';
import { lessonJson, takeQuiz, type Json } from './helpers';

const OPENED = 'nhan-dien-lua-dao';
const WITH_PICTURE = 'lam-quen-dien-thoai';

async function course(page: Page): Promise<Json> {
  return (await page.request.get('/content/course.json')).json();
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** The bytes of the Vietnamese files of these lessons, as the course index gives them. */
function bytes(index: Json, ids: string[]): number {
  return index.lessons
    .filter((l: Json) => ids.includes(l.id))
    .reduce((sum: number, l: Json) => sum + l.translations.find((t: Json) => t.lang === 'vi').bytes, 0);
}

/** The names of the lesson files in the app's IndexedDB. */
async function keptFiles(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kns');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('lessons').objectStore('lessons').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve((keys.result as string[]).sort());
          };
        };
      }),
  );
}

function card(page: Page, title: string) {
  return page.locator('.lesson-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a lesson\'s recording kept in a folder of the lesson is played offline from the kept copy, whole', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // As "download all" keeps a recording (content/<lesson>/audio/<file>, read-aloud's data-audio).
    const path = `/content/${OPENED}/audio/buoc-1.wav`;
    await page.evaluate(async (path) => {
      const cache = await caches.open('kns-pictures');
      await cache.put(path, new Response('RIFF kept', { headers: { 'Content-Type': 'audio/wav' } }));
    }, path);
    await context.setOffline(true);
    const got = await page.evaluate(async (path) => {
      const r = await fetch(path);
      return `${r.status} ${await r.text()}`;
    }, path);
    expect(got).toBe('200 RIFF kept');
    await context.setOffline(false);
  });

  test('a lesson opened is kept, "download all" keeps the rest, and with no network every lesson opens and a quiz is saved', async ({ page, context }) => {
    const index = await course(page);
    const ids: string[] = index.lessons.map((l: Json) => l.id);
    const title = (id: string) => index.lessons.find((l: Json) => l.id === id).translations[0].title;
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const offline = page.locator('section.offline');
    await expect(offline.getByRole('status')).toHaveText(`Đã tải về máy 0 trên ${ids.length} bài (0 KB). Bài đã tải mở được cả khi không có mạng.`);
    await expect(page.locator('.kept')).toHaveCount(0);

    // Opening a lesson keeps it.
    await card(page, title(OPENED)).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(OPENED));
    await expect.poll(() => keptFiles(page)).toHaveLength(1);
    await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
    await expect(card(page, title(OPENED)).locator('.kept')).toHaveText('Đã tải về máy');
    await expect(page.locator('.kept')).toHaveCount(1);
    await expect(offline.getByRole('status')).toContainText(`Đã tải về máy 1 trên ${ids.length} bài (${kb(bytes(index, [OPENED]))} KB).`);
    const rest = ids.filter((id) => id !== OPENED);
    const download = offline.getByRole('button', { name: `Tải tất cả bài học (${kb(bytes(index, rest))} KB)` });

    // Download all: every lesson kept, in the learner's language, none in the worker's cache.
    await download.click();
    await expect(offline.getByRole('status')).toHaveText(
      `Đã tải về máy cả ${ids.length} bài (${kb(bytes(index, ids))} KB). Bạn học được cả khi không có mạng.`,
    );
    await expect(offline.getByRole('button')).toHaveCount(0);
    await expect(page.locator('.kept')).toHaveCount(ids.length);
    const vi = index.lessons.map((l: Json) => l.translations.find((t: Json) => t.lang === 'vi').file).sort();
    expect(await keptFiles(page)).toEqual(vi);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached.filter((url) => url.startsWith('/content/lessons/'))).toEqual([]);

    // No network: the app reloads, every lesson opens, pictures too, and a quiz is saved.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.locator('.kept')).toHaveCount(ids.length);
    await card(page, title(WITH_PICTURE)).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(WITH_PICTURE));
    const picture = page.locator('main img').first();
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
    const quizLesson = rest[rest.length - 1];
    await card(page, title(quizLesson)).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(quizLesson));
    await page.getByRole('link', { name: 'Làm bài kiểm tra' }).click();
    await context.setOffline(false);
    const lesson = await lessonJson(page, quizLesson, 'vi');
    await context.setOffline(true);
    await takeQuiz(page, lesson, () => true);
    await expect(page.locator('.saved')).toHaveText('Kết quả đã được lưu trên máy này.');
    await context.setOffline(false);
  });
});

const NO_NETWORK = 'Chưa tải xong vì mất mạng hoặc mạng không trả về bài học. Các bài đã tải vẫn còn. Hãy thử lại sau.';

test('a full device: a clear message, and the lessons kept before are all still there', async ({ page, context }) => {
  const index = await course(page);
  const title = (id: string) => index.lessons.find((l: Json) => l.id === id).translations[0].title;
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  // The browser grants this site room for about one more lesson, not for the whole course.
  // (Chromium checks the room when it first writes, so the limit is set before that.)
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + 40_000 });
  await card(page, title(OPENED)).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(OPENED));
  await expect.poll(() => keptFiles(page)).toHaveLength(1);
  const before = await keptFiles(page);
  await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
  const offline = page.locator('section.offline');
  await offline.getByRole('button', { name: /^Tải tất cả bài học/ }).click();
  await expect(offline.getByRole('alert')).toHaveText(
    'Máy đã đầy bộ nhớ nên không lưu thêm được bài. Các bài đã tải trước đó vẫn còn nguyên.',
  );
  expect(await keptFiles(page)).toEqual(before);
  await expect(offline.getByRole('status')).toContainText(`Đã tải về máy 1 trên ${index.lessons.length} bài`);
  // What was kept still opens with no network.
  await context.setOffline(true);
  await card(page, title(OPENED)).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(OPENED));
  await context.setOffline(false);

  // With room again, the same button finishes the job.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('link', { name: 'Kỹ năng số', exact: true }).click();
  await offline.getByRole('button', { name: /^Tải tất cả bài học/ }).click();
  await expect(offline.getByRole('status')).toContainText(`Đã tải về máy cả ${index.lessons.length} bài`);
  await expect(offline.getByRole('alert')).toHaveCount(0);
});

test('the network lost in the middle of a download: what arrived is kept, and the learner is told', async ({ page }) => {
  const index = await course(page);
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  let served = 0;
  await page.route('**/content/lessons/*.bin', (route) => (++served <= 3 ? route.continue() : route.abort('internetdisconnected')));
  const offline = page.locator('section.offline');
  await offline.getByRole('button', { name: /^Tải tất cả bài học/ }).click();
  await expect(offline.getByRole('alert')).toHaveText(NO_NETWORK);
  await expect(offline.getByRole('status')).toContainText(`Đã tải về máy 3 trên ${index.lessons.length} bài`);
  expect(await keptFiles(page)).toHaveLength(3);
  await expect(page.locator('.kept')).toHaveCount(3);
  await page.unroute('**/content/lessons/*.bin');
  // By keyboard this time: the section is drawn again as the download runs and ends, and the
  // keyboard's place stays in it (on the button, then on the heading once the button is gone).
  await offline.getByRole('button', { name: /^Tải tất cả bài học/ }).focus();
  await page.keyboard.press('Enter');
  await expect(offline.getByRole('status')).toContainText(`Đã tải về máy cả ${index.lessons.length} bài`);
  await expect(offline.getByRole('heading', { name: 'Học khi không có mạng' })).toBeFocused();
});

test('a Wi-Fi login page answering in place of the lessons is not kept as a lesson', async ({ page }) => {
  const index = await course(page);
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  let served = 0;
  await page.route('**/content/lessons/*.bin', (route) =>
    ++served <= 2
      ? route.continue()
      : route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Đăng nhập Wi-Fi miễn phí</body></html>' }),
  );
  const offline = page.locator('section.offline');
  await offline.getByRole('button', { name: /^Tải tất cả bài học/ }).click();
  await expect(offline.getByRole('alert')).toHaveText(NO_NETWORK);
  await expect(offline.getByRole('status')).toContainText(`Đã tải về máy 2 trên ${index.lessons.length} bài`);
  expect(await keptFiles(page)).toHaveLength(2);
});
