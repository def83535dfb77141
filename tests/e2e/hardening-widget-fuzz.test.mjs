// Issue 19: fuzz of the JS boundary in Chromium. Generated JS values (nested objects and arrays,
// huge strings, numbers where strings go, nulls, cycles, Maps, Proxies and getters that throw,
// order-like objects with wrong fields) go through analyze(), reconcile(), orderList(), toCsv()
// and scan() as inputs and as options. The property, for each call: it returns a result of the
// documented shape or throws a clear error (a TypeError or RangeError naming what was wrong, in a
// message of reasonable length, or the value's own exception), and the next ordinary call works.
//
// A fixed number of calls (FUZZ_VALUES, default 8,000: about 20 s), from a seeded generator: the seed is
// printed, and FUZZ_SEED=<seed> replays a run exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, pageWith, moduleReady, SAMPLE_NOW } from './widget-harness.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const VALUES = Number(process.env.FUZZ_VALUES ?? 8000);
const CHUNK = 100;

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());

/** Runs in the page: sets up the generator and the checks (self-contained: no closure). */
function installFuzz({ seed, now }) {
  // mulberry32: small, fast, and the same sequence for the same seed everywhere.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => random() < p;
  class FuzzError extends Error {}

  const ORDER_FIELDS = ['id', 'orderId', 'status', 'side', 'created', 'paid', 'shipped', 'cancelRequested', 'cancelRefused',
    'cancelAgreed', 'disputeOpened', 'givenDeadline', 'handlingDays', 'receiptDays', 'endReason', 'readErrors', 'buyer', 'product'];
  const API_FIELDS = ['order_id', 'order_status', 'gmt_pay_time', 'gmt_create', 'timeout_left_time', 'buyer_signer_fullname',
    'product_list', 'order_product_dto', 'product_name', 'goods_prepare_time', 'freight_commit_day', 'end_reason', 'target_list', 'order_dto'];
  const OPTIONS = ['now', 'locale', 'handlingDays', 'dayCount', 'shipTargetHours', 'cancelResponseHours', 'disputeResponseDays',
    'riskControlHours', 'supplierShipDays', 'trackingProofDays', 'refundDays', 'receiptDays', 'criticalHours', 'warningHours',
    'platformTimeZone', 'sellerTimeZone', 'weekend', 'holidays', 'holidayCountry', 'extensions', 'badges', 'overlay', 'handlingDay'];
  const WORDS = ['WAIT_SELLER_SEND_GOODS', 'FINISH', 'IN_CANCEL', 'Awaiting shipment', '2026-11-18T12:00:00Z', '2026-11-16 08:00:00',
    '2026-13-45', 'Asia/Shanghai', 'Mars/Olympus', 'calendar', 'working', 'Sat', 'Caturday', 'CN', 'ES', 'es-ES', 'zh', '8190000000000001',
    '<img src=x onerror=alert(1)>', '\u202e\u0000\ud800', '﷽', '=1+1', 'ship', 'page', 'api', 'overdue', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', ' ', ''];
  const kinds = {};
  const count = (kind) => { kinds[kind] = (kinds[kind] ?? 0) + 1; };

  function text() {
    const roll = random();
    if (roll < 0.5) return pick(WORDS);
    if (roll < 0.8) {
      let out = '';
      for (let i = int(40); i > 0; i -= 1) out += String.fromCharCode(chance(0.8) ? 32 + int(95) : int(0xffff));
      return out;
    }
    if (roll < 0.97) { count('long string'); return pick(WORDS).repeat(1 + int(5000)); }
    count('huge string');
    return 'x'.repeat(pick([1_048_577, 5e6, 33_554_433]));
  }

  function number() {
    count('number');
    return pick([0, -0, 1, -1, 7, 90, 91, 1.5, -2.5, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 + 2, 1e308, -1e308, NaN, Infinity,
      -Infinity, Number.MIN_VALUE, int(1e6), 8190000000000001, Date.now()]);
  }

  function nested(depth) {
    count('deep nesting');
    let value = scalar();
    const wrap = pick([(v) => [v], (v) => ({ a: v }), (v) => new Map([['m', v]]), (v) => ({ orderId: '1', givenDeadline: v })]);
    for (let i = 0; i < depth; i += 1) value = wrap(value);
    return value;
  }

  function cyclic() {
    count('cycle');
    const roll = int(4);
    if (roll === 0) { const o = { orderId: '1' }; o.self = o; return [o]; }
    if (roll === 1) { const a = []; a.push(a, a); return a; }
    if (roll === 2) { const m = new Map(); m.set('m', m); return m; }
    const o = { order_id: '8190000000000001' }; o.product_list = { order_product_dto: [o] }; return { target_list: { order_dto: [o] } };
  }

  function exotic() {
    count('exotic object');
    switch (int(14)) {
      case 0: return Symbol('s');
      case 1: return () => 1;
      case 2: return new Date(pick([0, NaN, 8.64e15, 8.64e15 + 1, Date.now()]));
      case 3: return /re/g;
      case 4: return new Uint8Array(int(64));
      case 5: return new Set([1, 2]);
      case 6: return new Map([[1, 'non-string key']]);
      case 7: return pick([0n, -1n, 2n ** 63n, 2n ** 70n, -(2n ** 70n)]);
      case 8: return new Proxy({}, { ownKeys() { throw new FuzzError('ownKeys trap'); } });
      case 9: return new Proxy([], { get(target, key) { if (key === 'length') throw new FuzzError('length trap'); return Reflect.get(target, key); } });
      case 10: return Object.defineProperty({}, 'orderId', { enumerable: true, get() { throw new FuzzError('getter'); } });
      case 11: return Object.create(null);
      case 12: return new Array(pick([10, 1e5, 2e6, 2 ** 32 - 1]));
      default: return { toJSON() { return 'json'; }, valueOf() { throw new FuzzError('valueOf'); } };
    }
  }

  function scalar() {
    return pick([null, undefined, true, false, number(), text()]);
  }

  /** Any value, `depth` levels in. */
  function value(depth = 0) {
    const roll = random();
    if (depth > 5 || roll < 0.35) return scalar();
    if (roll < 0.5) return exotic();
    if (roll < 0.53) return nested(pick([100, 127, 128, 129, 200, 1000, 100_000]));
    if (roll < 0.56) return cyclic();
    if (roll < 0.72) { count('array'); return Array.from({ length: int(6) }, () => value(depth + 1)); }
    if (roll < 0.86) return order(depth + 1);
    count('object');
    const object = {};
    for (let i = int(6); i > 0; i -= 1) object[chance(0.5) ? pick(API_FIELDS) : text().slice(0, 20)] = value(depth + 1);
    return object;
  }

  /** An order-like object: real field names, values of any kind (numbers where strings go…). */
  function order(depth) {
    count('order-like');
    const object = {};
    const fields = chance(0.5) ? ORDER_FIELDS : API_FIELDS;
    for (let i = 1 + int(8); i > 0; i -= 1) object[pick(fields)] = chance(0.5) ? pick(WORDS) : value(depth + 1);
    return object;
  }

  function input() {
    const roll = random();
    if (roll < 0.15) return text();
    if (roll < 0.3) { count('response'); return { aliexpress_solution_order_get_response: { result: { target_list: { order_dto: Array.from({ length: int(5) }, () => order(3)) } } } }; }
    if (roll < 0.6) { count('order array'); return Array.from({ length: int(8) }, () => order(1)); }
    return value();
  }

  function options() {
    const roll = random();
    if (roll < 0.1) return value();
    // Often no or good options, so that the inputs are read and analysed, not refused at once.
    if (roll < 0.3) return undefined;
    if (roll < 0.5) return { now };
    count('options');
    const object = {};
    for (let i = int(4); i > 0; i -= 1) object[pick(OPTIONS)] = chance(0.3) ? pick(WORDS) : value(1);
    if (chance(0.5)) object.now = now;
    return object;
  }

  const ORDINARY = [{ orderId: '8190000000000001', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' }];
  const fixture = document.createElement('div');
  document.body.append(fixture);

  const calls = {
    analyze: (dg) => dg.analyze(input(), options()),
    reconcile: (dg) => dg.reconcile(input(), input(), options()),
    orderList: (dg) => dg.orderList(input(), options()).at(chance(0.5) ? undefined : value()),
    toCsv: (dg) => {
      let result = chance(0.5) ? value() : dg.analyze(ORDINARY, { now });
      if (result && typeof result === 'object' && chance(0.7) && !(result instanceof Map)) {
        try { result = { ...result, [pick(['orders', 'locale', 'sellerTimeZone'])]: value(1) }; } catch { /* a Proxy */ }
      }
      return dg.toCsv(result, options());
    },
    scan: (dg) => {
      fixture.textContent = '';
      for (let i = int(4); i > 0; i -= 1) {
        const row = document.createElement('div');
        row.textContent = `Order ID: ${chance(0.5) ? '8190000000000001' : text().slice(0, 100)} ${pick(WORDS)} ${chance(0.5) ? 'Ship within 2 days 3 h' : text().slice(0, 50)}`;
        fixture.append(row);
      }
      return dg.scan(chance(0.8) ? fixture : value(), options());
    },
  };

  /** Whether `result` has the documented shape of what `name` returns. */
  function shaped(name, result) {
    if (name === 'toCsv') return typeof result === 'string';
    if (name === 'reconcile') return Array.isArray(result?.discrepancies) && typeof result.counts === 'object';
    return Array.isArray(result?.orders) && typeof result.counts === 'object';
  }

  /** Why `error` is not a clear error, or null. */
  function unclear(error) {
    if (error instanceof FuzzError) return null; // the value's own exception, passed on
    if (!(error instanceof Error)) return `threw a non-Error: ${String(error).slice(0, 200)}`;
    const message = String(error.message);
    // The longest clear message lists the supported time zones (about 2,400 characters).
    if (message.length > 4000) return `a message of ${message.length} characters: ${message.slice(0, 200)}…`;
    if (message.startsWith("Deadline Guard's engine stopped")) {
      // The instance broke: acceptable only when the value's own exception went through the wasm.
      return error.cause instanceof FuzzError ? null : `the instance broke: ${message.slice(0, 300)}`;
    }
    if (!(error instanceof TypeError || error instanceof RangeError)) return `a ${error.constructor.name}: ${message.slice(0, 300)}`;
    // It starts with what was wrong: an option's or an input's name (cut when long), then why.
    if (!/^[^\n]{1,90}?: \S/.test(message)) return `a message that names nothing: ${message.slice(0, 300)}`;
    return null;
  }

  window.fuzz = {
    tried: {},
    results: 0,
    errors: 0,
    kinds,
    async run(n) {
      const failures = [];
      for (let i = 0; i < n; i += 1) {
        const name = pick(Object.keys(calls));
        this.tried[name] = (this.tried[name] ?? 0) + 1;
        let problem = null;
        try {
          const result = calls[name](window.dg);
          if (shaped(name, result)) this.results += 1;
          else problem = `returned something else: ${JSON.stringify(result)?.slice(0, 200)}`;
        } catch (error) {
          this.errors += 1;
          problem = unclear(error);
        }
        // The next ordinary call works (after a restart, once the fresh instance is ready).
        let ordinary;
        try {
          await window.dg.ready();
          const result = window.dg.analyze(ORDINARY, { now });
          ordinary = `${result.orders.length} ${result.orders[0].risk}`;
        } catch (error) {
          ordinary = `threw ${error?.message}`;
        }
        if (ordinary !== '1 ok') problem = `${problem ?? 'then'}; the next ordinary call: ${ordinary}`;
        if (problem) failures.push(`${name} #${this.tried[name]}: ${problem}`);
        if (failures.length >= 5) break;
      }
      return failures;
    },
  };
}

test(`fuzz of the JS boundary: ${VALUES} generated calls, seed ${SEED}`, async (t) => {
  const { page, errors } = await harness.newPage('/fuzz.html', { html: pageWith() });
  await moduleReady(page);
  await page.evaluate(installFuzz, { seed: SEED, now: SAMPLE_NOW });
  const started = performance.now();
  for (let done = 0; done < VALUES; done += CHUNK) {
    const failures = await page.evaluate((n) => window.fuzz.run(n), Math.min(CHUNK, VALUES - done));
    assert.deepEqual(failures, [], `seed ${SEED} (replay: FUZZ_SEED=${SEED} FUZZ_VALUES=${VALUES}), values ${done}–${done + CHUNK}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = await page.evaluate(() => ({ tried: window.fuzz.tried, results: window.fuzz.results, errors: window.fuzz.errors, kinds: window.fuzz.kinds }));
  t.diagnostic(`seed ${SEED}: ${VALUES} calls in ${seconds} s; ${summary.results} results, ${summary.errors} clear errors; `
    + `calls ${JSON.stringify(summary.tried)}; values ${JSON.stringify(summary.kinds)}`);
  console.log(`# fuzz: seed ${SEED}, ${VALUES} calls in ${seconds} s, ${JSON.stringify(summary)}`);
  // Each target was exercised, both ways.
  for (const name of ['analyze', 'reconcile', 'orderList', 'toCsv', 'scan']) assert.ok(summary.tried[name] > 0, name);
  assert.ok(summary.results > 0 && summary.errors > 0, JSON.stringify(summary));
  assert.deepEqual(errors.map(String), [], `seed ${SEED}: errors reported on the page`);
});
