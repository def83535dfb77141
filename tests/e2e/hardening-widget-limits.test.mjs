// Issue 19: values from JavaScript that once broke the wasm instance (nested 100,000 levels deep,
// containing themselves, too big) are refused with a RangeError naming the input and the limit,
// and the next ordinary call still works. Settings out of their range say the range.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, pageWith, moduleReady, SAMPLE_NOW } from './widget-harness.mjs';

let harness;
let page;
before(async () => {
  harness = await start();
  ({ page } = await harness.newPage('/limits.html', { html: pageWith() }));
  await moduleReady(page);
  // The ordinary call that must keep working after each hostile one.
  await page.evaluate((now) => {
    window.ordinary = () => {
      const result = window.dg.analyze([{ orderId: '8190000000000001', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' }], { now });
      return `${result.orders.length} ${result.orders[0].risk}`;
    };
    window.nested = (depth, wrap) => {
      let value = { orderId: '1' };
      for (let i = 0; i < depth; i += 1) value = wrap(value);
      return value;
    };
    window.attempt = (call) => {
      try {
        call();
        return { threw: false, after: window.ordinary() };
      } catch (error) {
        return { threw: true, name: error.constructor.name, message: error.message, after: window.ordinary() };
      }
    };
  }, SAMPLE_NOW);
});
after(async () => harness?.close());

const ORDINARY = '1 ok';

async function attempt(source) {
  return page.evaluate(`window.attempt(() => { ${source} })`);
}

test('the issue\'s values: nested 100,000 deep as an object, an array and in holidays', async () => {
  const cases = [
    ['analyze(nested(100000, (v) => ({ a: v })))', /^input: nested deeper than 128 levels/],
    ['analyze(nested(100000, (v) => [v]))', /^input: nested deeper than 128 levels/],
    ['analyze([], { holidays: nested(100000, (v) => [v]) })', /^holidays: nested deeper than 8 levels/],
    ['reconcile([], nested(100000, (v) => [v]))', /^otherInput: nested deeper than 128 levels/],
    ['reconcile(nested(100000, (v) => ({ a: v })), [])', /^platformInput: nested deeper than 128 levels/],
    ['toCsv({ orders: nested(100000, (v) => [v]) })', /^result: nested deeper than 128 levels/],
    ['orderList(nested(100000, (v) => new Map([["a", v]])))', /^input: nested deeper than 128 levels/],
    ['scan(document, { extensions: nested(100000, (v) => [v]) })', /^extensions: nested deeper than 8 levels/],
  ];
  for (const [call, message] of cases) {
    const result = await attempt(`window.dg.${call}`);
    assert.equal(result.threw, true, call);
    assert.equal(result.name, 'RangeError', `${call}: ${result.message}`);
    assert.match(result.message, message, call);
    assert.equal(result.after, ORDINARY, `${call}: the next call`);
  }
});

test('a value that contains itself is refused as too deep; one shared a million times as too big', async () => {
  const cases = [
    ['const o = { orderId: "1" }; o.self = o; window.dg.analyze([o])', /^input: nested deeper than 128 levels.*contains itself/],
    ['const a = []; a.push(a, a); window.dg.analyze(a)', /^input: nested deeper than 128 levels/],
    ['const row = Array(1000).fill(0); window.dg.analyze(Array(2000).fill(row))', /^input: holds more than 1,000,000 values/],
    ['const m = new Map(); m.set("m", m); window.dg.analyze([], { holidays: m })', /^holidays: nested deeper than 8 levels/],
  ];
  for (const [call, message] of cases) {
    const result = await attempt(call);
    assert.equal(result.name, 'RangeError', `${call}: ${result.message}`);
    assert.match(result.message, message, call);
    assert.equal(result.after, ORDINARY, call);
  }
});

test('128 levels are read, 129 are refused (as JSON text stops near there too)', async () => {
  const read = await attempt('const r = window.dg.analyze(nested(127, (v) => [v])); if (r.errors.length < 1) throw new Error("no read error")');
  assert.equal(read.threw, false, read.message);
  const refused = await attempt('window.dg.analyze(nested(128, (v) => [v]))');
  assert.equal(refused.name, 'RangeError', refused.message);
  assert.match(refused.message, /deeper than 128 levels/);
  // The same nesting as text: serde_json's own limit gives an error in the result, not a throw.
  const text = await attempt('const r = window.dg.analyze("[".repeat(100000) + "]".repeat(100000)); if (!r.errors.length) throw new Error("no error")');
  assert.equal(text.threw, false, text.message);
  assert.equal(text.after, ORDINARY);
});

test('too many values or too much text is refused before it is copied, naming the limit', async () => {
  const cases = [
    ['window.dg.analyze(new Array(2e6))', 'RangeError', /^input: holds more than 1,000,000 values/],
    ['window.dg.analyze("x".repeat(33554433))', 'RangeError', /^input: holds more than 33,554,432 characters/],
    ['window.dg.analyze([{ orderId: "1", buyer: "x".repeat(20e6) }, { orderId: "2", buyer: "y".repeat(20e6) }])', 'RangeError', /^input: holds more than 33,554,432 characters/],
    ['window.dg.analyze([], { locale: "x".repeat(2e6) })', 'RangeError', /^locale: holds more than 1,048,576 characters/],
    ['window.dg.analyze([], { platformTimeZone: "x".repeat(2e6) })', 'RangeError', /^platformTimeZone: holds more than 1,048,576 characters/],
    ['window.dg.analyze([], { holidays: Array(20000).fill("2026-01-01") })', 'RangeError', /^holidays: holds more than 10,000 values/],
    ['window.dg.analyze([], { now: "2".repeat(2e6) })', 'RangeError', /^now: holds more than 1,048,576 characters/],
  ];
  for (const [call, name, message] of cases) {
    const result = await attempt(call);
    assert.equal(result.name, name, `${call}: ${result.message}`);
    assert.match(result.message, message, call);
    assert.equal(result.after, ORDINARY, call);
  }
});

test('every numeric setting says its range; lists say their bound; long names are cut', async () => {
  const ranges = {
    handlingDays: [90, 'days'], shipTargetHours: [2160, 'hours'], cancelResponseHours: [720, 'hours'],
    disputeResponseDays: [90, 'days'], riskControlHours: [720, 'hours'], supplierShipDays: [90, 'days'],
    trackingProofDays: [90, 'days'], refundDays: [90, 'days'], receiptDays: [365, 'days'],
    criticalHours: [2160, 'hours'], warningHours: [2160, 'hours'],
  };
  for (const [name, [max, unit]] of Object.entries(ranges)) {
    for (const value of [max + 1, 4294967295]) {
      const result = await attempt(`window.dg.analyze([], { ${name}: ${value}${name === 'criticalHours' ? ', warningHours: 2160' : ''} })`);
      assert.equal(result.name, 'TypeError', `${name}=${value}: ${result.message}`);
      assert.match(result.message, new RegExp(`^${name}: must be between 1 and ${max} ${unit}, not ${value}`));
    }
    // Past what a u32 holds, the message still says the setting's own range.
    const huge = await attempt(`window.dg.analyze([], { ${name}: 5e9 })`);
    assert.match(huge.message, new RegExp(`^${name}: invalid value: number \`5000000000\`, expected a whole number from 1 to ${max}$`));
  }
  const holidays = await attempt('window.dg.analyze([], { holidays: Array(1001).fill("2026-01-01") })');
  assert.match(holidays.message, /holidays: at most 1000 dates, not 1001/);
  const extensions = await attempt('window.dg.analyze([], { extensions: Array(101).fill({ from: "2026-01-01", to: "2026-01-02", extraDays: 3 }) })');
  assert.match(extensions.message, /extensions: at most 100 windows, not 101/);
  const zone = await attempt('window.dg.analyze([], { platformTimeZone: "Z".repeat(100000) })');
  assert.match(zone.message, /^platformTimeZone: unknown time zone "Z{40}…"; supported: /);
  assert.ok(zone.message.length < 2000, `${zone.message.length} characters`);
  for (const result of [holidays, extensions, zone]) assert.equal(result.after, ORDINARY);
});
