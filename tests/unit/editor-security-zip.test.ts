/**
 * Zip bombs opened in the editor (issue 21, finding 4: a 1.04 MB zip of 1 GiB of zeros froze
 * the editor's tab for 15 s at 1.1 GB with fflate's unzipSync). `openTourZip` streams, counts
 * every piece against the caps and stops at the first one passed; between pieces it gives the
 * event loop back, so the tab never stops answering for long. The bounds are ceilings for a
 * shared machine, not benchmarks.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.ts';
import { openTourZip, type OpenedZip, type OpenZipOptions } from '../../src/editor/zip.ts';
import { deflatedZeros, rawZip } from './zip-fixtures.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const zeros = deflatedZeros(1024); // 1 GiB of zeros in about 1 MB
const manifest = { name: 'tour.json', data: Buffer.from('{"id":"t"}') };

/** Runs the opening, sampling RSS and the longest time the event loop was held. */
async function measured(bytes: Uint8Array, options?: OpenZipOptions) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  let last = performance.now();
  let longestBlockMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - last);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 1);
  const start = performance.now();
  try {
    const result: Result<OpenedZip> = await openTourZip(bytes, 'bomb.zip', options);
    const ms = performance.now() - start;
    longestBlockMs = Math.max(longestBlockMs, performance.now() - last);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms, longestBlockMs, rssGrowthMB: (peak - before) / MiB };
  } finally {
    clearInterval(timer);
  }
}

async function refused(label: string, zip: Buffer, code: string, options?: OpenZipOptions) {
  const run = await measured(new Uint8Array(zip), options);
  console.log(
    `${label}: ${(zip.length / MiB).toFixed(2)} MB zip refused in ${run.ms.toFixed(0)} ms, ` +
      `RSS +${run.rssGrowthMB.toFixed(1)} MB, event loop held at most ${run.longestBlockMs.toFixed(0)} ms ` +
      `(${run.result.problems.map((p) => p.code).join(', ')})`,
  );
  expect(run.result.ok).toBe(false);
  expect(run.result.problems.map((p) => p.code)).toContain(code);
  expect(run.ms).toBeLessThan(2000);
  expect(run.rssGrowthMB).toBeLessThan(100);
  // unzipSync held it 15 s; a ceiling for a machine shared by many test runs.
  expect(run.longestBlockMs).toBeLessThan(1000);
  return run;
}

describe('a zip bomb opened in the editor', () => {
  it('is about 1 MB holding 1 GiB', () => {
    expect(zeros.length).toBeLessThan(1.1 * MiB);
  });

  it('that says its size is refused before inflating (entry cap, ratio)', async () => {
    const zip = rawZip([
      manifest,
      { name: 'panoramas/p.jpg', deflated: { bytes: zeros, size: GiB } },
    ]);
    await refused('honest 1 GiB bomb', zip, 'zip-entry-too-big');
    const smaller = rawZip([
      manifest,
      { name: 'panoramas/p.jpg', deflated: { bytes: deflatedZeros(200), size: 200 * MiB } },
    ]);
    await refused('honest 200 MiB bomb', smaller, 'zip-ratio');
  });

  it('that lies about its size is refused as soon as it passes what it said', async () => {
    const zip = rawZip([
      manifest,
      { name: 'panoramas/p.jpg', deflated: { bytes: zeros, size: 1000 } },
    ]);
    await refused('lying 1 GiB bomb', zip, 'zip-damaged');
  });

  it('that claims nothing at all is refused at once', async () => {
    const zip = rawZip([
      manifest,
      { name: 'panoramas/p.jpg', deflated: { bytes: zeros, size: 0 } },
    ]);
    await refused('zero-size 1 GiB bomb', zip, 'zip-damaged');
  });

  it('made of many honest entries is refused by the total cap', async () => {
    const mib = deflatedZeros(1);
    const entries = Array.from({ length: 10 }, (_, i) => ({
      name: `audio/vi/${i}.mp3`,
      deflated: { bytes: mib, size: MiB },
    }));
    const zip = rawZip([manifest, ...entries]);
    // 1 MiB entries may shrink any amount (ratioFromBytes): the total is what stops them.
    await refused('10 × 1 MiB', zip, 'zip-too-big', { limits: { maxTotalBytes: 4 * MiB } });
  });

  it('of too many entries is refused by their count', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({
      name: `t${i}.txt`,
      data: Buffer.from('x'),
    }));
    await refused('30 entries', rawZip([manifest, ...entries]), 'zip-too-many-entries', {
      limits: { maxEntries: 20 },
    });
  });

  it('with a manifest of more than 5 MiB is refused', async () => {
    const zip = rawZip([
      { name: 'tour.json', deflated: { bytes: deflatedZeros(8), size: 8 * MiB } },
    ]);
    await refused('8 MiB tour.json', zip, 'zip-entry-too-big');
  });
});
