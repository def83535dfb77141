// Deadline Guard widget: the ES module API. A thin wrapper over the wasm build (pkg/, made by
// `make build`); every decision — reading, deadlines, risk, wording — is made in Rust.
//
//   import { ready, analyze, reconcile, toCsv, scan } from './deadline-guard.js';
//   await ready();
//   const { orders, counts, errors } = analyze(responseOrCsvOrArray, { now: new Date(), locale: 'es' });
//
// The module makes no network request of its own apart from loading its wasm file, next to it.
import init, * as wasm from './pkg/deadline_guard.js';

let loading = null;
let loaded = false;

/** Loads the wasm once; resolves when the functions below are usable. */
export function ready() {
  if (!loading) {
    loading = init({ module_or_path: new URL('./pkg/deadline_guard_bg.wasm', import.meta.url) })
      .then(() => { loaded = true; })
      .catch((error) => {
        loading = null; // a later call may retry (e.g. after a CSP change)
        throw error;
      });
  }
  return loading;
}

function usable() {
  if (!loaded) throw new Error('Deadline Guard is not loaded yet: await ready() first');
  return wasm;
}

/**
 * Deadlines, risk and words for `input`: an array of orders, an Open Platform list or detail
 * response (object or JSON text), or CSV text. Returns `{ orders, counts, errors, now, locale,
 * platformTimeZone, sellerTimeZone }`, orders most urgent first. Bad options throw a TypeError
 * naming the option; unreadable rows never throw: they are listed in `errors`.
 */
export function analyze(input, options = {}) {
  return usable().analyze(input, options);
}

/**
 * Compares the platform's orders with another system's (each input as for `analyze`):
 * `{ discrepancies, counts, matched, platformTotal, otherTotal, errors: { platform, other } }`.
 */
export function reconcile(platformInput, otherInput, options = {}) {
  return usable().reconcile(platformInput, otherInput, options);
}

/** The CSV text of an `analyze` result (or of a result whose `orders` were filtered or re-sorted). */
export function toCsv(result, options = {}) {
  return usable().toCsv(result, options);
}

/**
 * Orders read once and analysed again at any time, for views that tick: `new OrderList(input,
 * options).at(now)` returns what `analyze` returns at `now`. Call `free()` when done.
 */
export function orderList(input, options = {}) {
  return new (usable().OrderList)(input, options);
}

/**
 * Scans `root` (a document or an element) the way the extension scans the seller center: finds the
 * order records by their content, annotates each with the `data-dg-*` attributes and returns
 * `{ orders, counts, recognised, why, locale, now, calibration, calibrationLines }`, most urgent first. The extension's badges
 * are added only with `options.badges: true`. Options as for `analyze`; without `locale` the
 * page's own language is used.
 */
export function scan(root = document, options = {}) {
  const api = usable();
  const element = root && root.nodeType === 9 ? root.documentElement : root;
  if (!element || element.nodeType !== 1) {
    throw new TypeError('root: expected a Document or an Element');
  }
  const { badges = false, overlay, ...rest } = options ?? {};
  if (overlay) {
    throw new TypeError('overlay: the widget has no overlay; show the result in <deadline-guard-orders> instead');
  }
  const result = api.scanPage(element, rest);
  // The scanner writes the extension's badges with the attributes; the widget keeps them only on request.
  if (!badges) for (const badge of element.querySelectorAll('[data-dg-ui="badge"]')) badge.remove();
  return result;
}

export { DeadlineGuardOrdersElement } from './elements/orders.js';
export { DeadlineGuardReconcileElement } from './elements/reconcile.js';
