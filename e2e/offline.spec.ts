// After one visit, the app works with no network: the service worker (public/sw.js) keeps this
// build's pages, JS, wasm and course index. Every page carries the build id the worker has.
import { test, expect } from './fixtures';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

test.use({ serviceWorkers: 'allow' });

const LESSON = 'nhan-dien-lua-dao';

test('after one visit, the course page and a lesson page opened before load with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  // The worker is active once it has stored the whole shell.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  const build = await page.locator('meta[name="kns-build"]').getAttribute('content');
  expect(build).toMatch(/^[0-9a-f]{16}$/);
  const worker = await (await page.request.get('/sw.js')).text();
  expect(worker).toContain(`const BUILD = '${build}';`);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).find((p) => p.endsWith('.wasm')));
  expect(worker).toContain(`"${wasm}"`);

  // A lesson page opened online is kept (the worker controls the page from here on).
  await page.reload();
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await page.goto('/');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kỹ năng số cơ bản');
  // The app itself runs offline: it takes over the static page and shows each lesson's state.
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('.lesson-card').first()).toContainText('Chưa học');
  expect(await page.locator('meta[name="kns-build"]').getAttribute('content')).toBe(build);

  // The lesson's page, opened directly, is there to read from the worker's store.
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  expect(await page.locator('meta[name="kns-build"]').getAttribute('content')).toBe(build);

  // An address with no page of its own gets the app's page, which says what it can.
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});

// A server that has the same build as BASE_URL until `release()` is called; from then on its
// service worker carries another build id, which is all a browser needs to see a new version.
async function updatableServer(): Promise<{ url: string; release: (build: string) => void; close: () => void }> {
  const base = test.info().project.use.baseURL!;
  let next: [string, string] | null = null;
  const server = createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url!, base));
    let body = Buffer.from(await upstream.arrayBuffer());
    if (next && new URL(req.url!, base).pathname === '/sw.js') body = Buffer.from(body.toString().replace(...next));
    const headers = [...upstream.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k));
    res.writeHead(upstream.status, Object.fromEntries(headers));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    release: (build) => (next = [`const BUILD = '${build}';`, `const BUILD = '${build}-next';`]),
    close: () => server.close(),
  };
}

test('a new version is offered, never forced: the learner chooses when, other tabs keep theirs', async ({ page, context }) => {
  const server = await updatableServer();
  await page.goto(`${server.url}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.locator('#prerender')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const build = (await page.locator('meta[name="kns-build"]').getAttribute('content'))!;
  const other = await context.newPage();
  await other.goto(`${server.url}/lesson/nhan-dien-lua-dao`);
  await expect(other.locator('#prerender')).toHaveCount(0);
  // Markers that a reload would wipe.
  for (const p of [page, other]) await p.evaluate(() => ((window as any).__before = true));

  // The server now has a new version; the browser looks (as it does on each navigation).
  server.release(build);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => reg!.update()));
  const offer = page.locator('.notice');
  await expect(offer).toContainText('Đã có phiên bản mới.');
  await expect(offer).toHaveAttribute('role', 'status');
  // Nothing changed on its own: the old worker still serves, the page was not reloaded.
  expect(await page.evaluate(() => (window as any).__before)).toBe(true);
  const caches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('kns-shell-')));
  expect(await caches()).toContain(`kns-shell-${build}`);
  await expect(other.locator('.notice')).toContainText('Đã có phiên bản mới.');

  await offer.getByRole('button', { name: 'Cập nhật' }).click();
  // This page reloads into the new version; the old build's files are gone from the store.
  await page.waitForFunction(() => (window as any).__before === undefined);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect.poll(caches).toEqual([`kns-shell-${build}-next`]);
  // The other tab is not reloaded under the learner's hand: it keeps the offer, which now reloads.
  expect(await other.evaluate(() => (window as any).__before)).toBe(true);
  await other.locator('.notice').getByRole('button', { name: 'Cập nhật' }).click();
  await other.waitForFunction(() => (window as any).__before === undefined);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Nhận diện cuộc gọi và tin nhắn lừa đảo');
  server.close();
});
