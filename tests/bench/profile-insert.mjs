// Profiling aid, not a test: `node tests/bench/profile-insert.mjs [orders]` inserts N orders into the
// benchmark's seller-center page (as browser.mjs does) under the V8 CPU profiler and prints where
// the time went: self time per function, grouped by script. Raw profile: /tmp/insert.cpuprofile.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, withExtension, routeSellerCenter } from './browsers.mjs';
import { sellerCenterPage, orderRows, SELLER_CENTER_URL } from './seller-center.mjs';

const N = Number(process.argv[2] || 1000);
const probe = await readFile(join(ROOT, 'tests/bench/probe.js'), 'utf8');
const ext = await withExtension();
try {
  await routeSellerCenter(ext.context, () => sellerCenterPage({ n: 1, seed: 7 }));
  const page = await ext.context.newPage();
  await page.addInitScript(probe);
  await page.goto(SELLER_CENTER_URL);
  await page.waitForFunction(() => window.__dgBench.countWith('data-dg-risk') >= 1, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const { html } = orderRows(N, { seed: 100, start: 1 });
  const r = await page.evaluate(([h, n]) => window.__dgBench.insert(h, 'data-dg-risk', n), [html, N]);
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile('/tmp/insert.cpuprofile', JSON.stringify(profile));
  console.log(`annotated ${N} in ${r.annotated.toFixed(1)} ms`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-1)[0]}:${f.lineNumber}`;
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await ext.close();
}
