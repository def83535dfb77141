// The wasm's linear memory grows while a big page is read and never shrinks; after the full scan the
// content script gives the engine a fresh instance (engine-instance.js `recycle`, content/main.js).
// After 4,000 orders the engine must hold little, and it must still annotate what changes next.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { openHtml, sellerCenterPage } from './hardening-ext-lib.mjs';
import { orderRows } from '../bench/seller-center.mjs';
import { engineMemoryBytes } from '../bench/browsers.mjs';

const N = 4000;
const MB = 1048576;
let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test(`after ${N} orders the engine holds a fresh instance's memory, and still annotates a new row`, async () => {
  const html = sellerCenterPage({ n: N, lang: 'en', seed: 5 });
  const { page, errors } = await openHtml(browser, '/memory/big.html', html, { waitRecognised: false });
  try {
    await page.waitForFunction((n) => document.querySelectorAll('table.next-table-row[data-dg-risk]').length >= n, N, { timeout: 180000, polling: 500 });
    // The full scan ends (snapshot released, instance replaced) after its last write.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-dg-scanned'), null, { timeout: 60000 });
    const bytes = await engineMemoryBytes(browser.context, page);
    assert.ok(bytes > 0 && bytes <= 16 * MB, `the engine holds ${(bytes / MB).toFixed(1)} MB after ${N} orders`);
    // The fresh instance works: a row added to the list is annotated as before.
    const { html: row } = orderRows(1, { seed: 77, lang: 'en', start: N + 1, idBase: 8400000000000000 });
    await page.evaluate((h) => {
      const tpl = document.createElement('template');
      tpl.innerHTML = h;
      tpl.content.firstElementChild.id = 'dg-added';
      document.getElementById('dg-bench-list').prepend(tpl.content);
    }, row);
    await page.waitForSelector('#dg-added[data-dg-risk]', { state: 'attached', timeout: 10000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
