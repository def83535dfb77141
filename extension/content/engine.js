// Where the wasm runs. In the content script when the page's CSP lets it compile (always in
// Firefox; in Chrome only if the page allows 'wasm-unsafe-eval'), else in the background worker
// over messages. Both run the same `scanLines` on the same snapshot lines: identical results.

/**
 * The engine over a loaded glue module (the content script's, or the demo page's):
 * `{ mode, scanLines(lang, url, lines, optionsJson, nowMs, rows), PageScan, csvOfLines, calibrate, scanMessage }`.
 * `scanLines` answers synchronously here (a promise in background mode), so a changed row is
 * re-annotated before the page paints.
 */
export function localEngine(glue, mode = 'local') {
  return {
    mode,
    scanLines: (lang, url, lines, options, now, rows) => JSON.parse(glue.scanLines(lang, url, lines, options, now, rows)),
    PageScan: glue.PageScan,
    csvOfLines: async (lang, url, lines, options, now, rows, header) => JSON.parse(glue.csvOfLines(lang, url, lines, options, now, rows, header)),
    calibrate: (samples, options, lang) => JSON.parse(glue.calibrate(samples, options, lang)),
    scanMessage: async (text, settings, lang) => guardReport(glue.scanMessage(text, JSON.stringify(settings ?? {}), lang ?? '')),
  };
}

/** The extension's engine: local when the page lets the wasm compile, else the background worker's. */
export async function connectEngine(runtime = globalThis.chrome?.runtime) {
  try {
    const glue = await import(runtime.getURL('pkg/deadline_guard.js'));
    await glue.default({ module_or_path: runtime.getURL('pkg/deadline_guard_bg.wasm') });
    return localEngine(glue);
  } catch (error) {
    // The page's CSP forbids WebAssembly here (CompileError): the background worker computes instead.
    return {
      mode: 'background',
      reason: String(error?.message || error),
      scanLines: async (lang, url, lines, options, now, rows) => {
        const answer = await runtime.sendMessage({ type: 'scanLines', lang, url, lines, options, now, rows });
        if (typeof answer !== 'string') throw new Error('no answer from the background worker');
        return JSON.parse(answer);
      },
      PageScan: null,
      // "Export CSV" (content/export-csv.js): the worker writes the CSV or answers { error }.
      csvOfLines: async (lang, url, lines, options, now, rows, header) => {
        const answer = await runtime.sendMessage({ type: 'csvOfLines', lang, url, lines, options, now, rows, header });
        if (typeof answer !== 'string') throw new Error('no answer from the background worker');
        return JSON.parse(answer);
      },
      // What the records measure of the settings (content/calibration.js): the worker answers.
      calibrate: async (samples, options, lang) => {
        const answer = await runtime.sendMessage({ type: 'calibrate', samples, options, lang });
        if (typeof answer !== 'string') throw new Error('no answer from the background worker');
        return JSON.parse(answer);
      },
      // The message guard (features/message-guard.js): the worker answers the report or { error }.
      scanMessage: async (text, settings, lang) => {
        const answer = await runtime.sendMessage({ type: 'scanMessage', text, settings: JSON.stringify(settings ?? {}), lang: lang ?? '' });
        if (typeof answer !== 'string') throw new Error('no answer from the background worker');
        return guardReport(answer);
      },
    };
  }
}

/** The message guard's JSON answer as an object; its `{ error }` (a bad setting) as an Error. */
function guardReport(json) {
  const report = JSON.parse(json);
  if (report.error) throw new Error(report.error);
  return report;
}
