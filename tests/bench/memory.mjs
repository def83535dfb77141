// Memory: what the extension adds to a page after annotating 10,000 orders, and whether it grows as
// the list is re-rendered. The added memory is the wasm's linear memory (read from the content
// script's own world, where `globalThis.__deadlineGuard.memoryBytes()` answers) plus the content
// script's JS heap: the page's V8 heap with the extension minus the same page's without it (the
// content script's world lives in the page's isolate, and these generated pages run no script of
// their own), each after a forced garbage collection. Then the list is replaced RERENDERS times by
// 1,000 fresh orders (a seller paging through), and the same figures are taken every 10 times.
// Usage: node tests/bench/memory.mjs [--orders 10000] [--rerenders 50] [--out FILE]
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { ROOT, withExtension, withoutExtension, routeSellerCenter, engineMemoryBytes } from './browsers.mjs';
import { sellerCenterPage, orderRows, SELLER_CENTER_URL } from './seller-center.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const ORDERS = Number(arg('--orders', 10000));
const RERENDERS = Number(arg('--rerenders', 50));
const PAGE_ORDERS = 1000;
const OUT = arg('--out', join(ROOT, 'tests/bench/out/memory.json'));
const MB = 1048576;

/** The V8 heap in use after a full collection. */
async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function plainHeap() {
  const browser = await withoutExtension();
  try {
    await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS }));
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(SELLER_CENTER_URL);
    await page.waitForTimeout(3000);
    return await heapUsed(cdp);
  } finally {
    await browser.close();
  }
}

const plain = await plainHeap();
const browser = await withExtension();
const samples = [];
try {
  await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS }));
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(SELLER_CENTER_URL);
  await page.waitForFunction((n) => document.querySelectorAll('[data-dg-risk]').length >= n, ORDERS, { timeout: 180000 });
  await page.waitForTimeout(3000); // the scan's last slices: the snapshot freed, the overlay drawn
  const sample = async (rerenders) => {
    const heap = await heapUsed(cdp);
    const wasm = await engineMemoryBytes(browser.context, page);
    const s = { rerenders, wasmBytes: wasm, scriptHeapBytes: Math.max(0, heap - plain), addedBytes: wasm + Math.max(0, heap - plain) };
    samples.push(s);
    process.stderr.write(`after ${rerenders} re-renders: wasm ${(wasm / MB).toFixed(1)} MB, script heap ${(s.scriptHeapBytes / MB).toFixed(1)} MB\n`);
    return s;
  };
  await sample(0);
  for (let r = 1; r <= RERENDERS; r++) {
    const { html } = orderRows(PAGE_ORDERS, { seed: 1000 + r, idBase: 8300000000000000 + r * 100000 });
    await page.evaluate((h) => {
      const tpl = document.createElement('template');
      tpl.innerHTML = h;
      document.getElementById('dg-bench-list').replaceChildren(tpl.content);
    }, html);
    await page.waitForFunction((n) => document.querySelectorAll('#dg-bench-list [data-dg-risk]').length >= n, PAGE_ORDERS, { timeout: 60000 });
    if (r % 10 === 0) await sample(r);
  }
} finally {
  await browser.close();
}
const first = samples[0];
const afterRerenders = samples.slice(1);
const report = {
  date: new Date().toISOString(), orders: ORDERS, rerenders: RERENDERS, pageOrders: PAGE_ORDERS,
  cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg(), plainHeapBytes: plain, samples,
  afterBytes: first.addedBytes,
  // Growth: the most the added memory stood above the first sample after the re-renders began.
  growthBytes: Math.max(0, ...afterRerenders.map((s) => s.addedBytes - afterRerenders[0].addedBytes)),
};
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(report, null, 2));
console.log(`after annotating ${ORDERS} orders: ${(first.addedBytes / MB).toFixed(1)} MB added (wasm ${(first.wasmBytes / MB).toFixed(1)} MB, ` +
  `script heap ${(first.scriptHeapBytes / MB).toFixed(1)} MB); goal ≤ 16 MB`);
console.log(`over ${RERENDERS} re-renders of ${PAGE_ORDERS} orders: ${samples.map((s) => (s.addedBytes / MB).toFixed(1)).join(', ')} MB ` +
  `(growth after the first 10: ${(report.growthBytes / MB).toFixed(1)} MB); goal: no growth`);
