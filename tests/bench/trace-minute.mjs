// Profiling aid, not a test: what an idle annotated page does at the minute boundary.
// `node tests/bench/trace-minute.mjs [orders]` (default 2,500) loads a generated seller-center page
// with the production build (DG_EXTENSION_DIR for another), waits until it is annotated, traces
// 6 s around each of two minute boundaries and prints every main-thread task over 0.5 ms with the
// time of its rendering phases and callbacks (BENCHMARKS.md, "Session 9", idle).
import { withExtension, routeSellerCenter, traceWhile } from './browsers.mjs';
import { sellerCenterPage, SELLER_CENTER_URL } from './seller-center.mjs';

const ORDERS = Number(process.argv[2] || 2500);
const PHASES = ['TimerFire', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'HitTest',
  'IntersectionObserverController::computeIntersections', 'MinorGC', 'MajorGC'];
const browser = await withExtension();
try {
  await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS }));
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await page.goto(SELLER_CENTER_URL);
  await page.waitForFunction((n) => document.querySelectorAll('[data-dg-risk]').length >= n, ORDERS, { timeout: 60000 });
  await page.waitForTimeout(3000);
  for (let round = 0; round < 2; round++) {
    await page.waitForTimeout(Math.max(0, 60000 - (Date.now() % 60000) - 2000));
    const events = await traceWhile(cdp, ['devtools.timeline', 'toplevel', 'v8'], () => page.waitForTimeout(6000));
    // The page's main thread: the renderer main thread that ran the most.
    const taskTime = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'ThreadControllerImpl::RunTask').reduce((a, e) => a + (e.dur || 0), 0);
    const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').sort((a, b) => taskTime(b) - taskTime(a))[0];
    const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const tasks = own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 500);
    console.log(`boundary ${round + 1}: main-thread tasks over 6 s ${(taskTime(main) / 1000).toFixed(1)} ms`);
    for (const t of tasks) {
      const by = {};
      for (const e of own) if (e !== t && PHASES.includes(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) by[e.name] = +((by[e.name] || 0) + e.dur / 1000).toFixed(1);
      console.log(`  +${((t.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(1)} ms ${JSON.stringify(by)}`);
    }
  }
} finally {
  await browser.close();
}
