// Hardening of the widget's CSV input (issue 7): payload cells and a payload header stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './widget-harness.mjs';
import { PAYLOADS } from '../fixtures/hostile/payloads.mjs';
import { hostileCsv, showAndAudit as show, assertHarmless } from './hardening-widget-lib.mjs';

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());
const showAndAudit = (data, options) => show(harness, data, options);

test('hostile CSV: payload cells and a payload header stay text, nothing runs', async () => {
  const r = await showAndAudit(hostileCsv());
  assertHarmless(r);
  assert.equal(r.view.state, 'ready');
  assert.ok(r.view.rows >= PAYLOADS.length, `${r.view.rows} rows`);
  assert.ok(r.view.text.includes(PAYLOADS[0]), 'buyer payload shown as text');
});

