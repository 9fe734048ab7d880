import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offlineFileList } from '../../src/node/build/offline-files.ts';
import {
  filesToKeep,
  tourCacheName,
  tourOfUrl,
  type TourFileList,
} from '../../src/core/publish/tour-files.ts';
import {
  prepareTour,
  removeTour,
  savedVersion,
  saveTour,
} from '../../src/web/offline/tour-store.ts';

/** Cache Storage in memory, enough for the tour store. */
class FakeCacheStorage {
  readonly stores = new Map<string, Map<string, Response>>();
  failPut: ((url: string) => Error | undefined) | undefined;
  async open(name: string) {
    let store = this.stores.get(name);
    if (!store) this.stores.set(name, (store = new Map()));
    const entries = store;
    return {
      match: async (url: string) => entries.get(url)?.clone(),
      put: async (url: string, response: Response) => {
        const error = this.failPut?.(url);
        if (error) throw error;
        entries.set(url, response);
      },
      delete: async (url: string) => entries.delete(url),
    };
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

const BASE = 'https://museum.test/app/';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A published site: tour files by path, and the files.json built from them. */
function publish(version: string, files: Record<string, string>) {
  const list = offlineFileList(
    'demo',
    version,
    Object.entries(files).map(([path, source]) => ({ path, source })),
  );
  return { list, files };
}

let cachesFake: FakeCacheStorage;
let site: ReturnType<typeof publish>;
let broken: Set<string>;
let requests: string[];

beforeEach(() => {
  cachesFake = new FakeCacheStorage();
  broken = new Set();
  requests = [];
  site = publish('v1', {
    'tour.json': '{"v":1}',
    'a.jpg': 'AAAA',
    'audio/vi/a.mp3': 'vi',
    'audio/en/a.mp3': 'en',
  });
  vi.stubGlobal('caches', cachesFake);
  vi.stubGlobal('document', { baseURI: BASE });
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = input.slice(`${BASE}tours/demo/`.length);
      requests.push(path);
      if (path === 'files.json') return new Response(JSON.stringify(site.list));
      const body = site.files[path];
      if (body === undefined || broken.has(path)) return new Response('no', { status: 500 });
      return new Response(body);
    }),
  );
  vi.stubGlobal('setTimeout', (fn: () => void) => fn());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const cacheNames = () => [...cachesFake.stores.keys()].filter((n) => n.startsWith('tour:'));
/** The cache of a version of `demo` under this app's scope. */
const named = (version: string) => tourCacheName(BASE, 'demo', version);
const cachedText = async (version: string, path: string) =>
  (await (await cachesFake.open(named(version))).match(`${BASE}tours/demo/${path}`))?.text();

describe('the tour store', () => {
  it('saves a version whole, then points at it', async () => {
    const pointer = await saveTour('demo');
    expect(pointer).toMatchObject({ version: 'v1', files: 4, bytes: 7 + 4 + 2 + 2 });
    expect(await savedVersion('demo')).toMatchObject({ version: 'v1' });
    expect(cacheNames()).toEqual([named('v1')]);
    expect(await cachedText('v1', 'tour.json')).toBe('{"v":1}');
  });

  it('keeps only the chosen languages of narration', async () => {
    const pointer = await saveTour('demo', { languages: ['vi'] });
    expect(pointer.files).toBe(3);
    expect(await cachedText('v1', 'audio/en/a.mp3')).toBeUndefined();
    expect(await cachedText('v1', 'audio/vi/a.mp3')).toBe('vi');
  });

  it('does nothing when the saved version is the published one', async () => {
    await saveTour('demo');
    requests = [];
    await saveTour('demo');
    expect(requests).toEqual(['files.json']);
  });

  it('leaves the saved version untouched when an update fails, and swaps once it succeeds', async () => {
    await saveTour('demo');
    site = publish('v2', { ...site.files, 'tour.json': '{"v":2}', 'audio/en/a.mp3': 'en2' });
    broken.add('audio/en/a.mp3');
    await expect(saveTour('demo')).rejects.toMatchObject({ reason: 'network' });
    expect(await savedVersion('demo')).toMatchObject({ version: 'v1' });
    expect(await cachedText('v1', 'tour.json')).toBe('{"v":1}');
    // The partial copy stays, so the next try resumes instead of starting over.
    expect(cacheNames().sort()).toEqual([named('v1'), named('v2')].sort());

    broken.clear();
    requests = [];
    await saveTour('demo');
    // Only the missing file is fetched (besides the file list and a copy of the catalogue).
    expect(requests.filter((r) => !r.endsWith('.json'))).toEqual(['audio/en/a.mp3']);
    expect(await savedVersion('demo')).toMatchObject({ version: 'v2' });
    expect(cacheNames()).toEqual([named('v2')]);
    expect(await cachedText('v2', 'tour.json')).toBe('{"v":2}');
  });

  it('deletes the partial copy when storage is full, keeping the old version', async () => {
    await saveTour('demo');
    site = publish('v2', { ...site.files, 'a.jpg': 'BBBB' });
    cachesFake.failPut = (url) =>
      url.endsWith('a.jpg') ? new DOMException('full', 'QuotaExceededError') : undefined;
    await expect(saveTour('demo')).rejects.toMatchObject({ reason: 'quota' });
    expect(cacheNames()).toEqual([named('v1')]);
    expect(await savedVersion('demo')).toMatchObject({ version: 'v1' });
  });

  it('copies unchanged files from the version in use and downloads only what changed', async () => {
    await saveTour('demo');
    // A title change: only the manifest differs; a picture moved to a new path keeps its bytes.
    const { 'a.jpg': picture, ...rest } = site.files;
    site = publish('v2', { ...rest, 'tour.json': '{"v":2,"title":"x"}', 'b.jpg': picture! });
    requests = [];
    const prepared = await prepareTour('demo');
    expect(requests.filter((r) => !r.endsWith('files.json'))).toEqual(['tour.json']);
    expect(prepared.downloadedBytes).toBe('{"v":2,"title":"x"}'.length);
    // Still atomic: nothing is swapped in until commit.
    expect(await savedVersion('demo')).toMatchObject({ version: 'v1' });
    await prepared.commit();
    expect(await savedVersion('demo')).toMatchObject({ version: 'v2', files: 4 });
    expect(cacheNames()).toEqual([named('v2')]);
    expect(await cachedText('v2', 'b.jpg')).toBe('AAAA');
    expect(await cachedText('v2', 'audio/vi/a.mp3')).toBe('vi');
  });

  it('keeps the tours of two apps on one origin apart', async () => {
    await saveTour('demo');
    vi.stubGlobal('document', { baseURI: 'https://museum.test/other/' });
    expect(await savedVersion('demo')).toBeUndefined();
    vi.stubGlobal('document', { baseURI: BASE });
    expect(await savedVersion('demo')).toMatchObject({ version: 'v1' });
  });

  it('removes a saved tour and its caches', async () => {
    await saveTour('demo');
    await removeTour('demo');
    expect(await savedVersion('demo')).toBeUndefined();
    expect(cacheNames()).toEqual([]);
  });
});

describe('file lists', () => {
  it('lists every published file with size, hash and narration language, but not itself', () => {
    const list: TourFileList = offlineFileList('demo', 'abc', [
      { path: 'tour.json', source: '{}' },
      { path: 'files.json', source: '[]' },
      { path: 'audio/fr/x.mp3', source: new Uint8Array([1, 2, 3]) },
      { path: 'tiles/hall/0_0.jpg', source: 'tile' },
    ]);
    expect(list).toEqual({
      tour: 'demo',
      version: 'abc',
      files: [
        { path: 'audio/fr/x.mp3', bytes: 3, sha256: sha('\x01\x02\x03'), lang: 'fr' },
        { path: 'tiles/hall/0_0.jpg', bytes: 4, sha256: sha('tile') },
        { path: 'tour.json', bytes: 2, sha256: sha('{}') },
      ],
    });
    expect(filesToKeep(list, ['vi']).map((f) => f.path)).toEqual([
      'tiles/hall/0_0.jpg',
      'tour.json',
    ]);
    expect(filesToKeep(list)).toHaveLength(3);
  });

  it('tells tour files from the catalogue and from the rest of the site', () => {
    const scope = 'https://museum.test/app/';
    const at = (path: string) => tourOfUrl(new URL(path, scope), scope);
    expect(at('tours/index.json')).toEqual({ kind: 'index' });
    expect(at('tours/demo/audio/vi/a.mp3')).toEqual({ kind: 'file', tourId: 'demo' });
    expect(at('tours/demo')).toBeUndefined();
    expect(at('assets/index.js')).toBeUndefined();
    expect(
      tourOfUrl(new URL('https://other.test/app/tours/demo/tour.json'), scope),
    ).toBeUndefined();
  });
});
