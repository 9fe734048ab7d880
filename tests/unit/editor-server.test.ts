/**
 * The editor's endpoint over real HTTP (its middleware in a plain Node server, no Vite): bodies
 * are checked against the protocol, and a bad one gets a 400 with a plain message.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTourResponse,
  ErrorResponse,
  ListToursResponse,
  LoadManifestResponse,
  SaveManifestResponse,
} from '../../src/core/editor-protocol.ts';
import { editorEndpoint } from '../../src/node/editor-server/editor-plugin.ts';

const TOKEN = 'test-token-0123456789';

let toursDir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  toursDir = await mkdtemp(path.join(tmpdir(), 'editor-server-'));
  const middleware = editorEndpoint({ toursDir: () => toursDir, token: TOKEN });
  server = createServer((req: IncomingMessage, res: ServerResponse) =>
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

const write = (url: string, method: string, body: string) =>
  fetch(`${base}${url}`, {
    method,
    headers: { 'X-Tour-Editor': TOKEN, 'Content-Type': 'application/json' },
    body,
  });
const read = (url: string) => fetch(`${base}${url}`, { headers: { 'X-Tour-Editor': TOKEN } });

async function refusal(response: Response): Promise<{ status: number; error: string }> {
  return { status: response.status, error: ErrorResponse.parse(await response.json()).error };
}

describe('editor endpoint', () => {
  it('refuses a new tour whose body is not JSON, or not a tour, with a plain 400', async () => {
    expect(await refusal(await write('', 'POST', '{oops'))).toEqual({
      status: 400,
      error: 'bad json',
    });
    const bad = JSON.stringify({ id: '../x', title: { vi: 'X' }, languages: ['vi'] });
    expect(await refusal(await write('', 'POST', bad))).toEqual({ status: 400, error: 'bad tour' });
    const noLanguages = JSON.stringify({ id: 'x', title: { vi: 'X' }, languages: [] });
    expect(await refusal(await write('', 'POST', noLanguages))).toEqual({
      status: 400,
      error: 'bad tour',
    });
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = JSON.stringify({ id: 'x', title: { vi: 'x'.repeat(70_000) }, languages: ['vi'] });
    expect((await write('', 'POST', huge)).status).toBe(413);
  });

  it('creates, lists, reads and saves a tour, each answer as the protocol says', async () => {
    const body = JSON.stringify({ id: 'new', title: { vi: 'Mới' }, languages: ['vi', 'en'] });
    const created = await write('', 'POST', body);
    expect(created.status).toBe(201);
    const { text } = CreateTourResponse.parse(await created.json());
    expect(text).toContain('"defaultLanguage": "vi"');
    expect(await readFile(path.join(toursDir, 'new/tour.json'), 'utf8')).toBe(text);
    expect((await write('', 'POST', body)).status).toBe(409);

    const list = ListToursResponse.parse(await (await read('')).json());
    expect(list.tours).toEqual([{ id: 'new', title: { vi: 'Mới' } }]);

    const loaded = LoadManifestResponse.parse(await (await read('/new')).json());
    expect(loaded).toMatchObject({ id: 'new', text, files: ['tour.json'] });

    const manifest = { ...JSON.parse(text), description: { vi: 'Mô tả' } };
    const saved = await write('/new/tour.json', 'PUT', JSON.stringify(manifest));
    expect(SaveManifestResponse.parse(await saved.json()).saved).toBe('tour.json');
    expect(await readFile(path.join(toursDir, 'new/tour.json'), 'utf8')).toContain('Mô tả');
  });

  it('refuses a manifest that is not a JSON object, and keeps the file', async () => {
    const before = await readFile(path.join(toursDir, 'new/tour.json'), 'utf8');
    expect(await refusal(await write('/new/tour.json', 'PUT', '[1, 2]'))).toEqual({
      status: 400,
      error: 'bad manifest',
    });
    expect(await refusal(await write('/new/tour.json', 'PUT', 'nope'))).toEqual({
      status: 400,
      error: 'bad json',
    });
    expect(await readFile(path.join(toursDir, 'new/tour.json'), 'utf8')).toBe(before);
  });

  it('refuses a narration request of the wrong shape before reading anything aloud', async () => {
    const empty = JSON.stringify({ scene: 'hall', lang: 'vi', text: '   ' });
    expect(await refusal(await write('/new/__narrate', 'POST', empty))).toEqual({
      status: 400,
      error: 'bad request',
    });
    expect(await refusal(await write('/new/__narrate', 'POST', '{"scene":1}'))).toEqual({
      status: 400,
      error: 'bad request',
    });
  });
});
