// The background worker: the wasm for pages whose CSP forbids it in the content script, the
// toolbar badge (overdue + critical on the tab), and deadline notifications through chrome.alarms
// (a configurable number of hours before each deadline, with snooze). Nothing leaves the browser.

import { loadSettings } from './settings.js';
import { engine, ready } from './engine-worker.js';

const ALARM = 'dg';
const SNOOZE = 'dg-snooze';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'scanMessage') {
    // The message guard on pages whose CSP forbids wasm in the content script.
    ready().then(() => sendResponse(engine.call((glue) => glue.scanMessage(message.text, message.settings, message.lang))))
      .catch((error) => sendResponse(JSON.stringify({ error: `engine unavailable: ${error?.message || error}`, restarted: error?.restarted === true })));
    return true;
  }
  if (message?.type === 'scanLines') {
    const m = message;
    ready().then(() => sendResponse(engine.call((glue) => glue.scanLines(String(m.lang ?? ''), String(m.url ?? ''), String(m.lines ?? ''), String(m.options ?? '{}'), Number(m.now), Boolean(m.rows)))))
      .catch((error) => sendResponse(JSON.stringify({ error: `engine unavailable: ${error?.message || error}`, restarted: error?.restarted === true })));
    return true;
  }
  if (message?.type === 'summary' && sender.tab?.id != null) {
    showCount(sender.tab.id, message.counts);
    scheduleAlerts(message.alerts ?? [], message.lang).catch((error) => console.warn('[Deadline Guard]', error));
  }
  return false;
});

function showCount(tabId, counts) {
  const urgent = (counts?.overdue ?? 0) + (counts?.critical ?? 0);
  chrome.action.setBadgeText({ tabId, text: urgent ? String(urgent) : '' }).catch(() => {});
  chrome.action.setBadgeBackgroundColor({ tabId, color: counts?.overdue ? '#b3261e' : '#d93025' }).catch(() => {});
}

/** Alarm names carry everything the notification needs, so nothing else must be stored. */
function alarmName(prefix, alert, lead, lang) {
  return [prefix, alert.orderId, alert.kind, alert.deadlineMs, lead, lang].join('|');
}

async function scheduleAlerts(alerts, lang) {
  const settings = await loadSettings();
  if (!settings.notifications) return;
  // One alarm per order, clock and lead time. A countdown read from the page gives a deadline that
  // moves by a few seconds from scan to scan: keep the alarm unless the deadline really moved.
  const existing = new Map();
  for (const alarm of await chrome.alarms.getAll()) {
    const [prefix, orderId, kind, deadlineMs, lead] = alarm.name.split('|');
    if (prefix === ALARM) existing.set(`${orderId}|${kind}|${lead}`, { name: alarm.name, deadlineMs: Number(deadlineMs) });
  }
  const now = Date.now();
  for (const alert of alerts) {
    for (const lead of settings.notifyLeadHours) {
      const when = alert.deadlineMs - lead * 3_600_000;
      const old = existing.get(`${alert.orderId}|${alert.kind}|${lead}`);
      if (old && Math.abs(old.deadlineMs - alert.deadlineMs) < 120_000) continue;
      if (old) await chrome.alarms.clear(old.name);
      if (when > now) await chrome.alarms.create(alarmName(ALARM, alert, lead, lang), { when });
    }
  }
}

chrome.alarms.onAlarm.addListener(async (alarm) => {
  const [prefix, orderId, kind, deadlineMs, , lang] = alarm.name.split('|');
  if (prefix !== ALARM && prefix !== SNOOZE) return;
  const settings = await loadSettings();
  if (!settings.notifications) return;
  await ready();
  const left = Math.round((Number(deadlineMs) - Date.now()) / 1000);
  const message = left > 0 ? engine.call((glue) => glue.describeDeadline(kind, left, lang)) : '';
  if (!message) return;
  const options = {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: chrome.i18n.getMessage('notificationTitle', [orderId]) || `Order ${orderId}`,
    message,
  };
  const id = alarm.name.replace(/^[^|]+/, 'note');
  try {
    await chrome.notifications.create(id, { ...options, buttons: [{ title: chrome.i18n.getMessage('snooze') || 'Snooze' }] });
  } catch {
    await chrome.notifications.create(id, options); // Firefox has no notification buttons: a click snoozes
  }
});

async function snooze(notificationId) {
  const settings = await loadSettings();
  chrome.notifications.clear(notificationId);
  const name = notificationId.replace(/^note/, SNOOZE);
  await chrome.alarms.create(`${name}|${Date.now()}`, { delayInMinutes: settings.snoozeMinutes });
}

chrome.notifications.onButtonClicked?.addListener((id) => { if (id.startsWith('note|')) snooze(id); });
chrome.notifications.onClicked.addListener((id) => { if (id.startsWith('note|')) snooze(id); });
