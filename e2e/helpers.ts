// Shared by the end-to-end tests: reading the compiled course, and answering quiz questions by
// tapping, the way a learner does, rightly or wrongly.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export type Json = any;

/** The words of a run of inlines (serde's external tagging: {"text": "…"}, {"strong": […]}, …). */
export function plain(inlines: Json[]): string {
  return inlines
    .map((inline) => {
      const [kind, value] = Object.entries(inline)[0] as [string, Json];
      if (kind === 'text' || kind === 'code') return value as string;
      if (kind === 'emphasis' || kind === 'strong') return plain(value);
      if (kind === 'audio') return '';
      return plain(value.text);
    })
    .join('');
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function lessonJson(page: Page, id: string, lang: string): Promise<Json> {
  const course = await (await page.request.get('/content/course.json')).json();
  const translation = course.lessons.find((l: Json) => l.id === id).translations.find((t: Json) => t.lang === lang);
  return (await (await page.request.get(`/content/${translation.file}.json`)).json()).lesson;
}

export async function courseIds(page: Page): Promise<string[]> {
  const course = await (await page.request.get('/content/course.json')).json();
  return course.lessons.map((l: Json) => l.id);
}

/** The question now on screen, found in the lesson by its prompt. */
export async function currentQuestion(page: Page, lesson: Json): Promise<Json> {
  const prompt = squash((await page.locator('.question h1').textContent()) ?? '');
  const question = lesson.quiz.questions.find((q: Json) => squash(plain(q.prompt)) === prompt);
  expect(question, `question on screen: ${prompt}`).toBeTruthy();
  return question;
}

export const exactly = (text: string) => new RegExp(`^\\s*${squash(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\s*$`);

/** Answers the question on screen by tapping, rightly or wrongly. */
export async function answer(page: Page, question: Json, right: boolean, lang: string) {
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

export async function takeQuiz(page: Page, lesson: Json, right: (index: number) => boolean, lang = 'vi') {
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

/** Holds every request for the wasm until the returned function is called (the static page
 *  stays on screen meanwhile, as on a slow line). */
export async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}


export const ALL_KINDS = ['match', 'multiple_choice', 'order', 'single_choice', 'spot_the_scam', 'true_false'];

/** Lessons (Vietnamese), in course order, each bringing a kind of question the ones before lack,
 *  until every kind is covered. */
export async function lessonsForEveryKind(page: Page): Promise<Json[]> {
  const course = await (await page.request.get('/content/course.json')).json();
  const covered = new Set<string>();
  const lessons: Json[] = [];
  for (const summary of course.lessons as Json[]) {
    const lesson = await lessonJson(page, summary.id, 'vi');
    const kinds: string[] = lesson.quiz.questions.map((q: Json) => Object.keys(q.kind)[0]);
    if (kinds.every((k) => covered.has(k))) continue;
    kinds.forEach((k) => covered.add(k));
    lessons.push(lesson);
    if (covered.size === ALL_KINDS.length) break;
  }
  return lessons;
}

/** The learner's attempt at a lesson's quiz as IndexedDB holds it (the content hash it is for and
 *  how many answers it has), read from the record's wire form (postcard: strings are a varint
 *  length and bytes); `null` where there is no record or no attempt. A record that does not read
 *  to its end throws. */
export async function storedAttempt(page: Page, lesson: string): Promise<{ hash: string; answers: number } | null> {
  return page.evaluate(async (lesson) => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('kns');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const bytes: Uint8Array | undefined = await new Promise((ok, fail) => {
      const r = db.transaction('progress').objectStore('progress').get(`default/${lesson}`);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    if (bytes === undefined) return null;
    let at = 0;
    const varint = () => {
      let n = 0;
      for (let shift = 0; ; shift += 7) {
        if (at >= bytes.length) throw new Error(`record of ${lesson} ends early`);
        const b = bytes[at++];
        n += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return n;
      }
    };
    const string = () => {
      const length = varint();
      if (at + length > bytes.length) throw new Error(`record of ${lesson} ends early`);
      const text = new TextDecoder().decode(bytes.subarray(at, at + length));
      at += length;
      return text;
    };
    string(); // profile
    string(); // lesson
    if (bytes[at++] !== 1) return null; // no attempt
    const hash = string();
    varint(); // lang
    varint(); // seed
    return { hash, answers: varint() };
  }, lesson);
}
