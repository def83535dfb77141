// The content script's entry. `make build` bundles it with content/main.js's whole module graph
// into one classic script, content/bundle.js, which the manifest injects: the code is there when
// the script runs, where modules imported from the extension took 90-150 ms to come on a 100-order
// page (BENCHMARKS.md, "Session 9"). Only the engine is still imported (the background worker
// shares it), with its glue asked for at once and the wasm compiled meanwhile. Injected at
// document_start instead, it loaded no faster and a 10,000-order page saw long tasks in 3 of 6
// loads (1 of 6 at document_idle). Nothing may ever throw into the page.
import { start } from './main.js';

try {
  // Where the page's CSP forbids WebAssembly this fails, and the engine runs in the worker. The
  // glue, which the instance imports next, is asked for meanwhile.
  import(chrome.runtime.getURL('engine-instance.js')).then((m) => m.compileEngine()).catch(() => {});
  import(chrome.runtime.getURL('pkg/deadline_guard.js')).catch(() => {});
  start().catch((error) => console.warn('[Deadline Guard] not started:', error));
} catch (error) {
  console.warn('[Deadline Guard] not started:', error);
}
