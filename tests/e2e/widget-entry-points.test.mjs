// Each public entry point of the widget imported ALONE, first, in a fresh page (a new browser
// context, so no module is cached): deadline-guard.js, define.js and every `exports` entry of
// www/package.json. A module cycle between the API and the elements broke exactly this (define.js
// first threw "Cannot access 'OPTION_ATTRIBUTES' before initialization") while every other test,
// importing deadline-guard.js first, passed.
//
// For each entry: it loads without an error; its runtime exports are the values its .d.ts declares;
// it defines custom elements only if package.json lists it in `sideEffects`; the elements it gives
// render orders; the API it gives is callable; and every file the page loaded is in package.json
// `files`, so the published package holds the whole module graph. Every other published module
// (elements/*.js, …) must import alone too: with the cycle, elements/common.js first threw as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, dirname, normalize } from 'node:path';
import { start, WWW, SAMPLE_NOW } from './widget-harness.mjs';

const PACKAGE = JSON.parse(await readFile(join(WWW, 'package.json'), 'utf8'));
const SAMPLE = JSON.parse(await readFile(join(WWW, 'samples', 'open-platform-orders.json'), 'utf8'));
const SHOP = JSON.parse(await readFile(join(WWW, 'samples', 'shop-orders.json'), 'utf8'));
/** The sample's most urgent order and its size; widget-api.test.mjs derives each deadline by hand. */
const FIRST_ID = '8190000000000001';
const ORDERS = 9;
/** What the shop's list lacks, adds and disagrees on (widget-element.test.mjs shows each row). */
const DIFFERENCES = { onlyOnPlatform: 1, onlyOnOther: 1, statusMismatch: 1, total: 3 };
const TAGS = ['deadline-guard-orders', 'deadline-guard-reconcile'];

let harness;
before(async () => { harness = await start(); });
after(async () => harness?.close());

/** `./x.js` → `x.js`, as the paths of package.json `files` are written. */
const bare = (path) => path.replace(/^\.\//, '');

/**
 * The module files to try: the two the README names, and every `exports` entry (its `default`
 * condition, or the entry itself when it is a plain path), each with its types file.
 */
function entryPoints() {
  const entries = new Map([
    ['deadline-guard.js', { from: 'README', types: 'deadline-guard.d.ts' }],
    ['define.js', { from: 'README', types: 'define.d.ts' }],
  ]);
  for (const [name, target] of Object.entries(PACKAGE.exports)) {
    const path = bare(typeof target === 'string' ? target : target.default);
    const types = typeof target === 'string' ? undefined : target.types && bare(target.types);
    entries.set(path, { from: `exports["${name}"]`, types: types ?? entries.get(path)?.types });
  }
  return [...entries].map(([path, entry]) => ({ path, ...entry }));
}

/** Whether `path` is published: listed in `files` itself or under a listed folder (npm adds package.json). */
function published(path) {
  return path === 'package.json'
    || PACKAGE.files.some((file) => (file.endsWith('/') ? path.startsWith(file) : path === file));
}

/** Every JavaScript module package.json publishes, folders listed file by file. */
async function publishedModules() {
  const modules = [];
  for (const file of PACKAGE.files) {
    if (file.endsWith('/')) {
      const names = await readdir(join(WWW, file), { recursive: true });
      modules.push(...names.filter((name) => name.endsWith('.js')).map((name) => file + name));
    } else if (file.endsWith('.js')) modules.push(file);
  }
  return modules.sort();
}

/**
 * The value exports a .d.ts declares (functions, classes, consts and re-exported names), following
 * `export { … } from './x.js'` to the names only, as TypeScript does.
 */
async function declaredValues(typesPath) {
  const text = (await readFile(join(WWW, typesPath), 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names = new Set();
  for (const [, name] of text.matchAll(/^export\s+(?:declare\s+)?(?:function|class|const|let)\s+([A-Za-z_$][\w$]*)/gm)) names.add(name);
  for (const [, list] of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of list.split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  return [...names].sort();
}

/** Opens a fresh page whose only module script imports `path`, and reports what it got. */
async function importAlone(path) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module">
  try {
    const ns = ${path.endsWith('.json') ? `await import('/${path}', { with: { type: 'json' } })` : `await import('/${path}')`};
    window.entry = ns;
    window.imported = { ok: true };
  } catch (error) {
    window.imported = { ok: false, message: String(error?.message ?? error) };
  }
</script></head><body></body></html>`;
  const opened = await harness.newPage('/entry-point-test.html', { html });
  await opened.page.waitForFunction(() => window.imported !== undefined);
  return opened;
}

/** Waits until `element` has left the loading state; returns its state and table rows' order ids. */
const renderedIds = (page, selector) => page.evaluate(async (sel) => {
  const element = document.querySelector(sel);
  for (let i = 0; i < 500 && (element.state === 'loading' || element.state === 'empty'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    state: element.state,
    ids: [...element.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.cells[1]?.textContent),
  };
}, selector);

for (const entry of entryPoints()) {
  test(`${entry.path} (${entry.from}) imported alone in a fresh page works`, async () => {
    assert.ok(published(entry.path), `${entry.path} is an entry point but not in package.json "files"`);
    const { page, requests, errors } = await importAlone(entry.path);
    const imported = await page.evaluate(() => window.imported);
    assert.deepEqual(imported, { ok: true }, `importing ${entry.path} first failed`);

    if (entry.path.endsWith('.json')) {
      assert.equal(await page.evaluate(() => window.entry.default.name), PACKAGE.name);
    } else {
      const exported = await page.evaluate(() => Object.keys(window.entry).sort());
      assert.ok(entry.types, `${entry.path} has no types file`);
      assert.deepEqual(exported, await declaredValues(entry.types), `${entry.path}'s exports differ from ${entry.types}`);

      // Importing defines elements only where package.json says the module has side effects.
      const defines = PACKAGE.sideEffects.map(bare).includes(entry.path);
      const defined = await page.evaluate((tags) => tags.map((tag) => customElements.get(tag)?.name ?? null), TAGS);
      assert.deepEqual(defined, defines ? ['DeadlineGuardOrdersElement', 'DeadlineGuardReconcileElement'] : [null, null]);

      if (exported.includes('DeadlineGuardOrdersElement')) {
        await page.evaluate(({ tags, sample, shop, now }) => {
          const { DeadlineGuardOrdersElement: Orders, DeadlineGuardReconcileElement: Reconcile } = window.entry;
          Orders.define(tags[0]);
          Reconcile.define(tags[1]);
          const orders = document.createElement(tags[0]);
          orders.setAttribute('now', now);
          orders.data = sample;
          const reconcile = document.createElement(tags[1]);
          reconcile.setAttribute('now', now);
          reconcile.platform = sample;
          reconcile.other = shop;
          document.body.append(orders, reconcile);
        }, { tags: TAGS, sample: SAMPLE, shop: SHOP, now: SAMPLE_NOW });
        const orders = await renderedIds(page, TAGS[0]);
        assert.equal(orders.state, 'ready');
        assert.equal(orders.ids.length, ORDERS);
        assert.equal(orders.ids[0], FIRST_ID);
        const reconcile = await renderedIds(page, TAGS[1]);
        assert.equal(reconcile.state, 'ready');
        assert.equal(reconcile.ids.length, DIFFERENCES.total);
        assert.deepEqual(await page.evaluate((tag) => document.querySelector(tag).result.counts, TAGS[1]), DIFFERENCES);
      }

      if (exported.includes('analyze')) {
        const result = await page.evaluate(async ({ sample, now }) => {
          await window.entry.ready();
          const { orders, counts } = window.entry.analyze(sample, { now });
          return { first: orders[0].orderId, total: counts.total };
        }, { sample: SAMPLE, now: SAMPLE_NOW });
        assert.deepEqual(result, { first: FIRST_ID, total: ORDERS });
      }
    }

    assert.deepEqual(errors.map(String), [], 'errors in the page');
    const loaded = requests.map((url) => new URL(url).pathname.slice(1)).filter((path) => path !== 'entry-point-test.html');
    assert.ok(loaded.includes(entry.path));
    assert.deepEqual(loaded.filter((path) => !published(path)), [], 'files the page loaded that package.json does not publish');
  });
}

const ENTRY_PATHS = new Set(entryPoints().map((entry) => entry.path));
for (const path of (await publishedModules()).filter((p) => !ENTRY_PATHS.has(p))) {
  test(`${path}, published, imported alone in a fresh page loads without an error`, async () => {
    const { page, requests, errors } = await importAlone(path);
    assert.deepEqual(await page.evaluate(() => window.imported), { ok: true }, `importing ${path} first failed`);
    assert.deepEqual(errors.map(String), [], 'errors in the page');
    const loaded = requests.map((url) => new URL(url).pathname.slice(1)).filter((p) => p !== 'entry-point-test.html');
    assert.deepEqual(loaded.filter((p) => !published(p)), [], 'files the page loaded that package.json does not publish');
  });
}

/** The relative module paths `path` imports or re-exports statically. */
async function importsOf(path) {
  const text = await readFile(join(WWW, path), 'utf8');
  const found = [];
  // import x from, import { … } from, import * as x from, export { … } from, export * from, import '…'
  const clause = String.raw`(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s*from\s*`;
  const statement = new RegExp(String.raw`^\s*(?:import|export)\s*(?:${clause})?'(\.[^']+)'`, 'gm');
  for (const [, target] of text.matchAll(statement)) found.push(normalize(join(dirname(path), target)));
  return found;
}

test('the published modules import one another without a cycle', async () => {
  const graph = new Map();
  for (const path of await publishedModules()) graph.set(path, await importsOf(path));
  assert.ok(graph.get('deadline-guard.js').includes('engine.js'), 'the import reader finds imports');
  const done = new Set();
  const visit = (path, trail) => {
    if (trail.includes(path)) assert.fail(`import cycle: ${[...trail.slice(trail.indexOf(path)), path].join(' → ')}`);
    if (done.has(path)) return;
    for (const next of graph.get(path) ?? []) visit(next, [...trail, path]);
    done.add(path);
  };
  for (const path of graph.keys()) visit(path, []);
});
