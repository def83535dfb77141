// Hardening of the extension against faults (issue 7): the wasm fails to load, the storage quota
// is exhausted, settings stored by an older version, the service worker stopped mid-session.
// Reuses the extension's harness (TEST build, fixture pages); the broken-wasm case runs a copy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openScanned, CHROME_EXT, FIXTURES, ROOT } from './harness.mjs';
import { withExtension } from '../bench/browsers.mjs';
import { serve } from '../../www/serve.mjs';
import { inOptions, paidFourDaysAgo } from './hardening-ext-lib.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });
const url = (path) => `${browser.server.url}${path}`;

test('the wasm fails to load: rows untouched, the overlay says so, no error thrown into the page', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dg-broken-'));
  const ext = join(dir, 'ext');
  await cp(CHROME_EXT, ext, { recursive: true });
  await writeFile(join(ext, 'pkg/deadline_guard_bg.wasm'), 'this is not WebAssembly');
  const server = await serve({ root: ROOT, port: 0 });
  const b = await withExtension(ext);
  try {
    const page = await b.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}${FIXTURES}/en.html`);
    await page.waitForFunction(() => {
      const o = document.querySelector('[data-dg-ui="overlay"]');
      return o && /\S/.test(o.shadowRoot.textContent);
    }, null, { timeout: 30000 });
    await page.waitForTimeout(1000);
    const state = await page.evaluate(() => ({
      overlay: document.querySelector('[data-dg-ui="overlay"]').shadowRoot.textContent,
      annotated: document.querySelectorAll('[data-dg-order-id],[data-dg-risk]').length,
      ui: [...document.querySelectorAll('[data-dg-ui]')].map((e) => e.getAttribute('data-dg-ui')),
    }));
    assert.equal(state.annotated, 0, 'no row annotated without an engine');
    assert.deepEqual(state.ui, ['overlay'], 'nothing but the overlay added to the page');
    assert.match(state.overlay, /could not|failed|error|unavailable|not load|no answer|WebAssembly|wasm/i, state.overlay);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('storage quota exhausted: saving settings says it failed and the stored settings are kept', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set({ policy: { handlingDays: 6 }, extension: {} });
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[name="handlingDays"]')?.value === '6');
  // Fill chrome.storage.sync (100 KB, 8 KB per item) so the next write cannot fit.
  // Fill it to the last few bytes: big items first, then ever smaller ones until even 10 bytes fail.
  const filled = await page.evaluate(async () => {
    let n = 0;
    for (const size of [8000, 2000, 500, 100, 10]) {
      try { for (let i = 0; i < 200; i++) await chrome.storage.sync.set({ [`f${n++}`]: 'x'.repeat(size) }); } catch { /* this size no longer fits */ }
    }
    try { await chrome.storage.sync.set({ probe: 'x'.repeat(10) }); return false; } catch { return true; }
  });
  assert.ok(filled, 'the filler reached the quota');
  await page.fill('[name="holidays"]', Array.from({ length: 300 }, (_, i) => `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`).join('\n'));
  await page.fill('[name="handlingDays"]', '5');
  await page.click('button[type="submit"]');
  await page.waitForTimeout(1500);
  const status = await page.$eval('#status', (s) => ({ cls: s.className, text: s.textContent }));
  if (status.cls === 'ok') await page.evaluate(() => chrome.storage.sync.clear());
  assert.notEqual(status.cls, 'ok', `the page claims "${status.text}" although nothing could be stored`);
  assert.match(status.text, /\S/, 'the failure is explained');
  const stored = await page.evaluate(() => chrome.storage.sync.get('policy'));
  await page.evaluate(() => chrome.storage.sync.clear());
  await page.close();
  assert.equal(stored.policy.handlingDays, 6, 'the previous settings are intact');
});

test('settings stored by an older version (fewer fields) are used, completed with defaults', async () => {
  await inOptions(browser, async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set({ policy: { handlingDays: 3 }, extension: { notifications: false } });
  });
  try {
    const { page, risk } = await paidFourDaysAgo(browser, '/hardening/older-settings.html');
    assert.equal(risk, 'overdue', 'the stored 3 handling days apply');
    await page.close();
    const shown = await inOptions(browser, async () => {
      await new Promise((ok) => setTimeout(ok, 500));
      return { days: document.querySelector('[name="handlingDays"]').value, notify: document.querySelector('[name="notifications"]').checked, warning: document.querySelector('[name="warningHours"]').value };
    });
    assert.deepEqual(shown, { days: '3', notify: false, warning: '72' });
  } finally {
    await inOptions(browser, () => chrome.storage.sync.clear());
  }
});

test('the service worker stopped mid-session: a strict-CSP page keeps being annotated', async () => {
  const page = await openScanned(browser.context, url(`/strict${FIXTURES}/en.html`));
  assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'background');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    document.querySelector('[data-expect-order-id="8190000000000103"] .chc-state-label__stateText').textContent = 'Order complete';
  });
  await page.waitForSelector('[data-expect-order-id="8190000000000103"][data-dg-status="FINISH"][data-dg-risk="none"]', { state: 'attached', timeout: 15000 });
  const text = await page.$eval('[data-dg-ui="overlay"]', (o) => o.shadowRoot.textContent);
  assert.doesNotMatch(text, /no answer|error/i, text);
  await page.close();
});
