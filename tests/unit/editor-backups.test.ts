/**
 * Saving keeps the replaced tour.json as a dated backup the editor can bring back (issue 17,
 * item 1), a bounded number of them, and backups never reach the published site, its offline
 * file list or the editor's zip export (which is made of the files the endpoint lists).
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ListBackupsResponse,
  LoadBackupResponse,
  LoadManifestResponse,
} from '../../src/core/editor-protocol.ts';
import { buildOutput, prepareAll, PublishCache } from '../../src/node/build/vite-plugin-tours.ts';
import {
  BACKUP_DIR,
  backupName,
  backupTime,
  MAX_BACKUPS,
} from '../../src/node/editor-server/backups.ts';
import { editorEndpoint } from '../../src/node/editor-server/editor-plugin.ts';

const TOKEN = 'test-token-backups-0123';
const projectTours = path.join(import.meta.dirname, '../../tours');

let toursDir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  toursDir = await mkdtemp(path.join(tmpdir(), 'editor-backups-'));
  const middleware = editorEndpoint({ toursDir: () => toursDir, token: TOKEN });
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}/__editor/tours`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(toursDir, { recursive: true, force: true });
});

const headers = { 'X-Tour-Editor': TOKEN, 'Content-Type': 'application/json' };
const get = (url: string) => fetch(`${base}${url}`, { headers });

async function save(id: string, manifest: object): Promise<void> {
  const response = await fetch(`${base}/${id}/tour.json`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(manifest),
  });
  expect(response.status).toBe(200);
}

async function createTour(id: string, vi: string): Promise<void> {
  const response = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id, title: { vi }, languages: ['vi'] }),
  });
  expect(response.status).toBe(201);
}

const manifestTitled = (id: string, vi: string) => ({
  version: 1,
  id,
  defaultLanguage: 'vi',
  languages: ['vi'],
  title: { vi },
  scenes: [],
});

describe('backups of tour.json', () => {
  it('names backups by their time and reads the time back', () => {
    const time = Date.UTC(2026, 11, 1, 22, 30, 5, 120);
    expect(backupName(time)).toBe('tour-2026-12-01T22-30-05-120Z.json');
    expect(backupTime(backupName(time))).toBe(time);
    expect(backupTime('tour.json')).toBeUndefined();
    expect(backupTime('../tour-2026-12-01T22-30-05-120Z.json')).toBeUndefined();
  });

  it('keeps the version a save replaces, lists it and gives it back', async () => {
    await createTour('dinh-lang', 'Đình làng');
    const empty = ListBackupsResponse.parse(await (await get('/dinh-lang/__backups')).json());
    expect(empty).toEqual({ backups: [], limit: MAX_BACKUPS });

    await save('dinh-lang', manifestTitled('dinh-lang', 'Đình làng cổ'));
    await save('dinh-lang', manifestTitled('dinh-lang', 'Đình làng Đông Anh'));
    const listed = ListBackupsResponse.parse(await (await get('/dinh-lang/__backups')).json());
    expect(listed.backups).toHaveLength(2);
    const [newest, oldest] = listed.backups;
    expect(newest!.savedAt).toBeGreaterThanOrEqual(oldest!.savedAt);

    const backup = LoadBackupResponse.parse(
      await (await get(`/dinh-lang/__backups/${newest!.name}`)).json(),
    );
    expect(JSON.parse(backup.text).title).toEqual({ vi: 'Đình làng cổ' });

    // Saving the same text again adds no backup (they would push out the useful ones).
    await save('dinh-lang', manifestTitled('dinh-lang', 'Đình làng Đông Anh'));
    const again = ListBackupsResponse.parse(await (await get('/dinh-lang/__backups')).json());
    expect(again.backups).toHaveLength(2);
  });

  it(`keeps at most ${MAX_BACKUPS} backups, the newest`, async () => {
    await createTour('chua-mot-cot', 'Chùa');
    for (let i = 0; i < MAX_BACKUPS + 5; i++) {
      await save('chua-mot-cot', manifestTitled('chua-mot-cot', `Chùa Một Cột ${i}`));
    }
    const files = await readdir(path.join(toursDir, 'chua-mot-cot', BACKUP_DIR));
    expect(files).toHaveLength(MAX_BACKUPS);
    const listed = ListBackupsResponse.parse(await (await get('/chua-mot-cot/__backups')).json());
    const newest = LoadBackupResponse.parse(
      await (await get(`/chua-mot-cot/__backups/${listed.backups[0]!.name}`)).json(),
    );
    expect(JSON.parse(newest.text).title.vi).toBe(`Chùa Một Cột ${MAX_BACKUPS + 3}`);
  });

  it('refuses any other name, a path out of the folder, and a symlink planted there', async () => {
    for (const name of ['tour.json', '..%2Ftour.json', 'nope', '%2E%2E']) {
      expect((await get(`/dinh-lang/__backups/${name}`)).status).not.toBe(200);
    }
    const dir = path.join(toursDir, 'dinh-lang', BACKUP_DIR);
    const planted = backupName(Date.UTC(2020, 0, 1));
    await writeFile(path.join(toursDir, 'secret.txt'), 'secret');
    await symlink(path.join(toursDir, 'secret.txt'), path.join(dir, planted));
    expect((await get(`/dinh-lang/__backups/${planted}`)).status).toBe(404);
    expect((await fetch(`${base}/dinh-lang/__backups`, { method: 'DELETE', headers })).status).toBe(
      405,
    );
  });

  it('never lists backups among the files of the tour (nor, so, in the zip export)', async () => {
    const loaded = LoadManifestResponse.parse(await (await get('/dinh-lang')).json());
    expect(loaded.files.some((file) => file.includes('backup'))).toBe(false);
  });

  it('never publishes backups, nor lists them for offline use', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'editor-backups-site-'));
    try {
      await cp(path.join(projectTours, 'demo'), path.join(site, 'demo'), { recursive: true });
      await mkdir(path.join(site, 'demo', BACKUP_DIR));
      await writeFile(path.join(site, 'demo', BACKUP_DIR, backupName(Date.now())), '{}');
      const cache = new PublishCache();
      const prepared = await prepareAll(site, cache);
      expect(prepared.publications.map((p) => p.entry.id)).toEqual(['demo']);
      const output = await buildOutput(prepared.publications, cache);
      expect(output.length).toBeGreaterThan(3);
      expect(output.filter((file) => file.fileName.includes('backup'))).toEqual([]);
      const list = output.find((file) => file.fileName === 'tours/demo/files.json');
      expect(String(list?.source)).not.toContain('backup');
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  }, 60_000);
});
