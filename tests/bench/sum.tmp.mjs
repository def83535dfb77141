import { readFileSync } from 'node:fs';
import * as glue from '../../extension/pkg/deadline_guard.js';
glue.initSync({ module: readFileSync(new URL('../../extension/pkg/deadline_guard_bg.wasm', import.meta.url)) });
const n = 10000;
const ids = Array.from({ length: n }, (_, i) => String(8100000000000000 + i)).join('\n');
const risks = new Uint8Array(n).map((_, i) => i % 6);
const dl = new Float64Array(n).map((_, i) => 1.8e12 + (i % 500) * 60000);
const act = new Uint8Array(n).fill(1);
for (let k = 0; k < 6; k++) {
  let t = performance.now();
  const json = glue.summarizeRecords(ids, risks, dl, act, '', 1.79e12, 100);
  const t1 = performance.now();
  JSON.parse(json);
  console.log('wasm', (t1 - t).toFixed(1), 'parse', (performance.now() - t1).toFixed(1), json.length);
}
