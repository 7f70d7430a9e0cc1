// Screenshots of each page at 360 × 740 (a cheap phone), at 100 % and 200 % text, for a person
// to look at before a change lands. Usage: node e2e/screenshots.mjs BASE_URL OUT_DIR [path…]
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:8080', out = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/lesson/nhan-dien-lua-dao', '/khong-co-trang-nay'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
for (const scale of [100, 200]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForSelector('h1');
    if (scale !== 100) await page.addStyleTag({ content: `html { font-size: ${scale}% }` });
    const name = (path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'course') + `-${scale}`;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
    await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
    console.log(`${out}/${name}.png${overflow ? '  (scrolls sideways!)' : ''}`);
  }
  await context.close();
}
await browser.close();
