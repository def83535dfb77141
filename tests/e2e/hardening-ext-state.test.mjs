// Extension hardening: the overlay's counts when an order appears twice, and settings stored by an
// older version (both failed before the overlay counted distinct orders and the scan ignored
// dropped policy fields).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { row, openHtml, annotated, overlayState, sellerCenterPage, inOptions, paidFourDaysAgo } from './hardening-ext-lib.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const page = (rowsHtml, opts = {}) => sellerCenterPage({ lang: 'en', rowsHtml, ...opts });

test('the same order twice: both rows annotated alike, counted once', async () => {
  const a = row(40, { label: 'Awaiting shipment', code: 'WAIT_SELLER_SEND_GOODS' });
  const b = row(41, { label: 'Order complete', code: 'FINISH', countdown: null });
  const html = page(a.html + b.html + a.html);
  const { page: p } = await openHtml(browser, '/hardening/twice.html', html);
  await p.waitForFunction((id) => document.querySelectorAll(`[data-dg-order-id="${id}"]`).length === 2, a.order.id, { timeout: 15000 });
  const rows = (await annotated(p)).filter((r) => r.id === a.order.id);
  assert.deepEqual(rows[0], rows[1], 'the two copies carry the same annotation');
  const { counts } = await overlayState(p);
  const total = Object.values(counts).reduce((x, y) => x + y, 0);
  assert.equal(total, 2, `two distinct orders on the page, the overlay counts ${JSON.stringify(counts)}`);
  await p.close();
});

test('settings of an older version with a field this version dropped: still used, nothing lost', async () => {
  await inOptions(browser, async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set({ policy: { handlingDays: 3, shipTargetDays: 2 }, extension: { notifications: false } });
  });
  try {
    const { page, risk } = await paidFourDaysAgo(browser, '/hardening/older-settings-dropped.html');
    assert.equal(risk, 'overdue', 'the stored 3 handling days still apply');
    await page.close();
  } finally {
    await inOptions(browser, () => chrome.storage.sync.clear());
  }
});

