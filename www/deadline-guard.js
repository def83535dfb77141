// Deadline Guard widget: the ES module API. A thin wrapper over the wasm build (pkg/, made by
// `make build`); every decision — reading, deadlines, risk, wording — is made in Rust.
//
//   import { ready, analyze, reconcile, toCsv, scan } from './deadline-guard.js';
//   await ready();
//   const { orders, counts, errors } = analyze(responseOrCsvOrArray, { now: new Date(), locale: 'es' });
//
// The module makes no network request of its own apart from loading its wasm file, next to it.
//
// A value no limit foresaw may still break the wasm instance (a trap): the call that broke it
// throws an Error saying so, the instance is replaced at once, and the next call works
// (engine.js, engine-instance.js).
import { call } from './engine.js';
import { takeSnapshot } from './page/snapshot.js';
import { commitWrite, preparePatches } from './page/apply.js';

export { ready } from './engine.js';
export { analyze, reconcile, toCsv, orderList } from './analysis.js';

/**
 * Scans `root` (a document or an element) the way the extension scans the seller center, with the
 * extension's own page side (page/: the walk into lines, the writes): finds the order records by
 * their content, annotates each with the `data-dg-*` attributes and returns `{ orders, counts,
 * recognised, why, locale, now, calibration, calibrationLines }`, most urgent first, one entry per
 * order id. The extension's badges are added only with `options.badges: true`. Options as for
 * `analyze`; without `locale` the page's own language is used.
 */
export function scan(root = document, options = {}) {
  const element = root && root.nodeType === 9 ? root.documentElement : root;
  if (!element || element.nodeType !== 1) {
    throw new TypeError('root: expected a Document or an Element');
  }
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError('options: expected an object such as { now, locale, badges }');
  }
  const { badges = false, overlay, ...rest } = options ?? {};
  if (overlay) {
    throw new TypeError('overlay: the widget has no overlay; show the result in <deadline-guard-orders> instead');
  }
  const { lines, elements } = takeSnapshot(element);
  const page = element.ownerDocument;
  const lang = page.documentElement?.getAttribute('lang') ?? '';
  const { patches, ...result } = call((wasm) => wasm.scanPage(lang, page.URL, lines, rest));
  const badgeFor = () => badges;
  for (const write of preparePatches((line) => elements[line], patches, badgeFor).writes) commitWrite(write, badgeFor);
  // A badge left by an earlier `scan(…, { badges: true })` goes when badges are not asked for.
  if (!badges) for (const badge of element.querySelectorAll('[data-dg-ui="badge"]')) badge.remove();
  return result;
}

export { DeadlineGuardOrdersElement } from './elements/orders.js';
export { DeadlineGuardReconcileElement } from './elements/reconcile.js';
