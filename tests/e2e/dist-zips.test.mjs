// `make dist` (run by `make test` before this file): each store zip holds exactly its unpacked
// production build — the manifest of its browser, the wasm, no TEST-build host — so what is
// linted and tested is what would be uploaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './harness.mjs';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
}

for (const browser of ['chrome', 'firefox']) {
  test(`dist/deadline-guard-${browser}.zip is the ${browser} production build`, () => {
    const zip = join(ROOT, 'dist', `deadline-guard-${browser}.zip`);
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((e) => e && !e.endsWith('/')).sort();
    assert.deepEqual(entries, filesUnder(join(ROOT, 'dist/unpacked', browser)));
    assert.ok(entries.some((e) => e.endsWith('_bg.wasm')), 'the wasm is in the zip');
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
    const hosts = manifest.content_scripts.flatMap((c) => c.matches);
    assert.ok(!hosts.some((h) => h.includes('127.0.0.1')), `no TEST-build host: ${hosts}`);
    assert.equal(Boolean(manifest.browser_specific_settings?.gecko?.id), browser === 'firefox');
    assert.equal(Array.isArray(manifest.background.scripts), browser === 'firefox');
  });
}
