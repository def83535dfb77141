// Chromium launchers for the benchmarks and the hardening tests (TOOLCHAIN.md recipe):
// headless, no sandbox, a fresh profile each time, the unpacked extension when asked.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
// The production Chromium build (`make ext-unpacked`): it runs on the real seller-center hosts only,
// which the benchmarks serve by routing. DG_EXTENSION_DIR points them at another unpacked build.
export const EXTENSION_DIR = process.env.DG_EXTENSION_DIR || join(ROOT, 'dist/unpacked/chrome');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Fails with a clear message when `make build` has not put the wasm into the extension. */
export function requireBuiltExtension(dir = EXTENSION_DIR) {
  if (!existsSync(join(dir, 'manifest.json')) || !existsSync(join(dir, 'pkg'))) {
    throw new Error(`${dir} has no manifest.json or pkg/: run \`make build\` first`);
  }
  return dir;
}

/** A persistent context with the unpacked extension loaded; `close()` also removes the profile. */
export async function withExtension(dir = EXTENSION_DIR, { extraArgs = [] } = {}) {
  requireBuiltExtension(dir);
  const profile = await mkdtemp(join(tmpdir(), 'dg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...FLAGS, ...extraArgs],
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

/** A plain browser context without any extension (for the floor). */
export async function withoutExtension() {
  const profile = await mkdtemp(join(tmpdir(), 'dg-floor-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

/** Serves `html()` for every request to the seller-center host, so content scripts match the real address. */
export async function routeSellerCenter(context, html) {
  await context.route(/^https:\/\/(csp|gsp)\.aliexpress\.com\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html(route.request().url()) }));
}

/** Median of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The wasm memory of the extension's engine on `page`, in bytes: `memoryBytes()` of the content
 * script's controller, asked in the extension's own (isolated) world, which the page cannot reach.
 */
export async function engineMemoryBytes(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
    await cdp.send('Runtime.enable');
    for (const world of worlds.filter((w) => w.auxData?.type === 'isolated')) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: world.id, returnByValue: true,
        expression: 'typeof globalThis.__deadlineGuard?.memoryBytes === "function" ? globalThis.__deadlineGuard.memoryBytes() : null',
      }).catch(() => ({ result: {} }));
      if (typeof result.value === 'number') return result.value;
    }
    throw new Error('no content-script world answered memoryBytes(): is the extension built (make ext-unpacked)?');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The Chromium trace events (`categories`) recorded over `session` (a CDP session) while `during()` runs. */
export async function traceWhile(session, categories, during) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  session.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => session.once('Tracing.tracingComplete', done));
  try {
    await session.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
    await during();
    await session.send('Tracing.end');
    await complete;
  } finally {
    session.off('Tracing.dataCollected', collect);
  }
  return events;
}
