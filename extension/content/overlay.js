// The overlay: a movable, collapsible panel in an open shadow root listing every order at risk,
// most urgent first, with the badge words and the deadline in the seller's zone; filter chips per
// risk, a search by order id, per-order Done / Later, and "Export CSV". Clicking an order scrolls
// to its row and flashes it. It shows only where there is something to show: an order list, or
// an order page whose list could not be read (then it says why). Built with textContent only.
//
// Contract for tests and other tools: the host carries `data-dg-overlay`; each listed order
// `data-dg-overlay-order="<order id>"`; the export control `data-dg-action="export-csv"`; the
// count per risk `data-dg-overlay-count="<risk>"` with the number as its text. Other features add
// a line with `section(name)` (a container of their own at the end of the panel's body).

import { t } from './words.js';
import { AT_RISK, urgentFirst } from './summary.js';
import { isQuiet } from '../handled.js';

/** Orders rendered at once; "Show more" adds as many (a page may have thousands at risk). */
const LIST_PAGE = 200;

const CSS = `
:host{all:initial;position:fixed;z-index:2147483646;right:16px;bottom:16px;font:13px/1.4 system-ui,sans-serif;color:#202124}
:host([hidden]){display:none}
.panel{background:#fff;border:1px solid #dadce0;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.18);min-width:260px;width:380px;max-width:calc(100vw - 32px)}
header{display:flex;align-items:center;gap:8px;padding:6px 8px;cursor:move;background:#f1f3f4;border-radius:8px 8px 0 0;user-select:none}
header b{flex:1}
button{font:inherit;cursor:pointer;border:0;background:none;padding:2px 4px;color:inherit;text-align:left}
button:focus-visible,input:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.body{padding:6px 10px 10px}
.collapsed .body{display:none}
.zone{color:#5f6368;margin:0 0 6px;font-size:12px}
.counts{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 6px}
.chip{border-radius:10px;padding:1px 8px;background:#e8eaed;border:1px solid transparent}
.chip[aria-pressed=true]{border-color:#202124;box-shadow:inset 0 0 0 1px #202124}
.chip[data-risk=overdue]{background:#b3261e;color:#fff}.chip[data-risk=critical]{background:#d93025;color:#fff}
.chip[data-risk=warning]{background:#fce8b2}.chip[data-risk=ok]{background:#ceead6}.chip[data-risk=unreadable]{background:#e9def8}
.tools{display:flex;gap:6px;margin:0 0 6px}
.tools input{flex:1;min-width:0;font:inherit;border:1px solid #dadce0;border-radius:4px;padding:2px 6px}
.tools button{border:1px solid #dadce0;border-radius:4px;white-space:nowrap}
h2{font:600 12px/1.4 system-ui,sans-serif;margin:6px 0 2px;color:#5f6368}
ol{margin:0;padding:0;list-style:none;max-height:min(50vh,420px);overflow:auto}
li{display:flex;align-items:flex-start;gap:2px;border-radius:4px}
li:hover{background:#f1f3f4}
li[data-handled] .go{opacity:.55}
.go{flex:1;display:flex;flex-direction:column;min-width:0}
.go .words{font-weight:600}
.go[data-risk=overdue] .words{color:#b3261e}.go[data-risk=critical] .words{color:#d93025}
.go[data-risk=warning] .words{color:#b06000}.go[data-risk=unreadable] .words{color:#6d4c9f}
.id,.when,.note{color:#5f6368;font-variant-numeric:tabular-nums;font-size:12px}
.act{font-size:12px;color:#1a73e8;white-space:nowrap}
.why,.empty,.status{color:#5f6368;margin:4px 0 0}
`;

export class Overlay {
  /**
   * @param {{ signal: AbortSignal, engine: string, store?: chrome.storage.StorageArea,
   *   actions?: { exportCsv?(orders: object[]|null): Promise<string>, done?(order): void,
   *   later?(order): void, undo?(order): void } }} options
   */
  constructor({ signal, engine, store, actions = {} }) {
    this.store = store;
    this.actions = actions;
    this.signal = signal;
    this.host = document.createElement('div');
    this.host.setAttribute('data-dg-ui', 'overlay');
    this.host.setAttribute('data-dg-overlay', '');
    this.host.setAttribute('data-dg-engine', engine);
    this.host.hidden = true;
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.panel = el('div', 'panel');
    this.panel.setAttribute('role', 'region');
    const header = el('header');
    this.title = el('b');
    this.total = el('span', 'id');
    this.toggle = el('button');
    this.toggle.setAttribute('data-dg-action', 'toggle');
    header.append(this.title, this.total, this.toggle);
    this.body = el('div', 'body');
    this.main = el('div');
    this.extra = el('div');
    this.body.append(this.main, this.extra);
    this.panel.append(header, this.body);
    this.shadow.append(style, this.panel);
    this.words = null;
    this.summary = null;
    this.handled = new Map();
    this.filter = null; // one risk, or null for every risk at risk
    this.query = '';
    this.shown = LIST_PAGE;
    this.clock = null;
    this.built = false;
    this.toggle.addEventListener('click', () => this.setCollapsed(!this.collapsed), { signal });
    this.dragging(header, signal);
    (document.body || document.documentElement).append(this.host);
    this.setCollapsed(false);
    this.restore();
    signal.addEventListener('abort', () => this.host.remove());
  }

  async restore() {
    try {
      const { overlay } = (await this.store?.get('overlay')) ?? {};
      if (overlay?.pos) this.place(overlay.pos.x, overlay.pos.y);
      if (overlay?.collapsed) this.setCollapsed(true);
    } catch { /* storage unavailable: defaults */ }
  }

  remember() {
    const rect = this.host.getBoundingClientRect();
    this.store?.set({ overlay: { pos: { x: rect.left, y: rect.top }, collapsed: this.collapsed } }).catch(() => {});
  }

  setCollapsed(collapsed) {
    this.collapsed = collapsed;
    this.panel.classList.toggle('collapsed', collapsed);
    this.host.setAttribute('data-dg-collapsed', String(collapsed));
    this.toggle.title = (collapsed ? this.words?.expand : this.words?.collapse) ?? '';
    this.toggle.setAttribute('aria-label', this.toggle.title);
    this.toggle.setAttribute('aria-expanded', String(!collapsed));
    this.toggle.textContent = collapsed ? '▸' : '▾';
  }

  place(x, y) {
    const maxX = Math.max(0, innerWidth - 60);
    const maxY = Math.max(0, innerHeight - 30);
    Object.assign(this.host.style, {
      left: `${Math.min(Math.max(0, x), maxX)}px`, top: `${Math.min(Math.max(0, y), maxY)}px`, right: 'auto', bottom: 'auto',
    });
  }

  dragging(handle, signal) {
    let start = null;
    handle.addEventListener('pointerdown', (e) => {
      if (e.target !== handle && e.target.localName === 'button') return;
      const rect = this.host.getBoundingClientRect();
      start = { dx: e.clientX - rect.left, dy: e.clientY - rect.top };
      handle.setPointerCapture(e.pointerId);
    }, { signal });
    handle.addEventListener('pointermove', (e) => {
      if (start) this.place(e.clientX - start.dx, e.clientY - start.dy);
    }, { signal });
    handle.addEventListener('pointerup', () => {
      if (start) this.remember();
      start = null;
    }, { signal });
  }

  /** A container of its own at the end of the panel, for another feature's line (made once). */
  section(name) {
    let node = [...this.extra.children].find((child) => child.getAttribute('data-dg-section') === name);
    if (!node) {
      node = el('div');
      node.setAttribute('data-dg-section', name);
      this.extra.append(node);
    }
    return node;
  }

  /**
   * Shows the records' summary. `show`: whether the page deserves a panel (an order list, or an
   * order page that could not be read); `clock`: a SellerClock for the deadlines.
   */
  render(summary, { show = summary.recognised, clock = this.clock } = {}) {
    const { ui, counts } = summary;
    this.summary = summary;
    this.clock = clock;
    this.words = ui;
    this.host.hidden = !show;
    this.title.textContent = ui.title;
    this.total.textContent = summary.recognised ? `${counts.total} ${ui.ordersFound}` : '';
    this.panel.setAttribute('aria-label', ui.title);
    this.setCollapsed(this.collapsed);
    this.host.setAttribute('data-dg-recognised', String(summary.recognised));
    if (!summary.recognised) {
      this.built = false;
      const why = el('p', 'why');
      why.textContent = summary.why;
      this.main.replaceChildren(why);
      return;
    }
    if (!this.built) this.build();
    this.zone.textContent = clock ? t('overlayZone', [clock.city, clock.zone]) : '';
    for (const [risk, label] of ui.risks) {
      const chip = this.chips.get(risk);
      chip.setAttribute('data-count', String(counts[risk]));
      chip.firstChild.textContent = `${label}: `;
      chip.lastChild.textContent = String(counts[risk]);
    }
    this.renderList();
  }

  /** The controls that stay while the counts and the list change (focus and typing survive). */
  build() {
    const { signal } = this;
    this.built = true;
    this.filter = null;
    this.query = '';
    this.shown = LIST_PAGE;
    this.zone = el('p', 'zone');
    const chips = el('div', 'counts');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', t('overlayFilter'));
    this.chips = new Map();
    for (const [risk] of this.words.risks) {
      const chip = el('button', 'chip');
      chip.type = 'button';
      chip.setAttribute('data-risk', risk);
      chip.setAttribute('aria-pressed', 'false');
      const count = el('span');
      count.setAttribute('data-dg-overlay-count', risk);
      chip.append(el('span'), count);
      chip.addEventListener('click', () => {
        this.filter = this.filter === risk ? null : risk;
        for (const [r, c] of this.chips) c.setAttribute('aria-pressed', String(r === this.filter));
        this.shown = LIST_PAGE;
        this.renderList();
      }, { signal });
      this.chips.set(risk, chip);
      chips.append(chip);
    }
    const tools = el('div', 'tools');
    this.search = el('input');
    this.search.type = 'search';
    this.search.setAttribute('data-dg-action', 'search');
    this.search.placeholder = t('overlaySearch');
    this.search.setAttribute('aria-label', t('overlaySearch'));
    this.search.addEventListener('input', () => {
      this.query = this.search.value.replace(/\D/g, '');
      this.shown = LIST_PAGE;
      this.renderList();
    }, { signal });
    const exporter = el('button');
    exporter.type = 'button';
    exporter.setAttribute('data-dg-action', 'export-csv');
    exporter.textContent = t('overlayExport');
    exporter.addEventListener('click', () => this.exportCsv(), { signal });
    this.exporter = exporter;
    tools.append(this.search, exporter);
    this.heading = el('h2');
    this.heading.id = 'dg-list-heading';
    this.list = el('ol');
    this.list.setAttribute('aria-labelledby', 'dg-list-heading');
    this.list.addEventListener('keydown', (e) => this.arrowKeys(e), { signal });
    this.more = el('button', 'act');
    this.more.type = 'button';
    this.more.addEventListener('click', () => { this.shown += LIST_PAGE; this.renderList(); }, { signal });
    this.status = el('p', 'status');
    this.status.setAttribute('role', 'status');
    this.main.replaceChildren(this.zone, chips, tools, this.heading, this.list, this.more, this.status);
  }

  /** The orders the chips and the search select, most urgent first. */
  selected() {
    const risks = this.filter ? [this.filter] : AT_RISK;
    const picked = this.summary.orders.filter((o) => risks.includes(o.risk) && (!this.query || o.orderId.includes(this.query)));
    return urgentFirst(picked, this.summary);
  }

  /** Whether the seller narrowed the list (then Export CSV writes only what is listed). */
  narrowed() {
    return this.filter !== null || this.query !== '';
  }

  renderList() {
    if (!this.built || !this.summary) return;
    const orders = this.selected();
    this.heading.textContent = `${this.filter ? this.words.risks.find(([r]) => r === this.filter)[1] : t('overlayAtRisk')} (${orders.length})`;
    this.exporter.title = this.narrowed() ? t('overlayExportListed', [String(orders.length)]) : t('overlayExportAll', [String(this.summary.counts.total)]);
    const focused = this.shadow.activeElement?.closest?.('li')?.getAttribute('data-dg-overlay-order');
    const items = orders.slice(0, this.shown).map((order) => this.item(order));
    this.list.replaceChildren(...items);
    if (!orders.length) {
      const empty = el('li', 'empty');
      empty.textContent = t('overlayNothing');
      this.list.append(empty);
    }
    this.more.hidden = orders.length <= this.shown;
    this.more.textContent = t('overlayMore', [String(Math.min(LIST_PAGE, orders.length - this.shown))]);
    if (focused) {
      const again = items.find((li) => li.getAttribute('data-dg-overlay-order') === focused);
      again?.querySelector('.go')?.focus();
    }
  }

  item(order) {
    const li = el('li');
    li.setAttribute('data-dg-overlay-order', order.orderId);
    const go = el('button', 'go');
    go.type = 'button';
    go.setAttribute('data-risk', order.risk);
    const words = el('span', 'words');
    words.textContent = order.text;
    const id = el('span', 'id');
    id.textContent = order.orderId;
    go.append(words, id);
    if (order.at != null && this.clock) {
      const when = el('span', 'when');
      when.textContent = this.clock.deadline(order.at);
      go.append(when);
    }
    go.addEventListener('click', () => flash(order.element));
    li.append(go);
    const handled = this.handled.get(order.orderId);
    if (isQuiet(handled, order.status)) {
      li.setAttribute('data-handled', handled.done ? 'done' : 'snoozed');
      const note = el('span', 'note');
      note.textContent = handled.done ? t('overlayDoneNote') : t('overlaySnoozedNote', [this.clock ? this.clock.time(handled.until) : '']);
      go.append(note);
      li.append(this.action('undo', t('overlayUndo'), order));
    } else if (order.actionable && this.actions.done) {
      li.append(this.action('done', t('overlayDone'), order), this.action('later', t('overlayLater'), order));
    }
    return li;
  }

  action(name, label, order) {
    const button = el('button', 'act');
    button.type = 'button';
    button.setAttribute('data-dg-action', name);
    button.textContent = label;
    button.setAttribute('aria-label', `${label}: ${order.orderId}`);
    button.addEventListener('click', () => {
      try {
        this.actions[name]?.(order);
      } catch (error) {
        this.say(String(error?.message || error));
      }
    });
    return button;
  }

  /** Up and down move between the listed orders. */
  arrowKeys(event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.list.querySelectorAll('.go')];
    const at = buttons.indexOf(this.shadow.activeElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
  }

  /** Per-order Done / Later, as stored (order id → handled). */
  setHandled(handled) {
    this.handled = handled;
    this.renderList();
  }

  async exportCsv() {
    if (!this.actions.exportCsv || !this.summary) return;
    this.exporter.disabled = true;
    try {
      this.say(await this.actions.exportCsv(this.narrowed() ? this.selected() : null));
    } catch (error) {
      this.say(t('overlayExportFailed', [String(error?.message || error)]));
    } finally {
      this.exporter.disabled = false;
    }
  }

  say(text) {
    if (this.status) this.status.textContent = text ?? '';
  }

  /** Scrolls to an order's row and marks it, as a notification's click asks. */
  focusOrder(orderId) {
    const order = this.summary?.orders.find((o) => o.orderId === orderId);
    if (!order?.element?.isConnected) return false;
    flash(order.element);
    return true;
  }

  /** A scan failed (bad settings, engine unavailable): say so instead of showing stale numbers. */
  error(message) {
    const p = el('p', 'why');
    p.textContent = message;
    this.title.textContent = 'Deadline Guard';
    this.built = false;
    this.host.hidden = false;
    this.main.replaceChildren(p);
  }
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function flash(target) {
  if (!target?.isConnected) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.removeAttribute('data-dg-flash');
  void target.offsetWidth; // restart the animation
  target.setAttribute('data-dg-flash', '');
  setTimeout(() => target.removeAttribute('data-dg-flash'), 1700);
}
