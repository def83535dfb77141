// Measures (not a test): the widget's `scan(document)` on a seller-center page of N Fusion orders
// (tests/bench/seller-center.mjs) against the plain-JS floor in the same page — read each order
// row's text, write one attribute (tests/bench/floor.js does the same behind an observer). Median of
// several fresh pages in headless Chromium; prints both and their ratio.
// Usage: node tests/bench/widget-scan.mjs [--orders 1000] [--runs 7] [--root DIR]
//   --root: the checkout whose www/ (after `make build`) is measured, default this one; a copy of an
//   older commit's tree measures the "before".
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { sellerCenterPage } from './seller-center.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({ options: {
  orders: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' }, root: { type: 'string' },
} });
const ORDERS = Number(values.orders);
const RUNS = Number(values.runs);
const ROOT = resolve(values.root ?? join(HERE, '../..'));
const { serve } = await import(join(ROOT, 'www/serve.mjs'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rel = `dist/bench-widget-${process.pid}`;
await mkdir(join(ROOT, rel), { recursive: true });
await writeFile(join(ROOT, rel, 'orders.html'), sellerCenterPage({ n: ORDERS, lang: 'en', title: 'Orders' }));
const server = await serve({ root: ROOT, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const floor = [];
  const scans = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${rel}/orders.html`);
    await page.addScriptTag({
      type: 'module',
      content: "import * as dg from '/www/deadline-guard.js'; await dg.ready(); window.dg = dg; window.dgReady = true;",
    });
    await page.waitForFunction(() => window.dgReady === true);
    const [f, s, annotated] = await page.evaluate(() => {
      let t = performance.now();
      for (const row of document.querySelectorAll('table.next-table-row')) row.setAttribute('data-floor', String(row.textContent.length));
      const floorMs = performance.now() - t;
      for (const row of document.querySelectorAll('[data-floor]')) row.removeAttribute('data-floor');
      t = performance.now();
      window.dg.scan(document);
      const scanMs = performance.now() - t;
      return [floorMs, scanMs, document.querySelectorAll('[data-dg-order-id]').length];
    });
    if (annotated !== ORDERS) throw new Error(`${annotated} of ${ORDERS} orders annotated`);
    floor.push(f);
    scans.push(s);
    await page.close();
  }
  const round = (x) => Math.round(x * 10) / 10;
  console.log(`${ORDERS} Fusion orders, ${RUNS} fresh pages (${ROOT}):`);
  console.log(`  floor (read each row's text, write one attribute): median ${round(median(floor))} ms (runs: ${floor.map(round).join(', ')})`);
  console.log(`  scan(document): median ${round(median(scans))} ms (runs: ${scans.map(round).join(', ')})`);
  console.log(`  scan / floor: ${round(median(scans) / median(floor))}×`);
} finally {
  await browser.close();
  await server.close();
  await rm(join(ROOT, rel), { recursive: true, force: true });
}
