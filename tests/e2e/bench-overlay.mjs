// The overlay's cost on a big page: `summarize` and `Overlay.render` over N annotated orders (a
// sixth per risk), in headless Chromium, outside the extension (the modules run in a page of the
// test server). Usage: node tests/e2e/bench-overlay.mjs [orders]. Numbers in BENCHMARKS.md.
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { ROOT } from './harness.mjs';
const server = await serve({ root: ROOT, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`${server.url}/www/index.html`);
const r = await page.evaluate(async (n) => {
  const { Overlay } = await import('/extension/content/overlay.js');
  const { summarize } = await import('/extension/content/summary.js');
  const { localEngine } = await import('/extension/content/engine.js');
  const glue = await import('/extension/pkg/deadline_guard.js');
  await glue.default();
  const engine = localEngine(glue);
  const { SellerClock } = await import('/extension/content/seller-time.js');
  const risks = ['overdue', 'critical', 'unreadable', 'warning', 'ok', 'none'];
  const ui = { title: 'Deadline Guard', ordersFound: 'orders', collapse: 'c', expand: 'e', deadlineAt: 'Deadline', risks: risks.map((x) => [x, x]) };
  const list = document.createElement('div'); document.body.append(list);
  const entries = new Map();
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const el = document.createElement('div'); list.append(el);
    const risk = risks[i % 6];
    entries.set(el, { element: el, orderId: String(8100000000000000 + i), risk, status: 'WAIT_SELLER_SEND_GOODS', at: risk === 'unreadable' || risk === 'none' ? null : now + (i % 500) * 60000, kind: 'ship', actionable: true, text: 'Ship within 3 h' });
  }
  const overlay = new Overlay({ signal: new AbortController().signal, engine: 'local' });
  const clock = new SellerClock('Europe/Madrid', 'en');
  const view = { ui, why: null };
  const times = { summarize: [], firstRender: 0, render: [] };
  let t = performance.now(); let s = summarize(engine, entries, view, now); times.summarize.push(performance.now() - t);
  t = performance.now(); overlay.render(s, { show: true, clock }); times.firstRender = performance.now() - t;
  for (let k = 0; k < 5; k++) {
    t = performance.now(); s = summarize(engine, entries, view, now); times.summarize.push(performance.now() - t);
    t = performance.now(); overlay.render(s, { show: true, clock }); times.render.push(performance.now() - t);
  }
  return { n, listed: overlay.shadow.querySelectorAll('[data-dg-overlay-order]').length, ...times };
}, Number(process.argv[2] ?? 10000));
console.log(JSON.stringify(r, (k, v) => typeof v === 'number' ? Math.round(v * 10) / 10 : v));
await browser.close(); await server.close();
