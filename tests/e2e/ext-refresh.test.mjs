// The minute refresh: the content script rereads only the records whose annotation time can change
// (Rust's `changesAtMs`), so it must still show, after any stretch of time, exactly what a fresh
// scan of the page would show then. The demo panel runs the content script in the page's own world,
// where Playwright's clock drives its timers and `Date.now()`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { ROOT } from './harness.mjs';

let server; let context; let profile;
before(async () => {
  server = await serve({ root: ROOT, port: 0 });
  profile = await mkdtemp(join(tmpdir(), 'dg-refresh-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, timezoneId: 'America/Los_Angeles',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await context?.close(); await server?.close(); if (profile) await rm(profile, { recursive: true, force: true }); });

/** Every record's risk, deadline and badge words as the page shows them. */
function shown(page) {
  return page.$$eval('[data-dg-order-id]', (records) => Object.fromEntries(records.map((el) => {
    const host = el.querySelector('[data-dg-ui="badge"]');
    return [el.getAttribute('data-dg-order-id'), {
      risk: el.getAttribute('data-dg-risk'),
      deadline: el.getAttribute('data-dg-deadline'),
      source: el.getAttribute('data-dg-deadline-source'),
      badge: host?.shadowRoot?.querySelector('span')?.textContent ?? null,
      hints: [...(host?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent),
    }];
  })));
}

/** What a scan of the whole page at the page's current time says, through the same engine. */
function freshScan(page) {
  return page.evaluate(async () => {
    const glue = await import('/extension/pkg/deadline_guard.js');
    const { takeSnapshot } = await import('/extension/page/snapshot.js');
    const { lines } = takeSnapshot(document.body);
    const result = JSON.parse(glue.scanLines(document.documentElement.lang, location.href, lines, JSON.stringify({ lang: 'en' }), Date.now(), false));
    return Object.fromEntries(result.patches.map((p) => [p.orderId, {
      risk: p.risk, deadline: p.deadline ?? null, source: p.deadlineSource ?? null, badge: p.badge.text, hints: p.badge.hints,
    }]));
  });
}

/**
 * `shown` and `fresh` alike, but for the records whose deadline is the page's countdown: a static
 * countdown ("4 days 2 hours left") is read again at each rescan of its row and dated from then
 * (known, left for later: the page side does not remember when the page wrote the text), so a
 * fresh scan is no reference there.
 */
function assertSame(shownNow, fresh, first, what) {
  const countdowns = Object.keys(first).filter((id) => first[id].source === 'page');
  assert.ok(countdowns.length > 0 && countdowns.length < Object.keys(first).length, 'the demo has both kinds');
  for (const id of countdowns) {
    delete shownNow[id];
    delete fresh[id];
  }
  assert.deepEqual(shownNow, fresh, what);
}

test('at every minute boundary, after a minute, an hour and days, the badges read as a fresh scan', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The demo's times are relative to its load: deadlines fall 20 s past a minute, away from the
  // refresh at the boundary (up to a minute late by design: badges count in minutes).
  await page.clock.install({ time: new Date('2026-11-20T17:58:20Z') });
  await page.goto(`${server.url}/extension/demo/?lang=en`);
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { state: 'attached' });
  const first = await shown(page);
  assertSame(await shown(page), await freshScan(page), first, 'the first scan');
  let last = first;
  // Each step lands 1 s past a minute boundary, after the refresh there.
  for (const [ms, what] of [[101_000, 'a minute'], [60 * 60_000, 'an hour'], [26 * 3600_000, 'a day'], [3 * 24 * 3600_000, 'three days']]) {
    await page.clock.runFor(ms);
    // The refresh reads in slices between tasks: let it finish.
    await page.waitForTimeout(500);
    const now = await shown(page);
    const changed = Object.keys(now).filter((id) => now[id].badge !== last[id]?.badge);
    assert.ok(changed.length > 0, `after ${what} some badge must read differently (the clocks run): ${JSON.stringify(now)}`);
    last = now;
    assertSame(now, await freshScan(page), first, `after ${what}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
