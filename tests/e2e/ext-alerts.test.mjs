// Notifications a seller can trust, in headless Chromium with the TEST build: alarms belong to an
// order and its deadline, follow what the page shows, check the last known state when they fire,
// and a notification's click, Snooze and Done act on the order. Alarms are fired from the worker
// (an unpacked extension's alarm may be due at once); what each firing decided is read from the
// worker's log of outcomes (chrome.storage.session `alarmOutcomes`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { order, pageOf } from './ext-orders-lib.mjs';

let browser;
let page;
const PATH = '/m_apps/order-manage/orderList-alerts';
const now = Date.now();
// Three hours left: the 1-hour alarm lies ahead, the 6-hour one is already past.
const A = order(0, { now, hoursLeft: 3, id: '8161000000000001' }); // shipped after its alarm was set
const B = order(1, { now, hoursLeft: 3.5, id: '8161000000000002' }); // notified, clicked, snoozed
const C = order(2, { now, hoursLeft: 5, id: '8161000000000003' }); // done from the overlay
const D = order(3, { now, hoursLeft: 30, id: '8161000000000004' }); // far off: both alarms ahead

before(async () => {
  browser = await launchChromium();
  const url = `${browser.server.url}${PATH}`;
  // On the context, so a tab the worker opens gets the same page.
  await browser.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageOf([A, B, C, D]) }));
  page = await openList();
});
after(async () => { await browser?.close(); });

async function openList() {
  const tab = await browser.context.newPage();
  await tab.goto(`${browser.server.url}${PATH}`);
  await tab.waitForSelector('[data-dg-overlay][data-dg-recognised="true"]', { state: 'attached', timeout: 20000 });
  return tab;
}

const inWorker = (fn, arg) => browser.worker.evaluate(fn, arg);

/** Polls the worker until `fn(arg)` is truthy; returns it. */
async function until(fn, arg, what) {
  for (let i = 0; i < 300; i += 1) {
    const value = await inWorker(fn, arg);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

function alarmsOf(id) {
  return inWorker((orderId) => chrome.alarms.getAll().then((all) => all.map((a) => a.name).filter((n) => n.split('|')[1] === orderId)), id);
}

const stored = (key) => inWorker((k) => chrome.storage.local.get(k).then((s) => s[k] ?? null), key);

/** Fires the alarm `name` now and returns what the worker decided. */
async function fire(name) {
  const seen = await inWorker(() => chrome.storage.session.get('alarmOutcomes').then((s) => (s.alarmOutcomes ?? []).length));
  await inWorker((n) => chrome.alarms.create(n, { when: Date.now() }), name);
  return until(([n, from]) => chrome.storage.session.get('alarmOutcomes')
    .then((s) => (s.alarmOutcomes ?? []).slice(from).find((o) => o.name === n) ?? null), [name, seen], `alarm ${name} handled`);
}

const notes = () => inWorker(() => chrome.notifications.getAll().then(Object.keys));

test('every order needing the seller gets one alarm per lead time, named by order and deadline', async () => {
  const names = await until(() => chrome.alarms.getAll().then((all) => all.length >= 5 && all.map((a) => a.name)), null, 'alarms set');
  const deadline = async (o) => Date.parse(await page.getAttribute(`[data-dg-order-id="${o.id}"]`, 'data-dg-deadline'));
  for (const o of [A, B, C]) assert.deepEqual(names.filter((n) => n.includes(`|${o.id}|`)), [`dg|${o.id}|ship|${await deadline(o)}|1|en`]);
  const far = await deadline(D);
  assert.deepEqual(names.filter((n) => n.includes(`|${D.id}|`)).sort(), [`dg|${D.id}|ship|${far}|1|en`, `dg|${D.id}|ship|${far}|6|en`]);
});

test('an order shipped after its alarm was set does not notify; one still to ship does, saying when it was seen', async () => {
  const [alarmA] = await alarmsOf(A.id);
  assert.ok(alarmA, 'A has its alarm');
  await until((k) => chrome.storage.local.get(k).then((s) => s[k]), `watch:${A.id}`, 'A watched');
  await page.evaluate((id) => {
    const row = document.querySelector(`[data-dg-order-id="${id}"]`);
    row.querySelector('.chc-state-label__stateText').textContent = 'Awaiting buyer receipt';
  }, A.id);
  await page.waitForSelector(`[data-dg-order-id="${A.id}"][data-dg-status="WAIT_BUYER_ACCEPT_GOODS"]`);
  await until((id) => chrome.alarms.getAll().then((all) => !all.some((a) => a.name.split('|')[1] === id)), A.id, 'A\'s alarm cleared');
  assert.equal(await stored(`watch:${A.id}`), null, 'nothing is kept of an order that needs nothing');
  // Even an alarm that was already due stays silent.
  assert.equal((await fire(alarmA)).outcome, 'stale');
  assert.ok(!(await notes()).some((id) => id.includes(`|${A.id}|`)), 'no notification for the shipped order');

  const [alarmB] = await alarmsOf(B.id);
  const fired = await fire(alarmB);
  assert.equal(fired.outcome, 'notified');
  // "Ship within 3 h (as of 14:05)": the last scan that saw it, in the browser's time.
  const seenAt = (await stored(`watch:${B.id}`)).seenAt;
  const hhmm = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' }).format(new Date(seenAt));
  assert.match(fired.message, /^Ship within \d/);
  assert.ok(fired.message.endsWith(`(as of ${hhmm})`), fired.message);
  assert.ok((await notes()).some((id) => id.startsWith(`note|${B.id}|ship|`)), 'B is notified');
});

test('a firing alarm whose deadline the order no longer has stays silent, and a moved deadline moves the alarm', async () => {
  const [alarmC] = await alarmsOf(C.id);
  const parts = alarmC.split('|');
  const older = [...parts.slice(0, 3), String(Number(parts[3]) - 3 * 3600e3), ...parts.slice(4)].join('|');
  assert.equal((await fire(older)).outcome, 'stale', 'an alarm for a deadline the page no longer shows');
  // Ten handling days instead of seven: every deadline moves three days later.
  await inWorker(() => chrome.storage.sync.set({ policy: { handlingDays: 10 } }));
  const moved = `${parts.slice(0, 3).join('|')}|${Number(parts[3]) + 3 * 86400e3}|1|en`;
  await until((name) => chrome.alarms.getAll().then((all) => all.some((a) => a.name === name)), moved, 'C\'s alarm moved');
  assert.ok(!(await alarmsOf(C.id)).includes(alarmC), 'the old alarm is gone');
  assert.equal((await fire(alarmC)).outcome, 'stale', 'and would stay silent had it fired');
  await inWorker(() => chrome.storage.sync.remove('policy'));
  await until((name) => chrome.alarms.getAll().then((all) => all.some((a) => a.name === name)), alarmC, 'C\'s alarm back');
});

test('clicking a notification brings the order\'s tab to the front and scrolls to the order, or opens the list', async () => {
  const [note] = (await notes()).filter((id) => id.startsWith(`note|${B.id}|`));
  assert.ok(note, 'B\'s notification is shown');
  const other = await browser.context.newPage();
  await other.goto(`${browser.server.url}/www/index.html`);
  await other.bringToFront();
  const { tabId } = await stored(`watch:${B.id}`);
  assert.equal(await inWorker((id) => chrome.tabs.get(id).then((t) => t.active), tabId), false);
  await inWorker((id) => chrome.notifications.onClicked.dispatch(id), note);
  await page.waitForSelector(`[data-dg-order-id="${B.id}"][data-dg-flash]`, { state: 'attached' });
  assert.equal(await inWorker((id) => chrome.tabs.get(id).then((t) => t.active), tabId), true, 'the order\'s tab is in front');
  assert.ok(!(await notes()).includes(note), 'the clicked notification is gone');
  // The tab closed: the click opens the list where the order was seen, which scrolls to it.
  await other.close();
  const url = page.url();
  await page.close();
  const opened = browser.context.waitForEvent('page');
  await inWorker((id) => chrome.notifications.onClicked.dispatch(id), note);
  page = await opened;
  // Playwright routes the requests of a tab the extension opened only once it knows the tab: the
  // generated page comes with a reload (the ask waits in storage until a page shows the order).
  await page.waitForLoadState();
  await page.reload();
  assert.equal(page.url(), url);
  await page.waitForSelector(`[data-dg-order-id="${B.id}"][data-dg-flash]`, { state: 'attached', timeout: 20000 });
  await until(() => chrome.storage.local.get('focusOrder').then((s) => !s.focusOrder), null, 'the ask is answered');
});

test('Snooze and Done, from a notification or the overlay, silence the order and last across a reload', async () => {
  await until((id) => chrome.alarms.getAll().then((all) => all.some((a) => a.name.startsWith(`dg|${id}|`))), B.id, 'B\'s alarm planned again');
  const [alarmB] = await alarmsOf(B.id);
  const noteB = `note|${B.id}|ship|${alarmB.split('|')[3]}`;
  // Snooze from the notification's first button.
  const before = Date.now();
  await inWorker((id) => chrome.notifications.onButtonClicked.dispatch(id, 0), noteB);
  const snoozed = await until((k) => chrome.storage.local.get(k).then((s) => s[k]), `handled:${B.id}`, 'B snoozed');
  assert.ok(snoozed.until >= before + 120 * 60e3 - 1000 && snoozed.until <= Date.now() + 120 * 60e3, 'snoozed for 2 h');
  await until((id) => chrome.alarms.getAll().then((all) => all.some((a) => a.name.startsWith(`dg-snooze|${id}|`))), B.id, 'a snooze alarm');
  // Done from the overlay.
  await page.evaluate((id) => document.querySelector('[data-dg-overlay]').shadowRoot
    .querySelector(`[data-dg-overlay-order="${id}"] [data-dg-action="done"]`).click(), D.id);
  await until((k) => chrome.storage.local.get(k).then((s) => s[k]?.done), `handled:${D.id}`, 'D done');
  await until((id) => chrome.alarms.getAll().then((all) => !all.some((a) => a.name.startsWith(`dg|${id}|`))), D.id, 'D\'s alarms cleared');

  await page.reload();
  await page.waitForSelector('[data-dg-overlay][data-dg-recognised="true"]', { state: 'attached' });
  const handled = () => page.$eval('[data-dg-overlay]', (o) => Object.fromEntries([...o.shadowRoot.querySelectorAll('[data-dg-overlay-order]')]
    .map((li) => [li.dataset.dgOverlayOrder, li.dataset.handled ?? null])));
  await page.waitForFunction(([b, d]) => {
    const root = document.querySelector('[data-dg-overlay]').shadowRoot;
    return root.querySelector(`[data-dg-overlay-order="${b}"][data-handled="snoozed"]`) && root.querySelector(`[data-dg-overlay-order="${d}"][data-handled="done"]`);
  }, [B.id, D.id]);
  assert.equal((await handled())[C.id], null, 'C is untouched');
  assert.equal((await fire(alarmB)).outcome, 'snoozed', 'a due alarm of a snoozed order stays silent');
  const deadlineD = Date.parse(await page.getAttribute(`[data-dg-order-id="${D.id}"]`, 'data-dg-deadline'));
  assert.equal((await fire(`dg|${D.id}|ship|${deadlineD}|6|en`)).outcome, 'done', 'and one of an order marked done');

  // The snooze ends: its alarm notifies again.
  const [snoozeAlarm] = (await alarmsOf(B.id)).filter((n) => n.startsWith('dg-snooze|'));
  await inWorker((k) => chrome.storage.local.get(k).then((s) => chrome.storage.local.set({ [k]: { ...s[k], until: Date.now() - 1 } })), `handled:${B.id}`);
  assert.equal((await fire(snoozeAlarm)).outcome, 'notified');

  // Done lasts until the order's status changes: then it alerts again.
  await page.evaluate((id) => {
    document.querySelector(`[data-dg-order-id="${id}"] .chc-state-label__stateText`).textContent = 'Buyer requested cancellation';
  }, D.id);
  await until((k) => chrome.storage.local.get(k).then((s) => !s[k]), `handled:${D.id}`, 'D\'s Done released by its new status');
  // Later, then Undo, from the overlay: the order's alarm is back at once.
  await page.evaluate((id) => document.querySelector('[data-dg-overlay]').shadowRoot
    .querySelector(`[data-dg-overlay-order="${id}"] [data-dg-action="later"]`).click(), C.id);
  await until((k) => chrome.storage.local.get(k).then((s) => s[k]?.until), `handled:${C.id}`, 'C later');
  await page.waitForFunction((c) => document.querySelector('[data-dg-overlay]').shadowRoot
    .querySelector(`[data-dg-overlay-order="${c}"] [data-dg-action="undo"]`), C.id);
  await page.evaluate((id) => document.querySelector('[data-dg-overlay]').shadowRoot
    .querySelector(`[data-dg-overlay-order="${id}"] [data-dg-action="undo"]`).click(), C.id);
  await until((k) => chrome.storage.local.get(k).then((s) => !s[k]), `handled:${C.id}`, 'C undone');
  await until((id) => chrome.alarms.getAll().then((all) => all.some((a) => a.name.startsWith(`dg|${id}|`))
    && !all.some((a) => a.name.startsWith(`dg-snooze|${id}|`))), C.id, 'C\'s alarm back, its snooze alarm gone');
});
