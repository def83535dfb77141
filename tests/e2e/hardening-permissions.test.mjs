// The manifest asks for exactly the permissions the features need, each justified in the README
// (issue 7): the README's "Permissions" table and the manifest must list the same things.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `permission or host` → justification, from the README's "## Permissions" table. */
function justified() {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions'));
  assert.ok(section, 'README.md has a "## Permissions" section');
  const rows = [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|\s*$/gm)];
  return new Map(rows.map((m) => [m[1], m[2]]));
}

const asked = [
  ...(manifest.permissions ?? []),
  ...(manifest.optional_permissions ?? []),
  ...(manifest.host_permissions ?? []),
  ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
];

test('every permission and host the manifest asks for is justified in the README, and only those', () => {
  const why = justified();
  for (const p of new Set(asked)) {
    assert.ok(why.has(p), `${p} is in the manifest but not justified in README.md`);
    assert.ok(why.get(p).length >= 20, `${p}: the justification says too little`);
  }
  for (const p of why.keys()) assert.ok(asked.includes(p), `README.md justifies ${p}, which the manifest does not ask for`);
});

test('no broad or network permissions', () => {
  const forbidden = ['<all_urls>', 'tabs', 'scripting', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest',
    'cookies', 'history', 'downloads', 'clipboardRead', 'debugger', 'management', 'nativeMessaging', 'identity'];
  for (const p of asked) {
    assert.ok(!forbidden.includes(p), `${p} is not needed by any feature`);
    assert.doesNotMatch(p, /^(\*|https?):\/\/\*\/|^\*:\/\//, `${p} matches every site`);
    assert.match(p, /^(https:\/\/([a-z0-9-]+|\*)\.aliexpress\.com\/|[a-z]+$)/, `${p}: only AliExpress pages`);
  }
  assert.deepEqual(manifest.host_permissions ?? [], [], 'no host permissions: content scripts need none');
  for (const entry of manifest.web_accessible_resources ?? []) {
    for (const m of entry.matches) assert.match(m, /^https:\/\/([a-z]+|\*)\.aliexpress\.com\/\*$/, `web-accessible only to AliExpress pages: ${m}`);
  }
});
