// A learner who uses only a keyboard (or a switch that sends Tab and Enter) opens a lesson from
// the course page and passes its quiz, with every kind of question: no mouse, no touch.
import { test, expect, type Page } from './fixtures';
import { ALL_KINDS, currentQuestion, lessonsForEveryKind, plain, squash, type Json } from './helpers';

/** What a control says: its own text, or its label's. */
const spoken = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', type: '', text: '' };
    const text = (el.closest('label') ?? el).textContent ?? '';
    return { tag: el.tagName.toLowerCase(), type: (el as HTMLInputElement).type ?? '', text: text.replace(/\s+/g, ' ').trim() };
  });

/** Presses Tab until the focused control is a `tag` whose text is `text` (or starts with it). */
async function tabTo(page: Page, tag: string, text: string, startsWith = false) {
  const want = squash(text);
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const now = await spoken(page);
    if (now.tag === tag && (startsWith ? now.text.startsWith(want) : now.text === want)) return;
  }
  throw new Error(`Tab never reached <${tag}> "${want}"`);
}

/** Moves through a radio group with the arrow keys until the one labelled `text` is chosen. */
async function arrowTo(page: Page, text: string) {
  const want = squash(text);
  await tabTo(page, 'input', '', true);
  for (let i = 0; i < 12; i++) {
    const now = await spoken(page);
    if (now.type === 'radio' && now.text === want) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no radio button labelled "${want}"`);
}

/** Tabs to each control in turn (a `tag` with that text) and presses `key` on it. */
async function pressEach(page: Page, tag: string, texts: string[], key: 'Space' | 'Enter') {
  for (const text of texts) {
    await tabTo(page, tag, text);
    await page.keyboard.press(key);
  }
}

async function answerByKeyboard(page: Page, question: Json) {
  const [kind, body] = Object.entries(question.kind)[0] as [string, Json];
  const correct = (items: Json[]) => items.filter((i: Json) => i.correct).map((i: Json) => plain(i.text));
  switch (kind) {
    case 'single_choice':
      await arrowTo(page, correct(body.options)[0]);
      break;
    case 'true_false':
      await arrowTo(page, body.answer ? 'Đúng' : 'Sai');
      break;
    case 'multiple_choice':
      await pressEach(page, 'input', correct(body.options), 'Space');
      break;
    case 'order':
      await pressEach(page, 'button', body.steps.map(plain), 'Enter');
      break;
    case 'match':
      // A left item, then its match on the right.
      await pressEach(page, 'button', body.pairs.flatMap((p: Json) => [plain(p.left), plain(p.right)]), 'Enter');
      break;
    case 'spot_the_scam':
      await pressEach(page, 'button', correct(body.parts), 'Enter');
      break;
    default:
      throw new Error(`unknown question kind ${kind}`);
  }
}

test('with the keyboard alone: a lesson and its quiz, every kind of question', async ({ page }) => {
  test.setTimeout(240_000);
  const seen = new Set<string>();
  for (const lesson of await lessonsForEveryKind(page)) {
    await page.goto('/');
    await expect(page.locator('#prerender')).toHaveCount(0);
    await tabTo(page, 'a', lesson.title);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
    await tabTo(page, 'a', 'Làm bài kiểm tra');
    await page.keyboard.press('Enter');
    const total = lesson.quiz.questions.length;
    for (let i = 0; i < total; i++) {
      await expect(page.locator('.question-progress')).toHaveText(`Câu ${i + 1} / ${total}`);
      const question = await currentQuestion(page, lesson);
      await answerByKeyboard(page, question);
      seen.add(Object.keys(question.kind)[0]);
      await tabTo(page, 'button', 'Kiểm tra');
      await page.keyboard.press('Enter');
      await expect(page.locator('.feedback .verdict-title')).toHaveText('Đúng rồi!');
      await tabTo(page, 'button', i + 1 < total ? 'Câu tiếp theo' : 'Xem kết quả');
      await page.keyboard.press('Enter');
    }
    await expect(page.locator('.verdict.passed')).toBeVisible();
  }
  expect([...seen].sort()).toEqual(ALL_KINDS);
});
