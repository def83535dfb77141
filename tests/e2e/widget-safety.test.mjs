// The widget never harms the page it sits in: data renders as text and runs nothing, the host's
// scripts, styles and globals stay as they were, and a page that forbids wasm gets a clear error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, moduleReady, tableRows, SAMPLE_NOW } from './widget-harness.mjs';

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());

const PAYLOADS = [
  '<img src=/xss-img onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1<\/script>',
  '"><svg onload="window.__xss=(window.__xss||0)+1"></svg>',
  '<iframe src="javascript:parent.__xss=(parent.__xss||0)+1"></iframe>',
];

// A host page with its own styles, script and table, snapshotted before the widget loads.
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>
  table { border: 7px solid rgb(1, 2, 3); }
  td { color: rgb(4, 5, 6); padding: 9px; }
  button { background-color: rgb(7, 8, 9); }
  tr[data-risk] td { color: rgb(10, 11, 12); }
</style>
<script>
  window.hostState = { ok: true, ticks: 0 };
  setInterval(() => { window.hostState.ticks += 1; }, 20);
</script>
<script type="module">
  import * as dg from '/deadline-guard.js';
  import '/define.js';
  window.dg = dg;
  await dg.ready();
  window.dgReady = true;
</script>
</head><body>
<table id="host-table"><tr><td id="host-cell">host cell</td></tr></table>
<button id="host-button">host button</button>
<deadline-guard-orders id="g" now="${SAMPLE_NOW}"></deadline-guard-orders>
<deadline-guard-reconcile id="r" now="${SAMPLE_NOW}"></deadline-guard-reconcile>
<script>
  // Runs before the module: what the page looked like without the widget.
  const style = (el) => { const s = getComputedStyle(el); return [s.borderTopWidth, s.color, s.paddingTop, s.backgroundColor].join(' '); };
  window.hostBefore = {
    globals: Object.keys(window).sort(),
    head: [...document.head.children].map((e) => e.outerHTML),
    sheets: document.styleSheets.length,
    table: style(document.getElementById('host-table')),
    cell: style(document.getElementById('host-cell')),
    button: style(document.getElementById('host-button')),
    html: document.getElementById('host-table').outerHTML,
  };
</script>
</body></html>`;

test('HTML and script payloads in buyer names, product titles, ids and bad values render as text and run nothing', async () => {
  const { page, requests, errors } = await harness.newPage('/xss.html', { html: HOST });
  await moduleReady(page);
  const orders = PAYLOADS.map((payload, i) => ({
    orderId: `81900000000007${String(i).padStart(2, '0')}`, status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-19T18:00:00Z',
    buyer: payload, product: payload,
  }));
  orders.push({ orderId: PAYLOADS[0], status: 'WAIT_SELLER_SEND_GOODS', paid: PAYLOADS[1] });
  const response = { result: { target_list: { order_dto: [{
    order_id: '8190000000000790', order_status: 'WAIT_SELLER_SEND_GOODS', gmt_pay_time: '2026-11-19 10:00:00',
    buyer_signer_fullname: PAYLOADS[0], product_list: { order_product_dto: [{ product_name: PAYLOADS[1] }] },
  }] } } };
  await page.evaluate(([list, other]) => {
    document.getElementById('g').data = list;
    const r = document.getElementById('r');
    r.platform = list;
    r.other = other;
  }, [orders, response]);
  await page.waitForFunction(() => document.getElementById('g').result?.counts.total === 5
    && document.getElementById('r').state === 'ready');
  // Give an image error or an iframe load the time to fire, had any been created.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

  assert.equal(await page.evaluate(() => window.__xss), undefined);
  for (const id of ['g', 'r']) {
    const created = await page.locator(`#${id}`).evaluate((e) => e.shadowRoot.querySelectorAll('img, script, svg, iframe').length);
    assert.equal(created, 0, `no element made from data in #${id}`);
  }
  const rows = await tableRows(page.locator('#g'));
  const buyers = rows.map((cells) => cells[5]).filter(Boolean).sort();
  assert.deepEqual(buyers, [...PAYLOADS].sort());
  assert.ok(rows.some((cells) => cells[1] === PAYLOADS[0]), 'a payload id shows as text');
  const listed = await page.locator('#g').evaluate((e) => [...e.shadowRoot.querySelectorAll('.errors li')].map((li) => li.textContent));
  assert.ok(listed.some((text) => text.includes(PAYLOADS[1])), 'a payload in a bad value is listed as text');
  const reconciled = await tableRows(page.locator('#r'));
  assert.ok(reconciled.some((cells) => cells[0] === PAYLOADS[0]));
  assert.equal(requests.filter((u) => u.includes('xss-img')).length, 0, 'no image was requested');
  assert.deepEqual(errors.map(String), []);
});

test("the host page's own styles, scripts, head and globals are untouched", async () => {
  const { page, errors } = await harness.newPage('/host.html', { html: HOST });
  await moduleReady(page);
  await page.evaluate((now) => {
    document.getElementById('g').data = [{ orderId: '8190000000000801', status: 'WAIT_SELLER_SEND_GOODS', paid: '2026-11-19T18:00:00Z' }];
    return now;
  }, SAMPLE_NOW);
  await page.waitForFunction(() => document.getElementById('g').result?.counts.total === 1);
  const after = await page.evaluate(() => {
    const style = (el) => { const s = getComputedStyle(el); return [s.borderTopWidth, s.color, s.paddingTop, s.backgroundColor].join(' '); };
    return {
      globals: Object.keys(window).sort(),
      head: [...document.head.children].map((e) => e.outerHTML),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      table: style(document.getElementById('host-table')),
      cell: style(document.getElementById('host-cell')),
      button: style(document.getElementById('host-button')),
      html: document.getElementById('host-table').outerHTML,
      hostState: window.hostState,
    };
  });
  const before = await page.evaluate(() => window.hostBefore);
  assert.deepEqual(after.globals.filter((k) => !before.globals.includes(k)).sort(), ['dg', 'dgReady', 'hostBefore'].sort(),
    'the widget defines no globals (dg and dgReady are the test page\'s own)');
  assert.deepEqual(after.head, before.head);
  assert.equal(after.sheets, before.sheets);
  assert.equal(after.adopted, 0);
  assert.equal(after.table, before.table);
  assert.equal(after.cell, before.cell);
  assert.equal(after.button, before.button);
  assert.equal(after.html, before.html);
  assert.equal(after.hostState.ok, true);
  const ticks = after.hostState.ticks;
  await page.waitForFunction((t) => window.hostState.ticks > t, ticks);

  // And the page's styles do not reach into the widget.
  const inside = await page.locator('#g').evaluate((e) => {
    const root = e.shadowRoot;
    const s = (el) => getComputedStyle(el);
    return {
      tableBorder: s(root.querySelector('table')).borderTopWidth,
      cellColour: s(root.querySelector('tbody td.id')).color,
      buttonBackground: s(root.querySelector('button.export')).backgroundColor,
    };
  });
  assert.notEqual(inside.tableBorder, '7px');
  assert.notEqual(inside.cellColour, 'rgb(4, 5, 6)');
  assert.notEqual(inside.cellColour, 'rgb(10, 11, 12)');
  assert.notEqual(inside.buttonBackground, 'rgb(7, 8, 9)');
  assert.deepEqual(errors.map(String), []);
});

test('a page whose CSP forbids WebAssembly gets an error state, not an exception', async () => {
  const { page, errors } = await harness.newPage('/strict/index.html');
  await page.waitForFunction(() => document.getElementById('from-api')?.state === 'error');
  const text = await page.locator('#from-api').evaluate((e) => e.shadowRoot.querySelector('.state').textContent);
  assert.match(text, /wasm-unsafe-eval/);
  await page.waitForFunction(() => document.getElementById('module-result').textContent !== '');
  assert.match(await page.locator('#module-result').textContent(), /could not run/);
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|wasm-unsafe-eval|WebAssembly/i.test(String(e))).map(String), []);
});
