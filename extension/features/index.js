// Page behaviours beside the order overlay, started by the content script (content/main.js) with
// its engine and its AbortSignal. One file per behaviour; each stops when the signal aborts.

import { startMessageGuard } from './message-guard.js';
import { loadGuardSettings, onGuardSettingsChanged } from './guard-settings.js';

/**
 * @param {object} env
 * @param {{ scanMessage(text: string, settings: object, lang: string): Promise<object> }} env.engine
 * @param {string} env.lang  the page's language tag (or the user's override)
 * @param {AbortSignal} env.signal
 */
export async function startFeatures({ engine, lang, signal }) {
  let guard = null;
  // Settings changed in the options page apply at once: the guard restarts with them.
  const restart = async () => {
    guard?.abort();
    guard = null;
    const settings = await loadGuardSettings();
    if (signal.aborted || !settings.enabled) return;
    guard = new AbortController();
    signal.addEventListener('abort', () => guard?.abort(), { once: true, signal: guard.signal });
    startMessageGuard({ scan: engine.scanMessage, settings: settings.scan, lang, signal: guard.signal });
  };
  const off = onGuardSettingsChanged(() => { restart().catch(warn); });
  signal.addEventListener('abort', off, { once: true });
  await restart();
}

function warn(error) {
  console.warn('[Deadline Guard] message guard:', error);
}
