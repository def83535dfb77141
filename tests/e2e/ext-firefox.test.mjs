// The extension in Firefox ESR (puppeteer-core over WebDriver BiDi): the PRODUCTION build at the
// real AliExpress addresses, answered locally through a proxy that refuses every other host
// (firefox-harness.mjs; every request goes to the privacy log). The same cases as in Chromium:
// the seller center pages, a strict-CSP page, the options page, the toolbar badge, alarms and
// notifications, the buyer-side "My Orders" page and the message guard. Firefox lets content
// scripts compile WebAssembly even under `script-src 'self'`, so the strict page runs the wasm in
// the content script there; the overlay's keyboard shortcut and axe-core run there too. Headless Firefox closes a notification as soon as it is shown, so the
// test sees it shown, not clicked. Not run in Firefox (README, "What is tested where"): the
// notification's click and buttons (Firefox has no buttons; headless none to click) and the
// performance tests (they read Chromium's trace).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, FIXTURES, readRows, overlayCounts } from './harness.mjs';
import { launchFirefox, openScannedFirefox, openOptions, inExtension } from './firefox-harness.mjs';
import { shiftDates, REFERENCE, addDays, today, nthWorkingDay, shortDate } from './guard-harness.mjs';
import { blockingViolations } from './a11y-lib.mjs';
import { allowedBecause } from './hardening-privacy-check.mjs';

const SELLER = 'https://csp.aliexpress.com';
const BUYER_URL = 'https://www.aliexpress.com/p/order/index.html';
const SELLER_IM = 'https://csp.aliexpress.com/m_apps/im/index.html';

let ff;
before(async () => {
  ff = await launchFirefox();
  const fixture = (name) => readFile(join(ROOT, 'tests/fixtures', name), 'utf8');
  ff.route(BUYER_URL, { body: shiftDates(await fixture('buyer/my-orders.en.html')) });
  ff.route(SELLER_IM, { body: await fixture('messages/seller-message-center.en.html') });
});
after(async () => { await ff?.close(); });

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

/** Polls `fn(arg)` on an extension page until it is truthy. */
async function until(page, fn, arg, what) {
  for (let i = 0; i < 150; i += 1) {
    const value = await inExtension(page, fn, arg);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

test('Firefox: the English and German seller center pages are annotated at their real address', async () => {
  for (const lang of ['en', 'de']) {
    const page = await openScannedFirefox(ff.browser, `${SELLER}${FIXTURES}/${lang}.html`);
    check(await readRows(page));
    const counts = await overlayCounts(page);
    assert.equal(counts.overdue, 1);
    assert.equal(counts.critical, 2);
    await page.close();
  }
});

test('Firefox: a strict-CSP page is annotated too', async () => {
  const page = await openScannedFirefox(ff.browser, `${SELLER}/strict${FIXTURES}/en.html`);
  check(await readRows(page));
  const engine = await page.$eval('[data-dg-ui="overlay"]', (o) => o.getAttribute('data-dg-engine'));
  assert.ok(['local', 'background'].includes(engine));
  await page.close();
});

test('Firefox: the options page refuses bad input beside its field and saves good input', async () => {
  const options = await openOptions(ff.browser);
  assert.equal(await options.$eval('input[name="handlingDays"]', (i) => i.value), '7', 'the defaults come from the wasm');
  await options.$eval('input[name="handlingDays"]', (i) => { i.value = 'abc'; });
  await options.click('button[type="submit"]');
  await options.waitForSelector('[data-error-for="handlingDays"]');
  assert.match(await options.$eval('[data-error-for="handlingDays"]', (e) => e.textContent), /whole number/);
  assert.equal(await inExtension(options, () => browser.storage.sync.get('policy').then((s) => s.policy?.handlingDays ?? null)), null, 'nothing saved');
  await options.$eval('input[name="handlingDays"]', (i) => { i.value = '5'; });
  await options.click('button[type="submit"]');
  assert.equal(await until(options, () => browser.storage.sync.get('policy').then((s) => s.policy?.handlingDays)), 5);
  await inExtension(options, () => browser.storage.sync.clear());
  await options.close();
});

test('Firefox: the toolbar badge counts the overdue and critical orders of the tab', async () => {
  const page = await openScannedFirefox(ff.browser, `${SELLER}${FIXTURES}/en.html`);
  const options = await openOptions(ff.browser);
  // Without the "tabs" permission tab addresses are hidden: the seller-center tab is the one with a badge.
  const text = await until(options, async () => {
    const tabs = await browser.tabs.query({});
    const texts = await Promise.all(tabs.map((tab) => browser.action.getBadgeText({ tabId: tab.id })));
    return texts.find(Boolean);
  }, null, 'a toolbar badge');
  assert.equal(text, '3');
  await options.close();
  await page.close();
});

test('Firefox: alarms are set per order and deadline, and a due one notifies', async () => {
  const page = await openScannedFirefox(ff.browser, `${SELLER}${FIXTURES}/en.html`);
  const critical = await page.$$eval('[data-dg-risk="critical"][data-dg-deadline-kind="ship"]', (els) => els.map((e) => [e.getAttribute('data-dg-order-id'), Date.parse(e.getAttribute('data-dg-deadline'))]));
  assert.ok(critical.length > 0);
  const options = await openOptions(ff.browser);
  const names = await until(options, (ids) => browser.alarms.getAll().then((all) => {
    const mine = all.map((a) => a.name).filter((n) => ids.includes(n.split('|')[1]));
    return mine.length >= ids.length && mine;
  }), critical.map(([id]) => id), 'alarms of the critical orders');
  // A countdown read again gives a deadline a few seconds off; the worker keeps an alarm whose
  // deadline moved less than 2 minutes (worker/alerts.js), so compare within that.
  const near = (n, id, deadline) => {
    const [prefix, order, kind, at] = n.split('|');
    return prefix === 'dg' && order === id && kind === 'ship' && Math.abs(Number(at) - deadline) < 120_000;
  };
  for (const [id, deadline] of critical) assert.ok(names.some((n) => near(n, id, deadline)), `${id}: ${names}`);
  const name = names.find((n) => n.startsWith(`dg|${critical[0][0]}|`));
  await until(options, (k) => browser.storage.local.get(k).then((s) => s[k]), `watch:${critical[0][0]}`, 'the order watched');
  const seen = await inExtension(options, () => browser.storage.session.get('alarmOutcomes').then((s) => (s.alarmOutcomes ?? []).length));
  // Headless Firefox closes a notification as soon as it is shown: what was shown is collected.
  await inExtension(options, () => {
    globalThis.dgShown = [];
    browser.notifications.onClosed.addListener((id) => globalThis.dgShown.push(id));
  });
  await inExtension(options, (n) => browser.alarms.create(n, { when: Date.now() }), name);
  const outcome = await until(options, ([n, from]) => browser.storage.session.get('alarmOutcomes')
    .then((s) => (s.alarmOutcomes ?? []).slice(from).find((o) => o.name === n) ?? null), [name, seen], 'the alarm handled');
  assert.equal(outcome.outcome, 'notified');
  const shown = await until(options, () => browser.notifications.getAll()
    .then((open) => [...Object.keys(open), ...globalThis.dgShown]).then((ids) => ids.length > 0 && ids), null, 'a notification shown');
  assert.ok(shown.some((id) => id.includes(critical[0][0])), `the notification is the order's: ${shown}`);
  await options.close();
  await page.close();
});

test('Firefox: the buyer-side "My Orders" page gets the dropshipping clocks', async () => {
  const page = await ff.browser.newPage();
  await page.goto(BUYER_URL);
  await page.waitForFunction(() => document.querySelectorAll('.order-item[data-dg-order-id] [data-dg-ui="badge"]').length === 8, { timeout: 20000 });
  const got = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.order-item')].map((item) => [
    item.dataset.dgOrderId, { kind: item.dataset.dgDeadlineKind ?? null, text: item.querySelector('[data-dg-ui="badge"]').shadowRoot.querySelector('span').textContent },
  ])));
  const kinds = Object.fromEntries(Object.entries(got).map(([id, g]) => [id, g.kind]));
  assert.deepEqual(kinds, {
    8123456789010001: 'supplier_ship', 8123456789010002: 'supplier_ship', 8123456789010003: 'supplier_ship',
    8123456789010004: 'receipt', 8123456789010005: 'tracking_proof', 8123456789010006: 'refund',
    8123456789010007: null, 8123456789010008: null,
  });
  // The same working-day oracle as in Chromium (guard-harness.mjs), on the fixture's dates moved to today.
  const day = (offset) => addDays(REFERENCE, offset + Math.round((today() - REFERENCE) / 86_400_000));
  assert.equal(got['8123456789010005'].text, `Ask for the tracking number by ${shortDate(nthWorkingDay(day(0), 5), 'en')}`);
  await page.close();
});

test('Firefox: the message guard warns beside the seller message box and never changes the text', async () => {
  const page = await ff.browser.newPage();
  await page.goto(SELLER_IM);
  const box = 'textarea.im-input-textarea';
  await page.type(box, 'Add me on WhatsApp');
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-dg-guard-note]');
    return host && !host.hidden && host.dataset.dgKinds === 'banned_word';
  }, { timeout: 15000 });
  assert.match(await page.$eval('[data-dg-guard-note]', (h) => h.shadowRoot.textContent), /WhatsApp/);
  assert.equal(await page.$eval(box, (b) => b.value), 'Add me on WhatsApp');
  await page.close();
});

test('Firefox: no serious or critical axe violation on the annotated seller page or the options page', async () => {
  const page = await openScannedFirefox(ff.browser, `${SELLER}${FIXTURES}/en.html`);
  assert.deepEqual(await blockingViolations(page), []);
  await page.close();
  const options = await openOptions(ff.browser);
  assert.deepEqual(await blockingViolations(options), []);
  await options.close();
});

test('Firefox: Alt+Shift+D opens the collapsed overlay and puts the keyboard on it; the arrow keys move it', async () => {
  const page = await openScannedFirefox(ff.browser, `${SELLER}${FIXTURES}/en.html`);
  const overlay = '[data-dg-overlay]';
  await page.$eval(overlay, (h) => h.shadowRoot.querySelector('[data-dg-action="toggle"]').click());
  assert.equal(await page.$eval(overlay, (h) => h.getAttribute('data-dg-collapsed')), 'true');
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyD');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
  assert.equal(await page.$eval(overlay, (h) => h.getAttribute('data-dg-collapsed')), 'false');
  assert.equal(await page.$eval(overlay, (h) => h.shadowRoot.activeElement?.getAttribute('data-dg-action')), 'move');
  const before = await page.$eval(overlay, (h) => h.getBoundingClientRect().left);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
  const after = await page.$eval(overlay, (h) => h.getBoundingClientRect().left);
  assert.ok(after <= before - 40, `moved left: ${before} → ${after}`);
  await page.close();
});

// Last: every request of this file's Firefox, as the privacy check of `make test` reads them.
test('Firefox: nothing left the machine, and every request answered is one the privacy check allows', () => {
  assert.ok(ff.requests.length > 10, `requests seen: ${ff.requests.length}`);
  assert.deepEqual(ff.refused, []);
  assert.deepEqual(ff.requests.filter((r) => !allowedBecause(r)), []);
});
