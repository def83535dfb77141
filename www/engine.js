// The widget's one wasm engine, loaded on first use. The API (deadline-guard.js, analysis.js) and
// the elements (elements/*.js) import it and never each other the other way round, so any public
// module can be the first a page loads: with the elements importing the API that re-exports them,
// define.js loaded first met OPTION_ATTRIBUTES before its initialisation. engine-instance.js
// replaces the instance after a trap.
import { engineInstance } from './engine-instance.js';

// The call that broke the instance reports it (it throws); nothing is logged besides.
const engine = engineInstance();

/** Loads the wasm once; resolves when the engine is usable (again, after a restart). */
export function ready() {
  return engine.ready();
}

/** `use(wasm)` on the current instance, with a broken instance reported and replaced. */
export function call(use) {
  return engine.call(use);
}

/** Counts the instances: an object the wasm made belongs to the instance of its generation. */
export function generation() {
  return engine.generation;
}
