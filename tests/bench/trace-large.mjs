// Profiling aid, not a test: `node tests/bench/trace-large.mjs [orders]` loads a generated page with
// the TEST build of the extension under a Chromium trace, prints the page's own long-task entries,
// and lists what the main thread did inside each task over 45 ms after the page was laid out.
// The raw trace goes to /tmp/trace.json (open it in chrome://tracing or Perfetto).
import { launchChromium } from '../e2e/harness.mjs';
import { sellerCenterPage } from '../e2e/hardening-ext-lib.mjs';
import { writeFileSync } from 'node:fs';
import { traceWhile } from './browsers.mjs';

const N = Number(process.argv[2] || 10000);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const HEAD = `<script>window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime - (window.__pageReady ?? 0)), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });</script>`;
  const html = sellerCenterPage({ n: N, lang: 'en', seed: 11, extraHead: HEAD, extraBody: '<script>document.body.getBoundingClientRect(); window.__pageReady = performance.now(); performance.mark(\'dg-ready\');</script>' });
  const target = `${browser.server.url}/hardening/trace.html`;
  await page.route(target, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const categories = (process.env.TRACE_CATEGORIES || 'devtools.timeline,v8,blink.user_timing,toplevel').split(',');
  const events = await traceWhile(cdp, categories, async () => {
    await page.goto(target, { timeout: 180000 });
    await page.waitForFunction((n) => document.querySelectorAll('table.next-table-row[data-dg-risk]').length >= n, N, { timeout: 600000, polling: 1000 });
    await page.waitForTimeout(1500);
    console.log('longtask observer (ms since ready, duration):', JSON.stringify(await page.evaluate(() => window.__longTasks)));
  });
  writeFileSync('/tmp/trace.json', JSON.stringify(events));
  // The page's main thread: the one that parsed it.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const { pid, tid } = parse;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const ready = events.find((e) => e.name === 'dg-ready');
  const t0 = ready.ts;
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 45000 && e.ts > t0);
  const all = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts > t0);
  console.log(`${all.length} tasks after ready; total ${Math.round(all.reduce((a, e) => a + e.dur, 0) / 1000)} ms; >30ms: ${all.filter((e) => e.dur > 30000).length}; >40ms: ${all.filter((e) => e.dur > 40000).length}`);
  for (const t of tasks) {
    const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 2000);
    console.log(`task at ${Math.round((t.ts - t0) / 1000)} ms: ${Math.round(t.dur / 1000)} ms`);
    for (const e of inside.slice(0, 25)) console.log(`   ${e.name} ${Math.round((e.ts - t.ts) / 1000)}+${(e.dur / 1000).toFixed(1)} ${e.args?.data?.functionName ?? e.args?.data?.url?.slice(-40) ?? ''}`);
  }
} finally {
  await browser.close();
}
