/**
 * The static server of `npm start`, the e2e tests and the bench: what a static host does
 * (types, ETag, ranges, gzip), the cache rules of DESIGN.md, and the paths it refuses.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaticServer,
  IMMUTABLE,
  type StaticServer,
} from '../../src/node/serve/static-server.ts';

let dir: string;
let server: StaticServer;
const TILE = 'tours/demo/generated/tiles/0123456789abcdef/0_0_0.jpg';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-server-test-'));
  const site = join(dir, 'site');
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><title>x</title>',
    'sw.js': 'self.x = 1;',
    'assets/app-1234abcd.js': `console.log(${JSON.stringify('x'.repeat(5000))});`,
    'tours/demo/tour.json': '{"id":"demo"}',
    'tours/demo/CREDITS.md': 'Ảnh: Đền Hùng',
    'tours/demo/audio/vi/a.mp3': Buffer.alloc(1000, 7),
    [TILE]: Buffer.alloc(10, 1),
    '.env': 'SECRET=1',
    'tours/demo/.git/config': 'x',
  };
  for (const [name, body] of Object.entries(files)) {
    await mkdir(join(site, name, '..'), { recursive: true });
    await writeFile(join(site, name), body);
  }
  await writeFile(join(dir, 'outside.txt'), 'outside');
  await symlink(join(dir, 'outside.txt'), join(site, 'tours/demo/link.txt'));
  server = await createStaticServer({ root: site });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const url = (path: string) => new URL(path, server.url).href;

/** Status of a GET sent with its path exactly as written (`fetch` would resolve `%2e%2e`). */
function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(new URL(server.url), { path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('the static server', () => {
  it('revalidates pages, the worker and manifests, and caches hashed files forever', async () => {
    for (const path of ['/', '/sw.js', '/tours/demo/tour.json'])
      expect((await fetch(url(path))).headers.get('cache-control'), path).toBe('no-cache');
    for (const path of ['/assets/app-1234abcd.js', `/${TILE}`])
      expect((await fetch(url(path))).headers.get('cache-control'), path).toBe(IMMUTABLE);
  });

  it('names text as UTF-8 and serves a folder by its index.html', async () => {
    const page = await fetch(url('/'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const credits = await fetch(url('/tours/demo/CREDITS.md'));
    // A tour's Markdown is text the viewer renders itself: served as plain text.
    expect(credits.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await credits.text()).toBe('Ảnh: Đền Hùng');
  });

  it('gzips text for clients that accept it', async () => {
    const response = await fetch(url('/assets/app-1234abcd.js'), {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await response.text()).toContain('xxxx');
  });

  it('answers a byte range uncompressed, and 416 past the end', async () => {
    const mp3 = url('/tours/demo/audio/vi/a.mp3');
    const part = await fetch(mp3, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const js = await fetch(url('/assets/app-1234abcd.js'), {
      headers: { Range: 'bytes=0-9', 'Accept-Encoding': 'gzip' },
    });
    expect(js.status).toBe(206);
    expect(js.headers.get('content-encoding')).toBeNull();
    expect((await fetch(mp3, { headers: { Range: 'bytes=5000-' } })).status).toBe(416);
    // A range sirv would misread is ignored: the whole file, as a server may answer.
    expect((await fetch(mp3, { headers: { Range: 'bytes=-100' } })).status).toBe(200);
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await fetch(url('/tours/demo/tour.json'));
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(url('/tours/demo/tour.json'), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('refuses hidden files, escapes, links that lead outside, and missing files', async () => {
    for (const path of [
      '/.env',
      '/%2eenv',
      '/tours/demo/.git/config',
      '/tours/demo/%2e%2e/%2e%2e/index.html',
      '/tours/demo/..%2f..%2findex.html',
      '/tours/../index.html',
      '/tours/demo/link.txt',
      '/tours/demo/missing.jpg',
      '/tours/demo/a%00.jpg',
    ]) {
      expect(await rawStatus(path), path).toBe(404);
    }
    expect(await rawStatus('/tours/demo/tour.json')).toBe(200);
  });

  it('serves GET and HEAD only', async () => {
    expect((await fetch(url('/'), { method: 'POST' })).status).toBe(405);
    expect((await fetch(url('/'), { method: 'HEAD' })).status).toBe(200);
  });

  it('moves to the next port when the one asked for is busy', async () => {
    const second = await createStaticServer({ root: dir, port: server.port });
    try {
      expect(second.port).toBeGreaterThan(server.port);
    } finally {
      await second.close();
    }
  });
});
