// Writing the wasm's patches onto the page: `data-dg-*` attributes on each record and a badge in a
// shadow root beside its status. The one writer: the extension's content script and the widget's
// `scan()` both use this module. Page text and computed words only ever go through textContent and
// setAttribute, never innerHTML.

// Pills read at 4.5:1 at least in light and dark (page.css gives the host its colour scheme: the
// system's, or the page's own theme); each risk has an icon besides its colour and words. The hints
// keep the page's own text colour, which the page made readable on its background.
const BADGE_CSS = ':host{all:initial;color:inherit;display:inline-block;margin:2px 4px;vertical-align:middle}'
  + 'span{font:600 12px/1.4 system-ui,sans-serif;padding:1px 6px;border-radius:9px;color:light-dark(#fff,#202124);background:light-dark(#5f6368,#bdc1c6);white-space:nowrap;cursor:default}'
  + 'span:focus-visible{outline:2px solid light-dark(#1a63c8,#8ab4f8);outline-offset:1px}'
  + 'span[data-risk=overdue]{background:light-dark(#8c1d18,#ff8a80)}span[data-risk=critical]{background:light-dark(#c5221f,#fcad70)}'
  + 'span[data-risk=warning]{background:light-dark(#a35200,#fdd663)}span[data-risk=ok]{background:light-dark(#137333,#81c995)}'
  + 'span[data-risk=unreadable]{background:light-dark(#6d4c9f,#d7aefb)}'
  + 'span[data-risk=overdue]::before{content:"✖\\00a0"/""}span[data-risk=critical]::before{content:"▲\\00a0"/""}'
  + 'span[data-risk=warning]::before{content:"◆\\00a0"/""}span[data-risk=ok]::before{content:"●\\00a0"/""}'
  + 'span[data-risk=none]::before{content:"○\\00a0"/""}span[data-risk=unreadable]::before{content:"?\\00a0"/""}'
  + 'ul{all:initial;display:block;font:12px/1.4 system-ui,sans-serif;color:inherit;margin:2px 0 0;padding:0 0 0 14px}li{display:list-item}'
  // The rule above would show an empty list: a badge without hints stays one line high.
  + 'ul[hidden]{display:none}';

const ATTRIBUTES = [
  ['data-dg-order-id', (p) => p.orderId],
  ['data-dg-status', (p) => p.status],
  ['data-dg-deadline', (p) => p.deadline],
  ['data-dg-deadline-kind', (p) => p.deadlineKind],
  ['data-dg-deadline-source', (p) => p.deadlineSource],
  ['data-dg-risk', (p) => p.risk],
  ['data-dg-reason', (p) => p.reason],
];

/**
 * The anchor of each record's badge, and which write put it there (a prepared write yields to a
 * newer one). What the record shows is read back from the page itself: kept here, the previous
 * annotation of a 10,000-order page is megabytes of strings in the script's heap, enough to make
 * the page stop for a full garbage collection while it is being annotated.
 */
const written = new WeakMap();

/**
 * What `patches` would change, worked out without touching the page, so it has nothing to
 * restyle until `commitWrite`. On a page of 10,000 orders every frame that follows a change costs
 * the page about a second of style, layout and paint whatever the change's size, so a full scan
 * prepares everything in slices and then commits it in as few tasks as it can. `elementAt(line)`
 * is the element of a snapshot line (a patch's record, then its anchor, are asked in document
 * order). `badgeFor(record)` says whether the record is to have a badge (see `commitWrite`).
 * Returns `applied` (`[record element, patch]` for every patch whose elements exist) and `writes`
 * (the records whose annotation changes).
 */
export function preparePatches(elementAt, patches, badgeFor = always) {
  const applied = [];
  const writes = [];
  for (const patch of patches) {
    const el = elementAt(patch.node);
    const anchor = elementAt(patch.badge.anchor);
    if (!el || !anchor) continue;
    applied.push([el, patch]);
    const before = written.get(el);
    const existing = badgeOf(anchor);
    const same = before?.anchor === anchor && anchor.isConnected
      && (existing ? shows(el, existing, patch) : !badgeFor(el) && showsAttributes(el, patch));
    if (!same) writes.push({ el, anchor, patch, before });
  }
  return { applied, writes };
}

function always() {
  return true;
}

function showsAttributes(el, patch) {
  return ATTRIBUTES.every(([name, value]) => el.getAttribute(name) === (value(patch) ?? null));
}

/** Whether the record and its badge already show `patch`. */
function shows(el, host, patch) {
  if (!showsAttributes(el, patch)) return false;
  const { label, list } = partsOf(host);
  const { text, hints, sourceText } = patch.badge;
  if (label.textContent !== text || label.getAttribute('data-risk') !== patch.risk
    || label.getAttribute('data-source') !== (sourceText ?? null) || list.childElementCount !== hints.length) return false;
  return hints.every((hint, i) => list.children[i].textContent === hint);
}

/**
 * Writes one prepared record onto the page: its attributes and its badge; nothing when the
 * record was written again since this write was prepared (that write is newer). A record without
 * a badge gets one only when `badgeFor(record)` says so; one that has a badge keeps it current.
 */
export function commitWrite({ el, anchor, patch, before }, badgeFor = always) {
  if (!el.isConnected || !anchor.isConnected || written.get(el) !== before) return;
  if (before && before.anchor !== anchor) badgeOf(before.anchor)?.remove();
  for (const [name, value] of ATTRIBUTES) setOrRemove(el, name, value(patch));
  // A badge may have appeared since the write was prepared (a rescan of the same row).
  const host = badgeOf(anchor);
  if (host) fillBadge(host, patch);
  else if (badgeFor(el)) insertBadge(anchor, filled(patch));
  written.set(el, { anchor });
}

/** Whether the record carries its badge. */
export function hasBadge(el) {
  const anchor = written.get(el)?.anchor;
  return Boolean(anchor && badgeOf(anchor));
}

function setOrRemove(el, name, value) {
  if (value == null) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Removes a record's annotation and badge (it is no longer an order, or the extension stops). */
export function clearRecord(el) {
  for (const [name] of ATTRIBUTES) el.removeAttribute(name);
  const old = written.get(el);
  if (old) badgeOf(old.anchor)?.remove();
  written.delete(el);
}

/** Table parts cannot hold a badge beside them, so it goes inside; other anchors get it after. */
function insertBadge(anchor, host) {
  if (insideTable(anchor)) anchor.append(host);
  else anchor.after(host);
}

function insideTable(anchor) {
  return ['td', 'th', 'tr', 'table', 'tbody'].includes(anchor.localName);
}

function badgeOf(anchor) {
  const candidate = insideTable(anchor) ? anchor.lastElementChild : anchor.nextElementSibling;
  return candidate?.getAttribute('data-dg-ui') === 'badge' ? candidate : null;
}

// One style sheet shared by every badge where the browser lets a content script adopt it (parsing
// the same <style> once per row costs a 1,000-order page hundreds of milliseconds); else a <style>.
let sharedSheet; // undefined: not tried yet; null: this browser refused it
function badgeStyle(shadow) {
  if (sharedSheet !== null) {
    try {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(BADGE_CSS);
      }
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

/**
 * Gives the badge under the pointer its tooltip: the deadline as a date in the page's language and
 * the seller's time zone, named (`ui.clock`, a SellerClock). Formatting a date costs tens of
 * microseconds, a second's work for every badge of a 10,000-order page, and the tooltip is only
 * ever read on the badge being hovered.
 */
export function explainBadge(host, ui = {}) {
  if (host?.getAttribute?.('data-dg-ui') !== 'badge') return;
  const { label } = partsOf(host);
  const deadline = label.getAttribute('data-deadline');
  const source = label.getAttribute('data-source');
  label.title = deadline
    ? `${ui.deadlineAt || 'Deadline'}: ${ui.clock.full(Date.parse(deadline))}${source ? ` (${source})` : ''}`
    : '';
  // Its name for a screen reader: the words, then the deadline (on focus, as the tooltip on hover).
  label.setAttribute('aria-label', label.title ? `${label.textContent}. ${label.title}` : label.textContent);
}

function createBadge() {
  const host = document.createElement('span');
  host.setAttribute('data-dg-ui', 'badge');
  const shadow = host.attachShadow({ mode: 'open' });
  badgeStyle(shadow);
  // Reachable with Tab; a note named by its words, and by its deadline once focused (explainBadge).
  const label = document.createElement('span');
  label.tabIndex = 0;
  label.setAttribute('role', 'note');
  shadow.append(label, document.createElement('ul'));
  return host;
}

function filled(patch) {
  const host = createBadge();
  fillBadge(host, patch);
  return host;
}

/** The badge's label and hint list (after the `<style>` where style sheets cannot be adopted). */
function partsOf(host) {
  const { children } = host.shadowRoot;
  return { label: children[children.length - 2], list: children[children.length - 1] };
}

function fillBadge(host, patch) {
  const { label, list } = partsOf(host);
  label.textContent = patch.badge.text;
  label.setAttribute('data-risk', patch.risk);
  setOrRemove(label, 'data-deadline', patch.deadline);
  setOrRemove(label, 'data-source', patch.badge.sourceText);
  // Written when hovered or focused (explainBadge): a stale one would name the previous deadline.
  label.removeAttribute('title');
  label.setAttribute('aria-label', patch.badge.text);
  list.replaceChildren(...patch.badge.hints.map((hint) => {
    const li = document.createElement('li');
    li.textContent = hint;
    return li;
  }));
  list.hidden = patch.badge.hints.length === 0;
}
