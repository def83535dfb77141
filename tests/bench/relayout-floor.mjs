// Profiling aid, not a test: what one small change costs a large seller-center page's rendering,
// without the extension. `node tests/bench/relayout-floor.mjs [orders]` (default 2,500) loads the
// generated page in plain headless Chromium, adds one small element per case, changes it once a
// trial under a Chromium trace, and prints the rendering phases of that frame (medians of 3 trials).
// It is the floor under issue 18's idle target: any change that needs layout inside the page's flow
// (even in a fixed-size `contain: strict` box) costs the page a whole PrePaint walk, while a
// paint-only change or one outside the flow costs little (BENCHMARKS.md, "Session 9").
import { withoutExtension, routeSellerCenter, median, traceWhile } from './browsers.mjs';
import { sellerCenterPage, SELLER_CENTER_URL } from './seller-center.mjs';

const ORDERS = Number(process.argv[2] || 2500);
const BOX = 'display:inline-block;width:80px;height:20px;contain:strict';
// [name, where the element goes, its style, what changes]
const CASES = [
  ['text in a contain:strict box, first child of body', 'body', BOX, 'text'],
  ['text in a contain:strict box, inside a row\'s cell', 'cell', BOX, 'text'],
  ['text in an inline span inside a row\'s cell (a badge without containment)', 'cell', '', 'text'],
  ['colour of a contain:strict box inside a row\'s cell (paint only)', 'cell', BOX, 'colour'],
  ['text in a position:fixed contain:strict box', 'body', 'position:fixed;top:0;left:0;width:80px;height:20px;contain:strict;background:#fff', 'text'],
];

const browser = await withoutExtension();
try {
  await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS }));
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await page.goto(SELLER_CENTER_URL);
  await page.waitForTimeout(2000);
  console.log(`${ORDERS} orders, plain page; ms of one frame after the change (median of 3)`);
  console.log('| change | Layout | PrePaint | Paint | style |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [i, [name, where, style, what]] of CASES.entries()) {
    await page.evaluate(({ i, where, style }) => {
      const el = document.createElement('span');
      el.id = `dg-floor-${i}`;
      el.style.cssText = style;
      el.textContent = '1 h 10 min';
      if (where === 'body') document.body.prepend(el);
      else document.querySelectorAll('table.next-table-row td')[40].append(el);
    }, { i, where, style });
    await page.waitForTimeout(800);
    const trials = [];
    for (let r = 0; r < 3; r++) {
      const events = await traceWhile(cdp, ['devtools.timeline'], async () => {
        await page.waitForTimeout(300);
        await page.evaluate(({ i, what }) => {
          const el = document.getElementById(`dg-floor-${i}`);
          if (what === 'colour') el.style.color = el.style.color === 'red' ? 'blue' : 'red';
          else el.textContent = el.textContent.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
        }, { i, what });
        await page.waitForTimeout(700);
      });
      const sum = (n) => events.filter((e) => e.name === n && e.ph === 'X').reduce((a, e) => a + e.dur, 0) / 1000;
      trials.push({ Layout: sum('Layout'), PrePaint: sum('PrePaint'), Paint: sum('Paint'), style: sum('UpdateLayoutTree') });
    }
    const m = (k) => median(trials.map((t) => t[k])).toFixed(1);
    console.log(`| ${name} | ${m('Layout')} | ${m('PrePaint')} | ${m('Paint')} | ${m('style')} |`);
  }
} finally {
  await browser.close();
}
