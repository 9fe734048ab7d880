import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { offlineFileList } from '../../src/node/build/offline-files.ts';
import { DownloadError, downloadFiles, type DownloadDeps } from '../../src/web/offline/download.ts';
import { filesToKeep, type TourFile, tourOfUrl } from '../../src/core/publish/tour-files.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const file = (path: string, body: string, lang?: string): TourFile => ({
  path,
  bytes: Buffer.byteLength(body),
  sha256: sha(body),
  ...(lang ? { lang } : {}),
});
const bodies: Record<string, string> = {
  'tour.json': '{"id":"t"}',
  'a.jpg': 'JPEG',
  'audio/vi/a.mp3': 'MP3vi',
  'audio/en/a.mp3': 'MP3en',
};
const files = [
  file('tour.json', bodies['tour.json']!),
  file('a.jpg', 'JPEG'),
  file('audio/vi/a.mp3', 'MP3vi', 'vi'),
  file('audio/en/a.mp3', 'MP3en', 'en'),
];

/** A fake cache and network: `failing` paths fail `failures` times each, then work. */
function fakes(
  options: {
    failing?: string[];
    failures?: number;
    serve?: Record<string, string>;
    quota?: boolean;
  } = {},
) {
  const stored = new Map<string, ArrayBuffer>();
  const attempts = new Map<string, number>();
  const deps: DownloadDeps = {
    has: async (url) => stored.has(url),
    put: async (url, body) => {
      if (options.quota) throw new DOMException('full', 'QuotaExceededError');
      stored.set(url, body);
    },
    fetchBytes: async (url) => {
      const count = (attempts.get(url) ?? 0) + 1;
      attempts.set(url, count);
      if (options.failing?.includes(url) && count <= (options.failures ?? Infinity))
        throw new Error('HTTP 500');
      const text = (options.serve ?? bodies)[url]!;
      return new TextEncoder().encode(text).buffer as ArrayBuffer;
    },
    sha256: async (body) => createHash('sha256').update(new Uint8Array(body)).digest('hex'),
    wait: async () => undefined,
  };
  return { deps, stored, attempts };
}

describe('downloading a tour version', () => {
  it('stores every file, reporting files and bytes', async () => {
    const { deps, stored } = fakes();
    const seen: number[] = [];
    const result = await downloadFiles(files, (f) => f.path, deps, {
      onProgress: (p) => seen.push(p.files),
    });
    expect([...stored.keys()].sort()).toEqual(files.map((f) => f.path).sort());
    expect(result).toEqual({ files: 4, totalFiles: 4, bytes: result.totalBytes, totalBytes: 24 });
    expect(seen.at(-1)).toBe(4);
  });

  it('retries a failing file, then gives up with the file named, keeping what it has', async () => {
    const flaky = fakes({ failing: ['a.jpg'], failures: 2 });
    await downloadFiles(files, (f) => f.path, flaky.deps);
    expect(flaky.attempts.get('a.jpg')).toBe(3);

    const broken = fakes({ failing: ['a.jpg'] });
    const error = await downloadFiles(files, (f) => f.path, broken.deps, { concurrency: 1 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ reason: 'network', path: 'a.jpg' });
    expect(broken.stored.has('tour.json')).toBe(true);
    expect(broken.stored.has('a.jpg')).toBe(false);
  });

  it('resumes: files already stored are not fetched again', async () => {
    const { deps, stored, attempts } = fakes();
    stored.set('tour.json', new ArrayBuffer(1));
    stored.set('a.jpg', new ArrayBuffer(1));
    await downloadFiles(files, (f) => f.path, deps);
    expect([...attempts.keys()].sort()).toEqual(['audio/en/a.mp3', 'audio/vi/a.mp3']);
  });

  it('refuses a file whose size or hash differs (a server mid-update), without storing it', async () => {
    const { deps, stored } = fakes({ serve: { ...bodies, 'a.jpg': 'JPEX' } });
    const error = await downloadFiles(files, (f) => f.path, deps, { concurrency: 1 }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ reason: 'corrupt', path: 'a.jpg' });
    expect(stored.has('a.jpg')).toBe(false);
  });

  it('reports a full storage as such', async () => {
    const { deps } = fakes({ quota: true });
    await expect(downloadFiles(files, (f) => f.path, deps)).rejects.toMatchObject({
      reason: 'quota',
    });
  });
});

describe('file lists', () => {
  it('lists every published file with size, hash and the language of narration', () => {
    const list = offlineFileList(
      't',
      'v1',
      Object.entries(bodies).map(([path, source]) => ({ path, source })),
    );
    expect(list.version).toBe('v1');
    expect(list.files.map((f) => f.path)).toEqual([
      'a.jpg',
      'audio/en/a.mp3',
      'audio/vi/a.mp3',
      'tour.json',
    ]);
    expect(list.files.find((f) => f.path === 'audio/vi/a.mp3')).toEqual(
      file('audio/vi/a.mp3', 'MP3vi', 'vi'),
    );
  });

  it('keeps only the narration of the languages a device wants', () => {
    const list = { tour: 't', version: 'v', files };
    expect(filesToKeep(list, ['vi']).map((f) => f.path)).toEqual([
      'tour.json',
      'a.jpg',
      'audio/vi/a.mp3',
    ]);
    expect(filesToKeep(list)).toHaveLength(4);
  });

  it('recognises tour requests under any folder the site is published in', () => {
    const scope = 'https://host.vn/di-tich/';
    expect(tourOfUrl(new URL('https://host.vn/di-tich/tours/index.json'), scope)).toEqual({
      kind: 'index',
    });
    expect(tourOfUrl(new URL('https://host.vn/di-tich/tours/demo/tour.json'), scope)).toEqual({
      kind: 'file',
      tourId: 'demo',
    });
    expect(tourOfUrl(new URL('https://host.vn/di-tich/assets/x.js'), scope)).toBeUndefined();
    expect(
      tourOfUrl(new URL('https://other.vn/di-tich/tours/demo/tour.json'), scope),
    ).toBeUndefined();
  });
});
