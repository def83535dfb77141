// Browser benchmark: time for the extension to scan and annotate 100, 1,000 and 10,000 orders
// on a generated seller-center page, against the plain-JS floor (floor.js) measured in the same
// run, interleaved run by run so both see the same machine load. Medians of RUNS (default 10).
// Usage: node tests/bench/browser.mjs [--runs N] [--sizes 100,1000,10000] [--out FILE]
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { ROOT, withExtension, withoutExtension, routeSellerCenter, median } from './browsers.mjs';
import { sellerCenterPage, orderRows, SELLER_CENTER_URL } from './seller-center.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('--runs', process.env.RUNS ?? 10));
const SIZES = arg('--sizes', '100,1000,10000').split(',').map(Number);
const OUT = arg('--out', join(ROOT, 'tests/bench/out/browser.json'));
const here = (f) => readFile(join(ROOT, 'tests/bench', f), 'utf8');

const probe = await here('probe.js');
const floor = await here('floor.js');
// One warm-up order already on the page: its annotation tells us the contestant is loaded and running.
const shell = sellerCenterPage({ n: 1, seed: 7 });

async function measure(context, { attr, init }, n, seed) {
  const page = await context.newPage();
  try {
    await page.addInitScript(probe);
    if (init) await page.addInitScript(init);
    await page.goto(SELLER_CENTER_URL);
    await page.waitForFunction((a) => window.__dgBench.countWith(a) >= 1, attr, { timeout: 30000 });
    await page.waitForTimeout(300);
    const { html } = orderRows(n, { seed, start: 1 });
    return await page.evaluate(([h, a, count]) => window.__dgBench.insert(h, a, count), [html, attr, n]);
  } finally {
    await page.close();
  }
}

const ext = await withExtension();
const plain = await withoutExtension();
const results = Object.fromEntries(SIZES.map((n) => [n, { extension: [], floor: [] }]));
try {
  await routeSellerCenter(ext.context, () => shell);
  await routeSellerCenter(plain.context, () => shell);
  for (let run = 0; run < RUNS; run++) {
    for (const n of SIZES) {
      results[n].floor.push(await measure(plain.context, { attr: 'data-floor', init: floor }, n, 100 + run));
      results[n].extension.push(await measure(ext.context, { attr: 'data-dg-risk' }, n, 100 + run));
      process.stderr.write(`run ${run + 1}/${RUNS} n=${n}: floor ${results[n].floor.at(-1).annotated.toFixed(1)} ms, ` +
        `extension ${results[n].extension.at(-1).annotated.toFixed(1)} ms\n`);
    }
  }
} finally {
  await ext.close();
  await plain.close();
}

const summary = SIZES.map((n) => {
  const r = results[n];
  const m = (xs, k) => median(xs.map((x) => x[k]));
  const row = { orders: n, floorMs: m(r.floor, 'annotated'), extensionMs: m(r.extension, 'annotated') };
  row.ratio = row.extensionMs / row.floorMs;
  return row;
});
const report = { date: new Date().toISOString(), runs: RUNS, cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg(), summary, results };
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(report, null, 2));
const f = (x) => x.toFixed(1);
console.log('| orders | floor (ms) | extension (ms) | extension / floor |');
console.log('|---:|---:|---:|---:|');
for (const s of summary) console.log(`| ${s.orders} | ${f(s.floorMs)} | ${f(s.extensionMs)} | ${s.ratio.toFixed(2)}× |`);
console.log(`(medians of ${RUNS} runs; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; raw data ${OUT})`);
