// Read-aloud (issue 7), with the browser's speech synthesis stubbed (it keeps what it is asked to
// say): each piece of a lesson or a quiz question is read one at a time, in the lesson's language,
// in order, the piece being read marked; pause, go on, next. A recording the lesson gives for
// a piece is played before any voice, and the voice stands in when it does not load. With no voice
// (Android's WebView has no speech synthesis), the bar is hidden and a sentence says why.
import { test, expect, type Page } from './fixtures';
import { currentQuestion, expectNoAxeViolations, lessonJson, plain, type Json } from './helpers';

const LESSON = 'nhan-dien-lua-dao';

type Voice = { name: string; lang: string; localService: boolean };
const VOICES: Voice[] = [
  { name: 'Remote Vietnamese', lang: 'vi-VN', localService: false },
  { name: 'Linh', lang: 'vi-VN', localService: true },
  { name: 'Sam', lang: 'en-US', localService: true },
];

/** A speech synthesis that keeps what it is asked to say; `window.__end()` ends the utterance. */
async function stubSpeech(page: Page, voices: Voice[] | null) {
  await page.addInitScript((voices) => {
    const w = window as any;
    w.__spoken = [];
    w.__calls = [];
    w.__played = [];
    if (voices === null) {
      delete w.speechSynthesis;
      delete (Window.prototype as any).speechSynthesis;
      return;
    }
    w.SpeechSynthesisUtterance = function (this: any, text: string) { this.text = text; };
    const synth = {
      getVoices: () => voices,
      speak: (u: any) => { w.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }); w.__current = u; },
      pause: () => w.__calls.push('pause'),
      resume: () => w.__calls.push('resume'),
      cancel: () => w.__calls.push('cancel'),
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.__end = () => { const u = w.__current; w.__current = null; u?.onend?.(new Event('end')); };
    // Recordings: kept, not played; `__endAudio(error)` ends the last one, or fails it.
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      w.__played.push(this.src);
      w.__audio = this;
      return Promise.resolve();
    };
    HTMLMediaElement.prototype.pause = function () { w.__calls.push('audio-pause'); };
    w.__endAudio = (error: boolean) => w.__audio.dispatchEvent(new Event(error ? 'error' : 'ended'));
  }, voices);
}

/** A WAV file: 0.1 s of silence, 8 kHz, 16-bit mono. */
function silence(): Buffer {
  const samples = 800;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

const spoken = (page: Page) => page.evaluate(() => (window as any).__spoken as { text: string; lang: string; voice: string }[]);
const calls = (page: Page) => page.evaluate(() => (window as any).__calls as string[]);
const main = (page: Page) => page.locator('#reader-main');
const bar = (page: Page) => page.getByRole('group', { name: 'Nghe đọc' });

/** Opens the lesson and waits for the app's page (the static one, which has the bar too, gives way). */
async function openLesson(page: Page) {
  await page.goto(`/lesson/${LESSON}`);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(bar(page)).toBeVisible();
}

test('a lesson is read one piece at a time in Vietnamese, the piece marked; pause, go on and next', async ({ page }) => {
  await stubSpeech(page, VOICES);
  const lesson = await lessonJson(page, LESSON, 'vi');
  await openLesson(page);
  await expect(page.locator('.reader-none')).toBeHidden();
  await expect(main(page)).toHaveText('Nghe đọc');
  await expect(page.locator('#reader-next')).toBeHidden();
  await expectNoAxeViolations(page);

  await main(page).click();
  expect(await spoken(page)).toEqual([{ text: lesson.title, lang: 'vi-VN', voice: 'Linh' }]);
  await expect(page.locator('.reading')).toHaveText(lesson.title);
  await expect(main(page)).toHaveText('Dừng');
  await expect(page.locator('#reader-at')).toHaveText(/^Đoạn 1 \/ \d+$/);
  // Pause and go on: the same button.
  await main(page).click();
  await expect(main(page)).toHaveText('Nghe tiếp');
  await main(page).click();
  await expect(main(page)).toHaveText('Dừng');
  expect((await calls(page)).filter((c) => c !== 'cancel')).toEqual(['pause', 'resume']);
  // The piece ends: reading stops there (one piece at a time) until the learner goes on.
  await page.evaluate(() => (window as any).__end());
  await expect(main(page)).toHaveText('Nghe lại');
  expect(await spoken(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Đoạn sau' }).click();
  await page.evaluate(() => (window as any).__end());
  await page.getByRole('button', { name: 'Đoạn sau' }).click();
  const texts = (await spoken(page)).map((s) => s.text);
  expect(texts).toEqual([lesson.title, lesson.summary, await page.locator('.lesson-meta').innerText()]);
  await expect(page.locator('.reading')).toHaveClass(/lesson-meta/);
  await expect(page.locator('#reader-at')).toHaveText(/^Đoạn 3 \/ \d+$/);
  // The first numbered step is read as it is shown.
  const firstStep = page.locator('.steps li').first();
  const index = await page.evaluate((step) => {
    const all = [...document.querySelectorAll('article.lesson :is(h1, h2, h3, p, li, figure, dl)')].filter((el) => (el as HTMLElement).innerText.trim() || el.querySelector('img')?.alt);
    return all.indexOf(step as Element);
  }, await firstStep.elementHandle());
  expect(index).toBeGreaterThan(2);
  await expectNoAxeViolations(page);
  // Leaving the page stops the voice.
  const before = (await calls(page)).length;
  await page.getByRole('link', { name: 'Về danh sách bài học' }).click();
  await expect(page.locator('h1')).toHaveText('Kỹ năng số cơ bản');
  await expect.poll(async () => (await calls(page)).slice(before)).toContain('cancel');
});

test('an English lesson is read with an English voice', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await page.addInitScript(() => localStorage.setItem('kns.lang', 'en'));
  const lesson = await lessonJson(page, LESSON, 'en');
  await page.goto(`/lesson/${LESSON}`);
  await page.getByRole('button', { name: 'Read aloud' }).click();
  expect(await spoken(page)).toEqual([{ text: lesson.title, lang: 'en-US', voice: 'Sam' }]);
});

test('a recording the lesson gives for a piece is played first; the voice stands in if it does not load', async ({ page }) => {
  await stubSpeech(page, VOICES);
  const lesson = await lessonJson(page, LESSON, 'vi');
  await openLesson(page);
  // As the app draws a paragraph with a recording (a lesson's `[nghe](audio/…)`, see the compiler),
  // the file a tenth of a second of silence.
  await page.route('**/audio/tom-tat.wav', (route) => route.fulfill({ body: silence(), contentType: 'audio/wav' }));
  await page.locator('.lead').evaluate((p) => p.setAttribute('data-audio', '/content/nhan-dien-lua-dao/audio/tom-tat.wav'));
  await main(page).click();
  await page.evaluate(() => (window as any).__end());
  await page.getByRole('button', { name: 'Đoạn sau' }).click();
  const played = await page.evaluate(() => (window as any).__played as string[]);
  expect(played).toEqual([new URL('/content/nhan-dien-lua-dao/audio/tom-tat.wav', page.url()).href]);
  expect((await spoken(page)).map((s) => s.text)).toEqual([lesson.title]);
  await expect(main(page)).toHaveText('Dừng');
  // It plays to its end.
  await page.evaluate(() => (window as any).__endAudio(false));
  await expect(main(page)).toHaveText('Nghe lại');
  // Played again, it fails to load: the voice reads the words instead.
  await main(page).click();
  await page.evaluate(() => (window as any).__endAudio(true));
  await expect.poll(async () => (await spoken(page)).map((s) => s.text)).toEqual([lesson.title, lesson.summary]);
});

test('a quiz question is read: the question, then what comes with it', async ({ page }) => {
  await stubSpeech(page, VOICES);
  const lesson = await lessonJson(page, LESSON, 'vi');
  await page.goto(`/lesson/${LESSON}/quiz`);
  const question: Json = await currentQuestion(page, lesson);
  await main(page).click();
  expect((await spoken(page))[0]).toEqual({ text: plain(question.prompt), lang: 'vi-VN', voice: 'Linh' });
  await expect(page.locator('.reading')).toHaveText(plain(question.prompt));
  await expectNoAxeViolations(page);
  await page.evaluate(() => (window as any).__end());
  await page.getByRole('button', { name: 'Đoạn sau' }).click();
  // Next: what comes after the question on the screen (its context, its hint or its first answer).
  const second = await page.evaluate(() => {
    const selector = document.getElementById('reader')!.dataset.pieces!;
    return [...document.querySelectorAll(selector)].map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean)[1];
  });
  expect((await spoken(page))[1].text).toBe(second);
  await expect(page.locator('.reading')).toHaveText(second);
});

for (const [what, voices] of [['no speech synthesis at all', null], ['no voice for the language', [VOICES[2]]]] as const) {
  test(`with ${what}, the bar is hidden and a sentence says so`, async ({ page }) => {
    await stubSpeech(page, voices as Voice[] | null);
    await page.goto(`/lesson/${LESSON}`);
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(page.locator('.reader-none')).toHaveText(
      'Điện thoại này chưa có giọng đọc cho bài này, nên chưa nghe đọc được.',
    );
    await expect(page.locator('#reader')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Nghe đọc' })).toHaveCount(0);
  });
}
