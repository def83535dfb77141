// Runs the engine's criterion bench compiled for wasm32-wasip1 in Node's WASI, then compares
// criterion's median estimates with the native run of the same bench.
// Usage: node tests/bench/wasi-run.mjs <bench.wasm> <native CRITERION_HOME> <wasm CRITERION_HOME> [criterion args…]
import { WASI } from 'node:wasi';
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';

const [wasmPath, nativeHome, wasmHome, ...rest] = process.argv.slice(2);
if (!wasmPath || !nativeHome || !wasmHome) {
  console.error('usage: wasi-run.mjs <bench.wasm> <native CRITERION_HOME> <wasm CRITERION_HOME> [criterion args…]');
  process.exit(2);
}
await mkdir(wasmHome, { recursive: true });
const wasi = new WASI({
  version: 'preview1',
  args: ['bench', '--bench', ...rest],
  env: { CRITERION_HOME: '/criterion' },
  preopens: { '/criterion': resolve(wasmHome) },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
if (code !== 0) {
  console.error(`the wasm bench exited with ${code}`);
  process.exit(1);
}

/** Every benchmark id under a CRITERION_HOME with its median estimate in ns. */
async function medians(home) {
  const out = {};
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const est = join(dir, e.name, 'new', 'estimates.json');
      if (existsSync(est)) {
        const id = JSON.parse(await readFile(join(dir, e.name, 'new', 'benchmark.json'), 'utf8')).full_id;
        out[id] = JSON.parse(await readFile(est, 'utf8')).median.point_estimate;
      } else if (e.name !== 'report') {
        await walk(join(dir, e.name));
      }
    }
  };
  if (existsSync(home)) await walk(home);
  return out;
}

const native = await medians(nativeHome);
const wasm = await medians(wasmHome);
const rows = Object.keys(native).filter((id) => id in wasm).sort()
  .map((id) => ({ id, nativeNs: native[id], wasmNs: wasm[id], ratio: wasm[id] / native[id] }));
if (rows.length === 0) {
  console.error(`no benchmark measured both natively (${nativeHome}) and in wasm (${wasmHome})`);
  process.exit(1);
}
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
console.log('| benchmark | native (median) | wasm in Node (median) | wasm / native |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.id} | ${fmt(r.nativeNs)} | ${fmt(r.wasmNs)} | ${r.ratio.toFixed(2)}× |`);
console.log(`(node ${process.version}, ${cpus()[0]?.model} × ${cpus().length}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
await writeFile(join(wasmHome, '..', 'engine-ratio.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
