// Deadline notifications the seller can trust (the background worker's part).
//
// An alarm belongs to an order and a deadline: `dg|<order>|<clock>|<deadline ms>|<lead h>|<lang>`,
// a given number of hours before it (settings). Every report of a page tells the worker the
// current state of the orders it alerts about or watches; what it saw last is kept per order in
// chrome.storage.local (`watch:<order>`, see ../handled.js). When a scan shows an order no longer
// needing the seller (shipped, answered, cancelled) its alarms go; when its deadline moved, they
// move. When an alarm fires, the last known state is checked first: a stale alarm stays silent,
// and the notification says when the order was last seen ("as of 14:05").
//
// Clicking a notification focuses the tab that showed the order (or opens the order list) and
// scrolls to it; its buttons snooze it or mark it done, like the overlay's Later / Done
// (`handled:<order>`), which silence it until the snooze ends or the order's status changes.

import { loadSettings } from '../settings.js';
import { HANDLED, WATCH, isQuiet, markDone, orderOfKey, snoozeOrder } from '../handled.js';
import { t } from '../content/words.js';

const ALARM = 'dg';
const SNOOZE = 'dg-snooze';
const NOTE = 'note';
// A countdown read from the page gives a deadline that moves by a few seconds from scan to scan:
// an alarm stays unless its deadline really moved.
const MOVED_MS = 120_000;
/** Opened when a notification is clicked and no tab shows its order any more. */
const ORDER_LIST = 'https://csp.aliexpress.com/m_apps/order-manage/orderList';
/** What became of the last alarms (chrome.storage.session), for a seller or a test asking why. */
const OUTCOMES = 'alarmOutcomes';
const FOCUS_KEY = 'focusOrder';

/**
 * Registers the listeners (synchronously: a service worker woken by an alarm or a click must
 * find them). `describeDeadline(kind, secondsLeft, lang)` is the wasm's, usable once `ready()` resolves.
 * Returns `report(tab, message)` for the pages' summaries.
 */
export function startAlerts({ ready, describeDeadline }) {
  const store = chrome.storage.local;

  // Reports and Done / Later are handled one after another: two at once would both plan the same
  // order's alarms.
  let queue = Promise.resolve();
  const inTurn = (work) => {
    queue = queue.then(work, work);
    return queue;
  };

  async function planReport(tab, message) {
    const orders = (message.alerts ?? []).filter((o) => o?.orderId);
    if (!orders.length) return;
    const settings = await loadSettings();
    const now = Date.now();
    const stored = await store.get(orders.flatMap((o) => [WATCH + o.orderId, HANDLED + o.orderId]));
    const alarms = alarmsByOrder(await chrome.alarms.getAll());
    const keep = {};
    const drop = [];
    for (const order of orders) {
      let handled = stored[HANDLED + order.orderId];
      // Done lasts until the order's status changes: then it alerts again.
      if (handled?.done && !isQuiet(handled, order.status, now)) {
        drop.push(HANDLED + order.orderId);
        handled = null;
      }
      const mine = alarms.get(order.orderId) ?? [];
      if (!(order.actionable && order.deadlineMs > now)) {
        // Shipped, answered, cancelled, or past: nothing left to remind of.
        await clearAlarms(mine);
        if (stored[WATCH + order.orderId]) drop.push(WATCH + order.orderId);
        continue;
      }
      const state = {
        kind: order.kind, deadlineMs: order.deadlineMs, status: order.status ?? null, risk: order.risk,
        actionable: true, seenAt: now, tabId: tab.id ?? null, url: tab.url ?? null, lang: String(message.lang ?? ''),
      };
      keep[WATCH + order.orderId] = state;
      if (settings.notifications && !handled?.done) await planAlarms(order.orderId, state, mine, settings, now);
      else await clearAlarms(mine.filter((a) => a.prefix === ALARM));
    }
    if (drop.length) await store.remove(drop);
    if (Object.keys(keep).length) await store.set(keep);
  }

  /** One alarm per lead time; a moved deadline moves it, a lead no longer set drops it. */
  async function planAlarms(orderId, state, mine, settings, now) {
    const leads = new Set(settings.notifyLeadHours.map(String));
    for (const alarm of mine) {
      if (alarm.prefix !== ALARM) continue;
      // One alarm per lead time: a second one for the same lead goes too.
      const same = alarm.kind === state.kind && Math.abs(alarm.deadlineMs - state.deadlineMs) < MOVED_MS && leads.has(alarm.lead);
      if (same) leads.delete(alarm.lead);
      else await chrome.alarms.clear(alarm.name);
    }
    for (const lead of leads) {
      const when = state.deadlineMs - Number(lead) * 3_600_000;
      if (when > now) await chrome.alarms.create([ALARM, orderId, state.kind, state.deadlineMs, lead, state.lang].join('|'), { when });
    }
  }

  async function fire(name) {
    const parts = name.split('|');
    const [prefix, orderId] = parts;
    if (prefix !== ALARM && prefix !== SNOOZE) return;
    const outcome = await decide(prefix, orderId, parts).catch((error) => `error: ${error?.message || error}`);
    await remember(name, ...[outcome].flat());
  }

  /** Notifies when the order still needs the seller as last seen (`['notified', message]`); says why not otherwise. */
  async function decide(prefix, orderId, [, , kind, deadlineMs]) {
    const settings = await loadSettings();
    if (!settings.notifications) return 'off';
    const now = Date.now();
    const stored = await store.get([WATCH + orderId, HANDLED + orderId]);
    const state = stored[WATCH + orderId];
    const handled = stored[HANDLED + orderId];
    if (!state || !state.actionable || state.deadlineMs <= now) return 'stale';
    if (prefix === ALARM && (state.kind !== kind || Math.abs(state.deadlineMs - Number(deadlineMs)) >= MOVED_MS)) return 'stale';
    if (prefix === SNOOZE) {
      // An older snooze's alarm, or one undone: the newer decision stands.
      if (handled?.done || (handled?.until ?? 0) > now + 1000) return handled?.done ? 'done' : 'snoozed';
      if (handled) await store.remove(HANDLED + orderId);
    } else if (isQuiet(handled, state.status, now)) {
      return handled.done ? 'done' : 'snoozed';
    }
    await ready();
    const sentence = describeDeadline(state.kind, Math.round((state.deadlineMs - now) / 1000), state.lang);
    if (!sentence) return 'stale';
    const message = `${sentence} (${t('notificationAsOf', [clockTime(state.seenAt)])})`;
    await notify(orderId, state, message, settings);
    return ['notified', message];
  }

  async function notify(orderId, state, message, settings) {
    const id = [NOTE, orderId, state.kind, state.deadlineMs].join('|');
    const options = {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: t('notificationTitle', [orderId]),
      message,
    };
    const buttons = [{ title: snoozeLabel(settings.snoozeMinutes) }, { title: t('notificationDone') }];
    try {
      await chrome.notifications.create(id, { ...options, buttons });
    } catch {
      await chrome.notifications.create(id, options); // Firefox has no buttons: the click still shows the order
    }
  }

  /** The tab that last showed the order comes to the front and scrolls to it; else the list opens. */
  async function focusOrder(orderId) {
    const state = (await store.get(WATCH + orderId))[WATCH + orderId];
    // Whichever page shows the order first scrolls to it (an order list opened below, or a tab
    // that shows it after all): see content/order-state.js.
    await store.set({ [FOCUS_KEY]: { orderId, at: Date.now() } });
    const tab = state?.tabId != null ? await chrome.tabs.get(state.tabId).catch(() => null) : null;
    if (!tab) {
      await chrome.tabs.create({ url: state?.url || ORDER_LIST });
      return 'opened';
    }
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => {});
    const answer = await chrome.tabs.sendMessage(tab.id, { type: 'focusOrder', orderId }).catch(() => null);
    if (answer?.found) await store.remove(FOCUS_KEY);
    return answer?.found ? 'focused' : 'tab';
  }

  async function clicked(id, button) {
    const orderId = id.split('|')[1];
    if (button == null) {
      await chrome.notifications.clear(id);
      return focusOrder(orderId);
    }
    const state = (await store.get(WATCH + orderId))[WATCH + orderId] ?? {};
    const order = { orderId, status: state.status, kind: state.kind };
    if (button === 0) await snoozeOrder(store, order, (await loadSettings()).snoozeMinutes);
    else await markDone(store, order);
    await chrome.notifications.clear(id);
    return button === 0 ? 'snoozed' : 'done';
  }

  /** Done or Later from anywhere (overlay, notification): alarms follow. */
  async function handledChanged(orderId, handled) {
    const mine = alarmsByOrder(await chrome.alarms.getAll()).get(orderId) ?? [];
    await clearAlarms(mine.filter((a) => a.prefix === SNOOZE));
    if (handled?.until > Date.now()) await chrome.alarms.create([SNOOZE, orderId, handled.until].join('|'), { when: handled.until });
    if (handled?.done) {
      await clearAlarms(mine.filter((a) => a.prefix === ALARM));
      for (const id of Object.keys(await chrome.notifications.getAll())) if (id.split('|')[1] === orderId) await chrome.notifications.clear(id);
      return;
    }
    // Undone: the last known state's alarms come back.
    const state = (await store.get(WATCH + orderId))[WATCH + orderId];
    const settings = await loadSettings();
    if (!handled && state && settings.notifications) await planAlarms(orderId, state, mine, settings, Date.now());
  }

  chrome.alarms.onAlarm.addListener((alarm) => { fire(alarm.name).catch(warn); });
  chrome.notifications.onClicked.addListener((id) => {
    if (id.startsWith(`${NOTE}|`)) clicked(id, null).then((how) => remember(id, how)).catch(warn);
  });
  chrome.notifications.onButtonClicked?.addListener((id, index) => {
    if (id.startsWith(`${NOTE}|`)) clicked(id, index).then((how) => remember(id, how)).catch(warn);
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (key.startsWith(HANDLED)) inTurn(() => handledChanged(orderOfKey(key), newValue ?? null)).catch(warn);
    }
  });

  return { report: (tab, message) => inTurn(() => planReport(tab, message)) };
}

/** The worker's alarms by order: `{ name, prefix, kind, deadlineMs, lead }`. */
function alarmsByOrder(alarms) {
  const byOrder = new Map();
  for (const { name } of alarms) {
    const [prefix, orderId, kind, deadlineMs, lead] = name.split('|');
    if (prefix !== ALARM && prefix !== SNOOZE) continue;
    if (!byOrder.has(orderId)) byOrder.set(orderId, []);
    byOrder.get(orderId).push({ name, prefix, kind, deadlineMs: Number(deadlineMs), lead });
  }
  return byOrder;
}

async function clearAlarms(alarms) {
  for (const alarm of alarms) await chrome.alarms.clear(alarm.name);
}

/** Keeps the last outcomes (in memory for the browser session only), one write after another. */
let remembering = Promise.resolve();
function remember(name, outcome, message) {
  const session = chrome.storage.session;
  if (!session) return remembering;
  remembering = remembering.then(async () => {
    const { [OUTCOMES]: list = [] } = await session.get(OUTCOMES);
    list.push({ name, outcome, message, at: Date.now() });
    await session.set({ [OUTCOMES]: list.slice(-50) });
  }).catch(warn);
  return remembering;
}

/** "14:05" in the browser's zone and language: when the seller's browser last saw the order. */
function clockTime(ms) {
  return new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

function snoozeLabel(minutes = 120) {
  return minutes % 60 === 0 ? t('notificationSnoozeHours', [String(minutes / 60)]) : t('notificationSnoozeMinutes', [String(minutes)]);
}

function warn(error) {
  console.warn('[Deadline Guard]', error);
}
