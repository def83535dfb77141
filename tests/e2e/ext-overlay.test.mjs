// The overlay's whole list, its export and its quiet on pages without orders, in headless
// Chromium with the TEST build, on generated pages whose truth is chosen by the test
// (ext-orders-lib.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { pageOf, thirtyAtRisk, analyzeInput } from './ext-orders-lib.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const RISKS = ['overdue', 'critical', 'unreadable', 'warning', 'ok', 'none'];

async function open(path, html) {
  const page = await browser.context.newPage();
  const target = `${browser.server.url}${path}`;
  // Under /strict/ as the test server does: a CSP without 'wasm-unsafe-eval' (the worker computes).
  const headers = path.startsWith('/strict/') ? { 'Content-Security-Policy': "script-src 'self'" } : {};
  await page.route(target, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body: html }));
  await page.goto(target);
  await page.waitForSelector('html[data-dg-scanned]', { state: 'attached', timeout: 20000 });
  return page;
}

/** What the overlay lists: order ids in order, and each item's text. */
function listed(page) {
  return page.$eval('[data-dg-overlay]', (host) => [...host.shadowRoot.querySelectorAll('[data-dg-overlay-order]')]
    .map((li) => ({ id: li.dataset.dgOverlayOrder, text: li.textContent })));
}

function shadowClick(page, selector) {
  return page.evaluate((sel) => document.querySelector('[data-dg-overlay]').shadowRoot.querySelector(sel).click(), selector);
}

/** Sets the stored settings as the options page would, and waits until the page applied them. */
async function setPolicy(page, policy) {
  const before = await page.getAttribute('html', 'data-dg-full-scans');
  await browser.worker.evaluate((p) => chrome.storage.sync.set({ policy: p }), policy);
  await page.waitForFunction((n) => document.documentElement.getAttribute('data-dg-full-scans') !== n
    && document.documentElement.hasAttribute('data-dg-scanned'), before);
}

describe('the whole list', () => {
  const now = Date.now();
  const orders = thirtyAtRisk(now);

  test('every one of 30 orders at risk is listed, urgent first, with its deadline in the seller\'s zone', async () => {
    const page = await open('/m_apps/order-manage/orderList-30', pageOf(orders));
    await page.waitForSelector('[data-dg-overlay][data-dg-recognised="true"]', { state: 'attached' });
    // The browser runs in Los Angeles; the seller works in Madrid.
    await page.evaluate(() => document.documentElement.removeAttribute('data-dg-scanned'));
    await setPolicy(page, { sellerTimeZone: 'Europe/Madrid' });
    const annotated = await page.$$eval('[data-dg-order-id]', (els) => els.map((el) => ({
      id: el.dataset.dgOrderId, risk: el.dataset.dgRisk, deadline: el.dataset.dgDeadline ?? null })));
    assert.equal(annotated.length, 30);
    for (const a of annotated) assert.ok(['overdue', 'critical', 'warning', 'unreadable'].includes(a.risk), `${a.id} is at risk: ${a.risk}`);
    const items = await listed(page);
    assert.equal(items.length, 30, 'all 30 listed, none held back');
    assert.deepEqual(new Set(items.map((i) => i.id)), new Set(orders.map((o) => o.id)));
    // Urgent first: by risk, then the sooner deadline.
    const byId = new Map(annotated.map((a) => [a.id, a]));
    const keys = items.map((i) => byId.get(i.id)).map((a) => [RISKS.indexOf(a.risk), a.deadline ? Date.parse(a.deadline) : Infinity]);
    for (let k = 1; k < keys.length; k += 1) {
      assert.ok(keys[k - 1][0] < keys[k][0] || (keys[k - 1][0] === keys[k][0] && keys[k - 1][1] <= keys[k][1]), `item ${k} out of order`);
    }
    const madrid = new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Madrid' });
    for (const item of items) {
      const { deadline } = byId.get(item.id);
      if (deadline) assert.ok(item.text.includes(`${madrid.format(new Date(deadline))} Madrid`), `${item.text} names the Madrid time of ${deadline}`);
    }
    const zone = await page.$eval('[data-dg-overlay]', (o) => o.shadowRoot.querySelector('.zone').textContent);
    assert.match(zone, /Madrid.*Europe\/Madrid/);
    // The badge's tooltip names the zone too.
    const badge = await page.$('[data-dg-risk="critical"] [data-dg-ui="badge"]');
    await badge.hover();
    assert.match(await badge.evaluate((b) => b.shadowRoot.querySelector('span').title), /^Deadline: .* Madrid \(/);
    await page.close();
  });

  test('counts, filter chips, search, keyboard and a click that scrolls to the order', async () => {
    const page = await open('/m_apps/order-manage/orderList-filter', pageOf(orders));
    await page.waitForSelector('[data-dg-overlay][data-dg-recognised="true"]', { state: 'attached' });
    const counts = await page.$eval('[data-dg-overlay]', (o) => Object.fromEntries([...o.shadowRoot.querySelectorAll('[data-dg-overlay-count]')]
      .map((c) => [c.dataset.dgOverlayCount, Number(c.textContent)])));
    const truth = await page.$$eval('[data-dg-order-id]', (els) => els.map((el) => el.dataset.dgRisk));
    for (const risk of RISKS) assert.equal(counts[risk], truth.filter((r) => r === risk).length, `count of ${risk}`);
    assert.ok(counts.overdue > 0 && counts.critical > 0 && counts.warning > 0 && counts.unreadable > 0);
    await shadowClick(page, '.chip[data-risk="critical"]');
    let items = await listed(page);
    assert.equal(items.length, counts.critical, 'the chip shows only its risk');
    const critical = await page.$$eval('[data-dg-risk="critical"]', (els) => els.map((el) => el.dataset.dgOrderId));
    assert.deepEqual(new Set(items.map((i) => i.id)), new Set(critical));
    await shadowClick(page, '.chip[data-risk="critical"]');
    assert.equal((await listed(page)).length, 30, 'clicking the chip again shows every order at risk');
    const wanted = orders[17].id;
    await page.evaluate((q) => {
      const input = document.querySelector('[data-dg-overlay]').shadowRoot.querySelector('[data-dg-action="search"]');
      input.value = q;
      input.dispatchEvent(new Event('input'));
    }, wanted.slice(-5));
    items = await listed(page);
    assert.deepEqual(items.map((i) => i.id), orders.filter((o) => o.id.endsWith(wanted.slice(-5))).map((o) => o.id));
    // Keyboard: Tab reaches the list's order button from the search box, Enter scrolls to the row.
    await page.evaluate(() => document.querySelector('[data-dg-overlay]').shadowRoot.querySelector('[data-dg-action="search"]').focus());
    let reached = null;
    for (let k = 0; k < 4 && !reached; k += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.querySelector('[data-dg-overlay]').shadowRoot.activeElement?.closest('[data-dg-overlay-order]')?.dataset.dgOverlayOrder ?? null);
    }
    assert.equal(reached, wanted, 'the listed order is reachable by keyboard');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-dg-order-id="${wanted}"][data-dg-flash]`);
    await page.close();
  });
});

describe('Export CSV', () => {
  /** The download's text (after the byte-order mark spreadsheets need to read UTF-8) and file name. */
  async function exported(page) {
    const [download] = await Promise.all([page.waitForEvent('download'), shadowClick(page, '[data-dg-action="export-csv"]')]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with the UTF-8 byte-order mark');
    return { name: download.suggestedFilename(), text: bytes.subarray(3).toString('utf8') };
  }

  /** toCsv of the widget over `analyze` of the same orders' truth, urgent first as the overlay lists them. */
  function expectedCsv(page, orders, { only = null } = {}) {
    return page.evaluate(async ({ input, only, risks }) => {
      const { ready, analyze, toCsv } = await import('/www/deadline-guard.js');
      await ready();
      const result = analyze(input, { locale: 'en', sellerTimeZone: 'Europe/Madrid' });
      const at = (o) => (o.deadline ? Date.parse(o.deadline) : Infinity);
      const index = new Map(input.map((o, i) => [o.orderId, i]));
      const picked = result.orders.filter((o) => !only || only.includes(o.risk))
        .sort((a, b) => (risks.indexOf(a.risk) - risks.indexOf(b.risk)) || (at(a) - at(b)) || (index.get(a.orderId) - index.get(b.orderId)));
      return toCsv({ ...result, orders: picked }, { locale: 'en', sellerTimeZone: 'Europe/Madrid' });
    }, { input: analyzeInput(orders), only, risks: RISKS });
  }

  for (const strict of [false, true]) {
    test(`downloads toCsv of the page's orders, all or the listed ones${strict ? ' (strict CSP: written by the worker)' : ''}`, async () => {
      const now = Date.now();
      const orders = thirtyAtRisk(now);
      // A formula in an order's text must not become one in the file: the id cell is the page's.
      const page = await open(`${strict ? '/strict' : ''}/m_apps/order-manage/orderList-export`, pageOf(orders));
      await page.waitForSelector('[data-dg-overlay][data-dg-recognised="true"]', { state: 'attached' });
      assert.equal(await page.$eval('[data-dg-overlay]', (o) => o.dataset.dgEngine), strict ? 'background' : 'local');
      await browser.worker.evaluate(() => chrome.storage.sync.set({ policy: { sellerTimeZone: 'Europe/Madrid' } }));
      await page.waitForFunction(() => document.querySelector('[data-dg-overlay]').shadowRoot.querySelector('.zone')?.textContent.includes('Madrid'));
      const all = await exported(page);
      const today = new Date();
      const pad = (n) => String(n).padStart(2, '0');
      assert.equal(all.name, `deadline-guard-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`);
      const checker = strict ? await browser.context.newPage() : page;
      if (strict) await checker.goto(`${browser.server.url}/www/index.html`);
      const want = await expectedCsv(checker, orders);
      assert.equal(all.text.split('\r\n').length, 32, 'a header, 30 orders, the final line break');
      assert.equal(all.text, want);
      assert.match(all.text, /,Past your own ship target; Check the ship button is still active,/, 'hints are worded as toCsv words them');
      assert.match(all.text, /,the cancellation request time is missing\r\n/, 'an unreadable order says why');
      await shadowClick(page, '.chip[data-risk="warning"]');
      const warning = await exported(page);
      assert.equal(warning.text, await expectedCsv(checker, orders, { only: ['warning'] }));
      assert.ok(warning.text.split('\r\n').length > 3);
      if (strict) await checker.close();
      await browser.worker.evaluate(() => chrome.storage.sync.remove('policy'));
      await page.close();
    });
  }
});

describe('quiet where there are no orders', () => {
  const MESSAGES = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messages</title></head><body>'
    + '<div id="app"><h1>Message center</h1><ul id="chat"><li>Hello, when will my parcel ship?</li></ul>'
    + '<div class="message-box"><textarea class="im-message-input" placeholder="Type a message"></textarea></div></div></body></html>';

  test('a message page shows no overlay and its own changes start no full scan', async () => {
    const page = await open('/p/message/index.html', MESSAGES);
    assert.equal(await page.getAttribute('html', 'data-dg-full-scans'), '1');
    const overlay = await page.$eval('[data-dg-ui="overlay"]', (o) => ({ hidden: o.hidden, height: o.getBoundingClientRect().height }));
    assert.deepEqual(overlay, { hidden: true, height: 0 });
    // The chat grows and changes as chats do. Mutation observers run before evaluate() returns,
    // so a queued full scan would show at once.
    for (let k = 0; k < 5; k += 1) {
      await page.evaluate((n) => {
        const li = document.createElement('li');
        li.innerHTML = `<b>Buyer</b> <span>Message ${n}: the tracking shows 2 parcels, 3 items, 12 days.</span>`;
        document.getElementById('chat').append(li);
        document.querySelector('h1').textContent = `Message center (${n})`;
      }, k);
      assert.equal(await page.getAttribute('html', 'data-dg-full-queued'), null, `change ${k} queued no full scan`);
    }
    assert.equal(await page.getAttribute('html', 'data-dg-full-scans'), '1');
    // The same observer does start one when an order number arrives (say, a list rendered late).
    await page.evaluate(() => {
      const li = document.createElement('li');
      li.textContent = 'About order 8190000000000777';
      document.getElementById('chat').append(li);
    });
    assert.equal(await page.getAttribute('html', 'data-dg-full-queued'), '', 'an order number is worth a look');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-dg-full-scans') === '2');
    assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.hidden), true, 'still no order list: still no panel');
    await page.close();
  });

  test('an order page whose list cannot be read says why', async () => {
    const page = await open('/m_apps/order-manage/orderList-empty', MESSAGES.replace('Message center', 'Orders'));
    await page.waitForSelector('[data-dg-overlay][data-dg-recognised="false"]', { state: 'attached' });
    const shown = await page.$eval('[data-dg-overlay]', (o) => ({ hidden: o.hidden, why: o.shadowRoot.querySelector('.why')?.textContent }));
    assert.equal(shown.hidden, false);
    assert.match(shown.why, /No order list recognised on this page: no order numbers/);
    await page.close();
  });
});
