// What the seller did about an order's alert, in chrome.storage.local, shared by the overlay (its
// Done / Later buttons), the notifications' buttons and the background worker, which stays
// silent for a handled order. One key per order, so the page and the worker never overwrite each
// other's changes:
//   `handled:<order id>` → { done: true, status, kind, at }   done until the order's status changes
//                         → { until: ms, status, kind, at }   snoozed ("remind me later")
// and what the worker last knew of each order it may notify about:
//   `watch:<order id>`   → { kind, deadlineMs, status, risk, actionable, seenAt, tabId, url, lang }

export const HANDLED = 'handled:';
export const WATCH = 'watch:';
/** How long "remind me later" waits by default (the notification's "Snooze 2 h"). */
export const SNOOZE_MINUTES = 120;

/** Marks an order done: no alert for it until its status changes. */
export function markDone(store, { orderId, status, kind }, now = Date.now()) {
  return store.set({ [HANDLED + orderId]: { done: true, status: status ?? null, kind: kind ?? null, at: now } });
}

/** Snoozes an order's alerts for `minutes`. */
export function snoozeOrder(store, { orderId, status, kind }, minutes = SNOOZE_MINUTES, now = Date.now()) {
  return store.set({ [HANDLED + orderId]: { until: now + minutes * 60_000, status: status ?? null, kind: kind ?? null, at: now } });
}

/** Undoes Done / Later. */
export function unhandle(store, orderId) {
  return store.remove(HANDLED + orderId);
}

/**
 * Whether `handled` still silences an order now showing `status`: done until the status
 * changes, snoozed until its time.
 */
export function isQuiet(handled, status, now = Date.now()) {
  if (!handled) return false;
  if (handled.done) return (handled.status ?? null) === (status ?? null);
  return handled.until > now;
}

/** The order id of a `handled:` or `watch:` key, or null. */
export function orderOfKey(key) {
  if (key.startsWith(HANDLED)) return key.slice(HANDLED.length);
  if (key.startsWith(WATCH)) return key.slice(WATCH.length);
  return null;
}
