// The content script itself: a classic script cannot `import`, so it loads the real one as a module
// from the extension. Nothing may ever throw into the page.
//
// Loaded one after the other, as each module names the next, the content script's modules took
// about 100 ms before the first order could be read; asked for all at once, about half
// (BENCHMARKS.md, "Session 6"). As one file (content/bundle.js: content/main.js's module graph,
// which `make build` bundles) a 100-order page is annotated some 30 ms sooner again ("Session 8").
// The modules the bundle loads by their address at start (the settings, the engine's instance and
// its glue) are asked for meanwhile, and the wasm fetched and compiled
// (tests/e2e/ext-preload.test.mjs checks the list).
const PRELOAD = ['content/bundle.js', 'settings.js', 'engine-instance.js', 'pkg/deadline_guard.js'];

(async () => {
  try {
    const url = (path) => chrome.runtime.getURL(path);
    const [main, ...rest] = PRELOAD.map((path) => import(url(path)));
    // A module that fails to load fails the bundle's own import of it too, which reports it below.
    for (const load of rest) load.catch(() => {});
    // Where the page's CSP forbids WebAssembly this fails, and the engine runs in the worker.
    import(url('engine-instance.js')).then((m) => m.compileEngine()).catch(() => {});
    const { start } = await main;
    await start();
  } catch (error) {
    console.warn('[Deadline Guard] not started:', error);
  }
})();
