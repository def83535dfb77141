// Issue 19: a wasm trap in the extension leaves no broken instance behind. The TEST build of the
// extension with the test build's wasm (`make trap-pkg`, which has the trap hook) in a temporary
// folder: the content script's instance breaks on a page that asks for it (`data-dg-test-trap`),
// the worker's on a strict-CSP page after the test set `__dgTestTrap` in the worker. Either way
// the error is reported, a fresh instance takes over and the page is scanned again, right.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, openScanned, readRows, CHROME_EXT, ROOT, FIXTURES } from './harness.mjs';

const TRAP_PKG = join(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'trap-pkg');
let browser;
let extension;

before(async () => {
  assert.ok(existsSync(join(TRAP_PKG, 'deadline_guard.js')), `no test build in ${TRAP_PKG}: run \`make trap-pkg\``);
  extension = await mkdtemp(join(tmpdir(), 'dg-trap-ext-'));
  await cp(CHROME_EXT, extension, { recursive: true });
  await cp(TRAP_PKG, join(extension, 'pkg'), { recursive: true });
  browser = await launchChromium({ extension });
});
after(async () => {
  await browser?.close();
  if (extension) await rm(extension, { recursive: true, force: true });
});

const url = (path) => `${browser.server.url}${path}`;

/** Every expected row carries the risk and the order id the fixture says. */
async function assertScannedRight(page) {
  const rows = await readRows(page);
  assert.ok(rows.length > 5, 'the fixture has expected rows');
  for (const { expect, got } of rows) {
    assert.equal(got.orderId, expect.orderId);
    assert.equal(got.risk, expect.risk, `order ${expect.orderId}`);
  }
}

test('the content script\'s instance overflows its stack on the first scan; a fresh one scans the page', async () => {
  const address = url(`${FIXTURES}/en.html`);
  await browser.context.route(address, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<html\b/, '<html data-dg-test-trap="overflow"');
    await route.fulfill({ response, body });
  });
  const page = await openScanned(browser.context, address);
  assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'local');
  // The hook removes the attribute just before it breaks the instance: the trap did happen.
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-dg-test-trap')), false);
  await assertScannedRight(page);
  await page.close();
  await browser.context.unroute(address);
});

test('the worker\'s instance traps on a strict-CSP page\'s scan; the worker restarts it and the page is scanned again', async () => {
  await browser.worker.evaluate(() => { globalThis.__dgTestTrap = 'unreachable'; });
  const page = await openScanned(browser.context, url(`/strict${FIXTURES}/en.html`));
  assert.equal(await page.$eval('[data-dg-ui="overlay"]', (o) => o.dataset.dgEngine), 'background');
  assert.equal(await browser.worker.evaluate(() => globalThis.__dgTestTrap), undefined, 'the trap happened in the worker');
  await assertScannedRight(page);
  await page.close();
});
