// The page side of a scan: elements with their tag, class, Fusion column key and own text, in
// document order, as the lines src/read/page/lines.rs reads (`parent \t tag \t class \t column \t
// text`). The JavaScript twin of src/dom/snapshot.rs: both must produce the same lines (an
// end-to-end test compares them). No decision is taken here.
//
// The walk can stop and resume (`SnapshotWalker.step(until)`), so a page of 10,000 orders is read
// in slices that each leave the page's main thread within a few milliseconds.

const CELLS = new Set(['td', 'th']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'textarea', 'input']);
// Rust's `char::is_whitespace` (Unicode White_Space), which `split_whitespace` uses; JavaScript's
// `\s` differs (it also matches U+FEFF).
const SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const NOT_SPACE = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Rust's `split_whitespace().join(" ")`. */
export function collapse(text) {
  const s = text.replace(SPACES, ' ');
  const start = s.charCodeAt(0) === 32 ? 1 : 0;
  const end = s.length > start && s.charCodeAt(s.length - 1) === 32 ? s.length - 1 : s.length;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * A resumable pre-order walk of element subtrees. `count` is the number of lines so far; with
 * `keep`, `elements[i]` is the element of line `i`.
 */
export class SnapshotWalker {
  /**
   * @param {Element[]} tops the subtrees to walk, in order
   * @param {{ parent?: number, elements?: (Element|null)[], keep?: boolean }} options the line
   *   index the tops hang from (-1: they are roots), elements already numbered (a synthetic root),
   *   and whether to keep every element (a page of 10,000 orders has 400,000: keeping them all
   *   costs the page long garbage-collection pauses, so a full scan finds them again instead,
   *   with an `ElementFinder`)
   */
  constructor(tops, { parent = -1, elements = [], keep = true } = {}) {
    this.elements = elements;
    this.keep = keep;
    this.count = elements.length;
    this.stack = [];
    for (let i = tops.length - 1; i >= 0; i -= 1) this.stack.push(tops[i], parent);
  }

  get done() {
    return this.stack.length === 0;
  }

  /** Walks until done or `performance.now()` passes `until`; returns the new lines. */
  step(until = Infinity) {
    let out = '';
    let visits = 0;
    while (this.stack.length) {
      const line = this.next(true);
      if (line === null) continue;
      out += line;
      if ((++visits & 63) === 0 && performance.now() > until) break;
    }
    return out;
  }

  /**
   * Visits the next element: its line (with `lines`; else '') and it becomes `this.current`, or
   * null when the element is left out.
   */
  next(lines) {
    const { stack } = this;
    const parent = stack.pop();
    const el = stack.pop();
    if (parent >= 0 && skipped(el)) return null;
    const index = this.count;
    const mark = stack.length;
    let text = '';
    if (lines) {
      let own = '';
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) own += `${child.nodeValue} `;
        else if (child.nodeType === 1 && !skipped(child)) stack.push(child, index);
      }
      if (own) text = collapse(own);
    } else {
      // Finding elements again: text nodes are looked at only where they decide whether the
      // element is kept, and no string is built (fewer wrappers, less garbage on a big page).
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
        if (!skipped(child)) stack.push(child, index);
      }
      if (stack.length === mark && hasOwnText(el)) text = ' ';
    }
    // An element without text or child elements (an icon, a <col>) carries nothing to read; a
    // table cell stays, since plain tables are read by column position.
    if (!text && stack.length === mark && parent >= 0 && !CELLS.has(el.localName)) return null;
    this.count += 1;
    this.current = el;
    if (this.keep) this.elements.push(el);
    reversePairs(stack, mark);
    if (!lines) return '';
    const cls = el.getAttribute('class');
    const col = el.getAttribute('data-next-table-col');
    return `${parent}\t${el.localName}\t${cls ? collapse(cls) : ''}\t${col ? collapse(col) : ''}\t${text}\n`;
  }
}

/**
 * Finds the elements of a full scan's lines again, walking the same way, forward only: `at(i)`
 * for non-decreasing `i`. Valid while the page's elements did not change since the lines were
 * taken (the content script rescans when they did).
 */
export class ElementFinder {
  constructor(root) {
    this.walker = new SnapshotWalker([root], { keep: false });
    this.index = -1;
  }

  /** The element of line `i`, or null when the page has fewer (or `i` is behind). */
  at(i) {
    const { walker } = this;
    if (i < this.index) return null;
    while (this.index < i) {
      if (walker.done) return null;
      if (walker.next(false) !== null) this.index = walker.count - 1;
    }
    return walker.current;
  }
}

/** Whether `el` has a text node child with more than white space (what `collapse` keeps). */
function hasOwnText(el) {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && NOT_SPACE.test(child.nodeValue)) return true;
  }
  return false;
}

/** Elements whose text is never order data, and the extension's own UI. */
function skipped(el) {
  return SKIPPED.has(el.localName) || el.hasAttribute('data-dg-ui');
}

/** The children were pushed in document order; the stack must pop them in document order. */
function reversePairs(stack, from) {
  for (let i = from, j = stack.length - 2; i < j; i += 2, j -= 2) {
    const el = stack[i];
    const p = stack[i + 1];
    stack[i] = stack[j];
    stack[i + 1] = stack[j + 1];
    stack[j] = el;
    stack[j + 1] = p;
  }
}

/** `{ lines, elements }` of the whole subtree of `root`, in one go. */
export function takeSnapshot(root) {
  const walker = new SnapshotWalker([root]);
  return { lines: walker.step(), elements: walker.elements };
}

/**
 * The rows that changed, under a synthetic root, after the context elements an earlier scan named
 * (header cells and rows): what `scanLines(…, rows = true)` reads. `elements[0]` is null.
 */
export function takeRowsSnapshot(context, rows) {
  const walker = new SnapshotWalker([...context, ...rows], { parent: 0, elements: [null] });
  return { lines: `-1\tdiv\t\t\t\n${walker.step()}`, elements: walker.elements };
}
