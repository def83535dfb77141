// Privacy log for the whole e2e suite (issue 7). Preloaded into every node process of `make test`
// (NODE_OPTIONS=--import=…, set in mk/hardening.mk). In a test file's process it wraps
// playwright-core's launchers so that every request of every page, frame and service worker is
// appended to DG_REQUEST_LOG (JSON lines); tests/e2e/hardening-privacy-check.mjs then asserts on
// the log. Anywhere else (npm, build scripts) it does nothing. It never throws.
// Firefox runs (puppeteer-core over WebDriver BiDi) are logged by their own harness
// (firefox-harness.mjs: a local proxy and server see every request), because subscribing to BiDi's
// request events makes Firefox ESR answer "UnsupportedOperation" inside puppeteer.
import { appendFileSync } from 'node:fs';

const LOG = process.env.DG_REQUEST_LOG;
const FILE = process.argv[1] ?? '';

function record(entry) {
  try { appendFileSync(LOG, `${JSON.stringify({ test: FILE.replace(/^.*\/tests\//, 'tests/'), ...entry })}\n`); } catch { /* logging must not break a test */ }
}

function watchPlaywrightContext(context) {
  context.on('request', (request) => {
    let navigation = false;
    try { navigation = request.isNavigationRequest(); } catch { /* service-worker requests have no frame */ }
    record({ tool: 'playwright', url: request.url(), type: request.resourceType(), navigation, worker: Boolean(request.serviceWorker?.()) });
  });
  return context;
}

function wrapPlaywright(browserType) {
  const launch = browserType.launch.bind(browserType);
  browserType.launch = async (...args) => {
    const browser = await launch(...args);
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...a) => watchPlaywrightContext(await newContext(...a));
    const newPage = browser.newPage.bind(browser);
    browser.newPage = async (...a) => { const page = await newPage(...a); watchPlaywrightContext(page.context()); return page; };
    return browser;
  };
  const persistent = browserType.launchPersistentContext.bind(browserType);
  browserType.launchPersistentContext = async (...args) => watchPlaywrightContext(await persistent(...args));
}

if (LOG && /\/tests\/.+\.(test\.)?mjs$/.test(FILE)) {
  try {
    const { chromium, firefox } = await import('playwright-core');
    wrapPlaywright(chromium);
    wrapPlaywright(firefox);
  } catch { /* not installed yet */ }
}
