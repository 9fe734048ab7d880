/**
 * The editor answers only itself, in a real browser (issue 21, finding 2): from pages at
 * http://127.0.0.1:<another port>, http://localhost:<another port> and http://localhost:<the
 * editor's port>, every call of the editor's API — reads and writes, with the editor's header
 * (a preflight) or as a simple no-cors request — is refused, and nothing changes on disk. The
 * editor at its own address still lists the tours (its page fetches the secret).
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { projectRoot, startDevServer } from './support/dev-server.ts';

let tempDir: string;
let toursDir: string;
let server: ViteDevServer;
let baseUrl: string;
let editorPort: number;
let attacker: Server;
let attackerPort: number;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'editor-security-'));
  toursDir = path.join(tempDir, 'tours');
  await cp(path.join(projectRoot, 'tours/demo'), path.join(toursDir, 'victim'), {
    recursive: true,
  });
  const manifest = path.join(toursDir, 'victim', 'tour.json');
  await writeFile(
    manifest,
    (await readFile(manifest, 'utf8')).replace('"id": "demo"', '"id": "victim"'),
  );
  ({ server, baseUrl } = await startDevServer(toursDir));
  editorPort = Number(new URL(baseUrl).port);
  // Another local page: any program on this machine may serve one (a tour's HTML via
  // `npm start` was the example of the attack review).
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>other page</title><p>other page</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const address = attacker.address();
  if (!address || typeof address !== 'object') throw new Error('no attacker address');
  attackerPort = address.port;
  browser = await launchBrowser();
  context = await browser.newContext();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  attacker?.closeAllConnections();
  await new Promise((resolve) => attacker?.close(resolve));
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/** Every file of the tours folder with a hash of its content. */
async function snapshot(): Promise<string[]> {
  const names = (await readdir(toursDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const hashed = await Promise.all(
    names.map(
      async (name) =>
        `${path.relative(toursDir, name)} ${createHash('sha256')
          .update(await readFile(name))
          .digest('hex')}`,
    ),
  );
  return hashed.sort();
}

/** Runs every editor call from the page at `pageUrl` against the editor; what each got. */
async function attackFrom(pageUrl: string): Promise<Record<string, string>> {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl);
    return await page.evaluate(async (target) => {
      const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
      const json = { 'Content-Type': 'application/json', 'X-Tour-Editor': '1' };
      const calls: Record<string, [string, RequestInit]> = {
        'GET session': ['/__editor/session', {}],
        'GET list': ['/__editor/tours', { headers: { 'X-Tour-Editor': '1' } }],
        'GET list (simple)': ['/__editor/tours', {}],
        'GET tour': ['/__editor/tours/victim', { headers: { 'X-Tour-Editor': '1' } }],
        'PUT tour.json': [
          '/__editor/tours/victim/tour.json',
          { method: 'PUT', headers: json, body: '{"id":"pwned"}' },
        ],
        'PUT file': [
          '/__editor/tours/victim/panoramas/louvre.jpg',
          { method: 'PUT', headers: { 'X-Tour-Editor': '1' }, body: jpeg },
        ],
        'POST create': [
          '/__editor/tours',
          {
            method: 'POST',
            headers: json,
            body: '{"id":"made","title":{"vi":"x"},"languages":["vi"]}',
          },
        ],
        'POST create (no-cors form-like)': [
          '/__editor/tours',
          {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'Content-Type': 'text/plain' },
            body: '{"id":"made2","title":{"vi":"x"},"languages":["vi"]}',
          },
        ],
        'POST narrate': [
          '/__editor/tours/victim/__narrate',
          {
            method: 'POST',
            headers: json,
            body: '{"scene":"louvre","lang":"vi","text":"xin chào"}',
          },
        ],
      };
      const results: Record<string, string> = {};
      for (const [name, [url, init]] of Object.entries(calls)) {
        try {
          const response = await fetch(new URL(url, target), init);
          results[name] =
            response.type === 'opaque' ? 'opaque' : `${response.status} ${await response.text()}`;
        } catch (error) {
          results[name] = `blocked (${(error as Error).name})`;
        }
      }
      return results;
    }, baseUrl);
  } finally {
    await page.close();
  }
}

describe('the editor API seen from other local pages', () => {
  it.each([
    ['another 127.0.0.1 port', () => `http://127.0.0.1:${attackerPort}/`],
    ['localhost, another port', () => `http://localhost:${attackerPort}/`],
    ['localhost, the editor’s own port', () => `http://localhost:${editorPort}/`],
  ])('refuses every call from a page on %s, and nothing changes', async (_label, url) => {
    const before = await snapshot();
    const results = await attackFrom(url());
    for (const [name, got] of Object.entries(results)) {
      // Blocked by the browser (no CORS approval), sent blind (opaque), or refused: never read.
      expect(got, `${name}: ${got}`).toMatch(/^(blocked|opaque|403 )/);
      expect(got, name).not.toContain('token');
    }
    expect(await snapshot()).toEqual(before);
    expect(await readdir(toursDir)).toEqual(['victim']);
  });

  it('still lets the editor itself, at its own address, list and open the tours', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/editor/`);
    const tours = await page.evaluate(async () => {
      const session = await fetch('/__editor/session');
      const { token } = (await session.json()) as { token: string };
      const list = await fetch('/__editor/tours', { headers: { 'X-Tour-Editor': token } });
      return list.json();
    });
    expect(tours).toMatchObject({ tours: [{ id: 'victim' }] });
    await page.close();
  });
});
