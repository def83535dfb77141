// Where the wasm runs. In the content script when the page's CSP lets it compile (always in
// Firefox; in Chrome only if the page allows 'wasm-unsafe-eval'), else in the background worker
// over messages. Both run the same `scanSnapshot` on the same snapshot JSON: identical results.

/** `{ mode: 'local' | 'background', scan(snapshotJson, optionsJson, nowMs) → Promise<result> }`. */
export async function connectEngine(runtime = globalThis.chrome?.runtime) {
  try {
    const glue = await import(runtime.getURL('pkg/deadline_guard.js'));
    await glue.default({ module_or_path: runtime.getURL('pkg/deadline_guard_bg.wasm') });
    return {
      mode: 'local',
      scan: async (snapshot, options, now) => JSON.parse(glue.scanSnapshot(snapshot, options, now)),
    };
  } catch (error) {
    // The page's CSP forbids WebAssembly here (CompileError): the background worker computes instead.
    return {
      mode: 'background',
      reason: String(error?.message || error),
      scan: async (snapshot, options, now) => {
        const answer = await runtime.sendMessage({ type: 'scan', snapshot, options, now });
        if (typeof answer !== 'string') throw new Error('no answer from the background worker');
        return JSON.parse(answer);
      },
    };
  }
}
