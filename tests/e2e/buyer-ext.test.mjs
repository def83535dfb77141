// The dropshippers' "My Orders" page with the built extension in headless Chromium: every order
// annotated with the data-dg-* contract and a buyer-side badge that matches an independent
// working-day oracle, orders added by "load more" picked up live, the policy settings applied,
// in English and Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchWithExtension, routeFixture, shiftDates, REFERENCE, addDays, today, nthWorkingDay,
  workingDaysBetween, shortDate,
} from './guard-harness.mjs';

const EN_URL = 'https://www.aliexpress.com/p/order/index.html';
const ES_URL = 'https://es.aliexpress.com/p/order/index.html';
const S = Math.round((today() - REFERENCE) / 86_400_000);
const day = (offset) => addDays(REFERENCE, offset + S); // a fixture day, moved to today

let browser;
before(async () => {
  browser = await launchWithExtension();
  await routeFixture(browser.context, EN_URL, 'buyer/my-orders.en.html', shiftDates);
  await routeFixture(browser.context, ES_URL, 'buyer/my-orders.es.html', shiftDates);
});
after(async () => { await browser?.close(); });

const DEFAULTS = { supplierShipDays: 7, trackingProofDays: 5, refundDays: 15, receiptDays: 60 };

/** What the oracle expects on each order of the fixture: kind and badge text (a RegExp or exact). */
function expected(policy = DEFAULTS, lang = 'en') {
  const es = lang === 'es';
  const supplier = (orderDay) => {
    const last = nthWorkingDay(orderDay, policy.supplierShipDays);
    if (last < today()) return { kind: 'supplier_ship', risk: 'overdue', text: es ? /^Vencido hace/ : /^Overdue by .*supplier/ };
    const n = Math.max(1, workingDaysBetween(today(), last));
    const text = es ? `El proveedor debe enviar en ${n} ${n === 1 ? 'día hábil' : 'días hábiles'}`
      : `Supplier must ship within ${n} working day${n === 1 ? '' : 's'}`;
    return { kind: 'supplier_ship', text, hint: es ? 'Cancela ya: aún no se ha enviado' : 'Cancel now: not shipped yet' };
  };
  const by = (kind, en, spanish, last) => ({ kind, text: `${es ? spanish : en} ${shortDate(last, lang)}` });
  return {
    '8123456789010001': supplier(day(-7)),
    '8123456789010002': supplier(day(-1)),
    '8123456789010003': supplier(day(-23)),
    '8123456789010004': by('receipt', 'Confirm receipt or open a dispute by', 'Confirma la recepción o abre una disputa antes del', addDays(day(-11), policy.receiptDays - 1)),
    '8123456789010005': by('tracking_proof', 'Ask for the tracking number by', 'Pide el número de seguimiento antes del', nthWorkingDay(day(0), policy.trackingProofDays)),
    '8123456789010006': by('refund', 'Refund due by', 'Reembolso previsto antes del', nthWorkingDay(day(-2), policy.refundDays)),
    '8123456789010007': { kind: null, risk: 'none', status: 'FINISH' },
    '8123456789010008': { kind: null, risk: 'none', status: 'PLACE_ORDER_SUCCESS' },
    '8123456789010009': supplier(day(0)),
    '8123456789010010': by('tracking_proof', 'Ask for the tracking number by', 'Pide el número de seguimiento antes del', nthWorkingDay(day(-1), policy.trackingProofDays)),
  };
}

/** Each `.order-item`'s annotations and badge, by order id. */
function annotations(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.order-item')].map((item) => {
    const badge = item.querySelector('[data-dg-ui="badge"]');
    const main = badge?.shadowRoot?.querySelector('span');
    return [item.dataset.dgOrderId ?? item.querySelector('.order-item-header-right-info')?.textContent, {
      kind: item.dataset.dgDeadlineKind ?? null, risk: item.dataset.dgRisk ?? null, status: item.dataset.dgStatus ?? null,
      deadline: item.dataset.dgDeadline ?? null, text: main?.textContent ?? null, all: badge?.shadowRoot?.textContent ?? '',
    }];
  })));
}

async function waitForAnnotated(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.order-item[data-dg-order-id]').length === n
    && document.querySelectorAll('.order-item [data-dg-ui="badge"]').length === n, count, { timeout: 15_000 });
}

function check(got, want, ids) {
  for (const id of ids) {
    const g = got[id];
    const w = want[id];
    assert.ok(g, `order ${id} annotated`);
    assert.equal(g.kind, w.kind, `${id} kind`);
    if (w.risk) assert.equal(g.risk, w.risk, `${id} risk`);
    if (w.status) assert.equal(g.status, w.status, `${id} status`);
    if (w.text instanceof RegExp) assert.match(g.text, w.text, `${id} badge`);
    else if (w.text) assert.equal(g.text, w.text, `${id} badge`);
    if (w.hint) assert.ok(g.all.includes(w.hint), `${id} hint "${w.hint}" in "${g.all}"`);
    if (w.kind) assert.match(g.deadline, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, `${id} deadline`);
  }
}

const FIRST_PAGE = Array.from({ length: 8 }, (_, i) => `81234567890100${String(i + 1).padStart(2, '0')}`);
const ALL = [...FIRST_PAGE, '8123456789010009', '8123456789010010'];

test('every order of the English page gets its buyer-side clock and badge; load more is picked up', async () => {
  await browser.clearStorage();
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(EN_URL);
  await waitForAnnotated(page, 8);
  check(await annotations(page), expected(), FIRST_PAGE);
  const overlay = page.locator('[data-dg-ui="overlay"]');
  assert.equal(await overlay.getAttribute('data-dg-recognised'), 'true');

  await page.click('.order-more button');
  await waitForAnnotated(page, 10);
  check(await annotations(page), expected(), ALL);
  assert.deepEqual(errors, []);
  await page.close();
});

test('policy settings change the buyer-side badges live', async () => {
  await browser.clearStorage();
  const page = await browser.context.newPage();
  await page.goto(EN_URL);
  await waitForAnnotated(page, 8);
  const policy = { ...DEFAULTS, supplierShipDays: 10, trackingProofDays: 2, refundDays: 3, receiptDays: 90 };
  await browser.setStorage({ policy: { supplierShipDays: 10, trackingProofDays: 2, refundDays: 3, receiptDays: 90 } });
  const want = expected(policy);
  await page.waitForFunction((text) => [...document.querySelectorAll('.order-item[data-dg-order-id="8123456789010005"] [data-dg-ui="badge"]')]
    .some((b) => b.shadowRoot.textContent.includes(text)), want['8123456789010005'].text, { timeout: 15_000 });
  check(await annotations(page), want, FIRST_PAGE);
  await browser.clearStorage();
  await page.close();
});

test('the Spanish page reads Spanish dates and statuses and answers in Spanish', async () => {
  await browser.clearStorage();
  const page = await browser.context.newPage();
  await page.goto(ES_URL);
  await waitForAnnotated(page, 8);
  check(await annotations(page), expected(DEFAULTS, 'es'), FIRST_PAGE);
  await page.click('.order-more button');
  await waitForAnnotated(page, 10);
  check(await annotations(page), expected(DEFAULTS, 'es'), ALL);
  await page.close();
});
