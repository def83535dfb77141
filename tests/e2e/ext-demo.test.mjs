// The demo seller panel (`make demo`) in headless Chromium, without the extension: every
// language's sample orders are recognised and every risk level shows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { ROOT, overlayCounts } from './harness.mjs';

let server; let context; let profile;
before(async () => {
  server = await serve({ root: ROOT, port: 0 });
  profile = await mkdtemp(join(tmpdir(), 'dg-demo-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, timezoneId: 'Europe/Madrid',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await context?.close(); await server?.close(); if (profile) await rm(profile, { recursive: true, force: true }); });

for (const lang of ['en', 'es', 'de', 'fr', 'pt', 'ru', 'it', 'zh']) {
  test(`demo in ${lang}: every risk level shows`, async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/extension/demo/?lang=${lang}`);
    await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { state: 'attached' });
    const counts = await overlayCounts(page);
    assert.equal(counts.overdue, 2, JSON.stringify(counts));
    assert.equal(counts.critical, 4, JSON.stringify(counts));
    assert.equal(counts.warning, 1, JSON.stringify(counts));
    assert.equal(counts.ok, 3, JSON.stringify(counts));
    assert.equal(counts.none, 1, JSON.stringify(counts));
    assert.equal(counts.unreadable, 1, JSON.stringify(counts));
    assert.deepEqual(errors, []);
    await page.close();
  });
}
