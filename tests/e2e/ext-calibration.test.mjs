// The page teaches the settings, in headless Chromium: a page whose countdowns follow a 5-day
// handling time (the settings say 7) shows the suggestion in the overlay and a hint on every
// badge; nothing changes until the button is clicked; then the setting is stored, the line and
// the hints go, and every order's computed deadline is its page countdown's. Orders whose
// handling time is set per product show their range without a button.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openScanned, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const url = (query) => `${browser.server.url}${FIXTURES}/calibration.html${query}`;
const LINE = '[data-dg-ui="overlay"] [data-dg-calibration="handlingDays"]';

/** Each expected row: what the fixture's rule says and what the extension wrote. */
function rows(page) {
  return page.$$eval('[data-expect-order-id]', (tables) => tables.map((row) => ({
    id: row.getAttribute('data-expect-order-id'),
    expected: row.getAttribute('data-expect-deadline'),
    deadline: row.getAttribute('data-dg-deadline'),
    source: row.getAttribute('data-dg-deadline-source'),
    badge: row.querySelector('[data-dg-ui="badge"]')?.shadowRoot?.textContent ?? '',
  })));
}

const storedSync = () => browser.worker.evaluate(() => chrome.storage.sync.get(null));

test('countdowns implying 5 handling days suggest 5; the button applies it; computed deadlines then agree', async () => {
  const page = await openScanned(browser.context, url(''));
  await page.waitForSelector(LINE);
  assert.equal(await page.textContent(`${LINE} span`),
    'Handling time on this page looks like 5 days (8 orders); your settings say 7');
  assert.equal(await page.textContent(`${LINE} button`), 'Use 5');
  const before = await rows(page);
  assert.equal(before.length, 8);
  for (const row of before) {
    assert.equal(row.source, 'page', `${row.id}: the countdown wins`);
    assert.ok(Math.abs(Date.parse(row.deadline) - Date.parse(row.expected)) <= 60_000, `${row.id}: ${row.deadline} vs ${row.expected}`);
    assert.match(row.badge, /Your settings would say 2 d later/, `${row.id}: the badge says the settings disagree`);
  }
  assert.equal((await storedSync()).policy, undefined, 'nothing changes without the click');

  // The options page shows what was measured beside the field.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.waitForSelector('[data-measured-for="handlingDays"]');
  assert.equal(await options.textContent('[data-measured-for="handlingDays"]'), 'Measured on the page: 5 days (8 orders)');
  assert.equal(await options.inputValue('input[name="handlingDays"]'), '7');

  await page.click(`${LINE} button`);
  await page.waitForSelector(LINE, { state: 'detached' });
  const stored = await storedSync();
  assert.equal(stored.policy.handlingDays, 5);
  assert.equal(stored.policy.dayCount, 'calendar');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-dg-ui="badge"]')]
    .every((b) => !b.shadowRoot.textContent.includes('Your settings')));
  await options.reload();
  await options.waitForSelector('body[data-ready="true"]');
  assert.equal(await options.inputValue('input[name="handlingDays"]'), '5', 'the options page shows the stored value');

  // The same payments without countdowns: the settings alone now give the page's deadlines.
  const computed = await openScanned(browser.context, url('?countdowns=0'));
  const after = await rows(computed);
  assert.equal(after.length, 8);
  const shown = new Map(before.map((row) => [row.id, row.deadline]));
  for (const row of after) {
    assert.equal(row.source, 'computed', row.id);
    assert.equal(row.deadline, row.expected, `${row.id}: computed from the applied setting`);
    assert.ok(Math.abs(Date.parse(row.deadline) - Date.parse(shown.get(row.id))) <= 60_000, `${row.id}: agrees with its page countdown`);
    assert.doesNotMatch(row.badge, /Your settings/);
  }
  assert.equal(await computed.$('[data-dg-ui="overlay"] [data-dg-calibration]'), null, 'nothing measured without countdowns');
  await computed.close();
  await options.close();
  await page.close();
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
});

test('per-product handling times show their range and offer no value to use', async () => {
  const page = await openScanned(browser.context, url('?spread=1'));
  await page.waitForSelector(LINE);
  assert.equal(await page.textContent(`${LINE} span`),
    'Handling time on this page varies from 3 to 7 days (10 orders): set per product?');
  assert.equal(await page.$(`${LINE} button`), null);
  await page.close();
});

test('on a strict-CSP page the background worker measures the same', async () => {
  const page = await openScanned(browser.context, `${browser.server.url}/strict${FIXTURES}/calibration.html`);
  assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'background');
  await page.waitForSelector(LINE);
  assert.match(await page.textContent(`${LINE} span`), /looks like 5 days \(8 orders\); your settings say 7$/);
  await page.close();
});
