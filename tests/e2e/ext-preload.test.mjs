// The content script's loader imports content/main.js's whole module graph as one file
// (content/bundle.js, which `make build` bundles) and asks meanwhile for the modules main.js loads
// at start (content/loader.js, PRELOAD): a module left out of the bundle would come late again,
// one left in PRELOAD would load for nothing. Read from the built extension, no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './harness.mjs';

const EXTENSION = join(ROOT, 'extension');
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g;
// Modules main.js loads itself, at start: the settings, the engine's instance and its glue.
const DYNAMIC = ['settings.js', 'engine-instance.js', 'pkg/deadline_guard.js'];

async function graph(entry) {
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) await visit(resolve(dirname(file), spec));
  };
  await visit(join(EXTENSION, entry));
  return [...seen].map((file) => relative(EXTENSION, file));
}

test('the loader preloads the bundle of content/main.js\'s modules and the ones it loads at start', async () => {
  const loader = await readFile(join(EXTENSION, 'content/loader.js'), 'utf8');
  const list = loader.match(/const PRELOAD = \[([^\]]*)\]/)?.[1];
  assert.ok(list, 'content/loader.js has a PRELOAD list');
  const preloaded = [...list.matchAll(/'([^']+)'/g)].map(([, path]) => path);
  assert.equal(preloaded[0], 'content/bundle.js', 'the bundle first: the loader starts it');
  assert.deepEqual(preloaded.slice(1).sort(), [...DYNAMIC].sort());
  const main = await readFile(join(EXTENSION, 'content/main.js'), 'utf8');
  for (const path of DYNAMIC.slice(0, 1)) assert.match(main, new RegExp(`getURL\\('${path}'\\)`), `main.js still loads ${path}`);
});

test('the built bundle holds every module of content/main.js\'s graph and imports none of them', async () => {
  const bundle = await readFile(join(EXTENSION, 'content/bundle.js'), 'utf8');
  // esbuild heads each module it inlines with its path (not minified: readable for store review).
  const inlined = [...bundle.matchAll(/^\/\/ extension\/(\S+\.js)$/gm)].map(([, path]) => path);
  assert.deepEqual([...inlined].sort(), [...await graph('content/main.js')].sort());
  assert.equal([...bundle.matchAll(STATIC_IMPORT)].length, 0, 'no module left to load one after the other');
  assert.match(bundle, /export\s*\{[^}]*\bstart\b/, 'the bundle exports start(), which the loader calls');
});
