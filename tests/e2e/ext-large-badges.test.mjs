// A page of more orders than the extension badges at once (LAZY_BADGES_ABOVE in main.js): every
// record gets its attributes and edge, only the records near the viewport get their badge, and a
// record scrolled into view gets its badge then.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { openHtml, sellerCenterPage } from './hardening-ext-lib.mjs';

const N = 2500;
let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const rows = 'table.next-table-row';

test(`${N.toLocaleString('en')} orders: every record annotated, badges near the viewport, more as it scrolls`, async () => {
  const { page, errors } = await openHtml(browser, '/hardening/many.html', sellerCenterPage({ n: N, lang: 'en', seed: 5 }), { timeout: 120000 });
  try {
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(`${sel}[data-dg-risk]`).length >= n, [rows, N], { timeout: 120000, polling: 250 });
    await page.waitForFunction((sel) => document.querySelector(sel).querySelector('[data-dg-ui="badge"]'), rows, { timeout: 15000 });
    const state = () => page.evaluate((sel) => {
      const all = [...document.querySelectorAll(sel)];
      const badged = all.map((row) => Boolean(row.querySelector('[data-dg-ui="badge"]')));
      return { badges: badged.filter(Boolean).length, first: badged[0], last: badged[all.length - 1] };
    }, rows);
    const top = await state();
    assert.equal(top.first, true, 'the first row, on screen, has its badge');
    assert.equal(top.last, false, 'the last row, thousands of pixels below, has none yet');
    assert.ok(top.badges > 0 && top.badges < 200, `a screenful of badges, not ${top.badges}`);

    await page.evaluate((sel) => [...document.querySelectorAll(sel)].at(-1).scrollIntoView(), rows);
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].at(-1).querySelector('[data-dg-ui="badge"]'), rows, { timeout: 15000 });
    const badge = await page.evaluate((sel) => {
      const row = [...document.querySelectorAll(sel)].at(-1);
      return { text: row.querySelector('[data-dg-ui="badge"]').shadowRoot.querySelector('span').textContent, risk: row.getAttribute('data-dg-risk') };
    }, rows);
    assert.ok(badge.text.length > 2, `the last row's badge says something: "${badge.text}"`);
    const overlay = await page.$eval('[data-dg-ui="overlay"]', (o) => Object.fromEntries([...o.shadowRoot.querySelectorAll('.chip')].map((c) => [c.dataset.risk, Number(c.dataset.count)])));
    assert.equal(Object.values(overlay).reduce((a, b) => a + b, 0), N, 'the overlay counts every order');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
