// Where the wasm runs. In the content script when the page's CSP lets it compile (always in
// Firefox; in Chrome only if the page allows 'wasm-unsafe-eval'), else in the background worker
// over messages. Both run the same `scanLines` on the same snapshot lines: identical results.

/**
 * The engine over a loaded glue module (the demo page's): `{ mode, scanLines(lang, url, lines,
 * optionsJson, nowMs, rows), PageScan, csvOfLines, calibrate, summarizeRecords, scanMessage }`. `scanLines` answers
 * synchronously here (a promise in background mode), so a changed row is re-annotated before the
 * page paints.
 */
export function localEngine(glue, mode = 'local') {
  return instanceEngine({ glue, generation: 0, call: (use) => use(glue) }, mode);
}

/**
 * The engine over an owned instance (engine-instance.js): a call that breaks the instance
 * throws an Error saying so, and the next call runs on a fresh instance.
 */
function instanceEngine(instance, mode = 'local') {
  // A PageScan lives across several calls: after a restart, its methods refuse rather than reach
  // into the fresh instance with a pointer of the dropped one.
  function PageScan(...args) {
    const generation = instance.generation;
    const scan = instance.call((glue) => new glue.PageScan(...args));
    return new Proxy(scan, {
      get(target, name) {
        const member = Reflect.get(target, name);
        if (typeof member !== 'function') return member;
        if (name === 'free') return () => { if (instance.generation === generation) target.free(); };
        return (...values) => {
          if (instance.generation !== generation) throw new Error('the engine was restarted during this scan');
          return instance.call(() => member.apply(target, values));
        };
      },
    });
  }
  return {
    mode,
    /** The wasm's memory in bytes. */
    memoryBytes: () => instance.memoryBytes ?? 0,
    /** A fresh instance in place of one a big page made grow (no PageScan may be alive). */
    recycle: () => instance.recycle?.() ?? false,
    scanLines: (lang, url, lines, options, now, rows) => JSON.parse(instance.call((glue) => glue.scanLines(lang, url, lines, options, now, rows))),
    // None while a broken instance is being replaced: the scan then goes through scanLines.
    get PageScan() { return instance.glue ? PageScan : null; },
    csvOfLines: async (lang, url, lines, options, now, rows, header) => JSON.parse(instance.call((glue) => glue.csvOfLines(lang, url, lines, options, now, rows, header))),
    calibrate: (samples, options, lang) => JSON.parse(instance.call((glue) => glue.calibrate(samples, options, lang))),
    summarizeRecords: (...columns) => JSON.parse(instance.call((glue) => glue.summarizeRecords(...columns))),
    scanMessage: async (text, settings, lang) => guardReport(instance.call((glue) => glue.scanMessage(text, JSON.stringify(settings ?? {}), lang ?? ''))),
  };
}

/**
 * The extension's engine: local when the page lets the wasm compile, else the background worker's.
 * `onRestart(error)` is told when a broken instance was replaced, so the page is scanned again.
 */
export async function connectEngine(runtime = globalThis.chrome?.runtime, { onRestart = () => {} } = {}) {
  try {
    const { engineInstance } = await import(runtime.getURL('engine-instance.js'));
    const instance = engineInstance({ onBroken: onRestart });
    await instance.ready();
    return instanceEngine(instance);
  } catch (error) {
    // The page's CSP forbids WebAssembly here (CompileError): the background worker computes instead.
    /** Sends `message` to the worker; its answer is JSON text, or nothing when the worker is gone. */
    const ask = async (message) => {
      const answer = await runtime.sendMessage(message);
      if (typeof answer !== 'string') throw new Error('no answer from the background worker');
      return answer;
    };
    return {
      mode: 'background',
      reason: String(error?.message || error),
      scanLines: async (lang, url, lines, options, now, rows) => {
        const result = JSON.parse(await ask({ type: 'scanLines', lang, url, lines, options, now, rows }));
        // The worker's instance broke on this call and was replaced: the page is scanned again.
        if (result.restarted) onRestart(new Error(result.error));
        return result;
      },
      PageScan: null,
      // "Export CSV" (content/export-csv.js): the worker writes the CSV or answers { error }.
      csvOfLines: async (lang, url, lines, options, now, rows, header) => JSON.parse(await ask({ type: 'csvOfLines', lang, url, lines, options, now, rows, header })),
      // What the records measure of the settings (content/calibration.js): the worker answers.
      calibrate: async (samples, options, lang) => JSON.parse(await ask({ type: 'calibrate', samples, options, lang })),
      // The overlay's summary (content/summary.js). Messages carry JSON, so the typed columns go as
      // lists, a deadline's NaN as null.
      summarizeRecords: async (ids, risks, deadlines, actionable, watched, now, cap) => JSON.parse(await ask({
        type: 'summarizeRecords', ids, risks: [...risks], deadlines: Array.from(deadlines, (at) => (Number.isNaN(at) ? null : at)),
        actionable: [...actionable], watched, now, cap,
      })),
      // The message guard (features/message-guard.js): the worker answers the report or { error }.
      scanMessage: async (text, settings, lang) => guardReport(await ask({ type: 'scanMessage', text, settings: JSON.stringify(settings ?? {}), lang: lang ?? '' })),
    };
  }
}

/** The message guard's JSON answer as an object; its `{ error }` (a bad setting) as an Error. */
function guardReport(json) {
  const report = JSON.parse(json);
  if (report.error) throw new Error(report.error);
  return report;
}
