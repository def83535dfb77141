// Used by hardening-privacy.test.mjs only (run with the hook preloaded): a page that tries to call
// home, so the test can see the hook log it and the check refuse it. Not a test file, so no suite glob picks it up.
import { chromium } from 'playwright-core';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.setContent('<p>calls home</p>');
  await page.evaluate(() => fetch('https://tracker.invalid/collect?x=1').catch(() => null));
} finally {
  await browser.close();
}
