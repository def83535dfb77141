// Shared by the end-to-end tests: the static server, headless Chromium with the TEST build of
// the extension, and reading what the extension wrote on a page.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CHROME_EXT = join(ROOT, 'dist/unpacked/chrome-test');
export const FIREFOX_EXT = join(ROOT, 'dist/unpacked/firefox-test');
export const FIXTURES = '/tests/fixtures/seller';

/**
 * Starts the server and Chromium with the extension (the TEST build, or the one in `extension`);
 * `close()` stops both and removes the profile.
 */
export async function launchChromium({ extension = CHROME_EXT } = {}) {
  const server = await serve({ root: ROOT, port: 0 });
  const profile = await mkdtemp(join(tmpdir(), 'dg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    timezoneId: 'America/Los_Angeles',
    args: [
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    server, context, requests, extensionId, worker,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page and waits until the extension's overlay has shown a scan. */
export async function openScanned(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised]', { state: 'attached', timeout: 15000 });
  return page;
}

/** Every record the fixture expects, with what the extension wrote on it. */
export function readRows(page) {
  return page.$$eval('[data-expect-order-id]', (rows) => rows.map((row) => {
    const badgeHost = row.querySelector('[data-dg-ui="badge"]');
    const attr = (name) => row.getAttribute(name);
    return {
      expect: {
        orderId: attr('data-expect-order-id'), risk: attr('data-expect-risk'), status: attr('data-expect-status'),
        kind: attr('data-expect-kind'), source: attr('data-expect-source'), deadline: attr('data-expect-deadline'),
        approxHours: attr('data-expect-approx-hours'),
      },
      got: {
        orderId: attr('data-dg-order-id'), risk: attr('data-dg-risk'), status: attr('data-dg-status'),
        kind: attr('data-dg-deadline-kind'), source: attr('data-dg-deadline-source'), deadline: attr('data-dg-deadline'),
        reason: attr('data-dg-reason'),
      },
      badge: badgeHost?.shadowRoot?.querySelector('span')?.textContent ?? null,
      base: document.documentElement.getAttribute('data-fixture-base'),
    };
  }));
}

/** The overlay's counts per risk, as shown. */
export function overlayCounts(page) {
  return page.$eval('[data-dg-ui="overlay"]', (host) => Object.fromEntries(
    [...host.shadowRoot.querySelectorAll('.chip')].map((chip) => [chip.dataset.risk, Number(chip.dataset.count)]),
  ));
}

/** Everything data-dg-* on the page, by order id (to compare two runs). */
export function annotations(page) {
  return page.$$eval('[data-dg-order-id]', (els) => Object.fromEntries(els.map((el) => [
    el.getAttribute('data-dg-order-id'),
    Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-dg-') && a.name !== 'data-dg-flash').map((a) => [a.name, a.value])),
  ])));
}
