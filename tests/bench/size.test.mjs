// The size gate itself: it must read the ceiling from the file and fail a build over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './browsers.mjs';
import { ceilingBytes } from './size.mjs';

const script = join(ROOT, 'tests/bench/size.mjs');

async function fixture(ceilingLine, wasmBytes) {
  const dir = await mkdtemp(join(tmpdir(), 'dg-size-'));
  await mkdir(join(dir, 'build'));
  await writeFile(join(dir, 'BENCHMARKS.md'), `# Benchmarks\n\n${ceilingLine}\n`);
  await writeFile(join(dir, 'build/x_bg.wasm'), wasmBytes);
  await writeFile(join(dir, 'build/x.js'), 'export default 1;\n');
  return dir;
}
const run = (dir) => spawnSync(process.execPath, [script, '--check', '--benchmarks', join(dir, 'BENCHMARKS.md'),
  '--dirs', relative(ROOT, join(dir, 'build'))], { encoding: 'utf8' });

test('the repository states a ceiling of at most 230 KB gzip', async () => {
  const b = await ceilingBytes();
  assert.ok(b > 0 && b <= 230_000, `ceiling ${b}`);
});

test('a build over the ceiling fails the gate, one under it passes', async () => {
  // Random bytes do not compress: 3,000 of them are about 3 KB gzip.
  const dir = await fixture('Size ceiling: wasm + glue ≤ 2 KB gzip.', randomBytes(3000));
  const small = await fixture('Size ceiling: wasm + glue ≤ 5 KB gzip.', randomBytes(3000));
  try {
    const over = run(dir);
    assert.equal(over.status, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /OVER CEILING/);
    const under = run(small);
    assert.equal(under.status, 0, under.stdout + under.stderr);
    assert.match(under.stdout, /within ceiling/);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(small, { recursive: true, force: true });
  }
});

test('a missing or absurd ceiling line is an error, not a pass', async () => {
  for (const line of ['No ceiling here.', 'Size ceiling: wasm + glue ≤ 400 KB gzip.', 'Size ceiling: wasm + glue ≤ 0 KB gzip.']) {
    const dir = await fixture(line, randomBytes(10));
    try {
      const r = run(dir);
      assert.notEqual(r.status, 0, `${line}: ${r.stdout}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});
