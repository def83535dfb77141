// The engine's functions on orders, for the API (deadline-guard.js re-exports them) and the elements.
import { call, generation } from './engine.js';

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
    this.#generation = generation();
  }

  #current() {
    if (!this.#list) throw new Error('this order list was freed');
    if (this.#generation !== generation()) this.#read();
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
    if (this.#list && this.#generation === generation()) this.#list.free();
    this.#list = null;
  }
}
