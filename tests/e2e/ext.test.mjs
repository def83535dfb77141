// The extension end to end in headless Chromium: the TEST build (which also runs on 127.0.0.1)
// over fixture pages in the seller center's real structure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openScanned, readRows, overlayCounts, annotations, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const url = (path) => `${browser.server.url}${path}`;

/** Checks every expected row of a page; returns the rows. */
async function checkRows(page) {
  const rows = await readRows(page);
  assert.ok(rows.length > 0, 'the fixture has expected rows');
  for (const { expect, got, badge } of rows) {
    const who = `order ${expect.orderId}`;
    assert.equal(got.orderId, expect.orderId, `${who}: order id`);
    assert.equal(got.status, expect.status, `${who}: status`);
    assert.equal(got.risk, expect.risk, `${who}: risk (badge "${badge}", reason ${got.reason})`);
    assert.equal(got.kind, expect.kind, `${who}: deadline kind`);
    assert.equal(got.source, expect.source, `${who}: deadline source`);
    if (expect.deadline) assert.equal(got.deadline, expect.deadline, `${who}: deadline`);
    if (expect.approxHours) {
      const wanted = Date.now() + Number(expect.approxHours) * 3600_000;
      assert.ok(Math.abs(Date.parse(got.deadline) - wanted) < 5 * 60_000, `${who}: deadline ${got.deadline} near +${expect.approxHours} h`);
    }
    if (got.deadline) assert.match(got.deadline, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    else assert.ok(['none', 'unreadable'].includes(got.risk), `${who}: no deadline only when no clock can run`);
    if (expect.risk === 'unreadable') assert.ok(got.reason, `${who}: unreadable rows say why`);
    else assert.equal(got.reason, null);
    assert.ok(badge && badge.length > 2, `${who}: a badge shows`);
  }
  return rows;
}

function expectedCounts(rows) {
  const counts = { overdue: 0, critical: 0, unreadable: 0, warning: 0, ok: 0, none: 0 };
  for (const row of rows) counts[row.expect.risk] += 1;
  return counts;
}

describe('seller center fixtures', () => {
  for (const [lang, sample] of [
    ['en', /^Ship within \d/], ['es', /^Enviar en \d/], ['de', /^Versenden in \d/], ['zh', /内发货$/],
  ]) {
    test(`${lang}: attributes, badges in the page language, overlay counts`, async () => {
      const page = await openScanned(browser.context, url(`${FIXTURES}/${lang}.html`));
      const rows = await checkRows(page);
      assert.deepEqual(await overlayCounts(page), expectedCounts(rows));
      const critical = rows.find((r) => r.expect.risk === 'critical' && r.expect.kind === 'ship');
      assert.match(critical.badge, sample);
      assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'local');
      await page.close();
    });
  }

  test('plain table with a header row', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/plain.html`));
    const rows = await checkRows(page);
    assert.deepEqual(await overlayCounts(page), expectedCounts(rows));
    await page.close();
  });

  test('buyer-side My Orders page: supplier clocks', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/p/order/index.html`));
    await checkRows(page);
    await page.close();
  });

  test('a strict-CSP page works through the background worker, with the same result', async () => {
    const plain = await openScanned(browser.context, url(`${FIXTURES}/en.html`));
    const strict = await openScanned(browser.context, url(`/strict${FIXTURES}/en.html`));
    assert.equal(await strict.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'background');
    await checkRows(strict);
    const a = await annotations(plain);
    const b = await annotations(strict);
    // Each page's times are written relative to the minute it loaded in (relative-time.js): two
    // loads either side of a minute's turn put every computed deadline a minute apart.
    const base = (page) => page.evaluate(() => Date.parse(document.documentElement.getAttribute('data-fixture-base')));
    const shift = (await base(strict)) - (await base(plain));
    for (const id of Object.keys(a)) {
      // Countdown deadlines depend on the second each page was scanned.
      const source = a[id]['data-dg-deadline-source'];
      if (source === 'computed' && a[id]['data-dg-deadline'] && b[id]?.['data-dg-deadline']) {
        assert.equal(Date.parse(b[id]['data-dg-deadline']) - Date.parse(a[id]['data-dg-deadline']), shift, `${id}: the same deadline on both pages`);
      }
      if (source === 'page' || source === 'computed') { delete a[id]['data-dg-deadline']; delete b[id]?.['data-dg-deadline']; }
    }
    assert.deepEqual(b, a);
    assert.deepEqual(await overlayCounts(strict), await overlayCounts(plain));
    await plain.close();
    await strict.close();
  });
});

describe('live page', () => {
  test('a row added and a row changed by script are re-annotated', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/en.html`));
    await page.evaluate(() => {
      const list = document.getElementById('order-list');
      const copy = list.querySelector('[data-expect-order-id="8190000000000102"]').cloneNode(true);
      for (const el of copy.querySelectorAll('[data-dg-ui]')) el.remove();
      for (const a of [...copy.attributes]) if (a.name.startsWith('data-dg-') || a.name.startsWith('data-expect')) copy.removeAttribute(a.name);
      copy.querySelector('.header--valueHighLight--wCk3sLF').textContent = '8190000000009999';
      copy.id = 'added';
      list.append(copy);
    });
    await page.waitForSelector('#added[data-dg-order-id="8190000000009999"][data-dg-risk="critical"]');
    await page.evaluate(() => {
      const row = document.querySelector('[data-expect-order-id="8190000000000103"]');
      row.querySelector('.chc-state-label__stateText').textContent = 'Order complete';
    });
    await page.waitForSelector('[data-expect-order-id="8190000000000103"][data-dg-status="FINISH"][data-dg-risk="none"]');
    const counts = await overlayCounts(page);
    assert.equal(counts.critical, 3, 'the added critical order is counted');
    assert.equal(counts.warning, 0, 'the finished order left the warnings');
    await page.close();
  });

  test('pagination swaps rows without a reload', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/en-paged.html`));
    await page.waitForSelector('[data-dg-order-id="8190000000000501"]');
    await page.click('.next-pagination-item[data-page="2"]');
    await page.waitForSelector('[data-dg-order-id="8190000000000604"][data-dg-risk="overdue"]');
    await page.waitForFunction(() => !document.querySelector('[data-dg-order-id="8190000000000501"]'));
    await checkRows(page);
    assert.equal((await overlayCounts(page)).overdue, 1);
    await page.click('.next-pagination-item[data-page="1"]');
    await page.waitForSelector('[data-dg-order-id="8190000000000501"][data-dg-risk="ok"]');
    await page.close();
  });

  test('a badge says its deadline as a date when hovered, in the page language', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/es.html`));
    const row = await page.$('[data-dg-deadline][data-dg-risk="critical"]');
    const deadline = await row.getAttribute('data-dg-deadline');
    const badge = await row.$('[data-dg-ui="badge"]');
    const title = () => badge.evaluate((b) => b.shadowRoot.querySelector('span').title);
    assert.equal(await title(), '', 'no tooltip is formatted before it is needed');
    await badge.hover();
    const expected = await page.evaluate((iso) => new Intl.DateTimeFormat(document.documentElement.lang,
      { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)), deadline);
    const shown = await title();
    assert.ok(shown.startsWith(`Plazo: ${expected}`), `tooltip "${shown}" names ${expected}`);
    await page.close();
  });

  test('the overlay scrolls to and flashes a row, collapses, and hides where there is no list', async () => {
    const page = await openScanned(browser.context, url(`${FIXTURES}/en.html`));
    const first = await page.$eval('[data-dg-overlay]', (o) => o.shadowRoot.querySelector('[data-dg-overlay-order]').dataset.dgOverlayOrder);
    assert.equal(first, '8190000000000104', 'the overdue order comes first');
    await page.evaluate(() => document.querySelector('[data-dg-overlay]').shadowRoot.querySelector('[data-dg-overlay-order] button').click());
    await page.waitForSelector('[data-dg-order-id="8190000000000104"][data-dg-flash]');
    await page.evaluate(() => document.querySelector('[data-dg-ui="overlay"]').shadowRoot.querySelector('[data-dg-action="toggle"]').click());
    assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgCollapsed), 'true');
    await page.close();

    // A page that is no order page and shows no order: no panel at all (ext-overlay.test.mjs has
    // the order page whose list cannot be read, which says why).
    const empty = await openScanned(browser.context, url(`${FIXTURES}/relative-time.js`).replace('relative-time.js', 'fixture.css'));
    assert.equal(await empty.$eval('[data-dg-ui="overlay"]', (o) => o.hidden && o.getBoundingClientRect().height), 0);
    await empty.close();
  });
});

describe('safety', () => {
  test('payloads in page text execute nothing', async () => {
    const page = await browser.context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    await page.goto(url(`${FIXTURES}/xss.html`));
    await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { state: 'attached' });
    await checkRows(page);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      images: document.querySelectorAll('img').length,
      scripts: [...document.querySelectorAll('script')].map((s) => s.src.split('/').pop()),
      reason: document.querySelector('[data-dg-order-id="8190000000000799"]')?.getAttribute('data-dg-reason'),
    }));
    assert.equal(state.pwned, null);
    assert.equal(state.images, 0);
    assert.deepEqual(state.scripts, ['relative-time.js']);
    assert.equal(dialogs, 0);
    await page.close();
  });

  test('no request leaves for anywhere but the test server and the extension', () => {
    const foreign = browser.requests.filter((u) => !u.startsWith(browser.server.url) && !u.startsWith('chrome-extension://'));
    assert.deepEqual(foreign, []);
    assert.ok(browser.requests.length > 10, 'the log saw the pages');
  });
});
