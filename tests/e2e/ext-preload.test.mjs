// The content script is one classic script, content/bundle.js, which `make build` bundles from
// content/index.js and content/main.js's whole module graph and the manifest injects: a module
// left out of it, imported from the extension at start, would make a page wait for it (modules
// took 90-150 ms to come, BENCHMARKS.md "Session 9"). Read from the built extension, no
// browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { STATIC_IMPORT, inlinedModules, staticGraph } from '../../mk/extension-build.mjs';

const EXTENSION = join(ROOT, 'extension');

test('the manifest injects the bundle, once the page is parsed, and nothing else', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
  for (const script of manifest.content_scripts) {
    assert.deepEqual(script.js, ['content/bundle.js']);
    assert.equal(script.run_at, 'document_idle');
  }
  const exposed = manifest.web_accessible_resources.flatMap((entry) => entry.resources);
  assert.ok(!exposed.some((path) => path.startsWith('content/')), 'the bundle is injected, not imported: no page needs to reach it');
});

test('the built bundle holds every module of content/index.js\'s graph and is a classic script', async () => {
  const bundle = await readFile(join(EXTENSION, 'content/bundle.js'), 'utf8');
  // Not minified: readable for store review, and each inlined module is headed with its path.
  const inlined = inlinedModules(bundle);
  const modules = await staticGraph(EXTENSION, ['content/index.js']);
  assert.ok(modules.has('content/main.js') && modules.has('settings.js'));
  assert.deepEqual([...inlined].sort(), [...modules].sort());
  assert.equal([...bundle.matchAll(STATIC_IMPORT)].length, 0, 'no module left to load one after the other');
  assert.doesNotMatch(bundle, /^\s*export\s/m, 'a content script is no module: it may not export');
  assert.doesNotMatch(bundle, /import\.meta/, 'a classic script has no import.meta');
  // The engine's instance and its glue stay apart (web-accessible, also the worker's), asked for at once.
  assert.match(bundle, /getURL\("engine-instance\.js"\)/);
  assert.match(bundle, /getURL\("pkg\/deadline_guard\.js"\)/);
});
