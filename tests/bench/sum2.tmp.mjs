import { readFileSync } from 'node:fs';
import * as glue from '../../extension/pkg/deadline_guard.js';
glue.initSync({ module: readFileSync(new URL('../../extension/pkg/deadline_guard_bg.wasm', import.meta.url)) });
const cols = (n) => [Array.from({ length: n }, (_, i) => String(8100000000000000 + i)).join('\n'), new Uint8Array(n).map((_, i) => i % 6), new Float64Array(n).map((_, i) => 1.8e12 + (i % 500) * 60000), new Uint8Array(n).fill(1)];
const small = cols(64), big = cols(10000);
let t = performance.now();
if (process.argv[2]) { glue.summarizeRecords(...small, '', 1.79e12, 100); console.log('small', (performance.now() - t).toFixed(1)); }
for (let k = 0; k < 3; k++) { t = performance.now(); glue.summarizeRecords(...big, '', 1.79e12, 100); console.log('big', (performance.now() - t).toFixed(1)); }
