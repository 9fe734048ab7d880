import { describe, expect, it } from 'vitest';
import {
  type DownloadDeps,
  DownloadError,
  downloadFiles,
  type Progress,
} from '../../src/web/offline/download.ts';
import type { TourFile } from '../../src/core/publish/tour-files.ts';

/** A fake file whose "hash" is its text, so the checks are easy to follow. */
const file = (path: string, text = path): TourFile => ({ path, bytes: text.length, sha256: text });
const encode = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

function fakeDeps(server: Record<string, string | (() => string)>, stored = new Set<string>()) {
  const fetched: string[] = [];
  const waits: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const deps: DownloadDeps = {
    has: async (url) => stored.has(url),
    put: async (url) => {
      stored.add(url);
    },
    fetchBytes: async (url) => {
      fetched.push(url);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      const body = server[url];
      if (body === undefined) throw new Error('HTTP 500');
      return encode(typeof body === 'function' ? body() : body);
    },
    sha256: async (body) => new TextDecoder().decode(body),
    wait: async (ms) => {
      waits.push(ms);
    },
  };
  return { deps, stored, fetched, waits, maxInFlight: () => maxInFlight };
}

const files = ['tour.json', 'a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.mp3', 'f.vtt'].map((p) =>
  file(p),
);
const all = Object.fromEntries(files.map((f) => [f.path, f.path]));
const urlOf = (f: TourFile) => f.path;

describe('downloading a tour version', () => {
  it('stores every file, reports files and bytes, and keeps at most 4 requests in flight', async () => {
    const fake = fakeDeps(all);
    const seen: Progress[] = [];
    const result = await downloadFiles(files, urlOf, fake.deps, {
      onProgress: (p) => seen.push(p),
    });
    const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
    expect(result).toEqual({ files: 7, totalFiles: 7, bytes: totalBytes, totalBytes });
    expect([...fake.stored].sort()).toEqual(files.map((f) => f.path).sort());
    expect(seen[0]).toMatchObject({ files: 0, bytes: 0 });
    expect(seen.at(-1)).toMatchObject({ files: 7, bytes: totalBytes });
    expect(fake.maxInFlight()).toBeGreaterThan(1);
    expect(fake.maxInFlight()).toBeLessThanOrEqual(4);
  });

  it('resumes: files already in the version cache are not fetched again', async () => {
    const fake = fakeDeps(all, new Set(['tour.json', 'a.jpg', 'b.jpg']));
    const result = await downloadFiles(files, urlOf, fake.deps);
    expect(fake.fetched.sort()).toEqual(['c.jpg', 'd.jpg', 'e.mp3', 'f.vtt']);
    expect(result.files).toBe(7);
  });

  it('retries a failing request with growing waits, then succeeds', async () => {
    let failures = 2;
    const fake = fakeDeps({
      ...all,
      'a.jpg': () => {
        if (failures-- > 0) throw new Error('dropped');
        return 'a.jpg';
      },
    });
    await downloadFiles(files, urlOf, fake.deps);
    expect(fake.waits).toEqual([500, 1000]);
    expect(fake.stored.has('a.jpg')).toBe(true);
  });

  it('gives up on a file that keeps failing, as a network error naming it', async () => {
    const { 'e.mp3': _broken, ...rest } = all;
    const fake = fakeDeps(rest);
    const error = await downloadFiles(files, urlOf, fake.deps, { retries: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ reason: 'network', path: 'e.mp3' });
    expect(fake.waits).toEqual([500, 1000]);
    expect(fake.stored.has('e.mp3')).toBe(false);
  });

  it('never stores a file whose size or hash differs from the list', async () => {
    const fake = fakeDeps({ ...all, 'b.jpg': 'b.jpX', 'c.jpg': 'longer c.jpg' });
    const error = await downloadFiles(files, urlOf, fake.deps).catch((e) => e);
    expect(error).toMatchObject({ reason: 'corrupt' });
    expect(fake.stored.has('b.jpg')).toBe(false);
    expect(fake.stored.has('c.jpg')).toBe(false);
  });

  it('reports a full disk as a quota error', async () => {
    const fake = fakeDeps(all);
    fake.deps.put = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const error = await downloadFiles(files, urlOf, fake.deps).catch((e) => e);
    expect(error).toMatchObject({ reason: 'quota' });
  });

  it('stops when aborted', async () => {
    const fake = fakeDeps(all);
    const controller = new AbortController();
    controller.abort();
    await expect(
      downloadFiles(files, urlOf, fake.deps, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(DownloadError);
    expect(fake.fetched).toEqual([]);
  });
});
