// The content script's summary (extension/content/summary.js over the built wasm's
// `summarizeRecords`), in Node: its counts, urgent-first order and alerts must be what sorting every
// order gives (the reference below is the summary as the page side first wrote it in JavaScript).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_ALERTS, summarize } from '../../extension/content/summary.js';
import { localEngine } from '../../extension/content/engine.js';
import * as glue from '../../extension/pkg/deadline_guard.js';

glue.initSync({ module: readFileSync(new URL('../../extension/pkg/deadline_guard_bg.wasm', import.meta.url)) });
const engine = localEngine(glue);

const RISKS = ['overdue', 'critical', 'unreadable', 'warning', 'ok', 'none'];
const view = { ui: { risks: RISKS.map((r) => [r, r]) }, why: 'no order table found' };

function reference(entries, now) {
  const rank = new Map(RISKS.map((r, i) => [r, i]));
  const orders = new Map();
  for (const [element, item] of entries) if (!orders.has(item.orderId)) orders.set(item.orderId, { element, item });
  const counts = { total: orders.size, overdue: 0, critical: 0, unreadable: 0, warning: 0, ok: 0, none: 0 };
  const running = [];
  for (const o of orders.values()) {
    counts[o.item.risk] += 1;
    if (o.item.at != null) running.push(o);
  }
  running.sort((a, b) => (rank.get(a.item.risk) - rank.get(b.item.risk)) || (a.item.at - b.item.at));
  const alerts = running.filter(({ item }) => item.actionable && item.at > now)
    .sort((a, b) => a.item.at - b.item.at).slice(0, MAX_ALERTS).map(({ item }) => item.orderId);
  const rest = [...orders.values()].filter((o) => o.item.at == null);
  return { counts, urgent: [...running, ...rest].sort((a, b) => rank.get(a.item.risk) - rank.get(b.item.risk)).map(({ item }) => item.orderId), alerts };
}

function entriesOf(n, seed) {
  let s = seed;
  const rand = (k) => { s = (s * 1103515245 + 12345) % 2147483648; return s % k; };
  const entries = new Map();
  for (let i = 0; i < n; i += 1) {
    // Few distinct times and ids so that ties and duplicated orders are common.
    const id = String(8200000000000000 + rand(Math.max(1, Math.floor(n * 0.8))));
    const element = { row: i };
    entries.set(element, { element, orderId: id, risk: RISKS[rand(6)], at: rand(5) ? 1e12 + rand(50) * 60000 : null, actionable: rand(3) > 0, kind: 'ship', text: `t${i}` });
  }
  return entries;
}

test('the linear summary equals sorting every order, ties and duplicates included', () => {
  const now = 1e12 + 20 * 60000;
  for (const [n, seed] of [[0, 1], [1, 2], [7, 3], [300, 4], [5000, 5]]) {
    const entries = entriesOf(n, seed);
    const got = summarize(engine, entries, view, now);
    const want = reference(entries, now);
    assert.deepEqual(got.counts, want.counts, `counts, n=${n}`);
    assert.deepEqual(got.orders.map((x) => x.orderId), want.urgent, `urgent first, n=${n}`);
    assert.ok(got.orders.every((o) => entries.get(o.element) && entries.get(o.element).orderId === o.orderId), 'each listed order keeps its element');
    assert.equal(got.orders.length, want.counts.total, `every order listed once, n=${n}`);
    assert.deepEqual(got.alerts.map((x) => x.orderId), want.alerts, `alerts, n=${n}`);
    assert.equal(got.recognised, want.counts.total > 0);
  }
});

test('nothing recognised says why', () => {
  const got = summarize(engine, new Map(), view, 0);
  assert.equal(got.why, 'no order table found');
  assert.equal(got.recognised, false);
  assert.deepEqual([got.counts.total, got.orders, got.alerts], [0, [], []]);
});

test('a risk the view does not name is an error, never counted as another', () => {
  const entries = new Map([[{ row: 0 }, { orderId: '1', risk: 'doomed', at: null, actionable: false, text: '' }]]);
  assert.throws(() => summarize(engine, entries, view, 0), /bad records: risk 255 at record 0/);
});

test('orders the background watches are reported whatever their state, the others only while alerting', () => {
  const now = 1e12;
  const entries = new Map([
    [{ row: 0 }, { orderId: 'shipped', risk: 'none', at: null, actionable: false, kind: null, status: 'WAIT_BUYER_ACCEPT_GOODS', text: '' }],
    [{ row: 1 }, { orderId: 'quiet', risk: 'none', at: null, actionable: false, kind: null, status: 'FINISH', text: '' }],
    [{ row: 2 }, { orderId: 'soon', risk: 'critical', at: now + 3600e3, actionable: true, kind: 'ship', status: 'WAIT_SELLER_SEND_GOODS', text: '' }],
  ]);
  const got = summarize(engine, entries, view, now, new Set(['shipped', 'gone']));
  assert.deepEqual(got.alerts.map((a) => [a.orderId, a.actionable]).sort(), [['shipped', false], ['soon', true]]);
});
