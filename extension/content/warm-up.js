// Runs the page path on detached copies of one of the page's own records while the page is idle,
// writing nothing. Until code has run for a while, V8 runs the wasm on its baseline tier and the
// walk unoptimised: the first 100 orders a seller brings up took about twice as long as the next
// 100 (BENCHMARKS.md, "Session 6"). After this, the first page of orders gets the fast code too.

import { takeRowsSnapshot } from '../page/snapshot.js';
import { preparePatches } from '../page/apply.js';

const ROUNDS = 6;
const COPIES = 50;
// A round runs only when the page's idle period has this much left (a frame is 16 ms).
const ROUND_MS = 12;

/**
 * `record`: an annotated record of this page; `context`: the header cells and rows its fields
 * come from; `scan(lines)`: the engine's `scanLines` on rows, as the content script calls it.
 * Resolves when done or stopped through `signal`.
 */
export async function warmUp({ record, context, scan, signal }) {
  for (let round = 0; round < ROUNDS; round += 1) {
    if (!await idlePeriod(signal)) return;
    if (!record.isConnected) return;
    const copies = [];
    for (let i = 0; i < COPIES; i += 1) copies.push(record.cloneNode(true));
    // The copies have no parent, so nothing on the page changes or is observed.
    const { lines, elements } = takeRowsSnapshot(context.filter((el) => el.isConnected), copies);
    const result = await scan(lines);
    if (result.error || signal.aborted) return;
    preparePatches((line) => elements[line], result.patches);
  }
}

/** Resolves true in an idle period with ROUND_MS left, false once stopped. */
function idlePeriod(signal) {
  return new Promise((resolve) => {
    const wait = () => {
      if (signal.aborted) return resolve(false);
      const ask = globalThis.requestIdleCallback;
      if (!ask) return setTimeout(() => resolve(!signal.aborted), 200);
      ask((deadline) => (deadline.timeRemaining() >= ROUND_MS ? resolve(!signal.aborted) : wait()), { timeout: 5000 });
    };
    wait();
  });
}
