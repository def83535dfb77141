// Generated seller-center pages for the overlay and notification tests: orders whose truth
// (status, payment time, so the deadline) is chosen here and rendered in the seller center's
// Fusion structure by tests/bench/seller-center.mjs, with the payment time as the page prints it
// (US Pacific wall clock).
import { orderData, orderRow, classes, prng, sellerCenterPage } from '../bench/seller-center.mjs';

const CLS = classes(prng(16));
const HOUR = 3600e3;
const WEEK = 7 * 24 * HOUR;

/** "2026-11-20 09:41:07" in US Pacific time, as the seller center prints it. */
export function pacificStamp(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * One order awaiting shipment whose 7-day ship clock (the default handling time) ends `hoursLeft`
 * from `now`, or another status (`label`, `code`). Whole seconds, so the page's time is exact.
 */
export function order(i, { now, hoursLeft, label = 'Awaiting shipment', code = 'WAIT_SELLER_SEND_GOODS', id } = {}) {
  const paidMs = Math.floor((now + hoursLeft * HOUR - WEEK) / 1000) * 1000;
  const base = orderData(i, { lang: 'en', now, idBase: 8160000000000000 });
  return {
    ...base, id: id ?? String(8160000000000000 + i * 1013), label, code, countdown: null,
    placed: pacificStamp(paidMs - 600e3), paid: pacificStamp(paidMs), paidMs, placedMs: paidMs - 600e3,
  };
}

/** The page of `orders` (English seller center). */
export function pageOf(orders) {
  return sellerCenterPage({ lang: 'en', seed: 16, rowsHtml: orders.map((o, i) => orderRow(o, i, CLS, 'en')).join('') });
}

/**
 * Thirty orders, every one at risk: overdue, critical, warning, and cancellation requests whose
 * request time the page does not show (unreadable). Hours left stay far from every threshold
 * (24 h, 72 h), so the risk cannot change while a test runs.
 */
export function thirtyAtRisk(now) {
  const hours = [-30, -5, 3, 7, 12, 20, 30, 40, 50, 60];
  return Array.from({ length: 30 }, (_, i) => (i % 10 === 9
    ? order(i, { now, hoursLeft: 40, label: 'Buyer requested cancellation', code: 'IN_CANCEL' })
    : order(i, { now, hoursLeft: hours[i % 10] + Math.floor(i / 10) * 0.25 })));
}

/** The same orders as the widget's `analyze` takes them (times as instants). */
export function analyzeInput(orders) {
  return orders.map((o) => ({
    orderId: o.id, status: o.code, created: new Date(o.placedMs).toISOString(), paid: new Date(o.paidMs).toISOString(),
  }));
}
