/**
 * The editor answers only itself (issue 21, finding 2), on Vite's real dev server: Vite 8's own
 * CORS middleware approved the preflight of any localhost origin, and the origin check ignored
 * the port, so pages at http://127.0.0.1:4382 and http://localhost:4382 read and rewrote tours.
 * Here every method from such origins gets 403 with no Access-Control-* header and nothing
 * changes on disk; the editor's own calls (its origin, the secret from /__editor/session) work.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionResponse } from '../../src/core/editor-protocol.ts';
import { editorPlugin } from '../../src/node/editor-server/editor-plugin.ts';

let root: string;
let toursDir: string;
let server: ViteDevServer;
let origin: string;
let port: number;
const MANIFEST = '{\n  "id": "victim"\n}\n';

async function snapshot(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${name}/`);
      else out.push(`${name}=${await readFile(path.join(dir, entry.name), 'utf8')}`);
    }
  };
  await walk(toursDir, '');
  return out.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'editor-security-'));
  toursDir = path.join(root, 'tours');
  await mkdir(path.join(toursDir, 'victim', 'panoramas'), { recursive: true });
  await writeFile(path.join(toursDir, 'victim', 'tour.json'), MANIFEST);
  server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [editorPlugin({ toursDir })],
    server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  port = address.port;
  origin = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** Every call the editor makes, as another page would send it (the old header value "1"). */
const attacks = (headers: Record<string, string>) => [
  { name: 'GET list', url: '/__editor/tours', init: { headers } },
  { name: 'GET tour', url: '/__editor/tours/victim', init: { headers } },
  {
    name: 'PUT tour.json',
    url: '/__editor/tours/victim/tour.json',
    init: {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"id":"pwned"}',
    },
  },
  {
    name: 'PUT file',
    url: '/__editor/tours/victim/panoramas/p.jpg',
    init: { method: 'PUT', headers, body: JPEG },
  },
  {
    name: 'POST create',
    url: '/__editor/tours',
    init: {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"id":"made","title":{"vi":"x"},"languages":["vi"]}',
    },
  },
  {
    name: 'POST narrate',
    url: '/__editor/tours/victim/__narrate',
    init: {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"scene":"hall","lang":"vi","text":"xin chào"}',
    },
  },
];

/** A GET with a Host header of our choice (fetch sets its own). */
const rawStatus = (url: string, headers: Record<string, string>, hostName: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: url, headers: { ...headers, Host: `${hostName}:${port}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((key) => key.startsWith('access-control-'));

async function token(): Promise<string> {
  const response = await fetch(`${origin}/__editor/session`, {
    headers: { 'Sec-Fetch-Site': 'same-origin' },
  });
  expect(response.status).toBe(200);
  return SessionResponse.parse(await response.json()).token;
}

describe('the editor endpoint answers only the editor', () => {
  const foreign = [`http://127.0.0.1:4382`, `http://localhost:4382`, `http://localhost:PORT`];

  it.each(foreign)('refuses every method from a page at %s, and nothing changes', async (o) => {
    const from = o.replace('PORT', String(port));
    const before = await snapshot();
    for (const attack of attacks({ Origin: from, 'X-Tour-Editor': '1' })) {
      const response = await fetch(`${origin}${attack.url}`, attack.init);
      expect(response.status, attack.name).toBe(403);
      expect(corsHeaders(response), attack.name).toEqual([]);
    }
    // Even with the secret (had it leaked), another origin is refused.
    const secret = await token();
    for (const attack of attacks({ Origin: from, 'X-Tour-Editor': secret })) {
      expect((await fetch(`${origin}${attack.url}`, attack.init)).status, attack.name).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('approves no preflight (Vite 8 approved any localhost origin)', async () => {
    for (const from of foreign.map((o) => o.replace('PORT', String(port)))) {
      const response = await fetch(`${origin}/__editor/tours/victim/tour.json`, {
        method: 'OPTIONS',
        headers: {
          Origin: from,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'x-tour-editor,content-type',
        },
      });
      expect(response.status).toBe(403);
      expect(corsHeaders(response)).toEqual([]);
    }
  });

  it('gives the secret only to a same-origin fetch that names 127.0.0.1 and its port', async () => {
    const session = `${origin}/__editor/session`;
    const status = async (headers: Record<string, string>) =>
      (await fetch(session, { headers })).status;
    expect(await status({ 'Sec-Fetch-Site': 'cross-site', Origin: 'http://localhost:4382' })).toBe(
      403,
    );
    expect(await status({ 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:4382' })).toBe(
      403,
    );
    expect(await status({})).toBe(403);
    // fetch cannot change Host: a page opened as http://localhost:<port> sends this one.
    expect(
      await rawStatus('/__editor/session', { 'Sec-Fetch-Site': 'same-origin' }, 'localhost'),
    ).toBe(403);
    const cross = await fetch(session, { headers: { Origin: 'http://localhost:4382' } });
    expect(corsHeaders(cross)).toEqual([]);
  });

  it('refuses a read without the secret, even from its own origin', async () => {
    expect((await fetch(`${origin}/__editor/tours`)).status).toBe(403);
    expect(
      (await fetch(`${origin}/__editor/tours`, { headers: { 'X-Tour-Editor': '1' } })).status,
    ).toBe(403);
  });

  it('still serves the editor itself: its origin and its secret', async () => {
    const headers = { 'X-Tour-Editor': await token(), Origin: origin };
    const list = await fetch(`${origin}/__editor/tours`, { headers });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ tours: [{ id: 'victim' }] });
    const saved = await fetch(`${origin}/__editor/tours/victim/tour.json`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"id":"victim","version":1}',
    });
    expect(saved.status).toBe(200);
    expect(await readFile(path.join(toursDir, 'victim/tour.json'), 'utf8')).toContain('"version"');
  });
});
