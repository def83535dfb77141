// <deadline-guard-orders>: a sortable, filterable table of order deadlines that ticks.
// A thin view: reading, deadlines, risk and wording come from the wasm (OrderList); this class
// only fetches `src`, builds DOM as text, sorts, filters and schedules re-analysis.
import { toCsv as csvOf, orderList } from '../analysis.js';
import {
  ready, el, attachStyledShadow, optionsOf, OPTION_ATTRIBUTES, fetchText, millisOf, timeElement, emit,
} from './common.js';
import { subscribe } from './ticker.js';
import { applyToElement, calibrationParagraphs } from './calibration.js';
import { wordsFor } from './words.js';

// dg-list: risks (tests/lists_kept_once.rs)
/** The risk levels, in the filter's order. */
export const RISKS = ['overdue', 'critical', 'warning', 'ok', 'none', 'unreadable'];
// The engine's urgency order, for sorting by the risk column.
// dg-list: risks-by-urgency (tests/lists_kept_once.rs)
const RISK_RANK = { overdue: 0, critical: 1, unreadable: 2, warning: 3, ok: 4, none: 5 };

// Column heads are in www/elements/words.js, by key.
const COLUMNS = [
  { key: 'urgency' }, { key: 'orderId' }, { key: 'status' }, { key: 'deadline' },
  { key: 'risk' }, { key: 'buyer' }, { key: 'product' }, { key: 'hints', sortable: false },
];

const text = (value) => (value === null || value === undefined ? '' : String(value));

// Each comparator sorts ascending; missing values go last either way.
const COMPARE = {
  urgency: (a, b) => a.index - b.index,
  orderId: (a, b) => text(a.order.orderId).localeCompare(text(b.order.orderId), undefined, { numeric: true }),
  status: (a, b) => text(a.order.statusLabel ?? a.order.status).localeCompare(text(b.order.statusLabel ?? b.order.status)),
  deadline: (a, b) => Date.parse(a.order.deadline) - Date.parse(b.order.deadline),
  risk: (a, b) => RISK_RANK[a.order.risk] - RISK_RANK[b.order.risk] || a.index - b.index,
  buyer: (a, b) => text(a.order.buyer).localeCompare(text(b.order.buyer)),
  product: (a, b) => text(a.order.product).localeCompare(text(b.order.product)),
};
const MISSING = {
  deadline: (o) => !o.deadline, buyer: (o) => !o.buyer, product: (o) => !o.product, status: (o) => !o.status,
};

/** `<deadline-guard-orders src="orders.json" locale="es" now="…" critical-hours="12">` */
export class DeadlineGuardOrdersElement extends HTMLElement {
  static observedAttributes = ['src', 'filter', ...Object.keys(OPTION_ATTRIBUTES)];

  /** Registers the element as `tag` (default `deadline-guard-orders`) in `registry`; safe to call twice. */
  static define(tag = 'deadline-guard-orders', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #parts;
  #input = undefined; // the raw data: the `data` property or the text fetched from `src`
  #fromData = false;
  #options = {};
  #list = null; // the wasm OrderList
  #result = null;
  #clock = { base: null, at: 0 };
  #sort = { key: 'urgency', descending: false };
  #state = 'empty';
  #error = '';
  #fetching = null;
  #unsubscribe = null;
  #countsKey = '';
  #prepared = false;
  #calibrationKey = '';

  constructor() {
    super();
    this.#root = attachStyledShadow(this);
    this.#parts = this.#skeleton();
  }

  /** The orders to show: an array of orders, an Open Platform response, or CSV text. Wins over `src`. */
  get data() { return this.#fromData ? this.#input : undefined; }
  set data(value) {
    this.#abortFetch();
    this.#fromData = value !== undefined && value !== null;
    this.#input = this.#fromData ? value : undefined;
    if (this.isConnected) this.#load();
  }

  /** Options beyond the attributes (holidays, sellerTimeZone, …); attributes win. */
  get options() { return { ...this.#options }; }
  set options(value) {
    this.#options = { ...(value ?? {}) };
    if (this.isConnected) this.#prepare();
  }

  /** The latest analysis (what `analyze` returns), or null. */
  get result() { return this.#result; }

  /** The risk shown ('' for every order); reflects the `filter` attribute. */
  get filter() { const f = this.getAttribute('filter') ?? ''; return RISKS.includes(f) ? f : ''; }
  set filter(value) {
    if (value && RISKS.includes(value)) this.setAttribute('filter', value);
    else this.removeAttribute('filter');
  }

  /** The sort: `{ key, descending }`; key one of urgency, orderId, status, deadline, risk, buyer, product. */
  get sort() { return { ...this.#sort }; }
  set sort(value) {
    const key = COMPARE[value?.key] ? value.key : 'urgency';
    this.#sort = { key, descending: Boolean(value?.descending) };
    this.#render();
  }

  /** 'empty' | 'loading' | 'error' | 'ready'. */
  get state() { return this.#state; }

  /** The orders currently shown (filtered and sorted). */
  get visibleOrders() { return this.#visible().map((row) => row.order); }

  /** Re-analyses now (the element also does so on its own, once a minute). */
  refresh() {
    if (!this.#list) return;
    try {
      this.#result = this.#list.at(this.#now());
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#render();
    const key = JSON.stringify(this.#result.counts);
    if (key !== this.#countsKey) {
      this.#countsKey = key;
      emit(this, 'deadline-guard-updated', {
        counts: this.#result.counts, errors: this.#result.errors.length, now: this.#result.now,
      });
    }
  }

  /** The CSV of the orders shown (filtered and sorted), as the Export CSV button saves it. */
  toCsv() {
    if (!this.#result) return '';
    return csvOf({ ...this.#result, orders: this.visibleOrders }, { locale: this.#effectiveOptions().locale });
  }

  connectedCallback() {
    if (!this.#prepared) this.#load();
    else this.#startTicking();
  }

  disconnectedCallback() {
    this.#abortFetch();
    this.#stopTicking();
  }

  attributeChangedCallback(name, before, after) {
    // Attributes present at upgrade are read by the first load; only later changes matter here.
    if (before === after || !this.#prepared || !this.isConnected) return;
    if (name === 'filter') this.#render();
    else if (name === 'src') { if (!this.#fromData) this.#load(); }
    else this.#prepare();
  }

  #now() {
    return this.#clock.base === null ? Date.now() : this.#clock.base + (Date.now() - this.#clock.at);
  }

  #effectiveOptions() {
    return optionsOf(this, this.#options);
  }

  /** The element's own words in its locale (the engine's words come with the result). */
  #words() {
    return wordsFor(this.#effectiveOptions().locale);
  }

  async #load() {
    this.#prepared = true;
    if (this.#fromData) {
      await this.#prepare();
      return;
    }
    const src = this.getAttribute('src');
    if (!src) {
      this.#input = undefined;
      await this.#prepare();
      return;
    }
    this.#abortFetch();
    const controller = new AbortController();
    this.#fetching = controller;
    this.#setState('loading');
    try {
      const body = await fetchText(src, controller.signal);
      if (controller.signal.aborted) return;
      this.#input = body;
      this.#fetching = null;
      await this.#prepare();
    } catch (error) {
      if (controller.signal.aborted || error?.name === 'AbortError') return;
      this.#fetching = null;
      this.#fail(error);
    }
  }

  async #prepare() {
    const input = this.#input;
    try {
      await ready();
    } catch (error) {
      this.#fail(new Error(`the Deadline Guard wasm could not be loaded (${error?.message ?? error}); the page's CSP must allow 'wasm-unsafe-eval'`));
      return;
    }
    if (input !== this.#input) return; // a newer load started while the wasm loaded
    this.#list?.free();
    this.#list = null;
    this.#result = null;
    if (input === undefined) {
      this.#stopTicking();
      this.#setState('empty');
      return;
    }
    const options = this.#effectiveOptions();
    try {
      this.#list = orderList(input, options);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#clock = { base: millisOf(options.now), at: Date.now() };
    this.#state = 'ready';
    this.#countsKey = '';
    this.refresh();
    this.#startTicking();
  }

  #fail(error) {
    this.#list?.free();
    this.#list = null;
    this.#result = null;
    this.#stopTicking();
    const message = error?.message ?? String(error);
    this.#error = this.#words().say(error instanceof TypeError ? 'invalidSetting' : 'couldNotShow', { message });
    this.#setState('error');
    emit(this, 'deadline-guard-error', { message: this.#error });
  }

  #setState(state) {
    this.#state = state;
    this.#render();
  }

  #abortFetch() {
    this.#fetching?.abort();
    this.#fetching = null;
  }

  #startTicking() {
    if (!this.#unsubscribe && this.#list && this.isConnected) this.#unsubscribe = subscribe(() => this.refresh());
  }

  #stopTicking() {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #skeleton() {
    const filters = el('div', { className: 'filters', role: 'group' });
    const exportButton = el('button', {
      type: 'button', className: 'export', onclick: () => this.#download(),
    });
    const state = el('p', { className: 'state', role: 'status', 'aria-live': 'polite' });
    const calibration = el('div', { className: 'calibration', hidden: true });
    const headRow = el('tr');
    const heads = {};
    for (const column of COLUMNS) {
      const th = el('th', { scope: 'col' });
      if (column.sortable !== false) {
        th.append(el('button', {
          type: 'button', 'data-sort': column.key, onclick: () => this.#sortBy(column.key),
        }));
      }
      heads[column.key] = th;
      headRow.append(th);
    }
    const caption = el('caption');
    const body = el('tbody');
    const table = el('table', {}, caption, el('thead', {}, headRow), body);
    const errorList = el('ul');
    const errorSummary = el('summary');
    const errors = el('details', { className: 'errors', hidden: true }, errorSummary, errorList);
    this.#root.append(el('div', { className: 'bar' }, filters, exportButton), state, calibration, table, errors);
    return { filters, exportButton, state, calibration, table, caption, body, heads, errors, errorSummary, errorList };
  }

  #sortBy(key) {
    const same = this.#sort.key === key;
    this.#sort = { key, descending: same ? !this.#sort.descending : false };
    this.#render();
  }

  #visible() {
    if (!this.#result) return [];
    const filter = this.filter;
    const rows = this.#result.orders
      .map((order, index) => ({ order, index }))
      .filter((row) => !filter || row.order.risk === filter);
    const { key, descending } = this.#sort;
    const missing = MISSING[key];
    rows.sort((a, b) => {
      if (missing) {
        const ma = missing(a.order), mb = missing(b.order);
        if (ma !== mb) return ma ? 1 : -1;
        if (ma && mb) return a.index - b.index;
      }
      const order = COMPARE[key](a, b) || a.index - b.index;
      return descending ? -order : order;
    });
    return rows;
  }

  #render() {
    const p = this.#parts;
    const result = this.#result;
    const counts = result?.counts;
    p.state.classList.toggle('error', this.#state === 'error');
    p.state.setAttribute('role', this.#state === 'error' ? 'alert' : 'status');
    p.table.setAttribute('aria-busy', String(this.#state === 'loading'));
    const words = this.#words();
    p.filters.setAttribute('aria-label', words.say('filterBy'));
    p.exportButton.textContent = words.say('exportCsv');
    for (const column of COLUMNS) (p.heads[column.key].firstElementChild ?? p.heads[column.key]).textContent = words.columns[column.key];

    // Filters, with their counts.
    const names = result?.riskLabels ?? words.risks;
    p.filters.replaceChildren(...['', ...RISKS].map((risk) => {
      const count = counts ? (risk ? counts[risk] : counts.total) : 0;
      return el('button', {
        type: 'button', 'data-risk': risk || 'all', 'aria-pressed': String(this.filter === risk),
        text: `${risk ? names[risk] : words.say('all')} (${count})`,
        onclick: () => { this.filter = risk; },
      });
    }));

    // Sort indicators.
    for (const column of COLUMNS) {
      const th = p.heads[column.key];
      if (this.#sort.key === column.key) th.setAttribute('aria-sort', this.#sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    const column = words.columns[this.#sort.key].toLocaleLowerCase(words.lang);
    p.caption.textContent = this.#sort.key === 'urgency' && !this.#sort.descending
      ? words.say('captionUrgent')
      : words.say(this.#sort.descending ? 'captionSortedDescending' : 'captionSorted', { column });

    this.#renderCalibration(result?.calibrationLines ?? []);

    const rows = this.#visible();
    p.body.replaceChildren(...rows.map(({ order }) => this.#row(order)));
    p.table.hidden = rows.length === 0;
    p.exportButton.disabled = rows.length === 0;

    p.state.textContent = this.#stateText(rows.length, words);

    const errors = result?.errors ?? [];
    p.errors.hidden = errors.length === 0;
    p.errorSummary.textContent = words.say('problems', { n: errors.length });
    p.errorList.replaceChildren(...errors.map((e) => el('li', { text: e.message })));
  }

  /** The calibration lines, rebuilt only when they change (a tick must not take a button's focus). */
  #renderCalibration(lines) {
    const key = JSON.stringify(lines);
    if (key === this.#calibrationKey) return;
    this.#calibrationKey = key;
    const p = this.#parts;
    p.calibration.replaceChildren(...calibrationParagraphs(lines, (fields) => {
      applyToElement(this, fields);
      emit(this, 'deadline-guard-calibrated', { fields });
    }));
    p.calibration.hidden = lines.length === 0;
  }

  #stateText(shown, words) {
    switch (this.#state) {
      case 'loading': return words.say('loading');
      case 'error': return this.#error;
      case 'empty': return words.say('empty');
      default: break;
    }
    const counts = this.#result?.counts;
    if (!counts || counts.total === 0) return words.say('noOrders');
    if (shown === 0) return words.say('noneFiltered', { risk: (this.#result.riskLabels ?? words.risks)[this.filter] });
    const urgent = counts.overdue + counts.critical;
    const parts = [words.say('orders', { n: counts.total })];
    for (const risk of ['overdue', 'critical', 'unreadable']) if (counts[risk]) parts.push(words.say(risk, { n: counts[risk] }));
    if (!urgent) parts.push(words.say('nothingUrgent'));
    return `${parts.join(words.lang === 'zh' ? '，' : ', ')}${words.lang === 'zh' ? '。' : '.'}`;
  }

  #row(order) {
    const options = this.#effectiveOptions();
    const hints = order.hintTexts?.length
      ? el('ul', { className: 'hints' }, ...order.hintTexts.map((h) => el('li', { text: h })))
      : '';
    const sourceNote = order.deadlineSource ? ` (${order.deadlineSource})` : '';
    const deadline = timeElement(order.deadline, options.locale, this.#result.sellerTimeZone);
    if (order.deadline) deadline.title += sourceNote;
    return el('tr', { 'data-order-id': order.orderId, 'data-risk': order.risk },
      el('td', { className: `countdown risk-${order.risk}`, text: order.badge }),
      el('td', { className: 'id', text: order.orderId }),
      el('td', { title: order.status ?? undefined, text: order.statusLabel ?? order.status ?? '—' }),
      el('td', {}, deadline),
      el('td', {}, el('span', { className: `risk risk-${order.risk}`, text: order.riskLabel })),
      el('td', { className: 'buyer', text: order.buyer ?? '' }),
      el('td', { className: 'product', text: order.product ?? '' }),
      el('td', {}, hints));
  }

  #download() {
    const csv = this.toCsv();
    if (!csv) return;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: 'deadline-guard-orders.csv', hidden: true });
    this.#root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    emit(this, 'deadline-guard-export', { csv });
  }
}
