// The page side of a scan: elements with their tag, class, Fusion column key and own text, in
// document order, as the lines src/scan/lines.rs reads (`parent \t tag \t class \t column \t
// text`). The one walk of a page: the extension's content script and the widget's `scan()` both
// use this module (`make build` copies page/ into extension/ and www/). No decision is taken here.
//
// The walk can stop and resume (`SnapshotWalker.step(until)`), so a page of 10,000 orders is read
// in slices that each leave the page's main thread within a few milliseconds.

const CELLS = new Set(['td', 'th']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'textarea', 'input']);
const INLINE = new Set(['b', 'strong', 'i', 'em', 'span', 'font', 'small', 'big', 'u', 's', 'sub', 'sup', 'mark', 'time', 'abbr']);
const FUSION_CLASS = /(^|\s)(chc|next)-/;
const NUMBER = /^[\s:：.,]*\p{Nd}[\p{Nd}\s:：.,]*$/u;
// Rust's `char::is_whitespace` (Unicode White_Space), which `split_whitespace` uses; JavaScript's
// `\s` differs (it also matches U+FEFF).
const SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Rust's `split_whitespace().join(" ")`. */
export function collapse(text) {
  const s = text.replace(SPACES, ' ');
  const start = s.charCodeAt(0) === 32 ? 1 : 0;
  const end = s.length > start && s.charCodeAt(s.length - 1) === 32 ? s.length - 1 : s.length;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * A resumable pre-order walk of element subtrees. `count` is the number of lines so far; with
 * `keep`, `elements[i]` is the element of line `i`; without, `ElementLocator` finds it again.
 */
export class SnapshotWalker {
  /**
   * @param {Element[]} tops the subtrees to walk, in order
   * @param {{ parent?: number, elements?: (Element|null)[], keep?: boolean }} options the line
   *   index the tops hang from (-1: they are roots), elements already numbered (a synthetic root),
   *   and whether to keep every element. A page of 10,000 orders has 400,000: keeping them all
   *   costs the page long garbage-collection pauses, and so does walking them all a second time,
   *   so without `keep` each line's parent line and its element's position among that parent's
   *   element children are kept instead, in typed arrays the collector never looks into.
   */
  constructor(tops, { parent = -1, elements = [], keep = true } = {}) {
    this.elements = elements;
    this.keep = keep;
    this.count = elements.length;
    this.parents = keep ? null : new Int32Array(4096);
    this.positions = keep ? null : new Int32Array(4096);
    // Triples: element, its parent's line, its position among the parent's element children.
    this.stack = [];
    // Children are pushed only when not skipped; the tops are checked here, once.
    for (let i = tops.length - 1; i >= 0; i -= 1) {
      if (parent < 0 || !skipped(tops[i])) this.stack.push(tops[i], parent, -1 - i);
    }
  }

  get done() {
    return this.stack.length === 0;
  }

  /**
   * Walks until done, `performance.now()` passes `until` or `most` lines are taken; returns the
   * new lines.
   */
  step(until = Infinity, most = Infinity) {
    let out = '';
    let visits = 0;
    while (this.stack.length) {
      const line = this.next();
      if (line === null) continue;
      out += line;
      visits += 1;
      if (visits >= most || ((visits & 63) === 0 && performance.now() > until)) break;
    }
    return out;
  }

  /** Visits the next element: its line, or null when the element is left out. */
  next() {
    const { stack } = this;
    const position = stack.pop();
    const parent = stack.pop();
    const el = stack.pop();
    const index = this.count;
    const mark = stack.length;
    let own = '';
    let children = 0;
    let carriersOnly = true;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) own += `${child.nodeValue} `;
      else if (child.nodeType === 1) {
        if (!skipped(child)) stack.push(child, index, children);
        children += 1;
        carriersOnly &&= carriesText(child);
      }
    }
    let text = own ? collapse(own) : '';
    // Text whose numbers are inline elements (`还剩<b>2</b>天<b>07</b>小时`, a clock's digits in
    // spans) is one text: read as the page shows it, it is a countdown; split, it is words and lone
    // numbers.
    if (text && children > 0 && carriersOnly) {
      stack.length = mark;
      text = collapse(el.textContent);
    }
    // An element without text or child elements (an icon, a <col>) carries nothing to read; a
    // table cell stays, since plain tables are read by column position.
    if (!text && stack.length === mark && parent >= 0 && !CELLS.has(el.localName)) return null;
    this.count += 1;
    if (this.keep) this.elements.push(el);
    else this.place(index, parent, position);
    reverseTriples(stack, mark);
    const cls = el.getAttribute('class');
    const col = el.getAttribute('data-next-table-col');
    return `${parent}\t${el.localName}\t${cls ? collapse(cls) : ''}\t${col ? collapse(col) : ''}\t${text}\n`;
  }

  place(index, parent, position) {
    if (index === this.parents.length) {
      const grow = (old) => {
        const bigger = new Int32Array(old.length * 2);
        bigger.set(old);
        return bigger;
      };
      this.parents = grow(this.parents);
      this.positions = grow(this.positions);
    }
    this.parents[index] = parent;
    this.positions[index] = position;
  }
}

/**
 * Finds the elements of a walk made without `keep` again, from the lines' parents and positions:
 * only the elements asked for and their ancestors are touched. Valid while the page's elements
 * did not change since the walk (the content script rescans when they did).
 */
export class ElementLocator {
  /** @param {Element[]} tops the walk's tops, @param {SnapshotWalker} walker the finished walk */
  constructor(tops, walker) {
    this.tops = tops;
    this.parents = walker.parents;
    this.positions = walker.positions;
    this.count = walker.count;
    // The ancestors of the last element found, root first: lookups in document order share them.
    this.lines = [];
    this.elements = [];
  }

  /** The element of line `i`, or null when the page no longer has it. */
  at(i) {
    if (!(i >= 0 && i < this.count)) return null;
    const down = [];
    let keep = -1;
    for (let line = i; line >= 0; line = this.parents[line]) {
      keep = this.lines.lastIndexOf(line);
      if (keep >= 0) break;
      down.push(line);
    }
    this.lines.length = keep + 1;
    this.elements.length = keep + 1;
    for (let k = down.length - 1; k >= 0; k -= 1) {
      const line = down[k];
      const position = this.positions[line];
      const parent = this.elements[this.elements.length - 1];
      const el = position < 0 ? this.tops[-1 - position] : parent?.children[position];
      if (!el) {
        this.lines.length = 0;
        this.elements.length = 0;
        return null;
      }
      this.lines.push(line);
      this.elements.push(el);
    }
    return this.elements[this.elements.length - 1];
  }
}

/**
 * An inline element holding nothing but a number (digits, a clock's colons), which the decision
 * reads nothing of: no column key, no Fusion class (`chc-…`, `next-…`). Its number belongs to its
 * parent's sentence. Words in such elements stay apart: merged into a status label they would make
 * it unknown.
 */
function carriesText(el) {
  if (!INLINE.has(el.localName) || el.firstElementChild || el.hasAttribute('data-next-table-col')) return false;
  const cls = el.getAttribute('class');
  return (!cls || !FUSION_CLASS.test(cls)) && NUMBER.test(el.textContent);
}

/** Elements whose text is never order data, and the extension's own UI. */
function skipped(el) {
  return SKIPPED.has(el.localName) || el.hasAttribute('data-dg-ui');
}

/** The children were pushed in document order; the stack must pop them in document order. */
function reverseTriples(stack, from) {
  for (let i = from, j = stack.length - 3; i < j; i += 3, j -= 3) {
    const el = stack[i];
    const parent = stack[i + 1];
    const position = stack[i + 2];
    stack[i] = stack[j];
    stack[i + 1] = stack[j + 1];
    stack[i + 2] = stack[j + 2];
    stack[j] = el;
    stack[j + 1] = parent;
    stack[j + 2] = position;
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
