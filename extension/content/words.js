// The extension's own words (overlay controls, notifications) in the browser's language, from
// _locales through chrome.i18n. The demo page runs without the extension: it hands over the
// English messages.json instead, read here with the same placeholder rules.

let fallback = null;

/** Uses `messages` (a messages.json object) where chrome.i18n is missing. */
export function useMessages(messages) {
  fallback = messages ?? null;
}

/** The message `name` with its `$1`… placeholders filled from `subs`; `name` itself when unknown. */
export function t(name, subs = []) {
  const list = Array.isArray(subs) ? subs.map(String) : [String(subs)];
  try {
    const text = globalThis.chrome?.i18n?.getMessage(name, list);
    if (text) return text;
  } catch { /* no extension context (demo page) */ }
  const entry = fallback?.[name];
  if (!entry) return name;
  const placeholders = entry.placeholders ?? {};
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, key) => {
    const content = placeholders[key.toLowerCase()]?.content;
    return content ? content.replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '') : whole;
  });
}
