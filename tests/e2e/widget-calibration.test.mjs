// The widget learns the settings from orders whose source states the deadline: analyze() and
// scan() return the calibration, and <deadline-guard-orders> shows the line above its table with
// a button that applies the value to its own options (or the attribute it reads it from).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, pageWith, moduleReady } from './widget-harness.mjs';

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());

const NOW = '2026-11-20T18:00:00Z';
const DAY = 86_400_000;

/** Orders paid at different times, their API deadlines `hours` after the request or payment. */
function orders() {
  const now = Date.parse(NOW);
  const iso = (ms) => new Date(ms).toISOString();
  const list = [];
  // Six awaiting shipment, the platform's deadline 5 × 24 h after payment.
  for (let i = 0; i < 6; i += 1) {
    const paid = now - (i * 13 + 2) * 3_600_000;
    list.push({ orderId: `819000000000030${i}`, status: 'WAIT_SELLER_SEND_GOODS', paid: iso(paid), givenDeadline: { at: iso(paid + 5 * DAY), source: 'api' } });
  }
  // Two cancellation requests at 48 h: too few for a suggestion.
  for (let i = 0; i < 2; i += 1) {
    const requested = now - (i + 1) * 5 * 3_600_000;
    list.push({
      orderId: `819000000000031${i}`, status: 'IN_CANCEL', paid: iso(now - 3 * DAY), cancelRequested: iso(requested),
      givenDeadline: { at: iso(requested + 48 * 3_600_000), source: 'api' },
    });
  }
  return list;
}

test('analyze() measures each setting; the element shows the line and its button applies the value', async () => {
  const { page } = await harness.newPage('/calibration-test.html', {
    html: pageWith(`<deadline-guard-orders id="g" now="${NOW}" handling-days="7"></deadline-guard-orders>`),
  });
  await moduleReady(page);
  const result = await page.evaluate(([input, now]) => window.dg.analyze(input, { now }), [orders(), NOW]);
  assert.deepEqual(result.calibration.handlingDays, {
    suggested: 5, samples: 6, agreeing: 6, setting: 7, matchesSetting: false, range: [5, 5], dayCount: 'calendar',
  });
  assert.deepEqual(result.calibration.cancelResponseHours, {
    suggested: null, samples: 2, agreeing: 2, setting: 72, matchesSetting: false, range: [48, 48],
  });
  assert.equal(result.calibration.disputeResponseDays, undefined, 'no dispute measured: absent');
  const shipping = result.orders.filter((o) => o.deadlineKind === 'ship');
  assert.equal(shipping.length, 6);
  for (const order of shipping) {
    assert.ok(order.hints.includes('settings_disagree'), order.orderId);
    assert.ok(order.hintTexts.includes('Your settings would say 2 d later'), order.orderId);
    assert.equal(Date.parse(order.settingsDeadline) - Date.parse(order.deadline), 2 * DAY);
  }

  await page.evaluate((input) => { document.getElementById('g').data = input; }, orders());
  const line = page.locator('#g [data-calibration="handlingDays"]');
  await line.waitFor();
  assert.equal(await line.locator('span').textContent(), 'Handling time on this page looks like 5 days (6 orders); your settings say 7');
  assert.equal(await page.locator('#g [data-calibration]').count(), 1, 'two cancellations suggest nothing');
  const applied = page.evaluate(() => new Promise((resolve) => {
    document.getElementById('g').addEventListener('deadline-guard-calibrated', (e) => resolve(e.detail.fields), { once: true });
  }));
  await line.locator('button').click();
  assert.deepEqual(await applied, { handlingDays: 5, dayCount: 'calendar' });
  assert.equal(await page.getAttribute('#g', 'handling-days'), '5', 'the attribute it reads the value from');
  await page.locator('#g [data-calibration]').waitFor({ state: 'detached' });
  const after = await page.evaluate(() => document.getElementById('g').result);
  assert.equal(after.calibration.handlingDays.matchesSetting, true);
  const shippingAfter = after.orders.filter((o) => o.deadlineKind === 'ship');
  assert.equal(shippingAfter.length, 6);
  assert.ok(shippingAfter.every((o) => !o.hints.includes('settings_disagree')));
  // The cancellations' 48 h still disagree with the 72 h in force, but two suggest nothing.
  assert.ok(after.orders.filter((o) => o.deadlineKind === 'cancel_response').every((o) => o.hints.includes('settings_disagree')));
});

test('scan() reports what the page countdowns measure', async () => {
  const now = Date.parse(NOW);
  const wall = (ms) => new Date(ms - 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '); // PST in November
  const rows = [0, 1, 2, 3].map((i) => {
    const paid = now - (i * 7 + 1) * 3_600_000;
    const left = (paid + 3 * DAY - now) / 1000;
    const clock = `${Math.floor(left / 3600)}:${String(Math.floor(left / 60) % 60).padStart(2, '0')}:00`;
    return `<tr><td>819000000000040${i}</td><td>${wall(paid)}</td><td>Awaiting shipment</td><td>${clock}</td></tr>`;
  }).join('');
  const body = `<table id="t"><tr><th>Order ID</th><th>Payment time</th><th>Status</th><th>Time left</th></tr>${rows}</table>`;
  const { page } = await harness.newPage('/calibration-scan.html', { html: pageWith(body) });
  await moduleReady(page);
  const result = await page.evaluate((now) => window.dg.scan(document.getElementById('t'), { now }), NOW);
  assert.equal(result.orders.length, 4);
  assert.equal(result.calibration.handlingDays.suggested, 3);
  assert.equal(result.calibration.handlingDays.samples, 4);
  assert.equal(result.calibrationLines[0].text, 'Handling time on this page looks like 3 days (4 orders); your settings say 7');
  assert.equal(result.calibrationLines[0].value, 3);
  assert.equal(result.calibrationLines[0].dayCount, 'calendar');
});
