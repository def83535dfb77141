// The extension's own words in its eight languages: every locale has every message the code asks
// for (chrome.i18n falls back to English silently, so a missing one would go unnoticed), with the
// same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const EXT = join(ROOT, 'extension');
const LOCALES = ['en', 'es', 'de', 'fr', 'pt', 'ru', 'it', 'zh_CN'];
const messages = (lang) => JSON.parse(readFileSync(join(EXT, '_locales', lang, 'messages.json'), 'utf8'));

/** Every message name the extension's scripts and pages ask for. */
function namesUsed() {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { if (!['pkg', '_locales', 'demo'].includes(entry.name)) walk(path); continue; }
      if (!/\.(js|html)$/.test(entry.name)) continue;
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z]+)'|getMessage\('([A-Za-z]+)'|data-i18n="([A-Za-z]+)"|__MSG_([A-Za-z]+)__/g)) names.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
    }
  };
  walk(EXT);
  return names;
}

test('every locale has every message the extension uses, with the same placeholders', () => {
  const en = messages('en');
  const used = namesUsed();
  assert.ok(used.has('overlayExport') && used.has('notificationAsOf') && used.has('optionsTitle'), 'the scan finds the names');
  for (const name of used) assert.ok(en[name], `en lacks "${name}"`);
  assert.deepEqual(readdirSync(join(EXT, '_locales')).sort(), [...LOCALES].sort());
  for (const lang of LOCALES) {
    const words = messages(lang);
    assert.deepEqual(Object.keys(words).sort(), Object.keys(en).sort(), `${lang}: the same messages as en`);
    for (const [name, entry] of Object.entries(words)) {
      assert.ok(entry.message.trim(), `${lang}.${name} is empty`);
      const wanted = Object.keys(en[name].placeholders ?? {}).sort();
      assert.deepEqual(Object.keys(entry.placeholders ?? {}).sort(), wanted, `${lang}.${name}: placeholders`);
      for (const p of wanted) assert.ok(entry.message.includes(`$${p.toUpperCase()}$`), `${lang}.${name} uses $${p.toUpperCase()}$`);
    }
  }
});
