// Idle check: after the extension has annotated a seller-center page, leave the page alone for
// SECONDS (default 60) and count every callback the extension's content-script world runs
// (idle-probe.js), plus Chromium's TaskDuration over the same time. The same page without the
// extension is measured the same way: a headless tab of thousands of orders spends a few hundred
// milliseconds a minute on its own (the collector, the compositor), so the extension's cost is the
// difference. A garbage collection is forced before each window, so one left over from loading does
// not land in it. Usage: node tests/bench/idle.mjs [--seconds 60] [--orders 2500] [--out FILE]
import { cp, readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, EXTENSION_DIR, requireBuiltExtension, withExtension, withoutExtension, routeSellerCenter } from './browsers.mjs';
import { sellerCenterPage, SELLER_CENTER_URL } from './seller-center.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const SECONDS = Number(arg('--seconds', 60));
const ORDERS = Number(arg('--orders', 2500));
const OUT = arg('--out', join(ROOT, 'tests/bench/out/idle.json'));

/** A copy of the built extension with the probe as the first content script of every entry. */
export async function probedExtension(source = EXTENSION_DIR) {
  requireBuiltExtension(source);
  const dir = await mkdtemp(join(tmpdir(), 'dg-idle-ext-'));
  await cp(source, dir, { recursive: true });
  await cp(join(ROOT, 'tests/bench/idle-probe.js'), join(dir, 'dg-idle-probe.js'));
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  if (!manifest.content_scripts?.length) throw new Error('the extension declares no content scripts: nothing to probe');
  manifest.content_scripts = manifest.content_scripts.map((cs) => ({ ...cs, js: ['dg-idle-probe.js', ...(cs.js ?? [])], run_at: 'document_start' }));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

const report = (page) => page.evaluate(() => new Promise((ok) => {
  const timer = setTimeout(() => ok(null), 2000);
  document.addEventListener('dg-idle-probe-report', (e) => { clearTimeout(timer); ok(JSON.parse(e.detail)); }, { once: true });
  document.dispatchEvent(new Event('dg-idle-probe'));
}));
const diff = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - (a[k] || 0)]).filter(([, v]) => v));
const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

if (process.argv[1] && process.argv[1].endsWith('idle.mjs')) {
  /** Task time (ms) of the tab over SECONDS of quiet, after `ready(page)`; the probe's counts too. */
  async function quietWindow(browser, ready) {
    await routeSellerCenter(browser.context, () => sellerCenterPage({ n: ORDERS }));
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(SELLER_CENTER_URL);
    await ready(page);
    await page.waitForTimeout(2000); // a debounced follow-up scan finishes before the window
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(1000);
    const c0 = await report(page);
    const m0 = await metrics(cdp);
    await page.waitForTimeout(SECONDS * 1000);
    const c1 = await report(page);
    const m1 = await metrics(cdp);
    return { taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000, scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000, c0, c1 };
  }
  const plainBrowser = await withoutExtension();
  let plain;
  try {
    plain = await quietWindow(plainBrowser, (page) => page.waitForTimeout(3000));
  } finally {
    await plainBrowser.close();
  }
  const dir = await probedExtension();
  const browser = await withExtension(dir);
  let ext;
  try {
    ext = await quietWindow(browser, async (page) => {
      await page.waitForFunction((n) => document.querySelectorAll('[data-dg-risk]').length >= n, ORDERS, { timeout: 60000 });
    });
    if (!ext.c0) throw new Error('the idle probe did not answer: it is not running in the extension\'s world');
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  const idle = diff(ext.c0, ext.c1);
  const perMinute = (ms) => (ms * 60) / SECONDS;
  const result = {
    date: new Date().toISOString(), seconds: SECONDS, orders: ORDERS, cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg(),
    whileAnnotating: ext.c0, idleCallbacks: idle,
    plainTaskMs: plain.taskMs, extensionTaskMs: ext.taskMs, extensionScriptMs: ext.scriptMs,
    addedTaskMsPerMinute: perMinute(ext.taskMs - plain.taskMs),
  };
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, JSON.stringify(result, null, 2));
  console.log(`callbacks in the extension's world while loading and annotating ${ORDERS} orders: ${JSON.stringify(ext.c0)}`);
  console.log(`callbacks during ${SECONDS} s idle: ${JSON.stringify(idle)} (total ${Object.values(idle).reduce((a, b) => a + b, 0)})`);
  console.log(`task time over ${SECONDS} s idle, ${ORDERS} orders: without the extension ${plain.taskMs.toFixed(1)} ms, with it ${ext.taskMs.toFixed(1)} ms ` +
    `(includes the probe's two reports): the extension's share ${result.addedTaskMsPerMinute.toFixed(1)} ms a minute`);
}
