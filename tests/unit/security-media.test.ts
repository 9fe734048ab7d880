/**
 * Issue 21, finding 1 and the servers' part of 5: a tour can hold only media. A page or a
 * drawing (`.html`, `.svg`, a web page renamed `.jpg`) fails validation, is never published,
 * and neither server ever sends a tour file as a type that runs script; every answer says
 * `nosniff`, hidden names are 404 in tour folders too, and error answers carry no paths.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTourDir } from '../../src/node/cli/commands/validate.ts';
import { validateTourData } from '../../src/core/manifest/validate.ts';
import {
  buildOutput,
  listTours,
  prepareAll,
  PublishCache,
  toursPlugin,
} from '../../src/node/build/vite-plugin-tours.ts';
import { createStaticServer, type StaticServer } from '../../src/node/serve/static-server.ts';

const EVIL_HTML =
  '<!doctype html><html><body><script>alert(document.domain)</script></body></html>';
const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

let dir: string;
let toursDir: string;
let jpeg: Buffer;

/** A one-scene tour whose info hotspot shows `image`. */
function manifest(id: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    id,
    title: { vi: 'Đình', en: 'Temple' },
    languages: ['vi', 'en'],
    defaultLanguage: 'vi',
    scenes: [
      {
        id: 'san',
        title: { vi: 'Sân', en: 'Yard' },
        panorama: { source: 'panoramas/san.jpg' },
        hotspots: [
          {
            id: 'bia',
            type: 'info',
            position: { yaw: 0, pitch: 0 },
            title: { vi: 'Bia', en: 'Stele' },
            image,
          },
        ],
      },
    ],
    ...extra,
  };
}

async function writeTour(id: string, image: string, files: Record<string, string | Buffer>) {
  const tour = join(toursDir, id);
  const all = {
    'panoramas/san.jpg': jpeg,
    ...files,
    'tour.json': JSON.stringify(manifest(id, image)),
  };
  for (const [name, body] of Object.entries(all)) {
    await mkdir(join(tour, name, '..'), { recursive: true });
    await writeFile(join(tour, name), body);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'security-media-'));
  toursDir = join(dir, 'tours');
  jpeg = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
  await writeTour('html', 'images/evil.html', { 'images/evil.html': EVIL_HTML });
  await writeTour('svg', 'images/evil.svg', { 'images/evil.svg': EVIL_SVG });
  await writeTour('renamed', 'images/evil.jpg', { 'images/evil.jpg': EVIL_HTML });
  // A valid tour with a page beside its media: named like a credits file, and a hidden file.
  await writeTour('good', 'images/bia.jpg', {
    'images/bia.jpg': jpeg,
    'CREDITS.md': 'Ảnh: Nguyễn Văn A, CC BY-SA 4.0',
    'CREDITS.html': EVIL_HTML,
    'evil-LICENSE.svg': EVIL_SVG,
    'images/evil.html': EVIL_HTML,
    'images/evil.svg': EVIL_SVG,
    '.env': 'SECRET=1',
    '.git/config': '[core]',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validation: only media in a tour', () => {
  it.each([
    ['html', 'media-not-allowed'],
    ['svg', 'media-not-allowed'],
    ['renamed', 'media-mismatch'],
  ])(
    'refuses the info image of tour "%s" (%s), naming the file and the JSON path',
    async (id, code) => {
      const report = await validateTourDir(join(toursDir, id), dir);
      expect(report.valid).toBe(false);
      const found = report.problems.find((p) => p.code === code);
      expect(found?.path).toEqual(['scenes', 0, 'hotspots', 0, 'image']);
      expect(found?.message.en).toContain('images/evil.');
      expect(found?.severity).toBe('error');
    },
  );

  it('refuses tiles named as pages, on their template', async () => {
    const tour = manifest('tiles', 'images/bia.jpg');
    const tiles = {
      path: 'tiles/{level}/{col}_{row}.svg',
      levels: [{ width: 512, cols: 2, rows: 1 }],
    };
    Object.assign(tour.scenes[0]!.panorama, { tiles });
    const { problems } = await validateTourData(tour, { file: 'tours/tiles/tour.json' });
    const found = problems.find((p) => p.code === 'media-not-allowed');
    expect(found?.path).toEqual(['scenes', 0, 'panorama', 'tiles', 'path']);
  });

  it('says what a renamed page is', async () => {
    const report = await validateTourDir(join(toursDir, 'renamed'), dir);
    expect(report.problems.map((p) => p.message.en).join(' ')).toMatch(/web page \(HTML\)/);
  });
});

describe('the build: refuses such tours, copies only media and text credits', () => {
  it('publishes 0 files of the tours with a page or a drawing', async () => {
    const listing = await listTours(toursDir);
    expect(listing.skipped.map((t) => t.id).sort()).toEqual(['html', 'renamed', 'svg']);
    expect(listing.tours.map((t) => t.id)).toEqual(['good']);
    const cache = new PublishCache();
    const prepared = await prepareAll(toursDir, cache);
    const output = await buildOutput(prepared.publications, cache);
    const names = output.map((file) => file.fileName);
    expect(names.filter((name) => /^tours\/(html|svg|renamed)\//.test(name))).toEqual([]);
    // The good tour: its media and its Markdown credits, nothing a browser could run.
    expect(names).toContain('tours/good/images/bia.jpg');
    expect(names).toContain('tours/good/CREDITS.md');
    expect(names.filter((name) => /\.(html|svg)$|\/\./.test(name))).toEqual([]);
  });
});

/** Status, type and nosniff of a GET sent with its path exactly as written. */
function rawGet(base: string, path: string) {
  return new Promise<{ status: number; type: string; nosniff: string; body: string }>(
    (resolve, reject) => {
      get(new URL(base), { path }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            nosniff: String(response.headers['x-content-type-options'] ?? ''),
            body,
          }),
        );
      }).on('error', reject);
    },
  );
}

const RUNNABLE = /html|svg|xml|javascript/i;

describe.each(['static', 'dev'] as const)('the %s server', (kind) => {
  let base: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'static') {
      // The built site's layout: tour folders under /tours/ (as if copied whole, by mistake).
      const server: StaticServer = await createStaticServer({ root: dir });
      base = server.url;
      stop = () => server.close();
    } else {
      const vite: ViteDevServer = await createViteServer({
        configFile: false,
        root: dir,
        logLevel: 'silent',
        plugins: [toursPlugin({ toursDir: 'tours' })],
        server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
        optimizeDeps: { noDiscovery: true, entries: [] },
      });
      await vite.listen();
      const address = vite.httpServer!.address() as AddressInfo;
      base = `http://127.0.0.1:${address.port}/`;
      stop = () => vite.close();
    }
  }, 30_000);

  afterAll(async () => {
    await stop?.();
  });

  it.each([
    '/tours/good/images/evil.html',
    '/tours/good/images/evil.svg',
    '/tours/good/CREDITS.html',
    '/tours/html/images/evil.html',
    '/tours/svg/images/evil.svg',
    '/tours/renamed/images/evil.jpg',
  ])('never serves %s as a page or a drawing, and says nosniff', async (path) => {
    const answer = await rawGet(base, path);
    expect(answer.type, path).not.toMatch(RUNNABLE);
    expect(answer.nosniff, path).toBe('nosniff');
  });

  it('serves media with their own type, and unknown files as bytes', async () => {
    expect((await rawGet(base, '/tours/good/images/bia.jpg')).type).toBe('image/jpeg');
    expect((await rawGet(base, '/tours/good/images/evil.html')).type).toMatch(
      /^application\/octet-stream$|^text\/plain/,
    );
  });

  it.each(['/tours/good/.env', '/tours/good/.git/config', '/tours/good/%2eenv', '/tours/.env'])(
    'answers 404 to the hidden name %s',
    async (path) => {
      const answer = await rawGet(base, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('SECRET');
    },
  );

  it('answers a name too long with a plain error, without a path', async () => {
    const answer = await rawGet(base, `/tours/good/images/${'a'.repeat(300)}.jpg`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain(dir);
    expect(answer.body.length).toBeLessThan(100);
  });
});

describe('the dev server, when answering fails', () => {
  let vite: ViteDevServer;
  let base: string;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'security-dev-error-'));
    const tour = join(root, 'tours', 'broken');
    await mkdir(join(tour, 'panoramas'), { recursive: true });
    // JPEG's first bytes, then garbage: valid for the media check, unreadable for sharp, so
    // making its thumbnail throws inside the dev handler.
    await writeFile(join(tour, 'panoramas', 'san.jpg'), Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]));
    const text = JSON.stringify(manifest('broken', 'panoramas/san.jpg'));
    await writeFile(join(tour, 'tour.json'), text);
    vite = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [toursPlugin({ toursDir: 'tours' })],
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, entries: [] },
    });
    await vite.listen();
    base = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}/`;
  }, 30_000);

  afterAll(async () => {
    await vite?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers a plain 500: no stack, no absolute path, no internal message', async () => {
    const answer = await rawGet(base, '/tours/broken/thumbs/san.jpg');
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain(root);
    expect(answer.body).not.toMatch(/node_modules|at .*\(|sharp|unsupported/i);
    expect(answer.body.trim()).toBe('Server error');
    expect(answer.nosniff).toBe('nosniff');
  });

  it.each(['/.env', '/.git/config', '/%2eenv', '/tours/.git/config', '/x/..%2f.env'])(
    'answers 404 to the hidden name %s anywhere in the project',
    async (path) => {
      await writeFile(join(root, '.env'), 'SECRET=1');
      await mkdir(join(root, '.git'), { recursive: true });
      await writeFile(join(root, '.git', 'config'), 'SECRET=2');
      const answer = await rawGet(base, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('SECRET');
    },
  );

  it('says nosniff on the app page too', async () => {
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    const answer = await rawGet(base, '/');
    expect(answer.nosniff).toBe('nosniff');
  });
});
