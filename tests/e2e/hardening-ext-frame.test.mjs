// "A changed row is re-annotated within the same frame" (issue 7), measured by what the page does:
// the page changes a row's status, then registers a ResizeObserver on a fresh element; its first
// callback runs in the next rendering update after the change (after that frame's animation-frame
// callbacks, style and layout, before paint). If the row's data-dg-* already match the change at
// that point, the frame the seller sees is right. No wall-clock time is involved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openScanned, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test('a changed row is re-annotated before the next frame is painted', async () => {
  const page = await openScanned(browser.context, `${browser.server.url}${FIXTURES}/en.html`);
  await page.waitForSelector('[data-expect-order-id="8190000000000103"][data-dg-risk]', { state: 'attached' });
  const results = [];
  for (const [label, status] of [['Order complete', 'FINISH'], ['Awaiting shipment', 'WAIT_SELLER_SEND_GOODS'], ['Order complete', 'FINISH']]) {
    // Let any follow-up scan of the previous change finish first.
    await page.waitForSelector(`[data-expect-order-id="8190000000000103"][data-dg-status]`, { state: 'attached' });
    await page.waitForTimeout(1000);
    results.push(await page.evaluate(([text, want]) => new Promise((resolve) => {
      const row = document.querySelector('[data-expect-order-id="8190000000000103"]');
      row.querySelector('.chc-state-label__stateText').textContent = text;
      const probe = document.createElement('div');
      probe.style.cssText = 'position:absolute;width:1px;height:1px;left:-10px;top:0';
      document.documentElement.append(probe);
      const ro = new ResizeObserver(() => {
        ro.disconnect();
        probe.remove();
        resolve({ want, atNextFrame: row.getAttribute('data-dg-status') });
      });
      ro.observe(probe);
    }), [label, status]));
  }
  for (const r of results) assert.equal(r.atNextFrame, r.want, `status at the next frame: ${JSON.stringify(results)}`);
  await page.close();
});
