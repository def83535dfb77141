// The page's side of the per-order state it shares with the background worker through
// chrome.storage.local (see ../handled.js): the seller's Done / Later per order, which orders the
// worker watches (so each report tells it their current state, and it can clear or move their
// alarms), and an order a notification's click asked to show. Stops with the signal.

import { HANDLED, WATCH, SNOOZE_MINUTES, markDone, orderOfKey, snoozeOrder, unhandle } from '../handled.js';

/** A notification's click older than this no longer scrolls a page that opens later. */
const FOCUS_FRESH_MS = 10 * 60_000;
export const FOCUS_KEY = 'focusOrder';

export class OrderState {
  /** @param {{ store?: chrome.storage.StorageArea, signal: AbortSignal, onChange(): void }} options */
  constructor({ store, signal, onChange }) {
    this.store = store;
    this.onChange = onChange;
    /** order id → { done, status, kind } | { until, status, kind } */
    this.handled = new Map();
    /** Order ids the worker keeps a state (and alarms) for. */
    this.watching = new Set();
    /** Whether a report must tell the worker an order's state: watched by it, or handled. */
    // Iterable too: the engine's summary takes the ids themselves.
    const watching = this.watching;
    const handled = this.handled;
    this.watched = {
      has: (orderId) => watching.has(orderId) || handled.has(orderId),
      * [Symbol.iterator]() {
        yield* watching;
        for (const orderId of handled.keys()) if (!watching.has(orderId)) yield orderId;
      },
    };
    this.focus = null;
    this.ready = this.load().catch(() => {});
    const events = globalThis.chrome?.storage?.onChanged;
    if (!store || !events) return;
    const listener = (changes, area) => {
      if (area !== 'local') return;
      let touched = false;
      for (const [key, { newValue }] of Object.entries(changes)) {
        if (key === FOCUS_KEY) { this.focus = newValue ?? null; touched = true; continue; }
        if (orderOfKey(key) === null) continue;
        // The worker rewrites what it saw of an order at every report: only a change of who is
        // watched or handled matters here.
        const before = this.watched.has(orderOfKey(key));
        this.apply(key, newValue);
        if (key.startsWith(HANDLED) || before !== this.watched.has(orderOfKey(key))) touched = true;
      }
      if (touched) this.onChange();
    };
    events.addListener(listener);
    signal.addEventListener('abort', () => events.removeListener(listener), { once: true });
  }

  async load() {
    if (!this.store) return;
    const all = await this.store.get(null);
    for (const [key, value] of Object.entries(all)) if (orderOfKey(key) !== null) this.apply(key, value);
    this.focus = all[FOCUS_KEY] ?? null;
  }

  apply(key, value) {
    const orderId = orderOfKey(key);
    const into = key.startsWith(HANDLED) ? this.handled : null;
    if (into) {
      if (value) into.set(orderId, value);
      else into.delete(orderId);
    } else if (key.startsWith(WATCH)) {
      if (value) this.watching.add(orderId);
      else this.watching.delete(orderId);
    }
  }

  done(order) {
    return markDone(this.store, order);
  }

  later(order, minutes = SNOOZE_MINUTES) {
    return snoozeOrder(this.store, order, minutes);
  }

  undo(order) {
    return unhandle(this.store, order.orderId);
  }

  /** The order a notification asked to show, if the ask is recent. */
  pendingFocus(now = Date.now()) {
    const focus = this.focus;
    return focus && now - focus.at < FOCUS_FRESH_MS ? focus.orderId : null;
  }

  /** The ask was answered: no other page scrolls to it. */
  focusShown() {
    this.focus = null;
    this.store?.remove(FOCUS_KEY).catch(() => {});
  }
}
