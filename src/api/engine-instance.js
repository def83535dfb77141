// The one wasm instance of the engine, replaced by a fresh one when it breaks. Shared by the widget
// (www/deadline-guard.js), the content script (extension/content/engine.js) and the background
// worker: `make build` copies this file beside each pkg/ folder (www/, extension/).
//
// A wasm trap (an out-of-bounds access, `unreachable`, a stack overflow) or a JS exception thrown
// through wasm frames leaves the instance's shadow stack pointer wherever it was: later calls run
// on a broken stack and fail, or worse. The wasm-bindgen glue keeps its instance in a module variable it never resets, so a
// fresh instance needs a fresh copy of the glue module; `copies(n)` gives the n-th (the widget and
// the content script import the glue again under `?instance=n`; the service worker, which may not
// import dynamically, imports a few copies statically). The next copy is loaded ahead, so the
// instance is replaced synchronously, before the failing call returns: the very next call works.

/** Restarts are counted over this long: input that breaks every instance must not loop. */
const RESTART_WINDOW_MS = 10 * 60_000;

/** The wasm beside this file. */
const ENGINE_WASM = new URL('./pkg/deadline_guard_bg.wasm', import.meta.url);
/** Compiled modules by address: every instance of a page, and a compile started early, share one. */
const compiled = new Map();

/**
 * The compiled engine at `wasm` (this file's by default), fetched and compiled once per page: the
 * extension's loader starts it while the content script's own modules load.
 */
export function compileEngine(wasm = ENGINE_WASM) {
  const key = String(wasm);
  if (!compiled.has(key)) {
    const compiling = (async () => {
      const response = await fetch(wasm);
      if (!response.ok) throw new Error(`failed to fetch the engine: ${response.status} ${response.statusText}`);
      // compileStreaming wants the application/wasm type; the bytes compile the same without it.
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    compiled.set(key, compiling);
    // A failed fetch may be tried again; a page whose CSP forbids compiling fails alike each time.
    compiling.catch(() => compiled.delete(key));
  }
  return compiled.get(key);
}

/** The n-th copy of the glue in pkg/ beside this file, by dynamic import (not in a service worker). */
const importedCopy = (n) => import(new URL(`./pkg/deadline_guard.js${n ? `?instance=${n}` : ''}`, import.meta.url));

/**
 * @param {{ copies?: (n: number) => Promise<object>, wasm?: URL | string,
 *           onBroken?: (error: Error) => void, restarts?: number }} how
 *   `copies(n)`: the n-th copy of the glue module, not initialised (rejects when there is none);
 *   `wasm`: the wasm file's address; `onBroken(error)`: told once for each instance that broke,
 *   after its replacement is in place (or failed to come); `restarts`: how many times at most in
 *   ten minutes, so that input which breaks every instance (a page rescanned after each restart)
 *   cannot loop.
 */
export function engineInstance({
  copies = importedCopy,
  wasm = ENGINE_WASM,
  onBroken = () => {},
  restarts = 5,
} = {}) {
  let module = null; // the compiled wasm, instantiated again for each copy of the glue
  let current = null; // { glue, mark, generation }
  let spare = null; // the next copy of the glue, loaded ahead
  let generation = -1;
  let loading = null;
  let spareLoading = Promise.resolve();
  let given = null; // the Error of the last break once no restart is left
  const breaks = []; // when the last instances broke, to cap restarts in a window of time
  let depth = 0; // calls under way: page code run by a call (a custom element's callback) may call again

  function adopt(glue) {
    generation += 1;
    current = { glue, mark: glue.engineStackMark(), generation };
    spare = null;
    // Loaded ahead, so a break is mended without waiting; no spare is no error until one is needed.
    // Kept only while the instance that asked is current: a late answer must not bring back a copy
    // that was loaded and used in the meantime.
    const asker = current;
    spareLoading = copies(generation + 1).then((next) => { if (current === asker) spare = next; }, () => {});
  }

  /**
   * Resolves when an instance is usable and the spare copy is loaded; after a failed load, a later
   * call tries again.
   */
  function ready() {
    if (current) return spareLoading;
    if (given) return Promise.reject(given);
    if (!loading) {
      loading = (async () => {
        module ??= await compileEngine(wasm);
        const glue = spare ?? await copies(generation + 1);
        await glue.default({ module_or_path: module });
        adopt(glue);
        await spareLoading;
      })().finally(() => { loading = null; });
    }
    return loading;
  }

  /** Whether the instance can no longer be trusted after `error` was thrown out of it. */
  function broken(error) {
    if (error instanceof WebAssembly.RuntimeError) return true;
    // Inside an outer call the stack stands lower by that call's frames: only the outermost can tell.
    if (depth > 1) return false;
    try {
      return current.glue.engineStackMark() !== current.mark;
    } catch {
      return true;
    }
  }

  /** Drops the broken instance and puts the spare copy in its place (or loads one). */
  function replace(cause) {
    const stopped = new Error(`Deadline Guard's engine stopped (${cause?.name ?? 'Error'}: ${cause?.message ?? cause}); `
      + 'it was restarted, so the next call runs on a fresh one', { cause });
    current = null;
    const now = Date.now();
    breaks.push(now);
    while (breaks[0] < now - RESTART_WINDOW_MS) breaks.shift();
    if (breaks.length > restarts) {
      stopped.message = `Deadline Guard's engine stopped (${cause?.name ?? 'Error'}: ${cause?.message ?? cause}) `
        + `after ${restarts} restarts in ${RESTART_WINDOW_MS / 60_000} minutes; it stays off until the page is loaded again`;
      given = stopped;
      onBroken(stopped);
      return stopped;
    }
    // Told to whoever reports it (the worker, in its answer): a fresh instance is coming.
    stopped.restarted = true;
    if (spare && module) {
      try {
        spare.initSync({ module });
        adopt(spare);
        onBroken(stopped);
        return stopped;
      } catch (error) {
        spare = null;
        stopped.message += ` (the restart failed at once: ${error?.message ?? error})`;
      }
    }
    ready().then(() => onBroken(stopped), (error) => {
      stopped.message += ` (the restart failed: ${error?.message ?? error})`;
      onBroken(stopped);
    });
    return stopped;
  }

  return {
    ready,
    /** The current glue module, or null while there is none. */
    get glue() { return current?.glue ?? null; },
    /** The current instance's linear memory in bytes (it grows and never shrinks), or 0. */
    get memoryBytes() { return current?.glue.engineMemoryBytes?.() ?? 0; },
    /**
     * Starts a fresh instance of the same module in place of the current one, when the glue can
     * (`__wbg_reset_state`), so the memory a big page made the wasm grow is let go. Objects made by
     * the current instance must be freed before: they cannot be used after (the generation moves on).
     * Returns whether it did.
     */
    recycle() {
      if (!current || depth > 0 || typeof current.glue.__wbg_reset_state !== 'function') return false;
      current.glue.__wbg_reset_state();
      generation += 1;
      current = { glue: current.glue, mark: current.glue.engineStackMark(), generation };
      return true;
    },
    /** Counts the instances: an object made by an earlier one belongs to a dropped instance. */
    get generation() { return generation; },
    /**
     * `use(glue)` on the current instance; what it throws is thrown on, except when the instance
     * broke: then the instance is replaced and an Error saying so is thrown (its cause the original).
     */
    call(use) {
      if (given) throw given;
      if (!current) {
        throw new Error(generation < 0 ? 'Deadline Guard is not loaded yet: await ready() first'
          : 'Deadline Guard\'s engine is being restarted: await ready() first');
      }
      const at = current;
      depth += 1;
      try {
        return use(at.glue);
      } catch (error) {
        if (current !== at || !broken(error)) throw error;
        throw replace(error);
      } finally {
        depth -= 1;
      }
    },
  };
}
