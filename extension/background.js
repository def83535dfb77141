// The background worker: the wasm for pages whose CSP forbids it in the content script (scans,
// the overlay's summary, the message guard, "Export CSV"), the toolbar badge (overdue + critical
// on the tab), and deadline notifications (worker/alerts.js). Nothing leaves the browser.

import { startAlerts } from './worker/alerts.js';
import { engine, ready } from './engine-worker.js';

const alerts = startAlerts({ ready, describeDeadline: (kind, left, lang) => engine.call((glue) => glue.describeDeadline(kind, left, lang)) });

/**
 * Runs `compute(glue)` once the wasm is ready; answers its JSON, or `{ error, restarted }` when the
 * engine is unavailable or the call broke its instance (then replaced: the page scans again).
 */
function answer(sendResponse, compute) {
  ready().then(() => sendResponse(engine.call(compute)))
    .catch((error) => sendResponse(JSON.stringify({ error: `engine unavailable: ${error?.message || error}`, restarted: error?.restarted === true })));
  return true;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const m = message;
  if (m?.type === 'scanMessage') {
    // The message guard on pages whose CSP forbids wasm in the content script.
    return answer(sendResponse, (glue) => glue.scanMessage(m.text, m.settings, m.lang));
  }
  if (m?.type === 'scanLines') {
    return answer(sendResponse, (glue) => glue.scanLines(String(m.lang ?? ''), String(m.url ?? ''), String(m.lines ?? ''), String(m.options ?? '{}'), Number(m.now), Boolean(m.rows)));
  }
  if (m?.type === 'csvOfLines') {
    return answer(sendResponse, (glue) => glue.csvOfLines(String(m.lang ?? ''), String(m.url ?? ''), String(m.lines ?? ''), String(m.options ?? '{}'), Number(m.now), Boolean(m.rows), Boolean(m.header)));
  }
  if (m?.type === 'calibrate') {
    return answer(sendResponse, (glue) => glue.calibrate(String(m.samples ?? '[]'), String(m.options ?? '{}'), String(m.lang ?? '')));
  }
  if (m?.type === 'summarizeRecords') {
    const list = (value) => (Array.isArray(value) ? value : []);
    return answer(sendResponse, (glue) => glue.summarizeRecords(String(m.ids ?? ''), Uint8Array.from(list(m.risks)),
      Float64Array.from(list(m.deadlines), (at) => (at == null ? NaN : Number(at))), Uint8Array.from(list(m.actionable)),
      String(m.watched ?? ''), Number(m.now), Number(m.cap)));
  }
  if (m?.type === 'summary' && sender.tab?.id != null) {
    showCount(sender.tab.id, m.counts);
    alerts.report({ id: sender.tab.id, url: sender.url ?? sender.tab.url }, m).catch((error) => console.warn('[Deadline Guard]', error));
  }
  return false;
});

function showCount(tabId, counts) {
  const urgent = (counts?.overdue ?? 0) + (counts?.critical ?? 0);
  chrome.action.setBadgeText({ tabId, text: urgent ? String(urgent) : '' }).catch(() => {});
  chrome.action.setBadgeBackgroundColor({ tabId, color: counts?.overdue ? '#b3261e' : '#d93025' }).catch(() => {});
}
