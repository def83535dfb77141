// scan(root, options): the extension's page scan through the widget module, on the extension's own
// seller-center fixtures (Fusion structure, English and Spanish) and on a plain table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { WWW } from './widget-harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve({ root: resolve(WWW, '..'), port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `path` on the repository-root server and loads the widget module into it. */
async function openWithModule(path) {
  const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${server.url}${path}`);
  await page.addScriptTag({
    type: 'module',
    content: "import * as dg from '/www/deadline-guard.js'; window.dg = dg; await dg.ready(); window.dgReady = true;",
  });
  await page.waitForFunction(() => window.dgReady === true);
  return { page, errors };
}

for (const fixture of ['en', 'es']) {
  test(`scan annotates the ${fixture} seller-center fixture as the extension does`, async () => {
    const { page, errors } = await openWithModule(`/tests/fixtures/seller/${fixture}.html`);
    const result = await page.evaluate(() => {
      const now = document.documentElement.getAttribute('data-fixture-base');
      return window.dg.scan(document, { now });
    });
    const rows = await page.evaluate(() => [...document.querySelectorAll('[data-expect-order-id]')].map((row) => ({
      expect: { ...row.dataset },
      got: {
        orderId: row.getAttribute('data-dg-order-id'), status: row.getAttribute('data-dg-status'),
        kind: row.getAttribute('data-dg-deadline-kind'), source: row.getAttribute('data-dg-deadline-source'),
        risk: row.getAttribute('data-dg-risk'), deadline: row.getAttribute('data-dg-deadline'),
      },
    })));
    assert.ok(rows.length >= 8, `${rows.length} fixture rows`);
    for (const { expect, got } of rows) {
      assert.equal(got.orderId, expect.expectOrderId);
      assert.equal(got.risk, expect.expectRisk, expect.expectOrderId);
      assert.equal(got.status, expect.expectStatus, expect.expectOrderId);
      if (expect.expectKind) assert.equal(got.kind, expect.expectKind, expect.expectOrderId);
      if (expect.expectSource) assert.equal(got.source, expect.expectSource, expect.expectOrderId);
      if (expect.expectDeadline) assert.equal(got.deadline, expect.expectDeadline, expect.expectOrderId);
    }
    assert.equal(result.recognised, true);
    assert.equal(result.orders.length, rows.length);
    assert.equal(result.counts.total, rows.length);
    assert.equal(result.locale, fixture);
    const risks = result.orders.map((o) => o.risk);
    const rank = { overdue: 0, critical: 1, unreadable: 2, warning: 3, ok: 4, none: 5 };
    assert.deepEqual(risks, [...risks].sort((a, b) => rank[a] - rank[b]), 'most urgent first');
    // No badges unless asked for.
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-dg-ui="badge"]').length), 0);
    assert.deepEqual(errors.map(String), []);
  });
}

test('scan adds the badges on request, in the locale asked for, and rejects bad options with a TypeError', async () => {
  const { page } = await openWithModule('/tests/fixtures/seller/en.html');
  const badges = await page.evaluate(() => {
    const now = document.documentElement.getAttribute('data-fixture-base');
    const result = window.dg.scan(document.querySelector('#order-list'), { now, badges: true, locale: 'de' });
    const hosts = [...document.querySelectorAll('[data-dg-ui="badge"]')];
    return { count: hosts.length, orders: result.orders.length, locale: result.locale, text: hosts.map((h) => h.shadowRoot.textContent) };
  });
  assert.equal(badges.count, badges.orders);
  assert.equal(badges.locale, 'de');
  assert.ok(badges.text.some((t) => /Versand|versenden|Überfällig|Std/i.test(t)), badges.text.join(' | '));
  const error = await page.evaluate(() => {
    try { window.dg.scan(document, { warningHours: 'lots' }); return null; } catch (e) { return [e instanceof TypeError, e.message]; }
  });
  assert.equal(error[0], true);
  assert.match(error[1], /^warningHours: /);
  const root = await page.evaluate(() => { try { window.dg.scan('body'); return null; } catch (e) { return [e instanceof TypeError, e.message]; } });
  assert.deepEqual(root, [true, 'root: expected a Document or an Element']);
});

test('scan on a page without orders says so and annotates nothing', async () => {
  const { page } = await openWithModule('/www/samples/');
  await page.evaluate(() => { document.body.innerHTML = '<h1>About us</h1><p>We sell lamps since 1999. Call 0034 612 345 678.</p>'; });
  const result = await page.evaluate(() => window.dg.scan(document, { now: '2026-11-20T18:00:00Z' }));
  assert.equal(result.recognised, false);
  assert.equal(result.orders.length, 0);
  assert.ok(result.why && result.why.length > 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-dg-order-id]').length), 0);
});

// Issue 13's follow-up: a countdown whose numbers are elements of their own is read as the page
// shows it (the shared walker takes the element's whole text when its inline children hold only
// numbers). The variations (tests/variations, Place::SplitNumbers) cover it in every language.
for (const [name, markup, seconds] of [
  ['days and hours in <b>', '剩余时间：<b>6</b>天<b>4</b>小时', (6 * 24 + 4) * 3600],
  ['a clock in <span>s', '剩余时间： <span>5</span>天<span>07</span>:<span>30</span>:<span>00</span>', (5 * 24 + 7.5) * 3600],
]) {
  test(`a countdown with its numbers as elements (${name}) gives the page's deadline`, async () => {
    const { page, errors } = await openWithModule('/tests/fixtures/seller/zh.html');
    const got = await page.evaluate((html) => {
      const countdown = document.querySelector('.state--countdown--P0q1');
      countdown.innerHTML = html;
      const row = countdown.closest('[data-expect-order-id]');
      const now = document.documentElement.getAttribute('data-fixture-base');
      window.dg.scan(document, { now });
      return { now, source: row.getAttribute('data-dg-deadline-source'), deadline: row.getAttribute('data-dg-deadline'), risk: row.getAttribute('data-dg-risk') };
    }, markup);
    assert.equal(got.source, 'page', JSON.stringify(got));
    assert.equal(got.deadline, new Date(Date.parse(got.now) + seconds * 1000).toISOString().replace('.000Z', 'Z'));
    assert.deepEqual(errors.map(String), []);
  });
}
