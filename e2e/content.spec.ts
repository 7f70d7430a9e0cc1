// Every lesson of the curriculum, in both languages, as a learner opens it: the title, the
// glossary words that explain themselves on tap, and no axe-core violation.
import { test, expect } from './fixtures';
import AxeBuilder from '@axe-core/playwright';

test('every lesson opens in both languages with no accessibility violation', async ({ page }) => {
  test.setTimeout(240_000);
  const course = await (await page.request.get('/content/course.json')).json();
  expect(course.lessons.length).toBeGreaterThanOrEqual(13);
  for (const lang of ['vi', 'en']) {
    await page.goto('/');
    await page.getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English' }).click();
    for (const lesson of course.lessons) {
      const translation = lesson.translations.find((t: any) => t.lang === lang);
      await page.goto(`/lesson/${lesson.id}`);
      // The app's lesson page (the static one it replaces is checked in prerender.spec.ts).
      await expect(page.locator('#prerender')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(translation.title);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const term = page.locator('button.term-link').first();
      if ((await term.count()) > 0) {
        await term.click();
        await expect(term).toHaveAttribute('aria-expanded', 'true');
        await expect(page.locator(`#${await term.getAttribute('aria-controls')}`)).toBeVisible();
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const found = results.violations.map((v) => `${lesson.id}/${lang} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
      expect(found).toEqual([]);
    }
  }
});

test('glossary words show their definition on tap', async ({ page }) => {
  const course = await (await page.request.get('/content/course.json')).json();
  const id = course.lessons[0].id;
  const lesson = (await (await page.request.get(`/content/${course.lessons[0].translations[0].file}.json`)).json()).lesson;
  expect(lesson.glossary.length).toBeGreaterThan(0);
  const entry = lesson.glossary[0];
  await page.goto(`/lesson/${id}`);
  // The app's glossary (the static page's, before the app takes over, is in prerender.spec.ts).
  await expect(page.locator('#prerender')).toHaveCount(0);
  const button = page.locator('button.term-link').first();
  const definition = page.locator(`#${await button.getAttribute('aria-controls')}`);
  await expect(definition).toBeHidden();
  await button.click();
  await expect(definition).toBeVisible();
  await expect(definition).toContainText(entry.term);
  await button.click();
  await expect(definition).toBeHidden();
});
