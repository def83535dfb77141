// The content script itself: a classic script cannot `import`, so it loads the real one as a module
// from the extension. Nothing may ever throw into the page.
//
// Loaded one after the other, as each module names the next, the content script's modules took
// about 100 ms before the first order could be read; asked for all at once, with the wasm fetched
// and compiled meanwhile, they take about half (BENCHMARKS.md, "Session 6", page load).
// `PRELOAD` is content/main.js's module graph (tests/e2e/ext-preload.test.mjs checks it).
const PRELOAD = [
  'content/main.js', 'page/snapshot.js', 'page/apply.js', 'content/near.js', 'content/overlay.js',
  'content/words.js', 'content/summary.js', 'handled.js', 'content/engine.js', 'content/order-state.js',
  'content/seller-time.js', 'content/export-csv.js', 'content/calibration.js', 'content/warm-up.js',
  'features/index.js', 'features/message-guard.js', 'features/guard-settings.js', 'settings.js',
  'engine-instance.js', 'pkg/deadline_guard.js',
];

(async () => {
  try {
    const url = (path) => chrome.runtime.getURL(path);
    const [main, ...rest] = PRELOAD.map((path) => import(url(path)));
    // A module that fails to load fails main.js's import too, which reports it below.
    for (const load of rest) load.catch(() => {});
    // Where the page's CSP forbids WebAssembly this fails, and the engine runs in the worker.
    import(url('engine-instance.js')).then((m) => m.compileEngine()).catch(() => {});
    const { start } = await main;
    await start();
  } catch (error) {
    console.warn('[Deadline Guard] not started:', error);
  }
})();
