// The widget's ES module API in headless Chromium: analyze, reconcile, toCsv, options errors.
// Every expected deadline is computed by hand from the samples and SAMPLE_NOW (see www/samples/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, pageWith, moduleReady, WWW, SAMPLE_NOW } from './widget-harness.mjs';

let harness;
let page;
let requests;
const sample = async (name) => readFile(join(WWW, 'samples', name), 'utf8');

before(async () => {
  harness = await start();
  ({ page, requests } = await harness.newPage('/api-test.html', { html: pageWith() }));
  await moduleReady(page);
});
after(async () => harness?.close());

/** Runs `fn(dg, arg)` in the page, with the module as `dg`. */
const inPage = (fn, arg) => page.evaluate(([source, value]) => {
  // eslint-disable-next-line no-new-func
  const f = new Function('dg', 'arg', `return (${source})(dg, arg);`);
  return f(window.dg, value);
}, [fn.toString(), arg]);

/** The error a call throws in the page: { name, message }, or null. */
const thrown = (fn, arg) => page.evaluate(([source, value]) => {
  const f = new Function('dg', 'arg', `return (${source})(dg, arg);`);
  try { f(window.dg, value); return null; } catch (e) { return { name: e.name, isTypeError: e instanceof TypeError, message: e.message }; }
}, [fn.toString(), arg]);

// Payment times in the sample are Pacific (PST, UTC-8, in November); handling time 7 × 24 h.
const API_EXPECTED = [
  // id, deadline (UTC), kind, source, risk
  ['8190000000000001', '2026-11-20T16:00:00Z', 'ship', 'computed', 'overdue'], // paid 13 Nov 08:00 PST
  ['8190000000000005', '2026-11-21T04:00:00Z', 'ship', 'api', 'critical'], // timeout_left_time 10 h from now
  ['8190000000000002', '2026-11-21T14:00:00Z', 'ship', 'computed', 'critical'], // paid 14 Nov 06:00 PST
  ['8190000000000009', '2026-11-21T14:00:00Z', 'dispute_response', 'api', 'critical'], // over_time_left 21 Nov 06:00 PST
  ['8190000000000006', '2026-11-22T18:00:00Z', 'cancel_response', 'api', 'warning'], // over_time_left 22 Nov 10:00 PST
  ['8190000000000003', '2026-11-23T10:00:00Z', 'ship', 'computed', 'warning'], // paid 16 Nov 02:00 PST
  ['8190000000000004', '2026-11-26T18:00:00Z', 'ship', 'computed', 'ok'], // paid 19 Nov 10:00 PST
  ['8190000000000007', '2027-01-03T17:00:00Z', 'receipt', 'computed', 'ok'], // shipped 4 Nov 09:00 PST + 60 d
  ['8190000000000008', null, null, null, 'none'], // FINISH
];

test('analyze reads an Open Platform list response: deadlines, kinds, sources, risk, most urgent first', async () => {
  const response = JSON.parse(await sample('open-platform-orders.json'));
  const result = await inPage((dg, arg) => dg.analyze(arg.response, { now: arg.now }), { response, now: SAMPLE_NOW });
  assert.deepEqual(result.orders.map((o) => [o.orderId, o.deadline, o.deadlineKind, o.deadlineSource, o.risk]), API_EXPECTED);
  assert.deepEqual(result.counts, { overdue: 1, critical: 3, warning: 2, ok: 2, none: 1, unreadable: 0, total: 9 });
  assert.deepEqual(result.errors, []);
  assert.equal(result.now, SAMPLE_NOW);
  assert.equal(result.platformTimeZone, 'America/Los_Angeles');
  const first = result.orders[0];
  assert.equal(first.secondsLeft, -7200);
  assert.equal(first.badge, 'Overdue by 2 h · shipping');
  assert.equal(first.buyer, 'María García');
  assert.equal(first.product, 'LED desk lamp, warm white');
  assert.ok(first.hints.includes('double_check_ship_button'));
  assert.equal(result.orders[2].product, 'USB-C cable 2 m (+1)', 'a second product is counted');
  assert.equal(result.orders[8].reasonCode, 'completed');
});

test('analyze takes the same response as JSON text, and a Date for now', async () => {
  const text = await sample('open-platform-orders.json');
  const result = await inPage((dg, arg) => dg.analyze(arg.text, { now: new Date(arg.now) }), { text, now: SAMPLE_NOW });
  assert.deepEqual(result.orders.map((o) => [o.orderId, o.deadline, o.deadlineKind, o.deadlineSource, o.risk]), API_EXPECTED);
});

test('analyze reads a detail response (one order)', async () => {
  const detail = {
    aliexpress_trade_new_redefining_findorderbyid_response: {
      target: {
        id: 8190000000000042, order_status: 'WAIT_SELLER_SEND_GOODS', gmt_pay_success: '2026-11-18 12:00:00',
        buyer_signer_fullname: 'Ana Pérez',
      },
    },
  };
  const result = await inPage((dg, arg) => dg.analyze(arg.detail, { now: arg.now }), { detail, now: SAMPLE_NOW });
  assert.equal(result.orders.length, 1);
  // 18 Nov 12:00 PST = 20:00 UTC, + 7 × 24 h.
  assert.equal(result.orders[0].deadline, '2026-11-25T20:00:00Z');
  assert.equal(result.orders[0].risk, 'ok');
});

test('analyze reads an array of orders; options change the clocks', async () => {
  const orders = JSON.parse(await sample('shop-orders.json'));
  const byId = (result) => Object.fromEntries(result.orders.map((o) => [o.orderId, o]));
  const plain = byId(await inPage((dg, arg) => dg.analyze(arg.orders, { now: arg.now }), { orders, now: SAMPLE_NOW }));
  assert.equal(plain['8190000000000006'].deadline, '2026-11-22T18:00:00Z'); // cancel requested 19 Nov 18:00 + 72 h
  assert.equal(plain['8190000000000006'].deadlineKind, 'cancel_response');
  assert.equal(plain['8190000000000009'].deadline, '2026-11-21T14:00:00Z'); // dispute opened 16 Nov 14:00 + 5 × 24 h
  assert.equal(plain['8190000000000099'].deadline, '2026-11-25T12:00:00Z'); // paid 18 Nov 12:00 + 7 × 24 h
  assert.equal(plain['8190000000000099'].risk, 'ok');
  assert.equal(plain['8190000000000099'].buyer, 'Sofia Novak');

  const tuned = byId(await inPage((dg, arg) => dg.analyze(arg.orders, {
    now: arg.now, handlingDays: 5, cancelResponseHours: 48, criticalHours: 12, warningHours: 36,
  }), { orders, now: SAMPLE_NOW }));
  assert.equal(tuned['8190000000000099'].deadline, '2026-11-23T12:00:00Z');
  assert.equal(tuned['8190000000000006'].deadline, '2026-11-21T18:00:00Z');
  assert.equal(tuned['8190000000000006'].risk, 'warning'); // 24 h left: not under 12, under 36
  assert.equal(tuned['8190000000000009'].risk, 'warning'); // 20 h left
  assert.equal(tuned['8190000000000099'].risk, 'ok'); // 64 h left
});

test('a row that cannot be read is listed with its reason; the other orders are kept', async () => {
  const orders = [
    { orderId: '8190000000000101', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' },
    { orderId: '8190000000000102', status: 'WAIT_SELLER_SEND_GOODS', paid: '31/02/2026' },
    { orderId: '8190000000000103', status: 'SHIPPED_MAYBE', paid: '2026-11-18T12:00:00Z' },
    { status: 'WAIT_SELLER_SEND_GOODS' },
  ];
  const result = await inPage((dg, arg) => dg.analyze(arg.orders, { now: arg.now }), { orders, now: SAMPLE_NOW });
  assert.equal(result.counts.total, 3);
  const byId = Object.fromEntries(result.orders.map((o) => [o.orderId, o]));
  assert.equal(byId['8190000000000101'].deadline, '2026-11-25T12:00:00Z');
  assert.equal(byId['8190000000000103'].risk, 'unreadable');
  assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[2, 'paid'], [3, 'status'], [4, null]]);
  assert.match(result.errors[0].message, /^row 2: paid: "31\/02\/2026" is not an ISO 8601 date-time/);
  assert.match(result.errors[2].message, /row 4: .*no id/);
});

test('invalid options throw a TypeError that names the option and the reason', async () => {
  const cases = [
    [{ criticalHours: 'soon' }, /criticalHours: .*whole number/],
    [{ criticalHours: 100 }, /criticalHours: must be less than warningHours \(72\), not 100/],
    [{ handlingDays: 0 }, /handlingDays: must be between 1 and 90 days, not 0/],
    [{ dayCount: 'weekly' }, /dayCount: .*weekly/],
    [{ platformTimeZone: 'Mars/Olympus' }, /platformTimeZone: unknown time zone "Mars\/Olympus"/],
    [{ handlingDay: 7 }, /handlingDay: unknown option/],
    [{ now: 'yesterday' }, /now: expected an ISO 8601 date-time/],
    [{ now: '2026-11-20T18:00' }, /now: .*with a zone/],
    [{ locale: 7 }, /locale: expected a language tag/],
    [{ holidays: ['2026-13-01'] }, /holidays: /],
    [{ weekend: ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'] }, /weekend: cannot hold all seven days/],
  ];
  for (const [options, pattern] of cases) {
    const error = await thrown((dg, arg) => dg.analyze([], arg), options);
    assert.ok(error, `no error for ${JSON.stringify(options)}`);
    assert.equal(error.isTypeError, true, `${JSON.stringify(options)} threw ${error.name}`);
    assert.match(error.message, pattern);
  }
  // Reconcile and the same checks.
  const error = await thrown((dg) => dg.reconcile([], [], { warningHours: -1 }));
  assert.equal(error.isTypeError, true);
  assert.match(error.message, /warningHours/);
  // Options that are not an object at all.
  assert.match((await thrown((dg) => dg.analyze([], 'fast'))).message, /^options: expected an object/);
});

test('an input of the wrong type is a TypeError naming the input', async () => {
  const error = await thrown((dg) => dg.analyze(42));
  assert.equal(error.isTypeError, true);
  assert.match(error.message, /^input: expected an array of orders, an Open Platform response object or CSV text, got the number 42/);
  const other = await thrown((dg) => dg.reconcile([], true));
  assert.match(other.message, /^otherInput: /);
});

test('an object that is not an order response says what it found', async () => {
  const result = await inPage((dg) => dg.analyze({ hello: 'world' }, { now: '2026-11-20T18:00:00Z' }));
  assert.equal(result.orders.length, 0);
  assert.equal(result.errors.length, 1);
  assert.match(result.errors[0].message, /hello/);
});

test('locale switches the language of the result', async () => {
  const result = await inPage((dg) => dg.analyze([], { locale: 'es-ES', now: '2026-11-20T18:00:00Z' }));
  assert.equal(result.locale, 'es');
  const unknown = await inPage((dg) => dg.analyze([], { locale: 'ja-JP', now: '2026-11-20T18:00:00Z' }));
  assert.equal(unknown.locale, 'en');
});

test('toCsv writes one row per order, UTC and seller time, formula-safe', async () => {
  const orders = [
    { orderId: '8190000000000201', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-14T14:00:00Z' },
    { orderId: '=HYPERLINK("http://evil.example","x")', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-19T18:00:00Z' },
  ];
  const csv = await inPage((dg, arg) => dg.toCsv(dg.analyze(arg.orders, { now: arg.now, sellerTimeZone: 'Europe/Madrid' })),
    { orders, now: SAMPLE_NOW });
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'order id,status,deadline (UTC),"deadline (seller time, Europe/Madrid)",kind,risk,hint,reason');
  assert.equal(lines.length, 3);
  assert.equal(lines[1], '8190000000000201,WAIT_SELLER_SEND_GOODS,2026-11-21T14:00:00Z,2026-11-21 15:00:00 +01:00,ship,critical,'
    + 'Past your own ship target; Check the ship button is still active,');
  assert.ok(lines[2].startsWith('"\'=HYPERLINK(""http://evil.example"",""x"")",'), lines[2]);
  const error = await thrown((dg) => dg.toCsv({ rows: [] }));
  assert.equal(error.isTypeError, true);
  assert.match(error.message, /^result: expected what analyze\(\) returned/);
});

test('reconcile lists one-sided orders and status mismatches, urgent first', async () => {
  const platform = JSON.parse(await sample('open-platform-orders.json'));
  const other = JSON.parse(await sample('shop-orders.json'));
  const result = await inPage((dg, arg) => dg.reconcile(arg.platform, arg.other, { now: arg.now }),
    { platform, other, now: SAMPLE_NOW });
  assert.deepEqual(result.discrepancies.map((d) => [d.orderId, d.kind, d.platformStatus, d.otherStatus, d.risk]), [
    ['8190000000000003', 'only_on_platform', 'WAIT_SELLER_SEND_GOODS', null, 'warning'],
    ['8190000000000099', 'only_on_other', null, 'WAIT_SELLER_SEND_GOODS', 'ok'],
    ['8190000000000004', 'status_mismatch', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS', 'ok'],
  ]);
  assert.deepEqual(result.counts, { onlyOnPlatform: 1, onlyOnOther: 1, statusMismatch: 1, total: 3 });
  assert.equal(result.matched, 7);
  assert.equal(result.platformTotal, 9);
  assert.equal(result.otherTotal, 9);
  assert.equal(result.discrepancies[0].deadline, '2026-11-23T10:00:00Z');
});

test('the module asks for nothing but its own files', async () => {
  const origin = new URL(harness.url).origin;
  for (const url of requests) assert.equal(new URL(url).origin, origin, url);
  const paths = requests.map((url) => new URL(url).pathname).sort();
  assert.ok(paths.includes('/pkg/deadline_guard_bg.wasm'));
  assert.deepEqual(paths.filter((p) => !/^\/(api-test\.html|deadline-guard\.js|define\.js|elements\/[a-z]+\.js|pkg\/deadline_guard(_bg\.wasm|\.js)|(engine|engine-instance|analysis)\.js|page\/[a-z]+\.js)$/.test(p)), []);
});

test('calling analyze before ready() is a clear error, not a crash', async () => {
  const { page: fresh } = await harness.newPage('/early.html', {
    html: `<!doctype html><script type="module">
      import { analyze, ready } from '/deadline-guard.js';
      try { analyze([]); window.early = 'no error'; } catch (e) { window.early = e.message; }
      await ready();
      window.late = analyze([], { now: '2026-11-20T18:00:00Z' }).counts.total;
    </script>`,
  });
  await fresh.waitForFunction(() => window.late !== undefined);
  assert.match(await fresh.evaluate(() => window.early), /await ready\(\) first/);
  assert.equal(await fresh.evaluate(() => window.late), 0);
});

test('an array may give statuses as panel labels, in the panel languages', async () => {
  const orders = [
    { orderId: '8190000000000601', status: 'Awaiting shipment', paid: '2026-11-18T12:00:00Z' },
    { orderId: '8190000000000602', status: '等待发货', paid: '2026-11-18T12:00:00Z' },
    { orderId: '8190000000000603', status: 'In dispute', disputeOpened: '2026-11-18T12:00:00Z' },
  ];
  const result = await inPage((dg, arg) => dg.analyze(arg.orders, { now: arg.now }), { orders, now: SAMPLE_NOW });
  const byId = Object.fromEntries(result.orders.map((o) => [o.orderId, o]));
  assert.equal(byId['8190000000000601'].status, 'WAIT_SELLER_SEND_GOODS');
  assert.equal(byId['8190000000000602'].deadline, '2026-11-25T12:00:00Z');
  assert.equal(byId['8190000000000603'].deadlineKind, 'dispute_response');
  assert.equal(byId['8190000000000603'].deadline, '2026-11-23T12:00:00Z');
  assert.deepEqual(result.errors, []);
});

test('analyze reads CSV text: deadlines from Pacific payment times, a bad row listed with its reason', async () => {
  const csv = await sample('orders.csv');
  const result = await inPage((dg, arg) => dg.analyze(arg.csv, { now: arg.now }), { csv, now: SAMPLE_NOW });
  assert.deepEqual(result.orders.map((o) => [o.orderId, o.deadline, o.risk]), [
    ['8190000000000001', '2026-11-20T16:00:00Z', 'overdue'],
    ['8190000000000002', '2026-11-21T14:00:00Z', 'critical'],
    ['8190000000000003', null, 'unreadable'],
    ['8190000000000004', '2026-11-26T18:00:00Z', 'ok'],
    ['8190000000000008', null, 'none'],
  ]);
  assert.equal(result.orders[0].buyer, 'María García');
  assert.equal(result.orders[0].product, 'LED desk lamp, warm white');
  assert.equal(result.errors.length, 1);
  assert.equal(result.errors[0].row, 3);
  assert.match(result.errors[0].message, /^row 3: Payment time: "31\/02\/2026 02:00" is not a calendar date/);
  // The same file with ';' and a byte-order mark, as spreadsheet programs in Europe save it.
  const semicolons = '\ufeff' + csv.split('\n').map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')).join('\n');
  const again = await inPage((dg, arg) => dg.analyze(arg.text, { now: arg.now }), { text: semicolons, now: SAMPLE_NOW });
  assert.deepEqual(again.orders.map((o) => [o.orderId, o.deadline, o.risk]), result.orders.map((o) => [o.orderId, o.deadline, o.risk]));
});

test('reconcile takes CSV on one side and an API response on the other', async () => {
  const platform = JSON.parse(await sample('open-platform-orders.json'));
  const csv = await sample('orders.csv');
  const result = await inPage((dg, arg) => dg.reconcile(arg.platform, arg.csv, { now: arg.now }), { platform, csv, now: SAMPLE_NOW });
  // The CSV lacks 5, 6, 7 and 9; its row for 3 has no readable payment time but its status matches.
  assert.deepEqual(result.discrepancies.map((d) => [d.orderId, d.kind]), [
    ['8190000000000005', 'only_on_platform'],
    ['8190000000000009', 'only_on_platform'],
    ['8190000000000006', 'only_on_platform'],
    ['8190000000000007', 'only_on_platform'],
  ]);
  assert.equal(result.matched, 5);
  assert.equal(result.errors.other.length, 1);
});
