/**
 * Zip bombs (issue 21, finding 4: a 1 MB zip of 1 GiB of zeros took 13.7 s and 1.2 GB). Each
 * is refused quickly with memory kept low, and leaves nothing on disk. The time and memory
 * bounds are ceilings for a shared machine, not benchmarks: a refusal takes milliseconds.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.ts';
import { extractZip } from '../../src/node/zip/index.ts';
import { deflatedZeros, rawZip } from './zip-fixtures.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
let dir: string;
let zeros: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-bomb-test-'));
  zeros = deflatedZeros(1024); // 1 GiB of zeros in about 1 MB
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `work`, sampling the process's RSS: its time and peak growth. */
async function measured<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
  const start = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms: performance.now() - start, rssGrowthMB: (peak - before) / MiB };
  } finally {
    clearInterval(timer);
  }
}

async function refuse(name: string, zip: Buffer) {
  const file = join(dir, name);
  await writeFile(file, zip);
  const parent = join(dir, `${name}-out`);
  const run = await measured(() => extractZip(file, join(parent, 'tour'), {}, { name }));
  const result: Result<unknown> = run.value;
  console.log(
    `${name}: ${(zip.length / MiB).toFixed(2)} MB zip refused in ${run.ms.toFixed(0)} ms, ` +
      `RSS +${run.rssGrowthMB.toFixed(1)} MB (${result.problems.map((p) => p.code).join(', ')})`,
  );
  expect(result.ok).toBe(false);
  expect(run.ms).toBeLessThan(2000);
  expect(run.rssGrowthMB).toBeLessThan(100);
  await expect(stat(parent)).rejects.toMatchObject({ code: 'ENOENT' }); // nothing written
  return result.problems;
}

describe('a zip bomb', () => {
  it('is about 1 MB holding 1 GiB (the one of the attack review)', () => {
    expect(zeros.length).toBeLessThan(1.1 * MiB);
  });

  it('of 1 GiB of zeros with true headers is refused from its central directory', async () => {
    const problems = await refuse(
      'honest.zip',
      rawZip([{ name: 'a.jpg', deflated: { bytes: zeros, size: GiB } }]),
    );
    expect(problems.map((p) => p.code)).toEqual(['zip-entry-too-big']);
    expect(problems[0]!.message.en).toContain('"a.jpg" is larger than 500 MiB once unpacked');
  });

  it('of 1 GiB whose headers say 1 MiB is stopped while streaming, at the declared size', async () => {
    const problems = await refuse(
      'lying.zip',
      rawZip([
        { name: 'tour.json', data: Buffer.from('{}') },
        { name: 'a.jpg', deflated: { bytes: zeros, size: MiB } },
      ]),
    );
    expect(problems.map((p) => p.code)).toEqual(['zip-damaged']);
  });

  it('of 400 MiB (under the entry cap) is refused by its ratio', async () => {
    const problems = await refuse(
      'ratio.zip',
      rawZip([{ name: 'a.jpg', deflated: { bytes: deflatedZeros(400), size: 400 * MiB } }]),
    );
    expect(problems.map((p) => p.code)).toEqual(['zip-ratio']);
    expect(problems[0]!.message.en).toContain('more than 100 times its compressed size');
  });

  it('of overlapping entries (one block of data named 3,000 times) is refused by its total', async () => {
    // Each entry alone is fine (1 MiB stored, ratio 1:1); together they declare 3,000 MiB.
    const entries = [
      { name: 'e0.jpg', data: Buffer.alloc(MiB, 1), method: 0 },
      ...Array.from({ length: 2999 }, (_, i) => ({ name: `e${i + 1}.jpg`, sameDataAs: 0 })),
    ];
    const problems = await refuse('overlap.zip', rawZip(entries));
    expect(problems.map((p) => p.code)).toEqual(['zip-too-big']);
    expect(problems[0]!.message.en).toContain('larger than 2 GiB once unpacked');
  });

  it('leaves nothing in the temporary folder', async () => {
    const left = (await readdir(dir)).filter((name) => !name.endsWith('.zip'));
    expect(left).toEqual([]);
  });
});
