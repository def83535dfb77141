// Shared by the widget hardening tests: hostile inputs built from tests/fixtures/hostile/payloads.json,
// showing them in <deadline-guard-orders> and auditing the page afterwards.
import assert from 'node:assert/strict';
import { pageWith, moduleReady, SAMPLE_NOW } from './widget-harness.mjs';
import { PAYLOADS, FOREIGN_TAGS, auditInPage } from '../fixtures/hostile/payloads.mjs';

export const ELEMENT = `<p id="host-text">The host page's own paragraph.</p>
<deadline-guard-orders id="w" now="${SAMPLE_NOW}"></deadline-guard-orders>`;

/** An Open Platform list response whose every text field carries a payload, plus broken ids, codes and dates. */
export function hostileResponse() {
  const orders = PAYLOADS.map((p, i) => ({
    order_id: String(8190000000000100 + i),
    order_status: 'WAIT_SELLER_SEND_GOODS',
    gmt_create: '2026-11-16 07:40:12',
    gmt_pay_time: '2026-11-16 08:00:00',
    buyer_signer_fullname: p,
    end_reason: p,
    product_list: { order_product_dto: [{ product_name: p, product_count: 1, logistics_service_name: p, goods_prepare_time: 7 }] },
  }));
  orders.push(
    { order_id: PAYLOADS[0], order_status: 'WAIT_SELLER_SEND_GOODS', gmt_pay_time: '2026-11-16 08:00:00' },
    { order_id: '8190000000000901', order_status: PAYLOADS[1], gmt_pay_time: '2026-11-16 08:00:00' },
    { order_id: '8190000000000902', order_status: 'WAIT_SELLER_SEND_GOODS', gmt_pay_time: PAYLOADS[2] },
  );
  return { aliexpress_solution_order_get_response: { result: { success: true, total_count: orders.length, target_list: { order_dto: orders } } } };
}

/** CSV whose cells, and one header, carry the payloads (quoted as RFC 4180 wants). */
export function hostileCsv() {
  const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
  const rows = [['Order ID', 'Status', 'Payment time', 'Buyer', 'Product', PAYLOADS[3]].map(q).join(',')];
  PAYLOADS.forEach((p, i) => rows.push([String(8190000000000200 + i), 'Awaiting shipment', '2026-11-16 08:00:00', p, p, p].map(q).join(',')));
  rows.push([PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], 'x', 'y', 'z'].map(q).join(','));
  return rows.join('\r\n');
}

export async function showAndAudit(harness, data, { attributes = {} } = {}) {
  const { page, requests, errors } = await harness.newPage('/hardening-widget.html', { html: pageWith(ELEMENT) });
  await moduleReady(page);
  await page.evaluate(([d, attrs]) => {
    const w = document.getElementById('w');
    for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    w.data = d;
  }, [data, attributes]);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('w').state));
  // Image errors, toggles and iframe loads fire asynchronously: give them the chance to run.
  await page.waitForTimeout(300);
  const audit = await page.evaluate(auditInPage, FOREIGN_TAGS);
  const view = await page.evaluate(() => {
    const w = document.getElementById('w');
    const box = w.getBoundingClientRect();
    return {
      state: w.state, text: w.shadowRoot.textContent, rows: w.shadowRoot.querySelectorAll('tbody tr').length,
      width: box.width, height: box.height, viewport: innerWidth,
      hostText: document.getElementById('host-text').textContent,
      hostVisible: document.getElementById('host-text').getBoundingClientRect().height > 0,
    };
  });
  return { page, requests, errors, audit, view };
}

export function assertHarmless({ audit, view, errors }) {
  assert.equal(audit.pwned, null, 'a payload ran');
  assert.deepEqual(audit.foreign, [], 'a payload became markup');
  assert.ok(audit.bodyVisible, 'a CSS payload hid the page');
  assert.equal(view.hostText, "The host page's own paragraph.");
  assert.ok(view.hostVisible, 'the host page lost its layout');
  assert.ok(view.height > 0 && view.width <= view.viewport + 1, `widget box ${view.width}×${view.height} in a ${view.viewport} px viewport`);
  assert.deepEqual(errors.map(String).filter((e) => /Uncaught|TypeError|ReferenceError/.test(e)), []);
}

