/**
 * The e2e harness itself: the built site is served, the catalogue lists the sample tour,
 * generated thumbnails are real JPEGs, and the static server behaves (types, ranges, escapes).
 */
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createStaticServer } from '../../src/node/serve/static-server.ts';

const baseUrl = inject('baseUrl');

interface IndexEntry {
  id: string;
  sceneCount: number;
  thumbnail?: string;
  contentVersion: string;
}

/** Status of a GET sent with its path exactly as written (`fetch` would resolve `%2e%2e`). */
function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(new URL(baseUrl), { path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function catalogue(): Promise<IndexEntry[]> {
  const response = await fetch(`${baseUrl}tours/index.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-cache');
  return ((await response.json()) as { tours: IndexEntry[] }).tours;
}

describe('built site', () => {
  it('lists the demo tour with 4 scenes in tours/index.json', async () => {
    const demo = (await catalogue()).find((tour) => tour.id === 'demo');
    expect(demo).toMatchObject({ id: 'demo', sceneCount: 4 });
    expect(demo?.contentVersion).toMatch(/^[0-9a-f]{8,}$/);
  });

  it('serves the generated thumbnail as a JPEG', async () => {
    const demo = (await catalogue()).find((tour) => tour.id === 'demo');
    expect(demo?.thumbnail).toMatch(/^tours\/demo\/thumbs\/[a-z0-9-]+\.jpg$/);
    const response = await fetch(`${baseUrl}${demo?.thumbnail}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1024);
  });

  it('publishes the manifest with thumbnails for every scene', async () => {
    const tour = (await (await fetch(`${baseUrl}tours/demo/tour.json`)).json()) as {
      scenes: Array<{ panorama: { thumbnail?: string } }>;
    };
    expect(tour.scenes).toHaveLength(4);
    for (const scene of tour.scenes) expect(scene.panorama.thumbnail).toMatch(/^thumbs\//);
  });

  it('answers byte ranges (audio seeks with them)', async () => {
    const url = `${baseUrl}tours/demo/audio/vi/louvre.mp3`;
    const response = await fetch(url, { headers: { Range: 'bytes=0-99' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it('revalidates manifests cheaply (ETag, 304)', async () => {
    const first = await fetch(`${baseUrl}tours/demo/tour.json`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${baseUrl}tours/demo/tour.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('lets a test answer a path itself (override)', async () => {
    const server = await createStaticServer({
      root: fileURLToPath(new URL('../../dist/', import.meta.url)),
      override: (req, res) => {
        if (!req.url?.endsWith('/louvre.mp3')) return false;
        res.statusCode = 500;
        res.end('broken on purpose');
        return true;
      },
    });
    try {
      expect((await fetch(`${server.url}tours/demo/audio/vi/louvre.mp3`)).status).toBe(500);
      expect((await fetch(`${server.url}tours/demo/audio/vi/tintamarre.mp3`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses paths that leave the site folder', async () => {
    // dist/index.html exists: each of these would reach it (or worse) if decoded naively.
    const escapes = [
      '/tours/demo/%2e%2e/%2e%2e/index.html',
      '/tours/demo/..%2f..%2findex.html',
      '/tours/../tours/demo/tour.json',
      '/tours/demo/%2E%2E/%2E%2E/%2E%2E/package.json',
    ];
    for (const path of escapes) expect(await rawStatus(path), path).toBe(404);
    expect(await rawStatus('/tours/demo/tour.json')).toBe(200);
  });
});
