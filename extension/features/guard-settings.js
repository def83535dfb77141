// The message guard's settings, stored apart from the deadline policy under the `guard` key of
// chrome.storage.sync: `{ enabled, bannedWords, phoneNumbers, emails, links, allowedLinkDomains,
// maxSentenceWords }`. Missing fields take the wasm's defaults (GuardSettings::default), so the
// lists live in one place; the wasm validates every value and the note shows what is wrong.

export const GUARD_KEY = 'guard';

/** `{ enabled: boolean, scan: object }`: whether to guard, and the options `scanMessage` takes. */
export async function loadGuardSettings(storage = globalThis.chrome?.storage?.sync) {
  const stored = (await storage?.get({ [GUARD_KEY]: {} }))?.[GUARD_KEY] ?? {};
  const { enabled = true, ...scan } = stored;
  return { enabled: enabled !== false, scan };
}

/** Stores the guard's settings (the options page validates them with `scanMessage` first). */
export async function saveGuardSettings(settings, storage = globalThis.chrome?.storage?.sync) {
  await storage.set({ [GUARD_KEY]: settings });
}

/** Calls `listener` when the guard's settings change anywhere; returns the unsubscribe function. */
export function onGuardSettingsChanged(listener, storage = globalThis.chrome?.storage) {
  const handler = (changes, area) => { if (area === 'sync' && changes[GUARD_KEY]) listener(); };
  storage?.onChanged.addListener(handler);
  return () => storage?.onChanged.removeListener(handler);
}
