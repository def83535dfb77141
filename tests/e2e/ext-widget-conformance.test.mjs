// Write conformance: the same pages scanned by the extension's content script and by the widget's
// `scan(document, { badges: true })` end with identical `data-dg-*` attributes on identical
// elements and identical badges (words, risk, deadline, source, hints), and the widget's counts
// equal the overlay's. Both sides run the one page side (page/snapshot.js, page/apply.js) over the
// same build; this test keeps it that way.
//
// The content script runs as the demo panel runs it (content/main.js with the wasm in the page):
// in the page's own world, a frozen clock reaches both scans, so every deadline — countdowns
// included — must match to the second. (The installed extension runs the same modules, checked
// against each page's ground truth by ext.test.mjs and ext-variations.test.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { ROOT, overlayCounts } from './harness.mjs';

// The variations' own `now` (tests/variations/mod.rs); the seller fixtures place their times
// relative to whatever the clock says (relative-time.js).
const NOW = Date.parse('2026-11-20T20:00:00Z');
const SELLER = ['en', 'es', 'de', 'zh', 'plain', 'xss', 'calibration'].map((name) => `/tests/fixtures/seller/${name}.html`);
const VARIATIONS = ['en', 'es', 'de', 'fr', 'pt', 'ru', 'it', 'zh'].map((lang) => `/tests/fixtures/variations/${lang}.html`);

let server;
let browser;
before(async () => {
  server = await serve({ root: ROOT, port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `path` with the clock frozen at NOW; `prepare` (a page function) runs before any scan. */
async function open(path, prepare) {
  const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.clock.setFixedTime(NOW);
  await page.goto(`${server.url}${path}`);
  if (prepare) await page.evaluate(prepare);
  return { page, errors };
}

/** The extension's content script over the page, to the end of its first full scan. */
async function scanLikeTheExtension(page) {
  await page.evaluate(async () => {
    const glue = await import('/extension/pkg/deadline_guard.js');
    await glue.default();
    const { localEngine } = await import('/extension/content/engine.js');
    const { start } = await import('/extension/content/main.js');
    await start({ engine: localEngine(glue), settings: {} });
  });
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised]', { state: 'attached' });
}

/** The widget's scan over the page, with the extension's badges. */
function scanLikeTheWidget(page) {
  return page.evaluate(async () => {
    const dg = await import('/www/deadline-guard.js');
    await dg.ready();
    return dg.scan(document, { badges: true });
  });
}

/**
 * Every element of the page carrying a record attribute, and every badge, by their place in the
 * page's own tree (the extension's UI left out, so both runs number elements alike).
 */
function written(page) {
  return page.evaluate(() => {
    const NAMES = ['data-dg-order-id', 'data-dg-status', 'data-dg-deadline', 'data-dg-deadline-kind',
      'data-dg-deadline-source', 'data-dg-risk', 'data-dg-reason'];
    const ours = (el) => el.hasAttribute('data-dg-ui');
    const place = (el) => {
      const steps = [];
      for (let at = el; at.parentElement; at = at.parentElement) {
        steps.unshift([...at.parentElement.children].filter((c) => !ours(c)).indexOf(at));
      }
      return steps.join('.');
    };
    const records = {};
    for (const el of document.body.querySelectorAll('*')) {
      if (ours(el) || el.closest('[data-dg-ui]')) continue;
      const attributes = Object.fromEntries(NAMES.filter((n) => el.hasAttribute(n)).map((n) => [n, el.getAttribute(n)]));
      if (Object.keys(attributes).length) records[place(el)] = attributes;
    }
    const badges = {};
    for (const host of document.querySelectorAll('[data-dg-ui="badge"]')) {
      const [label, list] = [...host.shadowRoot.children].slice(-2);
      badges[place(host.parentElement)] = {
        inside: host.parentElement.lastElementChild === host,
        text: label.textContent,
        risk: label.getAttribute('data-risk'),
        deadline: label.getAttribute('data-deadline'),
        source: label.getAttribute('data-source'),
        name: label.getAttribute('aria-label'),
        hints: [...list.children].map((li) => li.textContent),
        hintsHidden: list.hidden,
      };
    }
    return { records, badges };
  });
}

async function conforms(path, prepare) {
  const ext = await open(path, prepare);
  await scanLikeTheExtension(ext.page);
  const byExtension = await written(ext.page);
  const counts = await overlayCounts(ext.page);
  const widget = await open(path, prepare);
  const result = await scanLikeTheWidget(widget.page);
  const byWidget = await written(widget.page);
  assert.deepEqual(byWidget.records, byExtension.records, `${path}: the same attributes on the same elements`);
  assert.deepEqual(byWidget.badges, byExtension.badges, `${path}: the same badges in the same places`);
  const { total, ...perRisk } = result.counts;
  assert.deepEqual(perRisk, counts, `${path}: the widget's counts are the overlay's`);
  assert.equal(total, result.orders.length, `${path}: one listed order per counted order`);
  assert.deepEqual([...ext.errors, ...widget.errors], []);
  await ext.page.context().close();
  await widget.page.context().close();
  return { byWidget, result };
}

for (const path of [...SELLER, ...VARIATIONS]) {
  test(`extension and widget write the same on ${path}`, async () => {
    const { byWidget, result } = await conforms(path);
    const records = Object.values(byWidget.records);
    assert.ok(records.length >= 3, `${path}: ${records.length} records annotated`);
    assert.equal(Object.keys(byWidget.badges).length, records.length, `${path}: one badge per record`);
    assert.equal(result.recognised, true);
  });
}

test('a page showing one order twice: two annotated rows, one order in both counts', async () => {
  const twice = () => {
    const row = document.querySelector('[data-expect-order-id="8190000000000102"]');
    row.after(row.cloneNode(true));
  };
  const { byWidget, result } = await conforms('/tests/fixtures/seller/en.html', twice);
  const ids = Object.values(byWidget.records).map((r) => r['data-dg-order-id']);
  assert.equal(ids.filter((id) => id === '8190000000000102').length, 2, 'both rows are annotated');
  assert.equal(result.counts.total, new Set(ids).size, 'the order is counted once');
});

test('page text stays text in the widget\'s scan as in the extension\'s', async () => {
  const { page } = await open('/tests/fixtures/seller/xss.html');
  await scanLikeTheWidget(page);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no page text ran as script');
  await page.context().close();
});
