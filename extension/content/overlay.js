// The overlay summary: a small movable, collapsible panel in a closed-off shadow root with the
// counts per risk and the next deadlines; clicking one scrolls to its row and flashes it. When no
// order list is recognised it says so, and why. Built with textContent only.

const CSS = `
:host{all:initial;position:fixed;z-index:2147483646;right:16px;bottom:16px;font:13px/1.4 system-ui,sans-serif;color:#202124}
.panel{background:#fff;border:1px solid #dadce0;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.18);min-width:240px;max-width:340px}
header{display:flex;align-items:center;gap:8px;padding:6px 8px;cursor:move;background:#f1f3f4;border-radius:8px 8px 0 0;user-select:none}
header b{flex:1}
button{font:inherit;cursor:pointer;border:0;background:none;padding:2px 4px;color:inherit;text-align:left}
.body{padding:6px 10px 10px}
.collapsed .body{display:none}
.counts{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 6px}
.chip{border-radius:10px;padding:1px 8px;background:#e8eaed}
.chip[data-risk=overdue]{background:#b3261e;color:#fff}.chip[data-risk=critical]{background:#d93025;color:#fff}
.chip[data-risk=warning]{background:#fce8b2}.chip[data-risk=ok]{background:#ceead6}.chip[data-risk=unreadable]{background:#e9def8}
h2{font:600 12px/1.4 system-ui,sans-serif;margin:6px 0 2px;color:#5f6368}
ol{margin:0;padding:0;list-style:none}
li button{display:block;width:100%;border-radius:4px}li button:hover{background:#f1f3f4}
.id{color:#5f6368;font-variant-numeric:tabular-nums}
.why{color:#5f6368;margin:0}
`;

export class Overlay {
  /** @param {{ signal: AbortSignal, engine: string, store?: chrome.storage.StorageArea }} options */
  constructor({ signal, engine, store }) {
    this.store = store;
    this.host = document.createElement('div');
    this.host.setAttribute('data-dg-ui', 'overlay');
    this.host.setAttribute('data-dg-engine', engine);
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.panel = el('div', 'panel');
    const header = el('header');
    this.title = el('b');
    this.total = el('span', 'id');
    this.toggle = el('button');
    this.toggle.setAttribute('data-dg-action', 'toggle');
    header.append(this.title, this.total, this.toggle);
    this.body = el('div', 'body');
    this.panel.append(header, this.body);
    this.shadow.append(style, this.panel);
    this.words = null;
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

  /** Shows the records' summary (`next[].element`: the row to scroll to). */
  render(summary) {
    const { ui, counts } = summary;
    this.words = ui;
    this.title.textContent = ui.title;
    this.total.textContent = summary.recognised ? `${counts.total} ${ui.ordersFound}` : '';
    this.setCollapsed(this.collapsed);
    this.host.setAttribute('data-dg-recognised', String(summary.recognised));
    const parts = [];
    if (!summary.recognised) {
      const why = el('p', 'why');
      why.textContent = summary.why;
      parts.push(why);
    } else {
      const chips = el('div', 'counts');
      for (const [risk, label] of ui.risks) {
        const chip = el('span', 'chip');
        chip.setAttribute('data-risk', risk);
        chip.setAttribute('data-count', String(counts[risk]));
        chip.textContent = `${label}: ${counts[risk]}`;
        chips.append(chip);
      }
      parts.push(chips);
      if (summary.next.length) {
        const heading = el('h2');
        heading.textContent = ui.nextDeadlines;
        const list = el('ol');
        for (const item of summary.next) {
          const button = el('button');
          button.setAttribute('data-dg-order', item.orderId);
          const id = el('span', 'id');
          id.textContent = `${item.orderId} `;
          const text = el('span');
          text.textContent = item.text;
          button.append(id, text);
          const target = item.element;
          button.addEventListener('click', () => flash(target));
          const li = el('li');
          li.append(button);
          list.append(li);
        }
        parts.push(heading, list);
      }
    }
    this.body.replaceChildren(...parts);
  }

  /** A scan failed (bad settings, engine unavailable): say so instead of showing stale numbers. */
  error(message) {
    const p = el('p', 'why');
    p.textContent = message;
    this.title.textContent = 'Deadline Guard';
    this.body.replaceChildren(p);
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
