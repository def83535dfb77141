// <deadline-guard-reconcile>: the platform's orders against another system's, every day
// (seed 002: an expired API token silently stops the import). Lists the orders one side lacks
// and the status mismatches, most urgent first. The comparison itself is made in the wasm.
import { reconcile } from '../analysis.js';
import { ready, el, attachStyledShadow, optionsOf, OPTION_ATTRIBUTES, fetchText, emit } from './common.js';
import { wordsFor } from './words.js';

// Each kind's words (www/elements/words.js).
const KIND_TEXT = {
  only_on_platform: 'onlyOnPlatform',
  only_on_other: 'onlyOnOther',
  status_mismatch: 'statusDiffers',
};

/** `<deadline-guard-reconcile platform-src="orders.json" other-src="shop.csv">` */
export class DeadlineGuardReconcileElement extends HTMLElement {
  static observedAttributes = ['platform-src', 'other-src', 'platform-label', 'other-label', ...Object.keys(OPTION_ATTRIBUTES)];

  /** Registers the element as `tag` (default `deadline-guard-reconcile`) in `registry`; safe to call twice. */
  static define(tag = 'deadline-guard-reconcile', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #parts;
  #platform;
  #other;
  #options = {};
  #result = null;
  #state = 'empty';
  #error = '';
  #controller = null;
  #run = 0;
  #queued = false;

  constructor() {
    super();
    this.#root = attachStyledShadow(this);
    const state = el('p', { className: 'state', role: 'status', 'aria-live': 'polite' });
    const summary = el('p', { className: 'summary' });
    const headRow = el('tr', {}, ...Array.from({ length: 6 }, () => el('th', { scope: 'col' })));
    const body = el('tbody');
    const caption = el('caption');
    const table = el('table', {}, caption, el('thead', {}, headRow), body);
    const errorList = el('ul');
    const errorSummary = el('summary');
    const errors = el('details', { className: 'errors', hidden: true }, errorSummary, errorList);
    this.#root.append(state, summary, table, errors);
    this.#parts = { state, summary, headRow, caption, body, table, errors, errorSummary, errorList };
  }

  /** The platform's orders (array, Open Platform response or CSV text); wins over `platform-src`. */
  get platform() { return this.#platform; }
  set platform(value) { this.#platform = value ?? undefined; this.#schedule(); }

  /** The other system's orders (same forms); wins over `other-src`. */
  get other() { return this.#other; }
  set other(value) { this.#other = value ?? undefined; this.#schedule(); }

  /** Options beyond the attributes; attributes win. */
  get options() { return { ...this.#options }; }
  set options(value) { this.#options = { ...(value ?? {}) }; this.#schedule(); }

  /** The latest comparison (what `reconcile` returns), or null. */
  get result() { return this.#result; }

  /** 'empty' | 'loading' | 'error' | 'ready'. */
  get state() { return this.#state; }

  connectedCallback() { this.#schedule(); }
  disconnectedCallback() { this.#run += 1; this.#controller?.abort(); this.#controller = null; }
  attributeChangedCallback(name, before, after) { if (before !== after) this.#schedule(); }

  // Several attributes and properties set in one task (as at upgrade) give one comparison.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update();
    });
  }

  #words() {
    return wordsFor(optionsOf(this, this.#options).locale);
  }

  #names(words) {
    return {
      platform: this.getAttribute('platform-label') || words.say('thePlatform'),
      other: this.getAttribute('other-label') || words.say('theOther'),
    };
  }

  async #update() {
    if (!this.isConnected) return;
    const run = ++this.#run;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const platformSrc = this.getAttribute('platform-src');
    const otherSrc = this.getAttribute('other-src');
    const needsFetch = (this.#platform === undefined && platformSrc) || (this.#other === undefined && otherSrc);
    if (needsFetch) this.#show('loading');
    let platform, other;
    try {
      [platform, other] = await Promise.all([
        this.#platform ?? (platformSrc ? fetchText(platformSrc, controller.signal) : undefined),
        this.#other ?? (otherSrc ? fetchText(otherSrc, controller.signal) : undefined),
        ready(),
      ]);
    } catch (error) {
      if (run !== this.#run || error?.name === 'AbortError') return;
      this.#fail(error);
      return;
    }
    if (run !== this.#run) return;
    if (platform === undefined || other === undefined) {
      this.#result = null;
      this.#show('empty');
      return;
    }
    try {
      this.#result = reconcile(platform, other, optionsOf(this, this.#options));
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#show('ready');
    emit(this, 'deadline-guard-updated', {
      counts: this.#result.counts, matched: this.#result.matched,
    });
  }

  #fail(error) {
    this.#result = null;
    const message = error?.message ?? String(error);
    this.#error = this.#words().say(error instanceof TypeError ? 'invalidSetting' : 'couldNotCompare', { message });
    this.#show('error');
    emit(this, 'deadline-guard-error', { message: this.#error });
  }

  #show(state) {
    this.#state = state;
    const p = this.#parts;
    const words = this.#words();
    const names = this.#names(words);
    const result = this.#result;
    words.reconcileColumns.forEach((head, i) => { p.headRow.children[i].textContent = words.say(null, names, head); });
    p.caption.textContent = words.say('reconcileCaption');
    p.errorSummary.textContent = words.say('readingProblems');
    p.state.classList.toggle('error', state === 'error');
    p.state.setAttribute('role', state === 'error' ? 'alert' : 'status');
    p.state.textContent = {
      loading: () => words.say('loadingBoth'),
      error: () => this.#error,
      empty: () => words.say('nothingToCompare'),
      ready: () => (result && result.counts.total === 0 ? words.say('allMatch', { n: result.matched }) : ''),
    }[state]();
    const rows = result?.discrepancies ?? [];
    p.table.hidden = rows.length === 0;
    p.summary.hidden = !result;
    if (result) {
      const c = result.counts;
      p.summary.textContent = words.say('reconcileSummary', {
        ...names, onlyPlatform: c.onlyOnPlatform, onlyOther: c.onlyOnOther, mismatch: c.statusMismatch,
        matched: result.matched, platformTotal: result.platformTotal, otherTotal: result.otherTotal,
      });
    }
    p.body.replaceChildren(...rows.map((d) => el('tr', { 'data-order-id': d.orderId, 'data-kind': d.kind, 'data-risk': d.risk },
      el('td', { className: 'id', text: d.orderId }),
      el('td', { text: words.say(KIND_TEXT[d.kind], names) }),
      el('td', { title: d.platformStatus ?? undefined, text: d.platformStatusLabel ?? d.platformStatus ?? '—' }),
      el('td', { title: d.otherStatus ?? undefined, text: d.otherStatusLabel ?? d.otherStatus ?? '—' }),
      el('td', {}, el('span', { className: `risk risk-${d.risk}`, text: d.riskLabel })),
      el('td', { className: `risk-${d.risk}`, text: d.badge ?? '' }))));
    const errors = [
      ...(result?.errors.platform ?? []).map((e) => `${names.platform}: ${e.message}`),
      ...(result?.errors.other ?? []).map((e) => `${names.other}: ${e.message}`),
    ];
    p.errors.hidden = errors.length === 0;
    p.errorList.replaceChildren(...errors.map((message) => el('li', { text: message })));
  }
}
