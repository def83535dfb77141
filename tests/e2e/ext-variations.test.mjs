// A sample of the generated seller-center pages through the built extension in headless Chromium:
// the pages of tests/fixtures/variations (written by `cargo test --test scan_variations` from the
// same generator the native test reads 10,000 orders of; one page per panel language, each in a
// different layout) must be annotated with their ground truth, or unreadable with the reason the
// truth names. Countdown deadlines depend on the second the page was scanned; computed ones are
// exact. Also the same pages behind a strict CSP, where the background worker reads them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openScanned } from './harness.mjs';

const LANGS = ['en', 'es', 'de', 'fr', 'pt', 'ru', 'it', 'zh'];
const PAGES = '/tests/fixtures/variations';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

/** The expected and annotated values of every generated order of the page. */
function readOrders(page) {
  return page.$$eval('[data-expect-order-id]', (rows) => rows.map((row) => {
    const attr = (name) => row.getAttribute(name);
    return {
      expect: {
        orderId: attr('data-expect-order-id'), risk: attr('data-expect-risk'), status: attr('data-expect-status'),
        source: attr('data-expect-source'), deadline: attr('data-expect-deadline'), left: attr('data-expect-left'),
        reason: attr('data-expect-reason'),
      },
      got: {
        orderId: attr('data-dg-order-id'), risk: attr('data-dg-risk'), status: attr('data-dg-status'),
        source: attr('data-dg-deadline-source'), deadline: attr('data-dg-deadline'), reason: attr('data-dg-reason'),
      },
    };
  }));
}

async function checkPage(path) {
  const page = await openScanned(browser.context, `${browser.server.url}${path}`);
  const scannedAt = Date.now();
  const orders = await readOrders(page);
  assert.ok(orders.length >= 10, `${path}: the page carries its generated orders`);
  for (const { expect, got } of orders) {
    const who = `${path} order ${expect.orderId}`;
    assert.equal(got.orderId, expect.orderId, `${who}: annotated as its own record`);
    if (expect.risk === 'unreadable') {
      assert.equal(got.risk, 'unreadable', `${who}: unreadable, got ${got.risk} deadline ${got.deadline}`);
      assert.equal(got.deadline, null, `${who}: no deadline on an unreadable order`);
      if (expect.reason) assert.ok(got.reason?.includes(expect.reason), `${who}: reason "${got.reason}" names "${expect.reason}"`);
      continue;
    }
    assert.equal(got.status, expect.status, `${who}: status`);
    if (expect.risk === 'none') {
      assert.equal(got.risk, 'none', `${who}: no clock`);
      continue;
    }
    assert.ok(!['none', 'unreadable'].includes(got.risk), `${who}: a running clock, got ${got.risk} (${got.reason})`);
    assert.equal(got.source, expect.source, `${who}: deadline source`);
    if (expect.deadline) assert.equal(got.deadline, expect.deadline, `${who}: computed deadline`);
    if (expect.left) {
      // The page's countdown was read between the page load and now.
      const wanted = scannedAt + Number(expect.left) * 1000;
      assert.ok(Math.abs(Date.parse(got.deadline) - wanted) < 5 * 60_000,
        `${who}: deadline ${got.deadline} is the page's countdown (${expect.left} s from the scan)`);
    }
  }
  await page.close();
  return orders.length;
}

describe('generated seller-center pages in the eight languages', () => {
  for (const lang of LANGS) {
    test(`${lang}: every order gets its ground truth or unreadable with a reason`, async () => {
      await checkPage(`${PAGES}/${lang}.html`);
    });
  }

  test('behind a strict CSP (the background worker reads them) the answers are the same', async () => {
    for (const lang of ['en', 'zh']) {
      const page = await openScanned(browser.context, `${browser.server.url}/strict${PAGES}/${lang}.html`);
      assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'background');
      await page.close();
      await checkPage(`/strict${PAGES}/${lang}.html`);
    }
  });
});
