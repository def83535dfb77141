// Shared by the extension hardening tests: generated seller-center pages served at the test
// server's origin (the TEST build of the extension runs there), on top of the extension's harness.
import { orderData, orderRow, classes, prng, sellerCenterPage } from '../bench/seller-center.mjs';

export { sellerCenterPage };
export const NOW = Date.now();
const CLS = classes(prng(1));

/** One English order row; `patch` overrides fields of the generated order (id, label, buyer, …). */
export function row(i, patch = {}, { lang = 'en' } = {}) {
  const o = { ...orderData(i, { lang, now: NOW }), ...patch };
  return { html: orderRow(o, i, CLS, lang), order: o };
}

/** Opens `html` at `path` on the test server (routed, so nothing is written to disk). */
export async function openHtml(browser, path, html, { waitRecognised = true, timeout = 30000 } = {}) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const target = `${browser.server.url}${path}`;
  await page.route(target, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(target, { timeout: 180000 });
  if (waitRecognised) await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised]', { state: 'attached', timeout });
  return { page, errors };
}

/** data-dg-* of every annotated element, in document order. */
export function annotated(page) {
  return page.$$eval('[data-dg-order-id]', (els) => els.map((el) => ({
    id: el.getAttribute('data-dg-order-id'), risk: el.getAttribute('data-dg-risk'), status: el.getAttribute('data-dg-status'),
    deadline: el.getAttribute('data-dg-deadline'), kind: el.getAttribute('data-dg-deadline-kind'),
    connected: el.isConnected, expect: el.getAttribute('data-expect') ?? el.closest('[data-expect]')?.getAttribute('data-expect') ?? null,
  })));
}

/** The overlay's state: recognised flag, error/why text, counts per risk. */
export function overlayState(page) {
  return page.$eval('[data-dg-ui="overlay"]', (o) => ({
    recognised: o.getAttribute('data-dg-recognised'),
    text: o.shadowRoot.textContent,
    counts: Object.fromEntries([...o.shadowRoot.querySelectorAll('.chip')].map((c) => [c.dataset.risk, Number(c.dataset.count)])),
  }));
}

/** Runs `fn` in the options page (an extension page, with chrome.storage). */
export async function inOptions(browser, fn, arg) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  const result = await page.evaluate(fn, arg);
  await page.close();
  return result;
}

/** A page with one order paid 4 days ago, awaiting shipment, no countdown: overdue under 3 handling days, fine under 7. */
export async function paidFourDaysAgo(browser, path) {
  const paid = new Date(Date.now() - 4 * 86400e3 - 8 * 3600e3);
  const stamp = paid.toISOString().slice(0, 19).replace('T', ' ');
  const r = row(900, { label: 'Awaiting shipment', code: 'WAIT_SELLER_SEND_GOODS', countdown: null, placed: stamp, paid: stamp });
  const { page } = await openHtml(browser, path, sellerCenterPage({ lang: 'en', rowsHtml: r.html }));
  await page.waitForSelector(`[data-dg-order-id="${r.order.id}"][data-dg-risk]`, { state: 'attached', timeout: 15000 });
  return { page, risk: await page.$eval(`[data-dg-order-id="${r.order.id}"]`, (e) => e.getAttribute('data-dg-risk')) };
}
