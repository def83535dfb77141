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
// (engine-instance.js).
import { engineInstance } from './engine-instance.js';
import { takeSnapshot } from './page/snapshot.js';
import { commitWrite, preparePatches } from './page/apply.js';

// The call that broke the instance reports it (it throws); nothing is logged besides.
const engine = engineInstance();

/** Loads the wasm once; resolves when the functions below are usable (again, after a restart). */
export function ready() {
  return engine.ready();
}

function call(use) {
  return engine.call(use);
}

/**
 * Deadlines, risk and words for `input`: an array of orders, an Open Platform list or detail
 * response (object or JSON text), or CSV text. Returns `{ orders, counts, errors, now, locale,
 * platformTimeZone, sellerTimeZone }`, orders most urgent first. Bad options throw a TypeError
 * naming the option; unreadable rows never throw: they are listed in `errors`.
 */
export function analyze(input, options = {}) {
  return call((wasm) => wasm.analyze(input, options));
}

/**
 * Compares the platform's orders with another system's (each input as for `analyze`):
 * `{ discrepancies, counts, matched, platformTotal, otherTotal, errors: { platform, other } }`.
 */
export function reconcile(platformInput, otherInput, options = {}) {
  return call((wasm) => wasm.reconcile(platformInput, otherInput, options));
}

/** The CSV text of an `analyze` result (or of a result whose `orders` were filtered or re-sorted). */
export function toCsv(result, options = {}) {
  return call((wasm) => wasm.toCsv(result, options));
}

/**
 * Orders read once and analysed again at any time, for views that tick: `orderList(input,
 * options).at(now)` returns what `analyze` returns at `now`. Call `free()` when done.
 */
export function orderList(input, options = {}) {
  return new OrderList(input, options);
}

/**
 * The engine's OrderList, tied to the instance that read it: after that instance was replaced,
 * the orders are read again on the fresh one (the first `at` after a restart pays for it).
 */
class OrderList {
  #input;
  #options;
  #list;
  #generation;

  constructor(input, options) {
    this.#input = input;
    this.#options = options;
    this.#read();
  }

  #read() {
    this.#list = call((wasm) => new wasm.OrderList(this.#input, this.#options));
    this.#generation = engine.generation;
  }

  #current() {
    if (!this.#list) throw new Error('this order list was freed');
    if (this.#generation !== engine.generation) this.#read();
    return this.#list;
  }

  /** What `analyze` returns at `now` (a Date, an ISO string or milliseconds; default the options' `now`). */
  at(now) {
    const list = this.#current();
    return call(() => list.at(now));
  }

  /** How many orders were read. */
  get length() {
    const list = this.#current();
    return call(() => list.length);
  }

  /** Releases the orders' memory in the wasm. */
  free() {
    // An instance that was dropped took its memory with it.
    if (this.#list && this.#generation === engine.generation) this.#list.free();
    this.#list = null;
  }
}

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
