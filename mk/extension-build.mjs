// Builds the unpacked extensions from extension/ (after `make build` put the wasm in extension/pkg):
// one manifest source, patched per browser. Firefox gets its add-on id and `background.scripts`
// beside `service_worker`; the TEST builds also run on http://127.0.0.1 for the fixture pages and
// are never zipped for a store.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const browser of ['chrome', 'firefox']) {
    console.log(await build(browser, { browser, test: false }));
    console.log(await build(`${browser}-test`, { browser, test: true }));
  }
}
