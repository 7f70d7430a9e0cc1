// Browser figure for `cargo xtask bench`: the time to verify the records in the file BENCH_RECORDS
// names (10,000, made by xtask as the app makes them) with the settings module's `verifyRecords`
// (kns-core's strict check of each record on its own, in wasm), in ms, the median of three runs,
// written as JSON to BENCH_OUT with the suffix `.verify` (budget: 10,000 in 2 s).
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

test('records verified in the browser', async ({ page }) => {
  const records = readFileSync(process.env.BENCH_RECORDS!, 'utf8');
  const count = records.trim().split('\n').length;
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The module the page loaded (the same instance: modules are loaded once per page).
  const script = await page.evaluate(() => {
    const text = [...document.querySelectorAll('script[type="module"]')].map((s) => s.textContent).join('\n');
    return text.match(/import\('([^']+\.js)'\)/)![1];
  });
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const { valid, ms } = await page.evaluate(
      async ({ script, records }) => {
        const module: any = await import(script);
        const started = performance.now();
        const valid = module.verifyRecords(records, Date.now() / 1000);
        return { valid, ms: performance.now() - started };
      },
      { script, records },
    );
    expect(valid).toBe(count);
    samples.push(ms);
  }
  writeFileSync(`${process.env.BENCH_OUT}.verify`, JSON.stringify({ samples }));
});
