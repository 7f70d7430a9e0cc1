// Completion records (issue 6): a passed quiz becomes a signed Open Badges record once the
// learner agrees, never before; the downloaded file checks out with the project's own `kns
// verify` and with an independent JOSE implementation (the `jose` npm library), and `kns verify`
// accepts a record that `jose` signed. Consent is per purpose, nothing pre-ticked, and a learner
// under 16 needs a guardian before records may leave the device. The outbox delivers to a
// collector on loopback, retries after it was down and never sends a record twice.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoAxeViolations, lessonJson, takeQuiz, type Json } from './helpers';

const LESSON = 'nhan-dien-lua-dao';
const KNS = process.env.KNS_BIN ?? join(__dirname, '..', 'target', 'debug', 'kns');

const said = (page: Page) => page.locator('.records-said');

async function passQuiz(page: Page): Promise<Json> {
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto(`/lesson/${LESSON}/quiz`);
  await takeQuiz(page, lesson, () => true);
  await expect(page.locator('.verdict.passed')).toBeVisible();
  await expect(page.locator('.saved')).toBeVisible();
  return lesson;
}

async function openRecords(page: Page) {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Hồ sơ học tập' })).toBeVisible();
}

/** How many signed records IndexedDB holds. */
async function storedRecords(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('kns');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const n: number = await new Promise((ok, fail) => {
      const r = db.transaction('records').objectStore('records').count();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return n;
  });
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes: Uint8Array): string {
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function unbase58(text: string): Uint8Array {
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(BASE58.indexOf(c));
  return Uint8Array.from(Buffer.from(n.toString(16).padStart(68, '0'), 'hex'));
}

/** The Ed25519 public key a did:key names, as a JWK (independently of kns-core's reading). */
function jwkOf(did: string) {
  const bytes = unbase58(did.replace('did:key:z', '').split('#')[0]);
  expect([...bytes.subarray(0, 2)]).toEqual([0xed, 0x01]);
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') };
}

function kns(args: string[]): { status: number; out: string } {
  try {
    return { status: 0, out: execFileSync(KNS, args, { encoding: 'utf8' }) };
  } catch (e: any) {
    return { status: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** A collector on loopback: answers each POST with `status` and `body`, keeps what it was sent,
 *  and allows the app's origin (CORS), as a real one must. */
class Collector {
  received: { type: string; body: string }[] = [];
  server?: Server;
  constructor(public port: number, public status = 202, public body = 'ok') {}

  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((ok) => probe.close(ok));
    return port;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/records`;
  }

  async start() {
    this.server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      if (req.method === 'OPTIONS') return res.writeHead(204).end();
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.received.push({ type: req.headers['content-type'] ?? '', body });
        res.writeHead(this.status, { 'Content-Type': 'text/plain' }).end(this.body);
      });
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', ok));
  }

  async stop() {
    await new Promise((ok) => this.server?.close(ok));
  }
}

async function agreeToSend(page: Page, collector: Collector) {
  await page.route('**/config.json', (route) => route.fulfill({ json: { collector: collector.url } }));
  await passQuiz(page);
  await openRecords(page);
  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('checkbox', { name: 'Gửi hồ sơ cho người hướng dẫn hoặc nơi thu nhận của Thành phố' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.record')).toHaveCount(1);
}

const goneOnline = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

test('a passed quiz becomes a signed record once the learner agrees; the file checks out with kns verify and with jose', async ({ page }) => {
  const lesson = await passQuiz(page);
  // The result offers the records; the settings page opens on them.
  await page.getByRole('link', { name: 'Xem hồ sơ học tập của bạn' }).click();
  await expect(page).toHaveURL(/\/settings#records$/);
  await expect(page.getByRole('heading', { name: 'Hồ sơ học tập' })).toBeFocused();
  // The notice says what a record holds and asks per purpose; nothing is ticked, nothing made yet.
  await expect(page.getByText('Không có tên, số điện thoại hay số căn cước của bạn.', { exact: false })).toBeVisible();
  const boxes = page.locator('.records-section input[type="checkbox"]');
  await expect(boxes).toHaveCount(4);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  expect(await storedRecords(page)).toBe(0);
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(said(page)).toHaveText('Đã lưu lựa chọn của bạn. Đã ghi 1 hồ sơ mới.');
  await expect(page.getByRole('heading', { name: 'Hồ sơ đã ghi (1)' })).toBeVisible();
  const total = lesson.quiz.questions.length;
  const row = page.locator('.record');
  await expect(row.locator('.record-title')).toHaveText(lesson.title);
  await expect(row).toContainText(`đúng ${total}/${total} câu`);
  await expect(row).toContainText('Tự xác nhận trên máy này');
  expect(await storedRecords(page)).toBe(1);
  await expectNoAxeViolations(page);

  // Opening the page again makes no second record of the same pass.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hồ sơ đã ghi (1)' })).toBeVisible();
  await expect(said(page)).toBeEmpty();
  expect(await storedRecords(page)).toBe(1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải hồ sơ về máy' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ho-so-hoc-tap.txt');
  const dir = mkdtempSync(join(tmpdir(), 'kns-records-'));
  const file = join(dir, 'records.txt');
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  const record = lines[0];

  // The project's verifier, against the course as served.
  const course = join(dir, 'course.json');
  writeFileSync(course, await (await page.request.get('/content/course.json')).text());
  const verified = kns(['verify', '--course', course, file]);
  expect(verified.out).toContain('1 valid (0 endorsed, 1 self-issued), 0 invalid');
  expect(verified.status).toBe(0);

  // An independent implementation: jose checks the signature and the JWT claims.
  const header = JSON.parse(Buffer.from(record.split('.')[0], 'base64url').toString());
  expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
  const did = header.kid.split('#')[0];
  const key = await importJWK(jwkOf(header.kid), 'EdDSA');
  const { payload } = await jwtVerify(record, key, { issuer: did, subject: did, typ: 'vc+jwt' });
  const vc = payload as Json;
  expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(vc['@context'].slice(0, 2)).toEqual([
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ]);
  expect(vc.jti).toBe(vc.id);
  expect(vc.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(vc.credentialSubject.achievement.name).toBe(lesson.title);
  expect(vc.credentialSubject.achievement.alignment[0].targetCode).toBe(lesson.competency);
  expect(vc.kns).toMatchObject({ lesson: LESSON, version: lesson.version, score: total, total, passMark: lesson.quiz.pass_mark });
  expect(vc.kns.correct).toHaveLength(total);
  // The quiz took the test a few seconds of taps: counted from the first question to the result.
  expect(Number.isInteger(vc.kns.seconds)).toBe(true);
  expect(vc.kns.seconds).toBeGreaterThanOrEqual(1);
  expect(vc.kns.seconds).toBeLessThan(600);
  // The project context the record names is served, and declares the kns object.
  const context = await (await page.request.get(new URL(vc['@context'][2]).pathname)).json();
  expect(Object.keys(context['@context'].kns['@context'])).toEqual(expect.arrayContaining(Object.keys(vc.kns)));

  // The other way: a record jose signs with its own Ed25519 key passes kns verify; altered, it does not.
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const x = Buffer.from((await exportJWK(publicKey)).x!, 'base64url');
  const joseDid = `did:key:z${base58(Uint8Array.from([0xed, 0x01, ...x]))}`;
  const theirs = { ...vc, id: 'urn:uuid:0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f', issuer: { id: joseDid, type: ['Profile'] } };
  Object.assign(theirs, { iss: joseDid, sub: vc.sub, jti: theirs.id });
  const signed = await new SignJWT(theirs)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${joseDid}#${joseDid.slice('did:key:'.length)}` })
    .sign(privateKey);
  const joseFile = join(dir, 'jose.txt');
  writeFileSync(joseFile, `${signed}\n${record}\n`);
  const both = kns(['verify', '--course', course, joseFile]);
  expect(both.out).toContain('2 valid (0 endorsed, 2 self-issued), 0 invalid');
  expect(both.status).toBe(0);
  const [h, p, s] = signed.split('.');
  const altered = JSON.parse(Buffer.from(p, 'base64url').toString());
  altered.kns.score = 0;
  writeFileSync(joseFile, `${h}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${s}\n`);
  const tampered = kns(['verify', '--course', course, joseFile]);
  expect(tampered.status).toBe(1);
  expect(tampered.out).toContain('bad-signature');
});

test('nothing is made without consent; under 16 a guardian must agree before records leave; consent is kept and exported', async ({ page }) => {
  const collector = new Collector(await Collector.freePort());
  await collector.start();
  await page.route('**/config.json', (route) => route.fulfill({ json: { collector: collector.url } }));
  await passQuiz(page);
  await openRecords(page);
  // Saving with nothing ticked is a "no": no record is made, and the page says so.
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.getByText('Bạn chưa đồng ý ghi hồ sơ, nên máy không ghi.', { exact: false })).toBeVisible();
  await expect(page.locator('.consent-choices li strong')).toHaveText(['Không đồng ý', 'Không đồng ý', 'Không đồng ý']);
  expect(await storedRecords(page)).toBe(0);

  // The choices can be changed; the boxes show what was chosen before.
  await page.getByRole('button', { name: 'Thay đổi lựa chọn' }).click();
  await expect(page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' })).not.toBeChecked();
  for (const name of [
    'Ghi và lưu hồ sơ trên máy này',
    'Gửi hồ sơ cho người hướng dẫn hoặc nơi thu nhận của Thành phố',
    'Gửi hồ sơ cho ứng dụng hoặc trang web đang mở bài học này, ví dụ ứng dụng Công dân số',
    'Người học dưới 16 tuổi',
  ]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(said(page)).toHaveText('Đã lưu lựa chọn của bạn. Đã ghi 1 hồ sơ mới.');
  await expect(page.locator('.consent-choices li strong')).toHaveText(['Đồng ý', 'Đồng ý', 'Đồng ý']);
  await expect(page.getByText('Người học dưới 16 tuổi: hồ sơ chưa được gửi đi', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing leaves before the guardian agrees, not even when the phone comes online.
  await goneOnline(page);
  await page.waitForTimeout(500);
  expect(collector.received).toHaveLength(0);
  await expect(page.locator('.record .delivery')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tôi là cha mẹ hoặc người giám hộ, tôi đồng ý' }).click();
  await expect(said(page)).toHaveText('Cha mẹ hoặc người giám hộ đã đồng ý.');
  await expect(page.locator('.record .delivery')).toHaveText(/^Đã gửi ngày/);
  expect(collector.received).toHaveLength(1);
  await collector.stop();
  await expect(page.getByRole('button', { name: 'Tôi là cha mẹ hoặc người giám hộ, tôi đồng ý' })).toHaveCount(0);

  // Kept: after a reload the choices stand, and the download says what holds and its history.
  await page.reload();
  await expect(page.locator('.consent-choices li strong')).toHaveText(['Đồng ý', 'Đồng ý', 'Đồng ý']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải bản ghi đồng ý' }).click(),
  ]);
  const consent = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(consent.allows).toEqual({ keep: true, send: true, host: true });
  expect(consent.under16).toBe(true);
  expect(consent.learner).toMatch(/^did:key:z6Mk/);
  expect(consent.history.map((e: Json) => e.event)).toEqual([
    '16-or-over', 'under-16', 'given', 'given', 'given', 'guardian-confirmed',
  ]);

  // Withdrawn: records stay, no new one is made, and the page says what holds.
  await page.getByRole('button', { name: 'Thay đổi lựa chọn' }).click();
  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).uncheck();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.consent-choices li strong').first()).toHaveText('Không đồng ý');
  await expect(page.getByRole('heading', { name: 'Hồ sơ đã ghi (1)' })).toBeVisible();
});


test('the outbox delivers to the collector, retries after it was down, and never sends a record twice', async ({ page }) => {
  const collector = new Collector(await Collector.freePort());
  // The collector is down when the record is made: it waits.
  await agreeToSend(page, collector);
  await expect(page.locator('.record .delivery')).toHaveText('Đang chờ gửi. Máy sẽ tự gửi khi có mạng.');
  await collector.start();
  try {
    // Back online: sent at once, as application/vc+jwt with the record as the body.
    await goneOnline(page);
    await expect(page.locator('.record .delivery')).toHaveText(/^Đã gửi ngày \d\d\/\d\d\/\d{4}$/);
    expect(collector.received).toHaveLength(1);
    expect(collector.received[0].type).toBe('application/vc+jwt');
    const dir = mkdtempSync(join(tmpdir(), 'kns-outbox-'));
    writeFileSync(join(dir, 'sent.txt'), collector.received[0].body + '\n');
    expect(kns(['verify', join(dir, 'sent.txt')]).status).toBe(0);

    // Opening the page again, and coming online again, send nothing more.
    await page.reload();
    await expect(page.locator('.record .delivery')).toHaveText(/^Đã gửi ngày/);
    await goneOnline(page);
    await page.waitForTimeout(500);
    expect(collector.received).toHaveLength(1);
    await expectNoAxeViolations(page);
  } finally {
    await collector.stop();
  }
});

test('a record the collector refuses is kept, marked with what it said, and not sent again', async ({ page }) => {
  const collector = new Collector(await Collector.freePort(), 422, 'unknown lesson');
  await collector.start();
  try {
    await agreeToSend(page, collector);
    await expect(page.locator('.record .delivery')).toHaveText('Nơi nhận không nhận hồ sơ này (mã 422): unknown lesson');
    await goneOnline(page);
    await page.reload();
    await expect(page.locator('.record .delivery')).toHaveText(/mã 422/);
    expect(collector.received).toHaveLength(1);
    expect(await storedRecords(page)).toBe(1);
  } finally {
    await collector.stop();
  }
});

test('a record altered in storage is shown as broken, with the reason, and is not downloaded', async ({ page }) => {
  await passQuiz(page);
  await openRecords(page);
  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.record')).toHaveCount(1);
  // Someone raises the score inside the stored record.
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok) => { const r = indexedDB.open('kns'); r.onsuccess = () => ok(r.result); });
    const store = () => db.transaction('records', 'readwrite').objectStore('records');
    const [key]: IDBValidKey[] = await new Promise((ok) => { const r = store().getAllKeys(); r.onsuccess = () => ok(r.result); });
    const jws: string = await new Promise((ok) => { const r = store().get(key); r.onsuccess = () => ok(r.result); });
    const [h, p, s] = jws.split('.');
    const vc = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/')));
    vc.kns.score += 1;
    const altered = btoa(JSON.stringify(vc)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    await new Promise((ok) => { const r = store().put(`${h}.${altered}.${s}`, key); r.onsuccess = () => ok(null); });
    db.close();
  });
  await page.reload();
  await expect(page.locator('.record')).toContainText('Hồ sơ này đã bị thay đổi trên máy nên không còn dùng được. Máy sẽ không gửi hay tải nó. (bad-signature)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải hồ sơ về máy' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8').trim()).toBe('');
});

test('another learner on the phone who watched endorses a record with their lock; the list and kns verify show it apart', async ({ page }) => {
  await passQuiz(page);
  await openRecords(page);
  await expect(page.getByRole('button', { name: 'Thêm người học' })).toBeVisible();
  // A guide joins the phone, with a PIN, and the first learner is picked again.
  await page.getByRole('button', { name: 'Thêm người học' }).click();
  await page.getByRole('radio', { name: 'Ngôi sao' }).check();
  await page.getByLabel('Tên (không bắt buộc)').fill('Chị Lan');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('button', { name: 'Đặt khóa' }).click();
  await page.getByRole('button', { name: 'Mã số 4 chữ số' }).click();
  const pin = async (digits: string) => {
    for (const d of digits) await page.locator('.keypad').getByRole('button', { name: d, exact: true }).click();
  };
  await pin('1357');
  await pin('1357');
  await page.locator('.profiles li', { hasText: 'Hoa sen' }).getByRole('button').click();
  await expect(page.locator('.profiles-said')).toHaveText('Đã chuyển sang Hoa sen.');

  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.record .record-kind')).toHaveText('Tự xác nhận trên máy này');
  await page.getByRole('button', { name: 'Nhờ người đã xem xác nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Ai đã xem Hoa sen làm bài này?' })).toBeFocused();
  // The learner cannot endorse themselves: only the guide is offered.
  await expect(page.locator('.endorsing .profiles li')).toHaveText(['Chị Lan']);
  await page.locator('.endorsing').getByRole('button', { name: 'Chị Lan' }).click();
  await expect(page.getByRole('heading', { name: 'Chị Lan, hãy mở khóa của bạn' })).toBeFocused();
  await pin('0000');
  await expect(said(page)).toHaveText('Chưa đúng. Bạn còn 2 lần thử.');
  await pin('1357');
  await expect(page.getByRole('heading', { name: 'Chị Lan xác nhận đã xem Hoa sen học xong bài này' })).toBeFocused();
  await page.getByLabel('Lời nhắn (không bắt buộc)').fill('Tôi ngồi cạnh bà khi bà làm bài.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ký xác nhận' }).click();
  await expect(said(page)).toHaveText('Đã ghi xác nhận của Chị Lan.');
  await expect(page.locator('.record .record-kind')).toHaveText('Có người xác nhận: Chị Lan');
  // Endorsing did not switch learners.
  expect(await page.evaluate(() => localStorage.getItem('kns.profile'))).toBe('default');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải hồ sơ về máy' }).click(),
  ]);
  const file = await download.path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(2);
  const endorsement = JSON.parse(Buffer.from(lines[1].split('.')[1], 'base64url').toString());
  expect(endorsement.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
  expect(endorsement.credentialSubject.endorsementComment).toBe('Tôi ngồi cạnh bà khi bà làm bài.');
  const verified = kns(['verify', file]);
  expect(verified.status).toBe(0);
  expect(verified.out).toContain(':1: valid, endorsed by did:key:z6Mk');
  expect(verified.out).toContain('1 valid (1 endorsed, 0 self-issued), 0 invalid, 0 duplicates, 0 repeats, 1 endorsements');
});

test('records go to a trainer through the share sheet as a file, or as a link that carries them in its fragment', async ({ page }) => {
  // A phone with a share sheet that takes files (stubbed: it keeps what it was given).
  await page.addInitScript(() => {
    const w = window as any;
    w.__shared = [];
    (navigator as any).canShare = (data: any) => Array.isArray(data.files);
    (navigator as any).share = async (data: any) => {
      w.__shared.push({ url: data.url, files: await Promise.all((data.files ?? []).map(async (f: File) => ({ name: f.name, text: await f.text() }))) });
    };
  });
  await passQuiz(page);
  await openRecords(page);
  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.record')).toHaveCount(1);
  // Sending to a trainer is a purpose of its own: without that consent, there is no way to.
  await expect(page.getByRole('button', { name: 'Gửi cho người hướng dẫn' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Thay đổi lựa chọn' }).click();
  await page.getByRole('checkbox', { name: 'Gửi hồ sơ cho người hướng dẫn hoặc nơi thu nhận của Thành phố' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('button', { name: 'Gửi cho người hướng dẫn' }).click();
  await expect(said(page)).toHaveText('Đã gửi hồ sơ.');
  const shared = await page.evaluate(() => (window as any).__shared);
  expect(shared).toHaveLength(1);
  expect(shared[0].files[0].name).toBe('ho-so-hoc-tap.txt');
  const record = shared[0].files[0].text.trim();
  expect(record.split('.')).toHaveLength(3);

  // A phone with no share sheet: the link, to copy; the record rides after the #.
  await page.evaluate(() => {
    delete (navigator as any).share;
    delete (Navigator.prototype as any).share;
  });
  await page.getByRole('button', { name: 'Gửi cho người hướng dẫn' }).click();
  const link = page.getByLabel('Gửi đường dẫn này cho người hướng dẫn, qua Zalo hoặc tin nhắn. Hồ sơ nằm ngay trong đường dẫn.');
  await expect(link).toBeVisible();
  const url = new URL(await link.inputValue());
  expect(url.pathname).toBe('/trainer/import');
  expect(url.search).toBe('');
  expect(url.hash).toBe(`#r=${record}`);
  await expectNoAxeViolations(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Chép đường dẫn' }).click();
  await expect(said(page)).toHaveText('Đã chép đường dẫn. Hãy dán vào tin nhắn gửi người hướng dẫn.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url.href);
});

test('a record is shown as QR codes a trainer scans one after another; read off the screen, they join into the link and the record checks out', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await passQuiz(page);
  await openRecords(page);
  await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await expect(page.locator('.record')).toHaveCount(1);
  // A QR code takes the record off the phone: only with consent to send it.
  const show = page.getByRole('button', { name: 'Hiện mã QR cho người hướng dẫn' });
  await expect(show).toHaveCount(0);
  await page.getByRole('button', { name: 'Thay đổi lựa chọn' }).click();
  await page.getByRole('checkbox', { name: 'Gửi hồ sơ cho người hướng dẫn hoặc nơi thu nhận của Thành phố' }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await show.click();
  // The keyboard and the screen reader go to what is shown: the record's title.
  await expect(page.getByRole('heading', { name: 'Nhận diện cuộc gọi và tin nhắn lừa đảo' })).toBeFocused();

  // Each code, read from a screenshot by an independent decoder (jsQR), as a trainer's phone would.
  const codes = page.locator('svg.qr');
  const label = (await codes.getAttribute('aria-label')) ?? '';
  const of = Number(/Mã QR 1 trên (\d+)/.exec(label)?.[1]);
  expect(of).toBeGreaterThan(1);
  await expect(page.getByText(`Có ${of} mã.`, { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  const read: string[] = [];
  for (let n = 1; n <= of; n++) {
    await expect(codes).toHaveAttribute('aria-label', `Mã QR ${n} trên ${of}`);
    await expect(page.locator('.qr-count')).toHaveText(`Mã QR ${n} trên ${of}`);
    const box = await codes.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(300);
    const png = PNG.sync.read(await codes.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code, `code ${n} reads`).not.toBeNull();
    read.push(code!.data);
    if (n < of) {
      await page.getByRole('button', { name: 'Mã tiếp theo' }).click();
      // The keyboard stays on the next button.
      await expect(page.locator('#qr-next, #qr-done').first()).toBeFocused();
    }
  }
  await expect(page.getByRole('button', { name: 'Mã tiếp theo' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mã trước' }).click();
  await expect(codes).toHaveAttribute('aria-label', `Mã QR ${of - 1} trên ${of}`);

  // The documented part format, read here on its own: KNS:<n>/<of>/<tag>:<piece>.
  const parts = read.map((text) => {
    const m = /^KNS:(\d+)\/(\d+)\/([0-9a-f]{8}):(.*)$/s.exec(text);
    expect(m, text.slice(0, 30)).not.toBeNull();
    return { n: Number(m![1]), of: Number(m![2]), tag: m![3], piece: m![4] };
  });
  expect(parts.map((p) => p.n)).toEqual([...Array(of).keys()].map((i) => i + 1));
  expect(new Set(parts.map((p) => p.tag)).size).toBe(1);
  expect(parts.every((p) => p.of === of)).toBe(true);
  const url = new URL(parts.map((p) => p.piece).join(''));
  expect(url.pathname).toBe('/trainer/import');
  expect(url.hash.startsWith('#r=')).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'kns-qr-'));
  const file = join(dir, 'scanned.txt');
  writeFileSync(file, url.hash.slice(3) + '\n');
  const course = join(dir, 'course.json');
  writeFileSync(course, await (await page.request.get('/content/course.json')).text());
  const verified = kns(['verify', '--course', course, file]);
  expect(verified.out).toContain('1 valid (0 endorsed, 1 self-issued), 0 invalid');
  expect(verified.status).toBe(0);

  await page.getByRole('button', { name: 'Xong, quay lại hồ sơ' }).click();
  await expect(page.locator('.record')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Hồ sơ học tập' })).toBeFocused();
});

test('once the learner keeps records, passing a quiz makes the record and sends it at once, with no visit to the records page', async ({ page }) => {
  const collector = new Collector(await Collector.freePort());
  await collector.start();
  try {
    await page.route('**/config.json', (route) => route.fulfill({ json: { collector: collector.url } }));
    await openRecords(page);
    await page.getByRole('checkbox', { name: 'Ghi và lưu hồ sơ trên máy này' }).check();
    await page.getByRole('checkbox', { name: 'Gửi hồ sơ cho người hướng dẫn hoặc nơi thu nhận của Thành phố' }).check();
    await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await expect(page.getByText('Chưa có hồ sơ nào.', { exact: false })).toBeVisible();

    const lesson = await passQuiz(page);
    // Still on the quiz's result: the record is made, kept and delivered in the background.
    await expect.poll(() => storedRecords(page)).toBe(1);
    await expect.poll(() => collector.received.length).toBe(1);
    await expect(page.locator('.verdict.passed')).toBeVisible();
    const dir = mkdtempSync(join(tmpdir(), 'kns-background-'));
    writeFileSync(join(dir, 'sent.txt'), collector.received[0].body + '\n');
    const verified = kns(['verify', join(dir, 'sent.txt')]);
    expect(verified.status).toBe(0);
    const vc = JSON.parse(Buffer.from(collector.received[0].body.split('.')[1], 'base64url').toString());
    expect(vc.kns.lesson).toBe(LESSON);
    expect(vc.name).toBe(lesson.title);

    // The records page shows it made and delivered, and sends nothing more.
    await openRecords(page);
    await expect(page.locator('.record .delivery')).toHaveText(/^Đã gửi ngày/);
    expect(collector.received).toHaveLength(1);
  } finally {
    await collector.stop();
  }
});

test('without consent to keep records, a passed quiz loads no signing code and makes nothing', async ({ page }) => {
  const settingsModule: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/settings/')) settingsModule.push(r.url());
  });
  await passQuiz(page);
  await page.waitForTimeout(500);
  expect(settingsModule).toEqual([]);
  expect(await storedRecords(page)).toBe(0);
});
