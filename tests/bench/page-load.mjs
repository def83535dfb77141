// Page load: from the order list being in the DOM (the parser done with the page: the navigation's
// `domInteractive`) to every order annotated, on a generated seller-center page of N orders (100,
// the most the seller center shows on one page), the extension's whole start included: loading its
// modules, the settings, fetching, compiling and instantiating the wasm, the walk and the writes.
// Each run is a new tab of the same browser, as a seller opening pages of one session; the first
// run of a browser is reported apart (nothing of the extension is cached yet).
// Usage: node tests/bench/page-load.mjs [--runs N] [--orders N] [--out FILE]
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { ROOT, withExtension, routeSellerCenter, median } from './browsers.mjs';
import { sellerCenterPage, SELLER_CENTER_URL } from './seller-center.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('--runs', 10));
const ORDERS = Number(arg('--orders', 100));
const OUT = arg('--out', join(ROOT, 'tests/bench/out/page-load.json'));

// In the page's world from the start: notes when the N-th order gets its risk attribute.
const probe = `(() => {
  const seen = new Set();
  new MutationObserver((records) => {
    for (const r of records) if (r.target.hasAttribute('data-dg-risk')) seen.add(r.target);
    if (seen.size >= ${ORDERS} && !window.__dgAnnotatedAt) window.__dgAnnotatedAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-dg-risk'] });
})();`;

/** Milliseconds from domInteractive to the last order annotated, in a new tab. */
async function loadOnce(context) {
  const page = await context.newPage();
  try {
    await page.addInitScript(probe);
    await page.goto(SELLER_CENTER_URL);
    await page.waitForFunction(() => window.__dgAnnotatedAt, null, { timeout: 30000 });
    return await page.evaluate(() => window.__dgAnnotatedAt - performance.getEntriesByType('navigation')[0].domInteractive);
  } finally {
    await page.close();
  }
}

const first = [];
const later = [];
// A fresh browser for every few runs: its first tab is the cold case.
for (let b = 0; b < Math.max(1, Math.ceil(RUNS / 5)); b++) {
  const browser = await withExtension();
  try {
    await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS, seed: 3 }));
    first.push(await loadOnce(browser.context));
    for (let i = 0; i < 5 && later.length < RUNS; i++) later.push(await loadOnce(browser.context));
  } finally {
    await browser.close();
  }
  process.stderr.write(`browser ${b + 1}: first tab ${first.at(-1).toFixed(1)} ms, later tabs ${later.slice(-5).map((x) => x.toFixed(1)).join(' ')}\n`);
}
const report = {
  date: new Date().toISOString(), orders: ORDERS, runs: later.length, cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg(),
  firstTabMs: median(first), laterTabsMs: median(later), first, later,
};
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(report, null, 2));
console.log(`page load, ${ORDERS} orders, list in the DOM → every order annotated: median ${report.laterTabsMs.toFixed(1)} ms over ${later.length} tabs ` +
  `(first tab of a fresh browser: median ${report.firstTabMs.toFixed(1)} ms over ${first.length})`);
