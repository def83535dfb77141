// 10,000 orders (issue 7): the page stays responsive while the extension annotates — no task over
// 50 ms, measured by the page's own PerformanceObserver for long tasks. The page forces its own
// layout while parsing and marks that moment, so every long task that starts later is work the
// extension caused (its scripts, or the style and layout its annotations trigger); the page itself
// runs nothing after that. One re-measure on a fresh page absorbs a load spike on a shared machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { openHtml, sellerCenterPage } from './hardening-ext-lib.mjs';

const N = 10000;
let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const HEAD = `<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  window.__writes = { first: null, last: null, count: 0 };
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) if (r.target.getAttribute('data-dg-risk') !== null) { window.__writes.count++; window.__writes.first ??= t; window.__writes.last = t; }
  }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-dg-risk'] });
</script>`;
const TAIL = '<script>document.body.getBoundingClientRect(); window.__pageReady = performance.now();</script>';

async function measure(attempt) {
  const html = sellerCenterPage({ n: N, lang: 'en', seed: 11 + attempt, extraHead: HEAD, extraBody: TAIL });
  const { page, errors } = await openHtml(browser, `/hardening/large-${attempt}.html`, html, { waitRecognised: false });
  try {
    await page.waitForFunction((n) => document.querySelectorAll('table.next-table-row[data-dg-risk]').length >= n, N, { timeout: 600000, polling: 1000 });
    await page.waitForTimeout(1500); // the frames after the last write belong to the annotation too
    const r = await page.evaluate(() => ({ ready: window.__pageReady, writes: window.__writes, tasks: window.__longTasks }));
    return { ...r, late: r.tasks.filter((t) => t.start >= r.ready), errors };
  } finally {
    await page.close();
  }
}

test(`${N.toLocaleString('en')} orders annotated without a task over 50 ms`, async () => {
  let r = await measure(0);
  if (r.late.length) r = { ...(await measure(1)), first: r.late };
  assert.ok(r.writes.first >= r.ready, 'the annotation started after the page was parsed and laid out');
  assert.deepEqual(r.late, [], `long tasks while annotating (ms since navigation): ${JSON.stringify(r.late.map((t) => [Math.round(t.start), Math.round(t.duration)]))}`
    + `; writes from ${Math.round(r.writes.first)} to ${Math.round(r.writes.last)} ms${r.first ? `; first attempt: ${JSON.stringify(r.first.map((t) => Math.round(t.duration)))}` : ''}`);
  assert.deepEqual(r.errors, []);
});
