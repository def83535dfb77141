// The demo page as `make demo` serves it: from the repository root, at /www/index.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { WWW } from './widget-harness.mjs';

test('the demo page works from the repository root: API, CSV, reconciliation and module sections', async () => {
  const server = await serve({ root: resolve(WWW, '..'), port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`${server.url}/www/index.html`);
    await page.waitForFunction(() => ['from-api', 'from-csv', 'reconcile'].every((id) => document.getElementById(id).state === 'ready'));
    const count = (id) => page.locator(`#${id}`).evaluate((e) => e.shadowRoot.querySelectorAll('tbody tr').length);
    assert.equal(await count('from-api'), 9);
    assert.equal(await count('from-csv'), 5);
    assert.equal(await page.locator('#from-csv').evaluate((e) => e.result.errors.length), 1);
    assert.equal(await count('reconcile'), 3);
    await page.waitForFunction(() => document.getElementById('module-result').textContent !== '');
    assert.equal(await page.locator('#module-result').textContent(),
      'analyze() read 9 orders; the most urgent is 8190000000000001: Overdue by 2 h.');
    assert.match(await page.locator('#api-events').textContent(), /^deadline-guard-updated: 9 orders, 1 overdue, 3 critical, 2 warning\.$/);
    // Unticking "use the samples' time" re-analyses at the real time: the sample orders are old by then.
    await page.locator('#sample-time').uncheck();
    await page.waitForFunction(() => document.getElementById('from-api').result?.counts.overdue > 1);
    for (const url of requests) assert.equal(new URL(url).origin, server.url);
    assert.deepEqual(errors.map(String), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
