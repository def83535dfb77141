// The overlay: a movable, collapsible panel in an open shadow root listing every order at risk,
// most urgent first, with the badge words and the deadline in the seller's zone; filter chips per
// risk, a search by order id, per-order Done / Later, and "Export CSV". Clicking an order scrolls
// to its row and flashes it. It shows only where there is something to show: an order list, or
// an order page whose list could not be read (then it says why). Built with textContent only.
//
// Contract for tests and other tools: the host carries `data-dg-overlay`; each listed order
// `data-dg-overlay-order="<order id>"`; the export control `data-dg-action="export-csv"`; the
// count per risk `data-dg-overlay-count="<risk>"` with the number as its text. Other features add
// a line with `section(name, css)` (a container of their own at the end of the panel's body, its rules
// added to the panel's sheet).

import { t } from './words.js';
import { AT_RISK } from './summary.js';
import { isQuiet } from '../handled.js';

/** Orders rendered at once; "Show more" adds as many (a page may have thousands at risk). */
const LIST_PAGE = 50;

// Colours read at 4.5:1 at least in both schemes (light-dark(): the system's preference, or the
// page's own theme when it has one, see pageScheme); each risk also has its own icon.
const CSS = `
:host{all:initial;color-scheme:light dark;position:fixed;z-index:2147483646;right:16px;bottom:16px;font:13px/1.4 system-ui,sans-serif;color:light-dark(#202124,#e8eaed)}
:host([hidden]){display:none}
:host([data-dg-scheme=light]){color-scheme:light}:host([data-dg-scheme=dark]){color-scheme:dark}
.panel{--overdue:light-dark(#8c1d18,#ff8a80);--critical:light-dark(#c5221f,#fcad70);--warning:light-dark(#a35200,#fdd663);--ok:light-dark(#137333,#81c995);--unreadable:light-dark(#6d4c9f,#d7aefb);--none:light-dark(#5f6368,#bdc1c6);--muted:light-dark(#5f6368,#bdc1c6);--link:light-dark(#1a63c8,#8ab4f8);
background:light-dark(#fff,#202124);border:1px solid light-dark(#dadce0,#5f6368);border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.18);min-width:260px;width:380px;max-width:calc(100vw - 32px)}
header{display:flex;align-items:center;gap:8px;padding:6px 8px;cursor:move;background:light-dark(#f1f3f4,#2d2e30);border-radius:8px 8px 0 0;user-select:none}
header b{flex:1}
button{font:inherit;cursor:pointer;border:0;background:none;padding:2px 4px;color:inherit;text-align:left}
button:focus-visible,input:focus-visible{outline:2px solid var(--link);outline-offset:1px}
.move{cursor:move}
.body{padding:6px 10px 10px}
.collapsed .body{display:none}
.zone{color:var(--muted);margin:0 0 6px;font-size:12px}
.counts{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 6px}
.chip{border-radius:10px;padding:1px 8px;background:light-dark(#e8eaed,#3c4043);border:1px solid transparent}
.chip[aria-pressed=true]{border-color:currentColor;box-shadow:inset 0 0 0 1px currentColor}
.chip[data-risk=overdue],.chip[data-risk=critical],.chip[data-risk=warning],.chip[data-risk=ok],.chip[data-risk=unreadable]{color:light-dark(#fff,#202124)}
.chip[data-risk=overdue]{background:var(--overdue)}.chip[data-risk=critical]{background:var(--critical)}
.chip[data-risk=warning]{background:var(--warning)}.chip[data-risk=ok]{background:var(--ok)}.chip[data-risk=unreadable]{background:var(--unreadable)}
[data-risk=overdue] .icon::before{content:"✖\\00a0"}[data-risk=critical] .icon::before{content:"▲\\00a0"}
[data-risk=warning] .icon::before{content:"◆\\00a0"}[data-risk=ok] .icon::before{content:"●\\00a0"}
[data-risk=none] .icon::before{content:"○\\00a0"}[data-risk=unreadable] .icon::before{content:"?\\00a0"}
.tools{display:flex;gap:6px;margin:0 0 6px}
.tools input{flex:1;min-width:0;font:inherit;color:inherit;background:light-dark(#fff,#202124);border:1px solid light-dark(#80868b,#9aa0a6);border-radius:4px;padding:2px 6px}
.tools input::placeholder{color:var(--muted);opacity:1}
.tools button{border:1px solid light-dark(#80868b,#9aa0a6);border-radius:4px;white-space:nowrap}
h2{font:600 12px/1.4 system-ui,sans-serif;margin:6px 0 2px;color:var(--muted)}
ol{margin:0;padding:0;list-style:none;max-height:min(50vh,420px);overflow:auto}
li{display:flex;align-items:flex-start;gap:2px;border-radius:4px}
li:hover{background:light-dark(#f1f3f4,#2d2e30)}
li[data-handled] .go .words{font-weight:400}
.go{flex:1;display:flex;flex-direction:column;min-width:0}
.go .words{font-weight:600}
.go[data-risk=overdue] .words{color:var(--overdue)}.go[data-risk=critical] .words{color:var(--critical)}
.go[data-risk=warning] .words{color:var(--warning)}.go[data-risk=unreadable] .words{color:var(--unreadable)}
.go[data-risk=ok] .words{color:var(--ok)}.go[data-risk=none] .words{color:var(--none)}
.id,.when,.note{color:var(--muted);font-variant-numeric:tabular-nums;font-size:12px}
.act{font-size:12px;color:var(--link);white-space:nowrap}
.why,.empty,.status{color:var(--muted);margin:4px 0 0}
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
    // The shadow root's one sheet: sections add their rules to it (a second <style> would look like
    // markup injected by page data to the hostile-page audits).
    this.style = document.createElement('style');
    this.style.textContent = CSS;
    this.panel = el('div', 'panel');
    this.panel.setAttribute('role', 'region');
    const header = el('header');
    // The handle for the keyboard: arrow keys move the panel as dragging the header does.
    this.mover = el('button', 'move');
    this.mover.type = 'button';
    this.mover.setAttribute('data-dg-action', 'move');
    this.mover.setAttribute('aria-label', t('overlayMove'));
    this.mover.title = t('overlayMove');
    this.mover.textContent = '✥';
    this.title = el('b');
    this.total = el('span', 'id');
    this.toggle = el('button');
    this.toggle.setAttribute('data-dg-action', 'toggle');
    header.append(this.mover, this.title, this.total, this.toggle);
    this.body = el('div', 'body');
    this.main = el('div');
    this.extra = el('div');
    this.body.append(this.main, this.extra);
    this.panel.append(header, this.body);
    this.shadow.append(this.style, this.panel);
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
    this.mover.addEventListener('keydown', (e) => this.moveKeys(e), { signal });
    // Alt+Shift+D opens the panel and puts the keyboard on it, wherever the focus is on the page.
    addEventListener('keydown', (e) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyD' || this.host.hidden) return;
      e.preventDefault();
      this.setCollapsed(false);
      this.remember();
      this.mover.focus();
    }, { capture: true, signal });
    (document.body || document.documentElement).append(this.host);
    this.followPageScheme(); // at start the page has not been annotated yet: the read is cheap
    // A page changes its theme through a class or style on <html> or <body>, or a stylesheet added
    // to <head>: only then is the theme read again. A read while a big page still has writes
    // pending restyles all of it (a task over 50 ms on 10,000 orders).
    this.schemeStale = false;
    const themeWatch = new MutationObserver((records) => {
      if (records.some((r) => r.type === 'childList' || !r.attributeName.startsWith('data-dg-'))) this.schemeStale = true;
    });
    themeWatch.observe(document.documentElement, { attributes: true });
    if (document.body) themeWatch.observe(document.body, { attributes: true });
    if (document.head) themeWatch.observe(document.head, { childList: true });
    this.setCollapsed(false);
    this.restore();
    signal.addEventListener('abort', () => {
      themeWatch.disconnect();
      this.host.remove();
      document.documentElement.removeAttribute('data-dg-page-scheme');
    });
  }

  /** The page's own theme, for the panel and (through page.css) the badges. */
  followPageScheme() {
    const scheme = pageScheme();
    setOrClear(this.host, 'data-dg-scheme', scheme);
    setOrClear(document.documentElement, 'data-dg-page-scheme', scheme);
  }

  /**
   * Reads the page's theme again, when the page is idle, if it may have changed (see
   * `schemeStale`): reading a style while the page has changes pending would make it restyle at
   * once (a second's work on a page of 10,000 orders just annotated).
   */
  followPageSchemeSoon() {
    if (!this.schemeStale || this.schemeQueued || typeof requestIdleCallback !== 'function') return;
    this.schemeStale = false;
    this.schemeQueued = true;
    requestIdleCallback(() => {
      this.schemeQueued = false;
      if (!this.signal.aborted) this.followPageScheme();
    });
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

  /** Arrow keys on the move handle: 20 px a press, 80 with Shift; remembered like a drag. */
  moveKeys(event) {
    const step = event.shiftKey ? 80 : 20;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
    if (!delta) return;
    event.preventDefault();
    const rect = this.host.getBoundingClientRect();
    this.place(rect.left + delta[0], rect.top + delta[1]);
    this.remember();
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
  section(name, css = '') {
    let node = [...this.extra.children].find((child) => child.getAttribute('data-dg-section') === name);
    if (!node) {
      node = el('div');
      node.setAttribute('data-dg-section', name);
      this.extra.append(node);
      this.style.textContent += css;
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
    this.followPageSchemeSoon();
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
      chip.append(el('span', 'icon'), count);
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
    return this.summary.orders.filter((o) => risks.includes(o.risk) && (!this.query || o.orderId.includes(this.query)));
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
    const words = el('span', 'words icon');
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

// Unchanged values are not written again: a write to <html> makes the page re-match its badges.
function setOrClear(node, name, value) {
  if (node.getAttribute(name) === (value ?? null)) return;
  if (value) node.setAttribute(name, value);
  else node.removeAttribute(name);
}

/**
 * The page's own theme: 'dark' or 'light' when it declares only that colour scheme or paints its
 * root or body dark (a seller center in dark mode), else null (then the system's preference).
 */
function pageScheme() {
  try {
    const root = document.documentElement;
    const declared = getComputedStyle(root).colorScheme.split(/\s+/).filter((s) => s === 'light' || s === 'dark');
    if (declared.length === 1) return declared[0];
    for (const node of [document.body, root]) {
      const [r, g, b, a = 1] = (node ? getComputedStyle(node).backgroundColor.match(/[\d.]+/g) ?? [] : []).map(Number);
      if (node && a > 0.5 && r !== undefined) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100 ? 'dark' : 'light';
    }
  } catch { /* no styles yet: the system's preference */ }
  return null;
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
