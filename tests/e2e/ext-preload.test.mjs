// The content script's loader asks for every module of content/main.js's graph at once
// (content/loader.js, PRELOAD): the list must be that graph, or a module comes late again (missing)
// or is loaded for nothing (extra). Read from the built extension's sources, no browser needed.
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

test('the loader preloads exactly content/main.js\'s modules and the ones it loads at start', async () => {
  const loader = await readFile(join(EXTENSION, 'content/loader.js'), 'utf8');
  const list = loader.match(/const PRELOAD = \[([^\]]*)\]/)?.[1];
  assert.ok(list, 'content/loader.js has a PRELOAD list');
  const preloaded = [...list.matchAll(/'([^']+)'/g)].map(([, path]) => path);
  assert.equal(preloaded[0], 'content/main.js', 'main.js first: the loader starts it');
  const expected = [...await graph('content/main.js'), ...DYNAMIC];
  assert.deepEqual([...preloaded].sort(), [...expected].sort());
  const main = await readFile(join(EXTENSION, 'content/main.js'), 'utf8');
  for (const path of DYNAMIC.slice(0, 1)) assert.match(main, new RegExp(`getURL\\('${path}'\\)`), `main.js still loads ${path}`);
});
