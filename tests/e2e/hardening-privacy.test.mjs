// The privacy check's own rules (the check runs on the real log at the end of `make test`), and
// the hook really records: a page that tries to reach another host shows up as a violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit, allowedBecause } from './hardening-privacy-check.mjs';

test('own files, local servers and test navigations are allowed; anything else is a violation', () => {
  const ok = [
    { url: 'chrome-extension://abcdefghijklmnop/pkg/deadline_guard_bg.wasm', type: 'fetch' },
    { url: 'http://127.0.0.1:40123/pkg/deadline_guard.js', type: 'script' },
    { url: 'https://csp.aliexpress.com/m_apps/order-manage/orderList', type: 'document', navigation: true },
    { url: 'data:image/png;base64,AAAA', type: 'image' },
    { url: 'https://csp.aliexpress.com/tests/fixtures/seller/fixture.css', type: 'style', navigation: false, fixture: true },
  ];
  const bad = [
    { url: 'https://csp.aliexpress.com/api/orders', type: 'fetch', navigation: false },
    { url: 'https://www.google-analytics.com/collect?v=1', type: 'xhr' },
    { url: 'https://cdn.example.com/x.js', type: 'script' },
    { url: 'wss://evil.example/socket', type: 'websocket' },
    { url: 'https://csp.aliexpress.com/api/orders', type: 'fetch', navigation: false, fixture: true },
    { url: 'https://firefox.settings.services.mozilla.com:443/', type: 'connect', navigation: false },
  ];
  for (const e of ok) assert.ok(allowedBecause(e), e.url);
  for (const e of bad) assert.equal(allowedBecause(e), null, e.url);
  assert.equal(audit([...ok, ...bad]).violations.length, bad.length);
});

test('the hook logs a real browser request, and the check fails on it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dg-privacy-'));
  const log = join(dir, 'requests.jsonl');
  const probe = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'e2e', 'hardening-privacy-probe.mjs');
  try {
    const hook = fileURLToPath(new URL('./hardening-privacy-hook.mjs', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', hook, probe], { env: { ...process.env, DG_REQUEST_LOG: log, NODE_OPTIONS: '' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const entries = (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.ok(entries.some((e) => e.url.startsWith('https://tracker.invalid/')), JSON.stringify(entries));
    const check = spawnSync(process.execPath, [fileURLToPath(new URL('./hardening-privacy-check.mjs', import.meta.url)), log], { encoding: 'utf8' });
    assert.equal(check.status, 1, check.stdout + check.stderr);
    assert.match(check.stderr, /tracker\.invalid/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
