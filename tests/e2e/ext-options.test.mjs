// The options page in headless Chromium: bad input is refused with a message next to its field,
// good input is saved to chrome.storage.sync and applied at once to an open seller-center page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openScanned, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function openOptions() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

test('bad input is refused with a message next to the field, nothing is saved', async () => {
  const options = await openOptions();
  assert.equal(await options.inputValue('input[name="handlingDays"]'), '7', 'the defaults come from the wasm');
  await options.fill('input[name="handlingDays"]', 'abc');
  await options.fill('input[name="platformTimeZone"]', 'Mars/Olympus');
  await options.fill('textarea[name="holidays"]', '2026-12-25\n31/12/2026');
  await options.click('button[type="submit"]');
  await options.waitForSelector('[data-error-for="handlingDays"]');
  assert.match(await options.textContent('[data-error-for="handlingDays"]'), /whole number/);
  assert.match(await options.textContent('[data-error-for="holidays"]'), /31\/12\/2026/);
  assert.equal(await options.getAttribute('input[name="handlingDays"]', 'aria-invalid'), 'true');
  // Fix the number: now the wasm's own validation speaks about the time zone.
  await options.fill('input[name="handlingDays"]', '5');
  await options.fill('textarea[name="holidays"]', '2026-12-25');
  await options.click('button[type="submit"]');
  await options.waitForSelector('[data-error-for="platformTimeZone"]');
  assert.equal(await options.$('[data-error-for="handlingDays"]'), null);
  await options.fill('input[name="platformTimeZone"]', 'America/Los_Angeles');
  await options.fill('input[name="criticalHours"]', '100');
  await options.click('button[type="submit"]');
  await options.waitForSelector('[data-error-for]');
  assert.ok((await options.$$('[data-error-for]')).length >= 1, 'critical above warning is refused by Policy::validate');
  const stored = await browser.worker.evaluate(() => chrome.storage.sync.get(null));
  assert.equal(stored.policy, undefined, 'nothing was saved');
  await options.close();
});

test('good input is saved and applied live to an open page', async () => {
  const seller = await openScanned(browser.context, `${browser.server.url}${FIXTURES}/en.html`);
  const row = '[data-dg-order-id="8190000000000102"]';
  const before = await seller.getAttribute(row, 'data-dg-deadline');
  assert.equal(await seller.getAttribute(row, 'data-dg-risk'), 'critical');
  const options = await openOptions();
  await options.fill('input[name="handlingDays"]', '10');
  await options.selectOption('select[name="lang"]', 'de');
  await options.click('button[type="submit"]');
  await options.waitForSelector('#status.ok');
  // Paid 150 h ago: 10 × 24 h puts the deadline 3 days later, 90 h away: out of the critical band.
  await seller.waitForFunction(([sel, old]) => document.querySelector(sel)?.getAttribute('data-dg-deadline') !== old, [row, before]);
  const after = await seller.getAttribute(row, 'data-dg-deadline');
  assert.equal(Date.parse(after) - Date.parse(before), 3 * 24 * 3600_000);
  assert.equal(await seller.getAttribute(row, 'data-dg-risk'), 'ok');
  const badge = await seller.$eval(row, (r) => r.querySelector('[data-dg-ui="badge"]').shadowRoot.querySelector('span').textContent);
  assert.match(badge, /^Versenden in /, 'the language setting applies too');
  await options.reload();
  await options.waitForSelector('body[data-ready="true"]');
  assert.equal(await options.inputValue('input[name="handlingDays"]'), '10', 'the saved value is shown again');
  await options.click('#reset');
  await options.click('button[type="submit"]');
  await options.waitForSelector('#status.ok');
  await seller.waitForFunction(([sel, old]) => document.querySelector(sel)?.getAttribute('data-dg-deadline') === old, [row, before]);
  await options.close();
  await seller.close();
});

test('the toolbar badge counts overdue and critical orders', async () => {
  const seller = await openScanned(browser.context, `${browser.server.url}${FIXTURES}/en.html`);
  const text = await browser.worker.evaluate(async () => {
    // Without the "tabs" permission tab URLs are hidden: the only open tab is the fixture.
    const tabs = await chrome.tabs.query({});
    for (let i = 0; i < 50; i += 1) {
      const texts = await Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
      const t = texts.find(Boolean);
      if (t) return t;
      await new Promise((r) => setTimeout(r, 100));
    }
    return '';
  });
  assert.equal(text, '3', '1 overdue + 2 critical on the English fixture');
  const alarms = await browser.worker.evaluate(() => chrome.alarms.getAll());
  assert.ok(alarms.some((a) => a.name.startsWith('dg|8190000000000102|ship|')), 'a notification is scheduled before the critical deadline');
  await seller.close();
});
