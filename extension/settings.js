// The extension's settings: the engine's policy (validated by the wasm `Policy::validate`) and the
// extension's own (notifications, language). Stored in chrome.storage.sync; every open page,
// the background and the options page read the same object.

/** Settings of the extension itself; the policy's defaults come from the wasm (`defaultPolicy`). */
export const EXTENSION_DEFAULTS = Object.freeze({
  /** Hours before a deadline to notify, most distant first. */
  notifyLeadHours: [6, 1],
  /** Whether to notify at all. */
  notifications: true,
  /** Minutes a snoozed notification (or an order the overlay says "Later" for) waits. */
  snoozeMinutes: 120,
  /** `auto` (the page's language) or a panel language code. */
  lang: 'auto',
});

/** The stored settings: `{ policy: object|null, ...EXTENSION_DEFAULTS }` (policy null = defaults). */
export async function loadSettings() {
  const stored = await chrome.storage.sync.get({ policy: null, extension: {} });
  return { policy: stored.policy, ...EXTENSION_DEFAULTS, ...stored.extension };
}

/** Stores both parts; the caller has validated them. */
export async function saveSettings({ policy, extension }) {
  await chrome.storage.sync.set({ policy, extension });
}

/** Calls `listener` whenever the settings change anywhere. Returns the unsubscribe function. */
export function onSettingsChanged(listener) {
  const handler = (changes, area) => {
    if (area === 'sync' && (changes.policy || changes.extension)) listener();
  };
  chrome.storage.onChanged.addListener(handler);
  return () => chrome.storage.onChanged.removeListener(handler);
}

/** The options the wasm scan takes. */
export function scanOptions(settings) {
  const options = {};
  if (settings.policy) options.policy = settings.policy;
  if (settings.lang && settings.lang !== 'auto') options.lang = settings.lang;
  return JSON.stringify(options);
}
