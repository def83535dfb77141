// Shared by the widget's browser tests: serve www/ on a free port, open headless Chromium with the
// time zone pinned, and record every request a page makes.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/serve.mjs';

export const WWW = resolve(fileURLToPath(import.meta.url), '../../../www');
/** The samples' reference time: every expected deadline below is computed by hand from it. */
export const SAMPLE_NOW = '2026-11-20T18:00:00Z';

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Starts the server and the browser; returns { url, browser, newPage, close }. */
export async function start({ timezoneId = 'Europe/Madrid', locale = 'en-GB' } = {}) {
  const server = await serve({ root: WWW, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const contexts = [];
  async function newPage(path = '/test-page.html', { html, setup } = {}) {
    const context = await browser.newContext({ timezoneId, locale });
    contexts.push(context);
    const page = await context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(new Error(message.text())); });
    if (html !== undefined) {
      // A test page served from the same origin as the widget, with the given body.
      await page.route(`${server.url}${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    }
    if (setup) await setup(page, context);
    await page.goto(`${server.url}${path}`);
    return { page, context, requests, errors };
  }
  return {
    url: server.url,
    browser,
    newPage,
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/** A minimal page that loads the module and the elements. */
export function pageWith(body = '', head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}
<script type="module">
  import * as dg from '/deadline-guard.js';
  import '/define.js';
  window.dg = dg;
  await dg.ready();
  window.dgReady = true;
</script></head><body>${body}</body></html>`;
}

/** Waits for the module to be loaded in `page`. */
export async function moduleReady(page) {
  await page.waitForFunction(() => window.dgReady === true);
}

/** The text of the cells of an element's table body, row by row. */
export async function tableRows(locator) {
  return locator.evaluate((element) => [...element.shadowRoot.querySelectorAll('tbody tr')]
    .map((tr) => [...tr.cells].map((td) => td.textContent)));
}
