// <deadline-guard-orders> and <deadline-guard-reconcile> in headless Chromium: attributes, properties,
// events, sorting, filtering, ticking on Playwright's fake clock, states, CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, pageWith, moduleReady, tableRows, SAMPLE_NOW } from './widget-harness.mjs';

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());

const API_SRC = '/samples/open-platform-orders.json';
const URGENCY = ['8190000000000001', '8190000000000005', '8190000000000002', '8190000000000009', '8190000000000006',
  '8190000000000003', '8190000000000004', '8190000000000007', '8190000000000008'];

/** Opens a page with `body` and waits until every element in it has left the loading state. */
async function open(body, options = {}) {
  // The page's clock stands still unless a test moves it, so countdowns read exactly.
  const frozen = async (p) => {
    await p.clock.install({ time: new Date(Date.parse(SAMPLE_NOW) - 10_000) });
    await p.clock.pauseAt(new Date(SAMPLE_NOW));
  };
  const setup = options.setup ?? frozen;
  const opened = await harness.newPage(options.path ?? '/element-test.html', { html: pageWith(body, options.head ?? ''), setup });
  await moduleReady(opened.page);
  if (options.wait !== false) {
    await opened.page.waitForFunction(() => [...document.querySelectorAll('deadline-guard-orders, deadline-guard-reconcile')]
      .every((e) => e.state !== 'loading' && (e.state !== 'empty' || !(e.getAttribute('src') || e.getAttribute('platform-src')))));
  }
  return opened;
}

const ids = (rows) => rows.map((cells) => cells[1]);
const stateText = (locator) => locator.evaluate((e) => e.shadowRoot.querySelector('.state').textContent);

test('src loads an Open Platform response into a table sorted by urgency, with risk on each row', async () => {
  const { page, requests } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const g = page.locator('#g');
  const rows = await tableRows(g);
  assert.deepEqual(ids(rows), URGENCY);
  assert.deepEqual(rows[0].slice(0, 7), ['Overdue by 2 h · shipping', '8190000000000001', 'Pending shipment', 'Nov 20, 2026, 8:00 AM', 'Overdue', 'María García', 'LED desk lamp, warm white']);
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('tbody tr time').getAttribute('datetime')), '2026-11-20T16:00:00Z');
  assert.deepEqual(await g.evaluate((e) => [...e.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.dataset.risk)),
    ['overdue', 'critical', 'critical', 'critical', 'warning', 'warning', 'ok', 'ok', 'none']);
  // Risk colours come from the shadow stylesheet (overdue #8c1d18: 9.1:1 on white).
  const colour = await g.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('tbody tr .risk')).color);
  assert.equal(colour, 'rgb(140, 29, 24)');
  assert.equal(await stateText(g), '9 orders, 1 overdue, 3 critical.');
  // Accessible table: a caption, column headers with scope, the sorted column marked.
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('caption').textContent), 'Order deadlines, most urgent first');
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('th[aria-sort]').textContent), 'Time left');
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelectorAll('th[scope="col"]').length), 8);
  assert.equal(requests.filter((u) => u.endsWith(API_SRC)).length, 1, 'src is fetched once');
});

test('deadline-guard-updated bubbles out of the shadow root with the counts', async () => {
  const { page } = await open(`<div id="outer"></div>`);
  const detail = await page.evaluate(async ([src, now]) => {
    const seen = new Promise((resolve) => document.addEventListener('deadline-guard-updated', (e) => resolve({
      detail: e.detail, bubbles: e.bubbles, composed: e.composed, target: e.target.id,
    }), { once: true }));
    const element = document.createElement('deadline-guard-orders');
    element.id = 'late';
    element.setAttribute('now', now);
    element.setAttribute('src', src);
    document.getElementById('outer').append(element);
    return seen;
  }, [API_SRC, SAMPLE_NOW]);
  assert.deepEqual(detail.detail.counts, { overdue: 1, critical: 3, warning: 2, ok: 2, none: 1, unreadable: 0, total: 9 });
  assert.equal(detail.bubbles, true);
  assert.equal(detail.composed, true);
  assert.equal(detail.target, 'late');
});

test('attributes re-analyse: critical-hours, warning-hours, handling-days, locale', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const g = page.locator('#g');
  const risks = () => g.evaluate((e) => Object.fromEntries(e.result.orders.map((o) => [o.orderId.slice(-1), o.risk])));
  await g.evaluate((e) => e.setAttribute('critical-hours', '12'));
  let now = await risks();
  assert.equal(now['5'], 'critical'); // 10 h left
  assert.equal(now['2'], 'warning'); // 20 h left
  await g.evaluate((e) => { e.setAttribute('warning-hours', '48'); });
  now = await risks();
  assert.equal(now['6'], 'ok'); // exactly 48 h left is not under 48
  await g.evaluate((e) => e.setAttribute('handling-days', '5'));
  // The API's own goods_prepare_time (7 days) wins over the setting…
  const deadline = await g.evaluate((e) => e.result.orders.find((o) => o.orderId === '8190000000000004').deadline);
  assert.equal(deadline, '2026-11-26T18:00:00Z');
  // …which applies to orders that carry none: paid 18 Nov 12:00 + 5 × 24 h.
  await g.evaluate((e) => { e.data = [{ orderId: '8190000000000501', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' }]; });
  await page.waitForFunction(() => document.getElementById('g').result?.counts.total === 1);
  assert.equal(await g.evaluate((e) => e.result.orders[0].deadline), '2026-11-23T12:00:00Z');
  await g.evaluate((e) => e.setAttribute('locale', 'de-DE'));
  assert.equal(await g.evaluate((e) => e.result.locale), 'de');
  await g.evaluate((e) => e.setAttribute('day-count', 'working'));
  assert.equal(await g.evaluate((e) => e.state), 'ready');
});

test('an invalid attribute shows an error naming the option, and a fixed one recovers', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}" critical-hours="soon"></deadline-guard-orders>`);
  const g = page.locator('#g');
  assert.equal(await g.evaluate((e) => e.state), 'error');
  const text = await stateText(g);
  assert.match(text, /^Invalid setting: criticalHours: /);
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('.state').getAttribute('role')), 'alert');
  await g.evaluate((e) => e.setAttribute('critical-hours', '12'));
  assert.equal(await g.evaluate((e) => e.state), 'ready');
  assert.equal((await tableRows(g)).length, 9);
});

test('the data property takes arrays, response objects and CSV text, and wins over src', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const g = page.locator('#g');
  await g.evaluate((e) => {
    e.data = [{ orderId: '8190000000000301', status: 'IN_CANCEL', cancelRequested: '2026-11-20T12:00:00Z', buyer: 'Zoë' }];
  });
  await page.waitForFunction(() => document.getElementById('g').result?.counts.total === 1);
  const rows = await tableRows(g);
  assert.deepEqual(rows[0].slice(0, 2), ['Answer the cancellation within 2 d 18 h', '8190000000000301']);
  assert.equal(rows[0][5], 'Zoë');
  assert.equal(await g.evaluate((e) => Array.isArray(e.data)), true);
  await g.evaluate((e) => {
    e.data = { result: { id: '8190000000000302', order_status: 'IN_ISSUE', over_time_left: '2026-11-21 10:00:00' } };
  });
  await page.waitForFunction(() => document.getElementById('g').result?.orders[0]?.orderId === '8190000000000302');
  assert.equal((await tableRows(g))[0][0], 'Answer the dispute within 1 d'); // 21 Nov 10:00 PST = 18:00 UTC
  await g.evaluate((e) => { e.data = 'Order ID;Status;Payment time\n8190000000000303;Awaiting shipment;2026-11-19 10:00:00\n'; });
  await page.waitForFunction(() => document.getElementById('g').result?.orders[0]?.orderId === '8190000000000303');
  assert.equal((await tableRows(g))[0][0], 'Ship within 6 d'); // 19 Nov 10:00 PST + 7 × 24 h
  await g.evaluate((e) => { e.data = undefined; });
  await page.waitForFunction(() => document.getElementById('g').result?.counts.total === 9);
});

test('sorting by a column header, both ways, with aria-sort', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const g = page.locator('#g');
  const sorted = [...URGENCY].sort();
  await g.locator('th button[data-sort="orderId"]').click();
  assert.deepEqual(ids(await tableRows(g)), sorted);
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('th[aria-sort]').textContent), 'Order');
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('th[aria-sort]').getAttribute('aria-sort')), 'ascending');
  await g.locator('th button[data-sort="orderId"]').click();
  assert.deepEqual(ids(await tableRows(g)), [...sorted].reverse());
  assert.equal(await g.evaluate((e) => e.shadowRoot.querySelector('th[aria-sort]').getAttribute('aria-sort')), 'descending');
  // By deadline: orders without one last.
  await g.locator('th button[data-sort="deadline"]').click();
  const byDeadline = ids(await tableRows(g));
  assert.equal(byDeadline.at(-1), '8190000000000008');
  assert.deepEqual(byDeadline.slice(0, 2), ['8190000000000001', '8190000000000005']);
  // By buyer name.
  await g.locator('th button[data-sort="buyer"]').click();
  assert.equal((await tableRows(g))[0][5], 'Carlos López');
  // Back to urgency, through the property.
  await g.evaluate((e) => { e.sort = { key: 'urgency' }; });
  assert.deepEqual(ids(await tableRows(g)), URGENCY);
});

test('filtering by risk, by button and by the filter attribute', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const g = page.locator('#g');
  const labels = await g.evaluate((e) => [...e.shadowRoot.querySelectorAll('.filters button')].map((b) => b.textContent));
  assert.deepEqual(labels, ['All (9)', 'Overdue (1)', 'Critical (3)', 'Soon (2)', 'On time (2)', 'No clock (1)', 'Unreadable (0)']);
  await g.locator('.filters button[data-risk="critical"]').click();
  assert.deepEqual(ids(await tableRows(g)), ['8190000000000005', '8190000000000002', '8190000000000009']);
  assert.equal(await g.getAttribute('filter'), 'critical');
  assert.equal(await g.locator('.filters button[data-risk="critical"]').getAttribute('aria-pressed'), 'true');
  await g.evaluate((e) => e.setAttribute('filter', 'unreadable'));
  assert.equal((await tableRows(g)).length, 0);
  assert.equal(await stateText(g), 'No orders: Unreadable (0).');
  await g.locator('.filters button[data-risk="all"]').click();
  assert.equal((await tableRows(g)).length, 9);
  assert.equal(await g.getAttribute('filter'), null);
});

test('countdowns tick on one shared timer, change risk as time passes, and stop when removed', async () => {
  const t0 = new Date('2026-11-20T17:59:00Z');
  const { page } = await open(`
    <deadline-guard-orders id="a" src="${API_SRC}"></deadline-guard-orders>
    <deadline-guard-orders id="b" src="${API_SRC}" filter="warning"></deadline-guard-orders>`, {
    setup: async (p) => { await p.clock.install({ time: t0 }); },
  });
  await page.clock.pauseAt(new Date(SAMPLE_NOW)); // fires the minute tick at 18:00:00 exactly
  const a = page.locator('#a');
  const badge = (id) => a.evaluate((e, orderId) => e.shadowRoot.querySelector(`tr[data-order-id="${orderId}"] td`).textContent, id);
  assert.equal(await badge('8190000000000002'), 'Ship within 20 h');
  const ticker = () => page.evaluate(async () => (await import('/elements/ticker.js')).tickerState());
  assert.deepEqual(await ticker(), { subscribers: 2, running: true });

  await page.clock.runFor(60_000);
  assert.equal(await badge('8190000000000002'), 'Ship within 19 h 59 min');
  await page.clock.runFor(59 * 60_000);
  assert.equal(await badge('8190000000000002'), 'Ship within 19 h');

  // 41 h later order 3 (deadline 23 Nov 10:00 UTC) has under 24 h left: critical, and an event says so.
  const updated = page.evaluate(() => new Promise((resolve) => document.getElementById('a')
    .addEventListener('deadline-guard-updated', (e) => resolve(e.detail.counts), { once: true })));
  await page.clock.fastForward(40 * 3600_000);
  const counts = await updated;
  assert.equal(await a.evaluate((e) => e.shadowRoot.querySelector('tr[data-order-id="8190000000000003"]').dataset.risk), 'critical');
  assert.equal(counts.critical + counts.overdue >= 2, true);

  await page.evaluate(() => document.getElementById('a').remove());
  assert.deepEqual(await ticker(), { subscribers: 1, running: true });
  await page.evaluate(() => document.getElementById('b').remove());
  assert.deepEqual(await ticker(), { subscribers: 0, running: false });
});

test('states: empty, loading, HTTP error, cross-origin src, and a bad row listed while the rest shows', async () => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const { page } = await open(`
    <deadline-guard-orders id="empty"></deadline-guard-orders>
    <deadline-guard-orders id="missing" src="/samples/nope.json"></deadline-guard-orders>
    <deadline-guard-orders id="foreign" src="http://example.invalid/orders.json"></deadline-guard-orders>
    <deadline-guard-orders id="slow" src="/slow.json" now="${SAMPLE_NOW}"></deadline-guard-orders>`, {
    wait: false,
    setup: async (p) => {
      await p.route('**/slow.json', async (route) => { await gate; await route.fulfill({ contentType: 'application/json', body: '[]' }); });
    },
  });
  const slow = page.locator('#slow');
  await page.waitForFunction(() => document.getElementById('slow').state === 'loading');
  assert.equal(await stateText(slow), 'Loading orders…');
  assert.equal(await slow.evaluate((e) => e.shadowRoot.querySelector('table').getAttribute('aria-busy')), 'true');
  release();
  await page.waitForFunction(() => document.getElementById('slow').state === 'ready');
  assert.equal(await stateText(slow), 'No orders in this data.');

  assert.equal(await stateText(page.locator('#empty')), 'No orders to show: set the src attribute or the data property.');
  await page.waitForFunction(() => document.getElementById('missing').state === 'error');
  assert.match(await stateText(page.locator('#missing')), /\/samples\/nope\.json could not be loaded \(HTTP 404\)/);
  await page.waitForFunction(() => document.getElementById('foreign').state === 'error');
  assert.match(await stateText(page.locator('#foreign')), /another origin/);

  await page.evaluate((now) => {
    document.getElementById('empty').setAttribute('now', now);
    document.getElementById('empty').data = [
      { orderId: '8190000000000401', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' },
      { orderId: '8190000000000402', status: 'WAIT_SELLER_SEND_GOODS', paid: 'the 31st of February' },
    ];
  }, SAMPLE_NOW);
  const empty = page.locator('#empty');
  await page.waitForFunction(() => document.getElementById('empty').result?.counts.total === 2);
  assert.equal(await empty.evaluate((e) => e.shadowRoot.querySelector('.errors').hidden), false);
  const listed = await empty.evaluate((e) => [...e.shadowRoot.querySelectorAll('.errors li')].map((li) => li.textContent));
  assert.equal(listed.length, 1);
  assert.match(listed[0], /^row 2: paid: "the 31st of February" is not an ISO 8601 date-time/);
  assert.deepEqual((await tableRows(empty)).map((r) => r[4]), ['Unreadable', 'On time']);
  const risks = await empty.evaluate((e) => e.result.orders.map((o) => [o.orderId, o.risk]));
  assert.deepEqual(risks.find(([id]) => id === '8190000000000402')[1], 'unreadable');
  assert.equal(risks.find(([id]) => id === '8190000000000401')[1] !== 'unreadable', true);
});

test('a CSV src with a bad row lists the row and its reason, and shows the rest', async () => {
  const { page } = await open(`<deadline-guard-orders id="c" src="/samples/orders.csv" now="${SAMPLE_NOW}"></deadline-guard-orders>`);
  const c = page.locator('#c');
  assert.deepEqual(ids(await tableRows(c)), ['8190000000000001', '8190000000000002', '8190000000000003', '8190000000000004', '8190000000000008']);
  assert.equal((await tableRows(c))[2][4], 'Unreadable');
  assert.equal(await c.evaluate((e) => e.shadowRoot.querySelector('.errors summary').textContent), '1 problem reading the data (the other orders are shown)');
  const listed = await c.evaluate((e) => [...e.shadowRoot.querySelectorAll('.errors li')].map((li) => li.textContent));
  assert.deepEqual(listed, ['row 3: Payment time: "31/02/2026 02:00" is not a calendar date (no such day in that month)']);
  assert.equal(await stateText(c), '5 orders, 1 overdue, 1 critical, 1 unreadable.');
});

test('Export CSV saves the rows shown, in the order shown', async () => {
  const { page } = await open(`<deadline-guard-orders id="g" src="${API_SRC}" now="${SAMPLE_NOW}" filter="critical"></deadline-guard-orders>`);
  const g = page.locator('#g');
  const [download] = await Promise.all([page.waitForEvent('download'), g.locator('button.export').click()]);
  assert.equal(download.suggestedFilename(), 'deadline-guard-orders.csv');
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark for spreadsheets');
  const lines = text.slice(1).trim().split('\r\n');
  assert.equal(lines[0], 'order id,status,deadline (UTC),"deadline (seller time, America/Los_Angeles)",kind,risk,hint,reason');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 6)), [
    ['8190000000000005', 'WAIT_SELLER_SEND_GOODS', '2026-11-21T04:00:00Z', '2026-11-20 20:00:00 -08:00', 'ship', 'critical'],
    ['8190000000000002', 'WAIT_SELLER_SEND_GOODS', '2026-11-21T14:00:00Z', '2026-11-21 06:00:00 -08:00', 'ship', 'critical'],
    ['8190000000000009', 'IN_ISSUE', '2026-11-21T14:00:00Z', '2026-11-21 06:00:00 -08:00', 'dispute_response', 'critical'],
  ]);
  assert.equal(await g.evaluate((e) => e.toCsv()), text.slice(1));
});

test('<deadline-guard-reconcile> lists what does not match, urgent first, and fires its event', async () => {
  const { page } = await open(`<deadline-guard-reconcile id="r" platform-src="${API_SRC}" other-src="/samples/shop-orders.json"
    platform-label="AliExpress" other-label="the shop" now="${SAMPLE_NOW}"></deadline-guard-reconcile>`);
  const r = page.locator('#r');
  const rows = await tableRows(r);
  assert.deepEqual(rows.map((c) => c.slice(0, 5)), [
    ['8190000000000003', 'Only on AliExpress: missing from the shop', 'Pending shipment', '—', 'Soon'],
    ['8190000000000099', 'Only in the shop: not on AliExpress', '—', 'Pending shipment', 'On time'],
    ['8190000000000004', 'Status differs', 'Pending shipment', 'Waiting for buyer to confirm receipt', 'On time'],
  ]);
  assert.equal(await r.evaluate((e) => e.shadowRoot.querySelector('.summary').textContent),
    '1 only on AliExpress, 1 only in the shop, 1 with a different status; 7 match (9 on AliExpress, 9 in the shop).');
  // Properties win over the attributes; the same lists match completely.
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const element = document.getElementById('r');
    element.addEventListener('deadline-guard-updated', (e) => resolve(e.detail), { once: true });
    const same = [{ orderId: '1', status: 'FINISH' }, { orderId: '2', status: 'IN_ISSUE', disputeOpened: '2026-11-20T00:00:00Z' }];
    element.platform = same;
    element.other = same;
  }));
  assert.deepEqual(detail.counts, { onlyOnPlatform: 0, onlyOnOther: 0, statusMismatch: 0, total: 0 });
  assert.equal(detail.matched, 2);
  assert.equal(await stateText(r), 'All 2 orders match.');
});
