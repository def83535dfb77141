// Builds the unpacked extensions from extension/ (after `make build` put the wasm in extension/pkg):
// one manifest source, patched per browser. Firefox gets its add-on id and `background.scripts`
// beside `service_worker`; the TEST builds also run on http://127.0.0.1 for the fixture pages and
// are never zipped for a store. The modules only content/bundle.js needs (`make build` inlined them)
// are left out: nothing loads them.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'extension');
const OUT = join(ROOT, 'dist', 'unpacked');
const TEST_HOST = 'http://127.0.0.1/*';

/** The manifest for a browser; `test` adds the local fixture host. */
export function patchManifest(manifest, { browser, test }) {
  const m = structuredClone(manifest);
  if (browser === 'firefox') {
    m.background = { scripts: [m.background.service_worker], service_worker: m.background.service_worker, type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: 'deadline-guard@deadline-guard.invalid',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  if (test) {
    for (const script of m.content_scripts) script.matches.push(TEST_HOST);
    for (const entry of m.web_accessible_resources) entry.matches.push(TEST_HOST);
    m.name = `${m.short_name} (TEST build)`;
  }
  return m;
}

async function build(name, options) {
  const dir = join(OUT, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(SOURCE, dir, { recursive: true, filter: (src) => !src.startsWith(join(SOURCE, 'demo')) });
  const manifest = JSON.parse(await readFile(join(SOURCE, 'manifest.json'), 'utf8'));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(patchManifest(manifest, options), null, 2)}\n`);
  await dropInlined(dir);
  return dir;
}

/** An import or re-export of a relative module, `from` or bare (a query such as `?instance=1` dropped). */
export const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"?]+)[^'"]*['"]|(?:^|\n)\s*import\s+['"](\.[^'"?]+)[^'"]*['"]/g;

/** The modules esbuild inlined into `bundle` (the text), by path under extension/: it heads each with it. */
export function inlinedModules(bundle) {
  return new Set([...bundle.matchAll(/^\s*\/\/ extension\/(\S+\.js)$/gm)].map(([, path]) => path));
}

/** `entries` (paths under `dir`) and every module they import statically, transitively. */
export async function staticGraph(dir, entries) {
  const seen = new Set();
  const visit = async (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = await readFile(join(dir, path), 'utf8');
    for (const [, from, bare] of text.matchAll(STATIC_IMPORT)) await visit(relative(dir, resolve(dirname(join(dir, path)), from ?? bare)));
  };
  for (const path of entries) await visit(path);
  return seen;
}

/** Removes from `dir` the modules inlined into content/bundle.js that no other script imports. */
async function dropInlined(dir) {
  const inlined = inlinedModules(await readFile(join(dir, 'content/bundle.js'), 'utf8'));
  if (!inlined.has('content/main.js')) throw new Error('content/bundle.js does not hold content/main.js: run make build');
  const scripts = (await readdir(dir, { recursive: true })).filter((path) => path.endsWith('.js'));
  const needed = await staticGraph(dir, scripts.filter((path) => !inlined.has(path)));
  for (const path of inlined) if (!needed.has(path)) await rm(join(dir, path));
  for (const folder of new Set([...inlined].map((path) => dirname(path)))) {
    if (folder !== '.' && !(await readdir(join(dir, folder))).length) await rm(join(dir, folder), { recursive: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const browser of ['chrome', 'firefox']) {
    console.log(await build(browser, { browser, test: false }));
    console.log(await build(`${browser}-test`, { browser, test: true }));
  }
}
