// Issue 18's targets, each figure beside its goal, from the JSON the benchmarks of `make bench`
// wrote into tests/bench/out/ (browser.mjs, page-load.mjs, memory.mjs, idle.mjs). A figure whose
// benchmark has not run says so. Usage: node tests/bench/targets.mjs [--out-dir DIR]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { ROOT } from './browsers.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const DIR = arg('--out-dir', join(ROOT, 'tests/bench/out'));
// The idle tab before issue 18, measured the same way as idle.mjs does now (37a0ad5's page side,
// 2,500 orders, the extension's task time a minute beyond the same page's without it): see
// BENCHMARKS.md, "Session 6". The goal is a tenth of it.
const IDLE_BEFORE_MS = 348.5;

async function load(name) {
  try {
    return JSON.parse(await readFile(join(DIR, name), 'utf8'));
  } catch {
    return null;
  }
}

const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const rows = [];
/** One line: what, the figure (or why there is none), the goal, whether it is met. */
function row(what, value, goal, met, shown) {
  rows.push([what, value == null ? 'not measured (run its benchmark)' : shown(value), goal, value == null ? '–' : met(value) ? 'met' : 'missed']);
}

const browser = await load('browser.json');
const at = (n) => browser?.summary?.find((s) => s.orders === n);
row('100 orders inserted: main-thread time until all annotated (median)', at(100)?.extensionMs, '≤ 16 ms', (v) => v <= 16, ms);
row('1,000 orders inserted: that time against the plain-JS floor', at(1000) && at(1000).ratio, '≤ 10×',
  (v) => v <= 10, (v) => `${v.toFixed(1)}× (${ms(at(1000).extensionMs)} against ${ms(at(1000).floorMs)})`);
const load100 = await load('page-load.json');
row(`page load, ${load100?.orders ?? 100} orders: list in the DOM → all annotated, wasm included (median of new tabs)`, load100?.laterTabsMs,
  '≤ 100 ms', (v) => v <= 100, (v) => `${ms(v)} (first tab of a fresh browser ${ms(load100.firstTabMs)})`);
const memory = await load('memory.json');
row('memory after annotating 10,000 orders (wasm + content script heap)', memory?.afterBytes, '≤ 16 MB', (v) => v <= 16 * 1048576, mb);
row('memory growth over 50 re-renders of the list', memory?.growthBytes, 'none (≤ 1 MB)', (v) => v <= 1048576, mb);
const idle = await load('idle.json');
row(`idle tab, ${idle?.orders ?? 2500} orders: the extension's task time a minute`, idle?.addedTaskMsPerMinute,
  `≤ ${ms(IDLE_BEFORE_MS / 10)} (a tenth of ${ms(IDLE_BEFORE_MS)} before)`, (v) => v <= IDLE_BEFORE_MS / 10, ms);

console.log(`Issue 18's targets on this machine (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}), from ${DIR}:`);
console.log('| target | figure | goal | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
