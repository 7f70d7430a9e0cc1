// Browser measurements for `cargo xtask bench` (not tests: they print figures, CI does not run
// them). Same Debian Chromium and phone viewport as the e2e tests; one worker, so that nothing
// else competes for the CPU while a figure is taken.
import { defineConfig } from '@playwright/test';
import base from '../e2e/playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: 'test-results',
  timeout: 180_000,
  workers: 1,
  fullyParallel: false,
});
