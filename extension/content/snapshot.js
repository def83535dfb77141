// The page side of a scan: every element under a root with its tag, class, Fusion column key and
// own text, in document order. The JavaScript twin of src/dom/snapshot.rs: both must produce the
// same snapshot (an end-to-end test compares them). No decision is taken here.

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'textarea', 'input']);

/** `{ json, elements }`: the snapshot as the JSON string the wasm reads, and its elements by index. */
export function takeSnapshot(root, { lang, url }) {
  const nodes = [];
  const elements = [];
  walk(root, -1, nodes, elements);
  return { json: JSON.stringify({ lang, url, nodes }), elements };
}

function walk(el, parent, nodes, elements) {
  if (parent >= 0 && (SKIPPED.has(el.localName) || el.hasAttribute('data-dg-ui'))) return;
  const index = nodes.length;
  const node = { p: parent, t: el.localName };
  const cls = el.getAttribute('class');
  if (cls) node.c = cls;
  const col = el.getAttribute('data-next-table-col');
  if (col) node.k = col;
  nodes.push(node);
  elements.push(el);
  let own = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) own += child.nodeValue + ' ';
    else if (child.nodeType === Node.ELEMENT_NODE) walk(child, index, nodes, elements);
  }
  const text = collapse(own);
  if (text) node.x = text;
}

/** Rust's `split_whitespace().join(" ")`. */
function collapse(text) {
  return text.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter(Boolean).join(' ');
}
