/**
 * The housekeeping routes of the editor's endpoint over real HTTP: the unused files of the
 * manifest about to be saved are listed with their sizes, and a removal deletes only files
 * the tour.json on disk does not use, inside the tour, never a kept one nor through a symlink.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoveUnusedResponse, UnusedFilesResponse } from '../../src/core/editor-protocol.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { editorEndpoint } from '../../src/node/editor-server/editor-plugin.ts';

const TOKEN = 'test-token-unused-files';
let root: string;
let tourDir: string;
let server: Server;
let base: string;

const tour = (sources: string[]): Tour => ({
  version: 1,
  id: 'keep',
  title: { vi: 'T' },
  languages: ['vi'],
  defaultLanguage: 'vi',
  scenes: sources.map((source, i) => ({
    id: `s${i}`,
    title: { vi: `S${i}` },
    panorama: { source },
    hotspots: [],
  })),
});

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'unused-endpoint-'));
  const toursDir = path.join(root, 'tours');
  tourDir = path.join(toursDir, 'keep');
  for (const dir of ['panoramas', 'generated/tiles', '.backups', 'audio/vi']) {
    await mkdir(path.join(tourDir, dir), { recursive: true });
  }
  const files: Record<string, string> = {
    'panoramas/a.jpg': 'a'.repeat(1000),
    'panoramas/b.jpg': 'b'.repeat(2000),
    'panoramas/old.jpg': 'o'.repeat(3000),
    'audio/vi/gone.mp3': 'm'.repeat(10),
    'generated/tiles/x.jpg': 'g',
    '.backups/tour-1.json': '{}',
    'CREDITS.md': '# credits',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(tourDir, name), text);
  await writeFile(path.join(root, 'outside.jpg'), 'outside');
  await symlink(path.join(root, 'outside.jpg'), path.join(tourDir, 'panoramas/link.jpg'));
  await writeFile(path.join(tourDir, 'tour.json'), JSON.stringify(tour(['panoramas/a.jpg'])));
  const middleware = editorEndpoint({ toursDir: () => toursDir, token: TOKEN });
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}/__editor/tours/keep`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const post = (route: string, body: unknown) =>
  fetch(`${base}/${route}`, {
    method: 'POST',
    headers: { 'X-Tour-Editor': TOKEN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('unused files routes', () => {
  it('lists, with sizes, what the manifest about to be saved does not use', async () => {
    const answer = await post('__unused', { tour: tour(['panoramas/a.jpg', 'panoramas/b.jpg']) });
    expect(answer.status).toBe(200);
    expect(UnusedFilesResponse.parse(await answer.json()).files).toEqual([
      { path: 'audio/vi/gone.mp3', bytes: 10 },
      { path: 'panoramas/old.jpg', bytes: 3000 },
    ]);
  });

  it('calls nothing unused for a manifest the schema refuses', async () => {
    const answer = await post('__unused', { tour: { scenes: 'no' } });
    expect(UnusedFilesResponse.parse(await answer.json()).files).toEqual([]);
  });

  it('removes only files the saved tour.json does not use', async () => {
    const answer = await post('__remove-unused', {
      files: [
        'panoramas/old.jpg',
        'panoramas/a.jpg', // used by the saved manifest
        'CREDITS.md',
        'generated/tiles/x.jpg',
        '.backups/tour-1.json',
        'panoramas/link.jpg', // a symlink leading out of the tour
        '../outside.jpg',
        'panoramas/b.jpg',
      ],
    });
    expect(answer.status).toBe(200);
    const { removed, bytes } = RemoveUnusedResponse.parse(await answer.json());
    expect(removed).toEqual(['panoramas/old.jpg', 'panoramas/b.jpg']);
    expect(bytes).toBe(5000);
    expect((await readdir(path.join(tourDir, 'panoramas'))).sort()).toEqual(['a.jpg', 'link.jpg']);
    expect(await readdir(root)).toContain('outside.jpg');
    expect(await readdir(path.join(tourDir, '.backups'))).toEqual(['tour-1.json']);
  });

  it('refuses a call without the secret', async () => {
    const answer = await fetch(`${base}/__remove-unused`, {
      method: 'POST',
      body: JSON.stringify({ files: ['panoramas/a.jpg'] }),
    });
    expect(answer.status).toBe(403);
  });
});
