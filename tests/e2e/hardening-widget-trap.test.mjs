// Issue 19: a wasm trap no limit foresaw must not leave a broken instance behind. With the test
// build (`make trap-pkg`: the `test-trap` feature, in target/trap-pkg, never in www/pkg), the page
// asks for a trap through its `data-dg-test-trap` attribute; the call that meets it throws one
// Error saying so, and every later call, the elements included, works on a fresh instance.
// The shipped build has no such hook.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, pageWith, moduleReady, SAMPLE_NOW } from './widget-harness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TRAP_PKG = join(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'trap-pkg');

let harness;
before(async () => {
  assert.ok(existsSync(join(TRAP_PKG, 'deadline_guard.js')), `no test build in ${TRAP_PKG}: run \`make trap-pkg\``);
  harness = await start();
});
after(async () => harness?.close());

/** The widget page, its pkg/ files served from the test build. */
async function trapPage(body = '') {
  const setup = (page) => page.route(/\/pkg\/[^/?]+(\?.*)?$/, async (route) => {
    const file = basename(new URL(route.request().url()).pathname);
    const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    await route.fulfill({ contentType: type, body: await readFile(join(TRAP_PKG, file)) });
  });
  const opened = await harness.newPage('/trap.html', { html: pageWith(body), setup });
  await moduleReady(opened.page);
  await opened.page.evaluate((now) => {
    window.ordinary = () => {
      const result = window.dg.analyze([{ orderId: '8190000000000001', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' }], { now });
      return `${result.orders.length} ${result.orders[0].risk}`;
    };
    window.trapped = (kind, call) => {
      if (kind) document.documentElement.dataset.dgTestTrap = kind;
      try {
        call();
        return { threw: false };
      } catch (error) {
        return { threw: true, name: error.constructor.name, message: error.message, cause: error.cause?.constructor.name };
      }
    };
  }, SAMPLE_NOW);
  return opened;
}

test('a trap in any call is reported once as an Error, and the very next call works', async () => {
  const calls = {
    analyze: '() => window.dg.analyze([])',
    reconcile: '() => window.dg.reconcile([], [])',
    orderList: '() => window.dg.orderList([]).at()',
    scan: '() => window.dg.scan(document)',
  };
  // A page for each kind: five restarts in ten minutes at most.
  for (const kind of ['unreachable', 'overflow']) {
    const { page, errors } = await trapPage();
    assert.equal(await page.evaluate(() => window.ordinary()), '1 ok');
    for (const [name, call] of Object.entries(calls)) {
      await page.evaluate(() => window.dg.ready());
      const result = await page.evaluate(`window.trapped(${JSON.stringify(kind)}, ${call})`);
      assert.equal(result.threw, true, `${kind} in ${name}`);
      assert.equal(result.name, 'Error', `${kind} in ${name}: ${result.message}`);
      assert.match(result.message, /^Deadline Guard's engine stopped \((RuntimeError|RangeError): .+\); it was restarted, so the next call runs on a fresh one$/, `${kind} in ${name}`);
      // Synchronously, with no await in between: the spare instance took over at once.
      assert.equal(await page.evaluate(() => window.ordinary()), '1 ok', `after ${kind} in ${name}`);
    }
    assert.deepEqual(errors.map(String), [], 'nothing else was reported on the page');
  }
});

test('two traps before the spare is loaded: the calls between say the engine is restarting', async () => {
  const { page } = await trapPage();
  const messages = await page.evaluate(() => [window.trapped('unreachable', () => window.dg.analyze([])).message,
    window.trapped('unreachable', () => window.dg.analyze([])).message,
    window.trapped('', () => window.dg.analyze([])).message]);
  assert.match(messages[0], /it was restarted/);
  assert.match(messages[1], /it was restarted/);
  assert.equal(messages[2], "Deadline Guard's engine is being restarted: await ready() first");
  assert.equal(await page.evaluate(async () => { await window.dg.ready(); return window.ordinary(); }), '1 ok');
});

test('the element keeps working across a restart; an order list is read again on the fresh instance', async () => {
  const body = `<deadline-guard-orders id="w" now="${SAMPLE_NOW}"></deadline-guard-orders>`;
  const { page } = await trapPage(body);
  const orders = [{ orderId: '8190000000000001', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-18T12:00:00Z' },
    { orderId: '8190000000000002', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-14T12:00:00Z' }];
  await page.evaluate((data) => { document.getElementById('w').data = data; }, orders);
  await page.waitForFunction(() => document.getElementById('w').state === 'ready');
  const before = await page.evaluate(() => document.getElementById('w').result.counts);
  const list = await page.evaluate((data) => {
    window.list = window.dg.orderList(data, { now: '2026-11-20T18:00:00Z' });
    return window.trapped('unreachable', () => window.dg.analyze([]));
  }, orders);
  assert.match(list.message, /engine stopped \(RuntimeError/);
  // The list made before the restart still answers, read again on the fresh instance.
  assert.equal(await page.evaluate(() => window.list.at().orders.length), 2);
  await page.evaluate(() => document.getElementById('w').refresh());
  const after = await page.evaluate(() => ({ state: document.getElementById('w').state, counts: document.getElementById('w').result.counts }));
  assert.equal(after.state, 'ready');
  assert.deepEqual(after.counts, before);
});

test('after five restarts the engine stays off with a message, rather than loop', async () => {
  const { page } = await trapPage();
  const messages = [];
  for (let i = 0; i < 6; i += 1) {
    messages.push(await page.evaluate(async () => {
      await window.dg.ready();
      return window.trapped('unreachable', () => window.dg.analyze([])).message;
    }));
  }
  messages.push(await page.evaluate(() => window.trapped('', () => window.dg.analyze([])).message));
  for (const message of messages.slice(0, 5)) assert.match(message, /it was restarted/);
  assert.match(messages[5], /after 5 restarts in 10 minutes; it stays off until the page is loaded again$/);
  assert.equal(messages[6], messages[5], 'later calls say the same');
});

test('the shipped build has no trap hook; the test build does', async () => {
  const hook = Buffer.from('data-dg-test-trap');
  for (const dir of ['pkg', 'www/pkg', 'extension/pkg', 'dist/unpacked/chrome/pkg', 'dist/unpacked/firefox/pkg']) {
    const wasm = join(ROOT, dir, 'deadline_guard_bg.wasm');
    if (!existsSync(wasm)) continue;
    const bytes = await readFile(wasm);
    assert.equal(bytes.indexOf(hook), -1, `${dir}: the wasm holds the test hook`);
    const glue = await readFile(join(ROOT, dir, 'deadline_guard.js'), 'utf8');
    assert.doesNotMatch(glue, /test.?trap/i, `${dir}: the glue mentions the test hook`);
  }
  assert.notEqual((await readFile(join(TRAP_PKG, 'deadline_guard_bg.wasm'))).indexOf(hook), -1, 'the test build holds the hook');
});

test('a call made from page code that a call runs (a patched setAttribute) keeps its own error and the instance', async () => {
  const table = `<table id="orders"><thead><tr><th>Order No.</th><th>Payment date</th><th>Status</th></tr></thead><tbody>
    <tr><td>8190000000000801</td><td>2026-11-18 08:00:00</td><td>Awaiting shipment</td></tr>
    <tr><td>8190000000000802</td><td>2026-11-12 08:00:00</td><td>Awaiting shipment</td></tr></tbody></table>`;
  const { page } = await trapPage(table);
  const outcome = await page.evaluate((now) => {
    const nested = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function patched(name, value) {
      // Runs inside scan(): the page side (page/apply.js) writes the annotations through this very method.
      if (name.startsWith('data-dg-') && nested.length < 3) {
        try { window.dg.analyze([], { handlingDays: 0 }); } catch (error) { nested.push(`${error.constructor.name}: ${error.message}`); }
      }
      return setAttribute.call(this, name, value);
    };
    const list = window.dg.orderList([{ orderId: '1', status: 'WAIT_SELLER_SEND_GOODS', paid: now }], { now });
    const before = list.at();
    const result = window.dg.scan(document.getElementById('orders'), { now });
    Element.prototype.setAttribute = setAttribute;
    return { nested, orders: result.orders.length, listed: list.at().orders.length, before: before.orders.length };
  }, SAMPLE_NOW);
  assert.equal(outcome.nested.length, 3, JSON.stringify(outcome));
  for (const message of outcome.nested) assert.equal(message, 'TypeError: handlingDays: must be between 1 and 90 days, not 0');
  assert.equal(outcome.orders, 2);
  assert.equal(outcome.listed, outcome.before);
  assert.equal(await page.evaluate(() => window.ordinary()), '1 ok');
});
