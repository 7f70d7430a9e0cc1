// Several learners on one phone (settings page): each picked by their picture, with their own
// progress and self-check; a lock of three pictures or a 4-digit PIN; deleting asks first and
// takes that learner's progress, and only theirs.
import { test, expect, type Page } from './fixtures';
import { answer, currentQuestion, expectNoAxeViolations, holdWasm, lessonJson, type Json } from './helpers';

const LESSON = 'nhan-dien-lua-dao';
const TITLE = 'Nhận diện cuộc gọi và tin nhắn lừa đảo';
const PHONE = 'Tôi có điện thoại thông minh';

const card = (page: Page) => page.locator('.lesson-card', { hasText: TITLE });
const said = (page: Page) => page.locator('.profiles-said');
const learner = (page: Page, name: string) => page.locator('.profiles li', { hasText: name });

async function answerOne(page: Page, lesson: Json) {
  await page.goto(`/lesson/${LESSON}/quiz`);
  await answer(page, await currentQuestion(page, lesson), true, 'vi');
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect(page.locator('.feedback .verdict-title')).toHaveText('Đúng rồi!');
}

async function openSettings(page: Page) {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Người học trên máy này' })).toBeVisible();
  // The list is read from IndexedDB; the actions appear once it is.
  await expect(page.getByRole('button', { name: 'Thêm người học' })).toBeVisible();
}

async function addLearner(page: Page, picture: string, name: string) {
  await page.getByRole('button', { name: 'Thêm người học' }).click();
  await expect(page.getByRole('heading', { name: 'Thêm người học' })).toBeFocused();
  await page.getByRole('radio', { name: picture }).check();
  await page.getByLabel('Tên (không bắt buộc)').fill(name);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
}

test('each learner has their own progress and self-check, and the header says who is learning', async ({ page, context }) => {
  const lesson = await lessonJson(page, LESSON, 'vi');
  // The first learner (everyone, before profiles) answers a question and ticks a box.
  await answerOne(page, lesson);
  await page.goto('/');
  await page.getByRole('checkbox', { name: PHONE }).check();
  await expect(card(page).locator('.badge')).toHaveText('Đang học');
  // One learner: the header has nothing to tell apart.
  await expect(page.locator('html.who')).toHaveCount(0);

  await page.getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await expect(learner(page, 'Hoa sen')).toContainText('Đang học');
  await expect(page.getByRole('button', { name: 'Thêm người học' })).toBeVisible();
  await addLearner(page, 'Con trâu', '  Bà   Tư ');
  await expect(said(page)).toHaveText('Đã thêm Bà Tư. Bây giờ máy đang học với Bà Tư.');
  // A new learner gets their own signing key at once (for their records, see records.spec.ts).
  await expect.poll(() => page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok) => { const r = indexedDB.open('kns'); r.onsuccess = () => ok(r.result); });
    const keys: string[] = await new Promise((ok) => { const r = db.transaction('keys').objectStore('keys').getAllKeys(); r.onsuccess = () => ok(r.result as string[]); });
    const current = localStorage.getItem('kns.profile');
    db.close();
    return keys.length === 1 && keys[0] === current;
  })).toBe(true);
  await expect(learner(page, 'Bà Tư')).toContainText('Đang học');
  await expect(learner(page, 'Hoa sen')).not.toContainText('Đang học');
  await expectNoAxeViolations(page);

  // The new learner starts with nothing, and the header shows her picture and name.
  await page.getByRole('link', { name: 'Học tiếp: Bà Tư' }).click();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(card(page).locator('.badge')).toHaveText('Chưa học');
  await expect(page.getByRole('checkbox', { name: PHONE })).not.toBeChecked();
  const who = await page.locator('.header-link').evaluate((a) => getComputedStyle(a, '::before').content);
  expect(who).toBe('"Bà Tư"');
  const picture = await page.locator('.header-link').evaluate((a) => getComputedStyle(a, '::before').backgroundImage);
  expect(picture).toContain('/profiles.svg#buffalo');
  // Her own answer is hers; the static page before the app also ticks her boxes, not the other's.
  await answerOne(page, lesson);
  await page.goto('/');
  await page.getByRole('checkbox', { name: 'Tôi có VNeID đã kích hoạt' }).check();
  const slow = await context.newPage();
  await holdWasm(slow);
  await slow.goto('/');
  await expect(slow.locator('#prerender [data-check="danh-tinh-so"]')).toBeChecked();
  await expect(slow.locator('#prerender [data-check="phuong-tien-so"]')).not.toBeChecked();
  await slow.close();

  // Back to the first learner, by her picture: her progress and ticks are as she left them.
  await openSettings(page);
  await learner(page, 'Hoa sen').getByRole('button').click();
  await expect(said(page)).toHaveText('Đã chuyển sang Hoa sen.');
  await page.goto('/');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(card(page).locator('.badge')).toHaveText('Đang học');
  await expect(page.getByRole('checkbox', { name: PHONE })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Tôi có VNeID đã kích hoạt' })).not.toBeChecked();
  await page.goto(`/lesson/${LESSON}/quiz`);
  await expect(page.locator('.question-progress')).toHaveText(`Câu 2 / ${lesson.quiz.questions.length}`);
});

test('a picture lock opens the profile only with its three pictures, in order', async ({ page }) => {
  await openSettings(page);
  await addLearner(page, 'Con cá', 'Cháu Nam');
  await page.getByRole('button', { name: 'Đặt khóa' }).click();
  await expect(page.getByRole('heading', { name: 'Khóa hồ sơ của Cháu Nam' })).toBeFocused();
  await page.getByRole('button', { name: 'Bấm ba hình' }).click();
  const tap = async (...pictures: string[]) => {
    for (const p of pictures) await page.locator('.keypad').getByRole('button', { name: p, exact: true }).click();
  };
  await tap('Mặt trời', 'Con mèo');
  await expect(page.locator('.keypad-dots .visually-hidden')).toHaveText('Đã bấm 2 trên 3');
  await tap('Mặt trời');
  await expect(page.locator('.keypad-prompt')).toHaveText('Bấm lại đúng như vậy một lần nữa cho chắc.');
  // A second entry that differs starts over.
  await tap('Mặt trời', 'Mặt trời', 'Con mèo');
  await expect(said(page)).toHaveText('Hai lần bấm không giống nhau. Hãy làm lại từ đầu.');
  await tap('Mặt trời', 'Con mèo', 'Mặt trời');
  await tap('Mặt trời', 'Con mèo', 'Mặt trời');
  await expect(said(page)).toHaveText('Đã khóa. Từ giờ, muốn vào hồ sơ này phải bấm đúng khóa.');
  await expect(learner(page, 'Cháu Nam')).toContainText('Đang học');

  await learner(page, 'Hoa sen').getByRole('button').click();
  await expect(said(page)).toHaveText('Đã chuyển sang Hoa sen.');
  await expect(learner(page, 'Cháu Nam')).toContainText('Có khóa');
  await learner(page, 'Cháu Nam').getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Mở hồ sơ của Cháu Nam' })).toBeFocused();
  await expectNoAxeViolations(page);
  // The same pictures in another order are not the lock.
  await tap('Con mèo', 'Mặt trời', 'Mặt trời');
  await expect(said(page)).toHaveText('Chưa đúng. Bạn còn 2 lần thử.');
  await tap('Mặt trời', 'Con mèo', 'Mặt trời');
  await expect(said(page)).toHaveText('Đã chuyển sang Cháu Nam.');
  await expect(learner(page, 'Cháu Nam')).toContainText('Đang học');
  // The lock holds after a reload (it is saved), and can be removed by its owner.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bỏ khóa' })).toBeVisible();
  await page.getByRole('button', { name: 'Bỏ khóa' }).click();
  await expect(said(page)).toHaveText('Đã bỏ khóa.');
  await expect(page.getByRole('button', { name: 'Đặt khóa' })).toBeVisible();
});

test('wrong PINs make the next try wait, even with the right PIN', async ({ page }) => {
  await openSettings(page);
  await addLearner(page, 'Ngôi nhà', 'Mẹ');
  await page.getByRole('button', { name: 'Đặt khóa' }).click();
  await page.getByRole('button', { name: 'Mã số 4 chữ số' }).click();
  const pin = async (digits: string) => {
    for (const d of digits) await page.locator('.keypad').getByRole('button', { name: d, exact: true }).click();
  };
  await pin('2580');
  await pin('2580');
  await expect(said(page)).toHaveText('Đã khóa. Từ giờ, muốn vào hồ sơ này phải bấm đúng khóa.');
  await learner(page, 'Hoa sen').getByRole('button').click();
  await learner(page, 'Mẹ').getByRole('button').click();
  // "Undo last tap" takes one digit back.
  await pin('25');
  await page.getByRole('button', { name: 'Xóa cái vừa bấm' }).click();
  await expect(page.locator('.keypad-dots .visually-hidden')).toHaveText('Đã bấm 1 trên 4');
  await pin('999');
  await expect(said(page)).toHaveText('Chưa đúng. Bạn còn 2 lần thử.');
  await pin('1111');
  await expect(said(page)).toHaveText('Chưa đúng. Bạn còn 1 lần thử.');
  await pin('0000');
  await expect(said(page)).toHaveText('Sai nhiều lần. Hãy chờ 30 giây rồi thử lại.');
  await pin('2580');
  await expect(said(page)).toHaveText(/^Sai nhiều lần\. Hãy chờ (2\d|30) giây rồi thử lại\.$/);
  // The wait is saved: a reload does not reset it.
  await page.reload();
  await learner(page, 'Mẹ').getByRole('button').click();
  await pin('2580');
  await expect(said(page)).toHaveText(/^Sai nhiều lần\. Hãy chờ (1\d|2\d|30) giây rồi thử lại\.$/);
  await expect(page.getByRole('heading', { name: 'Mở hồ sơ của Mẹ' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('kns.profile'))).toBe('default');
});

test('deleting a learner asks first, needs their lock, and takes their progress and only theirs', async ({ page }) => {
  const lesson = await lessonJson(page, LESSON, 'vi');
  await answerOne(page, lesson);
  await openSettings(page);
  await addLearner(page, 'Xe đạp', 'Anh Ba');
  await answerOne(page, lesson);
  await page.goto('/');
  await page.getByRole('checkbox', { name: PHONE }).check();
  await openSettings(page);
  await page.getByRole('button', { name: 'Đặt khóa' }).click();
  await page.getByRole('button', { name: 'Mã số 4 chữ số' }).click();
  for (const d of '13571357') await page.locator('.keypad').getByRole('button', { name: d, exact: true }).click();
  await expect(said(page)).toHaveText('Đã khóa. Từ giờ, muốn vào hồ sơ này phải bấm đúng khóa.');
  const id = await page.evaluate(() => localStorage.getItem('kns.profile'));
  expect(id).toMatch(/^p-[0-9a-f]{16}$/);

  // The learner in use is not offered for deletion.
  await page.getByRole('button', { name: 'Xóa một người học' }).click();
  await expect(page.locator('.profiles li')).toHaveCount(1);
  await expect(page.locator('.profiles li')).toHaveText('Hoa sen');
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await learner(page, 'Hoa sen').getByRole('button').click();
  await expect(said(page)).toHaveText('Đã chuyển sang Hoa sen.');

  await page.getByRole('button', { name: 'Xóa một người học' }).click();
  await learner(page, 'Anh Ba').getByRole('button').click();
  await expect(page.getByRole('heading', { name: 'Xóa Anh Ba?' })).toBeFocused();
  await expectNoAxeViolations(page);
  // "Keep" keeps.
  await page.getByRole('button', { name: 'Không xóa' }).click();
  await expect(learner(page, 'Anh Ba')).toHaveCount(1);
  await page.getByRole('button', { name: 'Xóa một người học' }).click();
  await learner(page, 'Anh Ba').getByRole('button').click();
  await page.getByRole('button', { name: 'Xóa hẳn' }).click();
  await expect(page.getByRole('heading', { name: 'Mở hồ sơ của Anh Ba' })).toBeFocused();
  for (const d of '1357') await page.locator('.keypad').getByRole('button', { name: d, exact: true }).click();
  await expect(said(page)).toHaveText('Đã xóa Anh Ba và mọi bài học của người này.');
  await expect(learner(page, 'Anh Ba')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xóa một người học' })).toHaveCount(0);

  // Their answers and ticks are gone from the device; the first learner's are all there.
  const keys = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kns');
        open.onsuccess = () => {
          const all = open.result.transaction('progress').objectStore('progress').getAllKeys();
          all.onsuccess = () => resolve(all.result.map(String));
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(keys).toEqual([`default/${LESSON}`]);
  expect(await page.evaluate((k) => localStorage.getItem(k), `kns.checks.${id}`)).toBeNull();
  await page.goto('/');
  await expect(card(page).locator('.badge')).toHaveText('Đang học');
  await expect(page.locator('html.who')).toHaveCount(0);
});

test('in English, the learners are named in English', async ({ page }) => {
  await openSettings(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Learners on this phone' })).toBeVisible();
  await expect(learner(page, 'Lotus')).toContainText('Learning now');
  await page.getByRole('button', { name: 'Add a learner' }).click();
  await page.getByRole('radio', { name: 'Boat' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(said(page)).toHaveText('Boat was added, and is learning now.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Change picture and name' }).click();
  await expect(page.getByRole('radio', { name: 'Boat' })).toBeChecked();
  await page.getByLabel('Name (optional)').fill('Grandpa Sáu');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(said(page)).toHaveText('The new picture and name of Grandpa Sáu are saved.');
  await expect(learner(page, 'Grandpa Sáu')).toContainText('Learning now');
});
