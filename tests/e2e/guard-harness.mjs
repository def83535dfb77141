// Shared by the guard and buyer end-to-end tests: Chromium with the built extension, fixture
// pages served at the real AliExpress addresses (Playwright routes them; nothing leaves the
// machine), and a calendar oracle for the buyer-side badges.
//
// The extension reads the real clock (a content script's Date cannot be faked from outside), so
// the buyer fixtures, written for Wed 25 Nov 2026, are moved to today: every date in them shifts
// by the same number of days, and the expected badges are computed here independently of the
// wasm (Monday–Friday working days, DOMAIN.md's defaults), in the platform's time zone.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
// The shipped Chromium build (mk/extension.mk `ext-unpacked`): real AliExpress hosts only.
export const EXT = join(ROOT, 'dist/unpacked/chrome');
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Chromium with the extension; `close()` removes the profile. */
export async function launchWithExtension() {
  const profile = await mkdtemp(join(tmpdir(), 'dg-guard-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, ...ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  // Nothing may leave the machine: every request not routed to a fixture fails.
  await context.route(/^https?:\/\//, (route) => route.abort());
  return {
    context, worker,
    async setStorage(values) { await worker.evaluate((v) => chrome.storage.sync.set(v), values); },
    async clearStorage() { await worker.evaluate(() => chrome.storage.sync.clear()); },
    async close() { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** Serves `fixture` (under tests/fixtures) at `url`, its dates passed through `rewrite`. */
export async function routeFixture(context, url, fixture, rewrite = (html) => html) {
  const html = rewrite(await readFile(join(ROOT, 'tests/fixtures', fixture), 'utf8'));
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

// ---- calendar oracle (dates are UTC midnights standing for calendar days) ----------------------
const DAY = 86_400_000;
export const REFERENCE = Date.UTC(2026, 10, 25); // the day the fixtures were written for

/** Today in the platform's time zone (America/Los_Angeles), as a calendar day. */
export function today() {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' })
    .format(new Date()).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}
export const SHIFT_DAYS = Math.round((today() - REFERENCE) / DAY);
export const addDays = (day, n) => day + n * DAY;
const isWorking = (day, holidays = []) => ![0, 6].includes(new Date(day).getUTCDay()) && !holidays.includes(day);

/** The n-th working day counting `start` as day 1 when it is one. */
export function nthWorkingDay(start, n, holidays = []) {
  let day = start;
  let counted = 0;
  for (;;) {
    if (isWorking(day, holidays) && ++counted === n) return day;
    day = addDays(day, 1);
  }
}
/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from, to, holidays = []) {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorking(day, holidays)) count++;
  return count;
}

const EN = { days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] };
const ES = { days: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'] };
const ES_PAGE = ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'];

/** "Tue 1 Dec" / "mar 1 dic", as the badges say it. */
export function shortDate(day, lang = 'en') {
  const w = lang === 'es' ? ES : EN;
  const d = new Date(day);
  return `${w.days[d.getUTCDay()]} ${d.getUTCDate()} ${w.months[d.getUTCMonth()]}`;
}

/** The fixture's dates moved by SHIFT_DAYS: "Nov 18, 2026" (English), "18 nov. 2026" (Spanish). */
export function shiftDates(html) {
  const en = html.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})\b/g, (_, m, d, y) => {
    const day = addDays(Date.UTC(Number(y), EN.months.indexOf(m), Number(d)), SHIFT_DAYS);
    const t = new Date(day);
    return `${EN.months[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()}`;
  });
  return en.replace(/\b(\d{1,2}) (ene\.|feb\.|mar\.|abr\.|may\.|jun\.|jul\.|ago\.|sept\.|oct\.|nov\.|dic\.) (\d{4})\b/g, (_, d, m, y) => {
    const day = addDays(Date.UTC(Number(y), ES_PAGE.indexOf(m), Number(d)), SHIFT_DAYS);
    const t = new Date(day);
    return `${t.getUTCDate()} ${ES_PAGE[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
  });
}
