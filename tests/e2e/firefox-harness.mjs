// Firefox ESR for the e2e suite, driven over WebDriver BiDi by puppeteer-core, with the PRODUCTION
// build at the real AliExpress addresses and without any network:
// - every request Firefox makes goes through a local proxy (Firefox's own proxy settings, localhost
//   included), which answers the AliExpress hosts from a local https server (a self-signed
//   certificate, accepted by the launch option) serving the repository and the routes a test sets,
//   and refuses everything else;
// - both log every request to DG_REQUEST_LOG, as the Playwright hook does for Chromium, so the
//   privacy check of `make test` covers Firefox too (BiDi's own request events cannot be used:
//   subscribing to them makes Firefox ESR answer "UnsupportedOperation" inside puppeteer);
// - the add-on gets a fixed internal UUID, so its options page has a known moz-extension:// address
//   (which BiDi opens with Firefox's -remote-allow-system-access).
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from './harness.mjs';

export const FIREFOX_PRODUCTION = join(ROOT, 'dist/unpacked/firefox');
export const ADDON_ID = 'deadline-guard@deadline-guard.invalid';
export const ADDON_UUID = '5d0c3f0e-1e7a-4f43-9a59-6c1d2f7e4b17';
export const OPTIONS_URL = `moz-extension://${ADDON_UUID}/options/options.html`;
/** The hosts answered locally; any other host is refused (and logged, so the privacy check fails). */
export const LOCAL_HOSTS = ['csp.aliexpress.com', 'gsp.aliexpress.com', 'sell.aliexpress.com', 'www.aliexpress.com', 'es.aliexpress.com'];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
};
const TEST_FILE = (process.argv[1] ?? '').replace(/^.*\/tests\//, 'tests/');

function log(entry) {
  if (!process.env.DG_REQUEST_LOG) return;
  try { appendFileSync(process.env.DG_REQUEST_LOG, `${JSON.stringify({ test: TEST_FILE, tool: 'firefox', ...entry })}\n`); } catch { /* logging must not break a test */ }
}

/**
 * Starts the servers and Firefox with the add-on in `extension` (default: the production build).
 * `route(url, { body, headers })` answers one https URL (path and query) with a page; other paths
 * are files of the repository, and any path under /strict/ gets `script-src 'self'`.
 */
export async function launchFirefox({ extension = FIREFOX_PRODUCTION } = {}) {
  const home = await mkdtemp(join(tmpdir(), 'dg-firefox-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=csp.aliexpress.com',
    '-keyout', join(home, 'key.pem'), '-out', join(home, 'cert.pem'),
    '-addext', `subjectAltName=${LOCAL_HOSTS.map((h) => `DNS:${h}`).join(',')}`], { stdio: 'ignore' });
  const routes = new Map();
  const requests = []; // every request the local https server answered
  const refused = []; // every request the proxy refused (it would have left the machine)
  const site = createHttpsServer({ key: await readFile(join(home, 'key.pem')), cert: await readFile(join(home, 'cert.pem')) }, async (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    const entry = { url, type: req.headers['sec-fetch-dest'] ?? 'other', navigation: req.headers['sec-fetch-mode'] === 'navigate' };
    // The test page's own files (its style sheet and scripts under tests/fixtures, the browser's
    // favicon): the page loads them, never the add-on. Anything else at these hosts stays a violation.
    const path = new URL(url).pathname.replace(/^\/strict\//, '/');
    if (!entry.navigation && (path.startsWith('/tests/fixtures/') || path === '/favicon.ico')) entry.fixture = true;
    requests.push(entry);
    log(entry);
    try {
      const routed = routes.get(url.replace(/#.*/, ''));
      if (routed) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...routed.headers }).end(routed.body);
        return;
      }
      let path = decodeURIComponent(new URL(url).pathname);
      const strict = path.startsWith('/strict/');
      if (strict) path = path.slice('/strict'.length);
      const file = normalize(join(ROOT, path));
      if (!file.startsWith(ROOT) || !(await stat(file).catch(() => null))?.isFile()) throw new Error('not found');
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
      if (strict) headers['Content-Security-Policy'] = "script-src 'self'";
      res.writeHead(200, headers).end(await readFile(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => site.listen(0, '127.0.0.1', ok));

  const proxy = createHttpServer((req, res) => {
    // Plain http through the proxy: only the local servers (none by default) are answered.
    const url = new URL(req.url);
    // Puppeteer points Firefox's own services (remote settings, …) at this never-resolving host;
    // they are the browser's requests, not the add-on's or a page's, and are refused like the rest.
    if (url.hostname !== 'dummy.test') {
      const entry = { url: url.href, type: 'proxy', navigation: false };
      log(entry);
      if (!['127.0.0.1', 'localhost'].includes(url.hostname)) refused.push(entry);
    }
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) { res.writeHead(403).end(); return; }
    const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket) => {
    const [host] = req.url.split(':');
    if (!LOCAL_HOSTS.includes(host)) {
      const entry = { url: `https://${req.url}/`, type: 'connect', navigation: false };
      log(entry);
      refused.push(entry);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(site.address().port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  const port = proxy.address().port;

  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, acceptInsecureCerts: true,
    // BiDi may open moz-extension:// pages (the options page) only with system access.
    args: ['-remote-allow-system-access'],
    // MOZ_REMOTE_SETTINGS_DEVTOOLS lets the services.settings.server pref (puppeteer's dummy host) count.
    env: { ...process.env, HOME: home, TZ: 'America/Los_Angeles', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '', 'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.share_proxy_settings': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'intl.locale.requested': 'en-US',
      // Firefox's own services, which would otherwise ask mozilla.com (the proxy refuses and logs it).
      'extensions.blocklist.enabled': false,
      'security.remote_settings.crlite_filters.enabled': false,
      'security.remote_settings.intermediates.enabled': false,
      'app.normandy.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'browser.region.update.enabled': false,
      'network.trr.mode': 5,
      'security.OCSP.enabled': 0,
    },
  });
  await browser.installExtension(extension);
  return {
    browser, requests, refused,
    route(url, { body, headers = {} }) { routes.set(url, { body, headers }); },
    async close() {
      await browser.close().catch(() => {});
      await new Promise((ok) => site.close(ok));
      await new Promise((ok) => proxy.close(ok));
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new tab and waits for the overlay to show a scan. */
export async function openScannedFirefox(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { timeout: 20000 });
  return page;
}

/**
 * Opens the add-on's options page (a privileged extension page, where `browser.*` has every API the
 * add-on asked for) and waits for its form. The tab changes process as it loads, which puppeteer
 * reports as a failed navigation: the page is polled instead.
 */
export async function openOptions(browser) {
  const page = await browser.newPage();
  page.goto(OPTIONS_URL).catch(() => {});
  for (let i = 0; i < 200; i += 1) {
    const ready = await page.evaluate(() => location.protocol === 'moz-extension:'
      && document.querySelector('input[name="handlingDays"]')?.value !== '' && document.readyState === 'complete').catch(() => false);
    if (ready) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the options page did not open');
}

/** Runs `fn(arg)` on the add-on's options page, a privileged extension page (the APIs of `browser.*`). */
export async function inExtension(page, fn, arg) {
  return page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`);
}
