// Hardening of the widget (issue 7): hostile text in every field it reads or renders (Open Platform
// JSON, CSV, options), the wasm failing to load, and its request log. Reuses the widget's harness.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, pageWith, moduleReady } from './widget-harness.mjs';
import { PAYLOADS } from '../fixtures/hostile/payloads.mjs';
import { ELEMENT, hostileResponse, showAndAudit as show, assertHarmless } from './hardening-widget-lib.mjs';

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());
const showAndAudit = (data, options) => show(harness, data, options);

test('hostile Open Platform JSON: every payload stays text, nothing runs, the layout holds', async () => {
  const r = await showAndAudit(hostileResponse());
  assertHarmless(r);
  assert.equal(r.view.state, 'ready');
  // The readable orders are all there; the three broken ones are reported, not dropped silently.
  assert.ok(r.view.rows >= PAYLOADS.length, `${r.view.rows} rows for ${PAYLOADS.length} readable orders`);
  for (const p of PAYLOADS) {
    const collapsed = p.replace(/\s+/g, ' ').trim();
    assert.ok(r.view.text.includes(collapsed), `payload not shown as text: ${p}`);
  }
  const result = await r.page.evaluate(() => document.getElementById('w').result);
  assert.ok(result.errors.length >= 2, `errors reported: ${JSON.stringify(result.errors)}`);
});

test('hostile settings: options holding payloads are refused with a readable message, nothing runs', async () => {
  for (const [attribute, payload] of [['locale', PAYLOADS[0]], ['platform-time-zone', PAYLOADS[1]], ['seller-time-zone', PAYLOADS[9]], ['handling-days', PAYLOADS[2]]]) {
    const r = await showAndAudit(hostileResponse(), { attributes: { [attribute]: payload } });
    assertHarmless(r);
    if (r.view.state === 'error') assert.match(r.view.text, /Invalid setting|setting/i, `${attribute}: ${r.view.text.slice(0, 200)}`);
    const thrown = await r.page.evaluate(([a, p]) => {
      const name = { locale: 'locale', 'platform-time-zone': 'platformTimeZone', 'seller-time-zone': 'sellerTimeZone', 'handling-days': 'handlingDays' }[a];
      try { window.dg.analyze([], { [name]: p }); return null; } catch (e) { return { type: e instanceof TypeError, message: e.message }; }
    }, [attribute, payload]);
    if (attribute !== 'locale') {
      assert.ok(thrown?.type, `${attribute}: a payload must be refused with a TypeError, got ${JSON.stringify(thrown)}`);
    }
    await r.page.context().close();
  }
});

test('the wasm fails to load: the host page is untouched and the widget says so', async () => {
  const { page, errors } = await harness.newPage('/hardening-nowasm.html', {
    html: pageWith(ELEMENT),
    setup: (p) => p.route(/\/pkg\/deadline_guard_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await page.evaluate(() => { document.getElementById('w').data = []; });
  await page.waitForFunction(() => document.getElementById('w').state === 'error', null, { timeout: 15000 });
  const view = await page.evaluate(() => ({
    text: document.getElementById('w').shadowRoot.textContent,
    host: document.getElementById('host-text').textContent,
    bodyChildren: document.body.children.length,
  }));
  assert.match(view.text, /could not be loaded|wasm/i);
  assert.equal(view.host, "The host page's own paragraph.");
  assert.equal(view.bodyChildren, 2, 'nothing added to or removed from the host page');
  assert.deepEqual(errors.filter((e) => /Uncaught/.test(String(e))), []);
});

test('the widget requests nothing but its own files from the page origin', async () => {
  const r = await showAndAudit(hostileResponse());
  const own = /^\/(hardening-widget\.html|deadline-guard\.js|define\.js|elements\/[a-z-]+\.js|pkg\/deadline_guard(_bg\.wasm|\.js)|(engine|engine-instance|analysis)\.js|page\/[a-z]+\.js)$/;
  for (const url of r.requests) {
    const u = new URL(url);
    assert.equal(u.origin, harness.url, `request to another origin: ${url}`);
    assert.match(u.pathname, own, `unexpected request: ${url}`);
  }
  assert.ok(r.requests.some((u) => u.endsWith('_bg.wasm')), 'the request log saw the wasm load (the log works)');
});
