// Writing the wasm's patches onto the page: `data-dg-*` attributes on each record and a badge in a
// shadow root beside its status. The JavaScript twin of src/dom/apply.rs. Page text and computed
// words only ever go through textContent and setAttribute, never innerHTML.

const BADGE_CSS = ':host{all:initial;display:inline-block;margin:2px 4px;vertical-align:middle}'
  + 'span{font:600 12px/1.4 system-ui,sans-serif;padding:1px 6px;border-radius:9px;color:#fff;background:#5f6368;white-space:nowrap;cursor:default}'
  + 'span[data-risk=overdue]{background:#b3261e}span[data-risk=critical]{background:#d93025}'
  + 'span[data-risk=warning]{background:#e37400}span[data-risk=ok]{background:#188038}'
  + 'span[data-risk=unreadable]{background:#6d4c9f}'
  + 'ul{all:initial;display:block;font:12px/1.4 system-ui,sans-serif;color:#3c4043;margin:2px 0 0;padding:0 0 0 14px}li{display:list-item}';

const ATTRIBUTES = [
  ['data-dg-order-id', (p) => p.orderId],
  ['data-dg-status', (p) => p.status],
  ['data-dg-deadline', (p) => p.deadline],
  ['data-dg-deadline-kind', (p) => p.deadlineKind],
  ['data-dg-deadline-source', (p) => p.deadlineSource],
  ['data-dg-risk', (p) => p.risk],
  ['data-dg-reason', (p) => p.reason],
];

/** What was last written on each record, so unchanged records are not touched again. */
const written = new WeakMap();

/**
 * Applies `patches` (from the wasm) to `elements` (from the snapshot). Records annotated before
 * but absent now (`previous`) are cleaned. Returns the set of annotated records and how many were
 * (re)written.
 */
export function applyPatches(elements, patches, previous = new Set(), ui = {}) {
  const current = new Set();
  let changed = 0;
  for (const patch of patches) {
    const el = elements[patch.node];
    const anchor = elements[patch.badge.anchor];
    if (!el || !anchor) continue;
    current.add(el);
    const signature = JSON.stringify([patch.orderId, patch.status, patch.deadline, patch.deadlineKind,
      patch.deadlineSource, patch.risk, patch.reason, patch.badge.text, patch.badge.hints, patch.badge.sourceText, ui.deadlineAt]);
    if (written.get(el)?.signature === signature && written.get(el).anchor === anchor && anchor.isConnected
      && badgeOf(anchor)) continue;
    for (const [name, value] of ATTRIBUTES) {
      const v = value(patch);
      if (v == null) el.removeAttribute(name);
      else if (el.getAttribute(name) !== v) el.setAttribute(name, v);
    }
    renderBadge(anchor, patch, ui);
    written.set(el, { signature, anchor });
    changed += 1;
  }
  for (const el of previous) {
    if (current.has(el)) continue;
    for (const [name] of ATTRIBUTES) el.removeAttribute(name);
    const old = written.get(el);
    if (old) badgeOf(old.anchor)?.remove();
    written.delete(el);
  }
  return { current, changed };
}

/** Removes every annotation and badge (the extension is being switched off on this page). */
export function clearAll(records) {
  applyPatches([], [], records);
}

function insideTable(anchor) {
  return ['td', 'th', 'tr', 'table', 'tbody'].includes(anchor.localName);
}

function badgeOf(anchor) {
  const candidate = insideTable(anchor) ? anchor.lastElementChild : anchor.nextElementSibling;
  return candidate?.getAttribute('data-dg-ui') === 'badge' ? candidate : null;
}

function renderBadge(anchor, patch, ui) {
  let host = badgeOf(anchor);
  if (!host) {
    host = document.createElement('span');
    host.setAttribute('data-dg-ui', 'badge');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = BADGE_CSS;
    shadow.append(style, document.createElement('span'), document.createElement('ul'));
    if (insideTable(anchor)) anchor.append(host);
    else anchor.after(host);
  }
  const [, label, list] = host.shadowRoot.children;
  label.textContent = patch.badge.text;
  label.setAttribute('data-risk', patch.risk);
  const lines = [];
  if (patch.deadline) {
    const when = new Date(patch.deadline).toLocaleString(ui.locale || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    lines.push(`${ui.deadlineAt || 'Deadline'}: ${when}${patch.badge.sourceText ? ` (${patch.badge.sourceText})` : ''}`);
  }
  label.title = lines.join('\n');
  list.replaceChildren(...patch.badge.hints.map((hint) => {
    const li = document.createElement('li');
    li.textContent = hint;
    return li;
  }));
  list.hidden = patch.badge.hints.length === 0;
}
