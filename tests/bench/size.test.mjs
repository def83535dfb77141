// The size gate itself: it must read the budget from the file and fail a build over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './browsers.mjs';
import { budgetBytes, ceilingBytes } from './size.mjs';

const script = join(ROOT, 'tests/bench/size.mjs');

async function fixture(budgetLine, wasmBytes) {
  const dir = await mkdtemp(join(tmpdir(), 'dg-size-'));
  await mkdir(join(dir, 'build'));
  await writeFile(join(dir, 'BENCHMARKS.md'), `# Benchmarks\n\n${budgetLine}\n`);
  await writeFile(join(dir, 'build/x_bg.wasm'), wasmBytes);
  await writeFile(join(dir, 'build/x.js'), 'export default 1;\n');
  return dir;
}
const run = (dir, ...flags) => spawnSync(process.execPath, [script, '--check', ...flags, '--benchmarks', join(dir, 'BENCHMARKS.md'),
  '--dirs', relative(ROOT, join(dir, 'build'))], { encoding: 'utf8' });

test('the repository states a budget of at most 150 KB gzip', async () => {
  const b = await budgetBytes();
  assert.ok(b > 0 && b <= 150_000, `budget ${b}`);
});

test('a build over the budget fails the gate, one under it passes', async () => {
  // Random bytes do not compress: 3,000 of them are about 3 KB gzip.
  const dir = await fixture('Size budget: wasm + glue ≤ 2 KB gzip.', randomBytes(3000));
  const small = await fixture('Size budget: wasm + glue ≤ 5 KB gzip.', randomBytes(3000));
  try {
    const over = run(dir);
    assert.equal(over.status, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /OVER BUDGET/);
    const under = run(small);
    assert.equal(under.status, 0, under.stdout + under.stderr);
    assert.match(under.stdout, /within budget/);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(small, { recursive: true, force: true });
  }
});

test('a missing or absurd budget line is an error, not a pass', async () => {
  for (const line of ['No budget here.', 'Size budget: wasm + glue ≤ 400 KB gzip.']) {
    const dir = await fixture(line, randomBytes(10));
    try {
      const r = run(dir);
      assert.notEqual(r.status, 0, `${line}: ${r.stdout}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
});

test('the ceiling guards a build over budget against growth, and never passes for the budget', async () => {
  // 3 KB of random bytes: over a 2 KB budget; under a 5 KB ceiling, over a 2.5 KB one.
  const held = await fixture('Size budget: wasm + glue ≤ 2 KB gzip.\nSize ceiling: wasm + glue ≤ 5 KB gzip.', randomBytes(3000));
  const grown = await fixture('Size budget: wasm + glue ≤ 2 KB gzip.\nSize ceiling: wasm + glue ≤ 2.5 KB gzip.', randomBytes(3000));
  const below = await fixture('Size budget: wasm + glue ≤ 2 KB gzip.\nSize ceiling: wasm + glue ≤ 1 KB gzip.', randomBytes(10));
  try {
    const ok = run(held, '--ceiling');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /within ceiling/);
    assert.equal(run(held).status, 1, 'the same build still fails the budget');
    const over = run(grown, '--ceiling');
    assert.equal(over.status, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /OVER CEILING/);
    const bad = run(below, '--ceiling');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /below the budget/);
  } finally {
    for (const d of [held, grown, below]) await rm(d, { recursive: true, force: true });
  }
});

test('the repository states a ceiling at or above its budget', async () => {
  assert.ok(await ceilingBytes() >= await budgetBytes());
});
