// The content script proper (loaded by loader.js): snapshot the page, let the wasm decide, apply
// its patches, keep the overlay, the toolbar badge and the notifications current. Live: a
// debounced MutationObserver rescans after the page changes, and one timer wakes at the next
// minute boundary while a clock runs. No polling. Everything stops through one AbortSignal.

import { takeSnapshot } from './snapshot.js';
import { applyPatches } from './apply.js';
import { Overlay } from './overlay.js';
import { connectEngine } from './engine.js';
import { startFeatures } from '../features/index.js';

const DEBOUNCE_MS = 150;

/**
 * Starts on this page. `options.engine` and `options.settings` replace the extension's own (the
 * demo page runs the same code without the extension). Returns the controller that stops it.
 */
export async function start(options = {}) {
  if (globalThis.__deadlineGuard) return globalThis.__deadlineGuard;
  const controller = new AbortController();
  globalThis.__deadlineGuard = controller;
  const { signal } = controller;
  const runtime = globalThis.chrome?.runtime;
  const settingsModule = options.settings ? null : await import(runtime.getURL('settings.js'));
  let settings = options.settings ?? await settingsModule.loadSettings();
  const scanOptions = () => settingsModule ? settingsModule.scanOptions(settings) : JSON.stringify(settings);
  const engine = options.engine ?? await connectEngine(runtime);
  const overlay = new Overlay({ signal, engine: engine.mode, store: globalThis.chrome?.storage?.local });

  let records = new Set();
  let timer = 0;
  let debounce = 0;
  let busy = false;
  let again = false;
  let lastReport = '';

  async function scan() {
    if (signal.aborted) return;
    if (busy) { again = true; return; }
    busy = true;
    try {
      const started = performance.now();
      const root = document.body;
      if (!root) return;
      const lang = document.documentElement.lang || navigator.language || '';
      const { json, elements } = takeSnapshot(root, { lang, url: location.href });
      const result = await engine.scan(json, scanOptions(), Date.now());
      if (signal.aborted) return;
      if (result.error) {
        overlay.error(`Deadline Guard: ${result.error}`);
        return;
      }
      const applied = applyPatches(elements, result.patches, records, {
        deadlineAt: result.summary.ui.deadlineAt, locale: lang || undefined,
      });
      records = applied.current;
      overlay.render(result.summary, elements);
      document.documentElement.setAttribute('data-dg-scanned', String(Math.round(performance.now() - started)));
      report(result);
      schedule(result.summary.refreshAtMs);
    } catch (error) {
      overlay.error(`Deadline Guard: ${error?.message || error}`);
    } finally {
      busy = false;
      if (again) { again = false; queue(); }
    }
  }

  // At most one rescan pending, DEBOUNCE_MS after the first change: restarting the timer on every
  // change would starve the page forever when something on it never stops changing (a live countdown).
  function queue() {
    if (debounce) return;
    debounce = setTimeout(() => { debounce = 0; scan(); }, DEBOUNCE_MS);
  }

  // One timer for the whole page: the next minute boundary while any clock runs, none otherwise.
  function schedule(at) {
    clearTimeout(timer);
    if (at != null) timer = setTimeout(scan, Math.max(1000, at - Date.now() + 50));
  }

  function report(result) {
    if (!runtime?.sendMessage) return;
    const message = {
      type: 'summary', counts: result.summary.counts, alerts: result.summary.alerts, lang: result.lang,
    };
    const key = JSON.stringify(message);
    if (key === lastReport) return;
    lastReport = key;
    runtime.sendMessage(message).catch(() => {});
  }

  const observer = new MutationObserver((mutations) => {
    if (mutations.some((m) => !isOurs(m))) queue();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(debounce);
    applyPatches([], [], records);
  });
  if (settingsModule) {
    const off = settingsModule.onSettingsChanged(async () => {
      settings = await settingsModule.loadSettings();
      scan();
    });
    signal.addEventListener('abort', off);
  }
  // Page behaviours beside the overlay (the message guard): one file each under features/.
  if (engine.scanMessage) {
    startFeatures({ engine, lang: settings.lang && settings.lang !== 'auto' ? settings.lang
      : (document.documentElement.lang || navigator.language || ''), signal }).catch((error) => console.warn('[Deadline Guard]', error));
  }
  await scan();
  return controller;
}

/** A mutation caused by the extension's own UI (badges, overlay) is no reason to rescan. */
function isOurs(mutation) {
  const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
  if (target?.closest?.('[data-dg-ui]')) return true;
  if (mutation.type !== 'childList') return false;
  const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === Node.ELEMENT_NODE && n.hasAttribute('data-dg-ui'));
}
