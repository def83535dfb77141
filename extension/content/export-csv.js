// "Export CSV" from the overlay: the page's orders (all of them, or the ones the overlay lists)
// as the widget's `toCsv` writes them — same columns, same formula-safe cells — by the wasm's
// `csvOfLines`, which reads the rows again with the page pipeline (the content script keeps only
// what the overlay shows). Where the page's CSP forbids the wasm here, the background worker
// writes it (engine.js). Downloaded through a Blob URL: no "downloads" permission.

import { takeRowsSnapshot } from '../page/snapshot.js';

/** Rows per `csvOfLines` call: the same batches as a rescan of changed rows. */
const BATCH = 50;

/**
 * The CSV of `rows` (record elements, one per order, in the order wanted), read with the header
 * cells `context` an earlier scan named: `{ csv, count }` (rows gone from the page are left out).
 * Between batches the page gets its turn.
 */
export async function csvOfRows({ engine, rows, context, lang, url, options, now, yieldToPage }) {
  let csv = '';
  const live = rows.filter((el) => el.isConnected);
  const header = context.filter((el) => el.isConnected);
  for (let from = 0; from === 0 || from < live.length; from += BATCH) {
    const { lines } = takeRowsSnapshot(header, live.slice(from, from + BATCH));
    const answer = await engine.csvOfLines(lang, url, lines, options, now, true, from === 0);
    if (answer.error) throw new Error(answer.error);
    csv += answer.csv;
    if (from + BATCH < live.length) await yieldToPage();
  }
  return { csv, count: live.length };
}

/** `deadline-guard-YYYY-MM-DD.csv`, the date of `now` where the seller is (the browser's). */
export function csvFileName(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `deadline-guard-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Saves `csv` as a file through a link in `parent` (the overlay's shadow root). */
export function downloadCsv(csv, parent, name = csvFileName()) {
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (as the widget's).
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
