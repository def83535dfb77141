// The extension in Firefox ESR, driven over WebDriver BiDi by puppeteer-core: the TEST build
// installed as a temporary add-on, the same fixtures and the same expectations as in Chromium.
// Firefox lets content scripts compile WebAssembly even under `script-src 'self'`, so the strict
// page runs the wasm in the content script there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../../www/serve.mjs';
import { ROOT, FIREFOX_EXT, FIXTURES, readRows, overlayCounts } from './harness.mjs';

let server;
let browser;
let home;
before(async () => {
  server = await serve({ root: ROOT, port: 0 });
  home = await mkdtemp(join(tmpdir(), 'dg-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    env: { ...process.env, HOME: home, TZ: 'America/Los_Angeles' },
  });
  await browser.installExtension(FIREFOX_EXT);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

async function open(path) {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { timeout: 20000 });
  return page;
}

function check(rows) {
  assert.ok(rows.length >= 9);
  for (const { expect, got, badge } of rows) {
    assert.equal(got.orderId, expect.orderId);
    assert.equal(got.status, expect.status, `order ${expect.orderId}: status`);
    assert.equal(got.risk, expect.risk, `order ${expect.orderId}: risk (${badge})`);
    assert.equal(got.kind, expect.kind, `order ${expect.orderId}: kind`);
    assert.equal(got.source, expect.source, `order ${expect.orderId}: source`);
    if (expect.deadline) assert.equal(got.deadline, expect.deadline);
    assert.ok(badge && badge.length > 2, `order ${expect.orderId}: badge`);
  }
}

test('Firefox: the English and German seller center pages are annotated', async () => {
  for (const lang of ['en', 'de']) {
    const page = await open(`${FIXTURES}/${lang}.html`);
    const rows = await readRows(page);
    check(rows);
    const counts = await overlayCounts(page);
    assert.equal(counts.overdue, 1);
    assert.equal(counts.critical, 2);
    await page.close();
  }
});

test('Firefox: a strict-CSP page is annotated too', async () => {
  const page = await open(`/strict${FIXTURES}/en.html`);
  check(await readRows(page));
  const engine = await page.$eval('[data-dg-ui="overlay"]', (o) => o.getAttribute('data-dg-engine'));
  assert.ok(['local', 'background'].includes(engine));
  await page.close();
});
