// The background worker's wasm instance (engine-instance.js), replaced when a call breaks it.
// A service worker may not import dynamically, so the copies of the glue that restarts need are
// imported here, statically: three restarts in one life of the worker, which the browser ends
// after half a minute without events (the next event starts a fresh one with all four).
import * as copy0 from './pkg/deadline_guard.js';
import * as copy1 from './pkg/deadline_guard.js?instance=1';
import * as copy2 from './pkg/deadline_guard.js?instance=2';
import * as copy3 from './pkg/deadline_guard.js?instance=3';
import { engineInstance } from './engine-instance.js';

const COPIES = [copy0, copy1, copy2, copy3];

export const engine = engineInstance({
  copies: async (n) => {
    if (n >= COPIES.length) throw new Error('no fresh copy of the engine is left in this worker');
    return COPIES[n];
  },
  wasm: chrome.runtime.getURL('pkg/deadline_guard_bg.wasm'),
  // The call that broke the instance reports it in its answer to the content script.
  restarts: COPIES.length - 1,
});

/** Resolves when the engine is usable; service workers may not await at the top level. */
export const ready = () => engine.ready();
