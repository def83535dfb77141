// Measures (not a test): how long the extension takes to scan and annotate a 1,000-order seller
// center page in headless Chromium — snapshot, wasm decision, patches, overlay — as the content
// script itself records it (`data-dg-scanned`, ms). Median of several page loads, with the wasm in
// the content script and through the background worker (strict CSP).
// Usage: node tests/e2e/bench-scan.mjs [orders=1000] [runs=7]     (after `make ext-unpacked`)
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './harness.mjs';

const ORDERS = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 7);

function pacific(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function page(n) {
  const now = Date.now();
  const rows = [];
  for (let i = 0; i < n; i += 1) {
    const paid = pacific(now - ((i * 7) % 200) * 3600_000);
    rows.push(`<table class="next-table-row" data-next-table-row="${i}"><tbody>
<tr class="next-table-group-header"><td colspan="5"><div class="header--wrap--Hs8d1"><span class="header--label--Kd9x1">Order ID:</span><span class="header--valueHighLight--wCk3sLF">81${String(i).padStart(14, '0')}</span><span class="header--item--b7Qp2">Order time: ${paid}</span><span class="header--item--b7Qp2">Payment time: ${paid}</span></div></td></tr>
<tr><td data-next-table-col="0" data-next-table-row="${i}"><div class="product--title--Qw3e8">Product ${i}</div><span class="chc-color-tag">x1</span></td><td data-next-table-col="1" data-next-table-row="${i}">US $${i}.99</td><td data-next-table-col="2" data-next-table-row="${i}">Buyer ${i}</td><td data-next-table-col="3" data-next-table-row="${i}"><div class="chc-state-label"><div class="chc-state-label__stateText">${i % 10 === 9 ? 'Order complete' : 'Awaiting shipment'}</div></div></td><td data-next-table-col="4" data-next-table-row="${i}"><button class="next-btn" type="button">Ship</button></td></tr>
</tbody></table>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${n} orders</title></head><body>
<div class="next-table"><div class="next-table-header"><table><thead><tr><th data-next-table-col="0">Product</th><th data-next-table-col="1">Amount</th><th data-next-table-col="2">Buyer</th><th data-next-table-col="3">Status</th><th data-next-table-col="4">Actions</th></tr></thead></table></div>
<div class="next-table-body" id="order-list">${rows.join('\n')}</div></div></body></html>`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launchChromium();
const dir = await mkdtemp(join(tmpdir(), 'dg-bench-'));
try {
  // The harness serves the repository; the generated page goes into a throwaway folder inside it.
  const rel = `dist/bench-${process.pid}`;
  await mkdir(join(browser.server.url ? process.cwd() : '.', rel), { recursive: true });
  await writeFile(join(process.cwd(), rel, 'orders.html'), page(ORDERS));
  for (const [label, prefix] of [['wasm in the content script', ''], ['wasm in the background worker (strict CSP)', '/strict']]) {
    const first = [];
    const rescan = [];
    for (let run = 0; run < RUNS; run += 1) {
      const tab = await browser.context.newPage();
      await tab.goto(`${browser.server.url}${prefix}/${rel}/orders.html`);
      await tab.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { state: 'attached', timeout: 60000 });
      const annotated = await tab.$$eval('[data-dg-order-id]', (els) => els.length);
      if (annotated !== ORDERS) throw new Error(`${annotated} of ${ORDERS} orders annotated`);
      first.push(Number(await tab.getAttribute('html', 'data-dg-scanned')));
      // A change by the page: one status edited, the debounced observer rescans everything once.
      await tab.evaluate(() => {
        document.documentElement.removeAttribute('data-dg-scanned');
        document.querySelector('.chc-state-label__stateText').textContent = 'Order complete';
      });
      await tab.waitForSelector('html[data-dg-scanned]', { state: 'attached' });
      rescan.push(Number(await tab.getAttribute('html', 'data-dg-scanned')));
      await tab.close();
    }
    console.log(`${ORDERS} orders, ${label}: first scan+annotate median ${median(first)} ms (runs: ${first.join(', ')}); rescan after a change median ${median(rescan)} ms (runs: ${rescan.join(', ')})`);
  }
  await rm(join(process.cwd(), rel), { recursive: true, force: true });
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
