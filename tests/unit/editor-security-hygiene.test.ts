/**
 * The editor endpoint's hygiene (issue 21, findings 5 and 6), over real HTTP: answers never
 * carry a path on disk or an internal error's text (a 300-character name gave a 500 with the
 * path, a NUL in narration text a TypeError); uploads stream to a temporary file and are
 * limited in number and size while they arrive (eight 49 MB uploads held 1.07 GB); content
 * must be what the name says; no dotfiles; no writing through a hard link or into a tour
 * folder that is a symlink.
 */
import { link, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type ClientRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../src/core/editor-protocol.ts';
import { editorEndpoint } from '../../src/node/editor-server/editor-plugin.ts';

const TOKEN = 'hygiene-token-0123456789';
let root: string;
let toursDir: string;
let tour: string;
let outside: string;
let server: Server;
let port: number;
const logged: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'editor-hygiene-'));
  toursDir = path.join(root, 'tours');
  tour = path.join(toursDir, 't1');
  outside = path.join(root, 'outside');
  await mkdir(path.join(tour, 'panoramas'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(tour, 'tour.json'), '{"id":"t1"}\n');
  await writeFile(path.join(outside, 'tour.json'), '{"id":"outside"}\n');
  await writeFile(path.join(outside, 'bashrc.jpg'), 'precious');
  await link(path.join(outside, 'bashrc.jpg'), path.join(tour, 'panoramas', 'linked.jpg'));
  await symlink(outside, path.join(toursDir, 'elsewhere'));
  const middleware = editorEndpoint({
    toursDir: () => toursDir,
    token: TOKEN,
    logError: (message) => logged.push(message),
  });
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  port = address.port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const jpeg = (size: number) => Buffer.concat([JPEG_HEAD, Buffer.alloc(size - JPEG_HEAD.length)]);

const call = (url: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${port}/__editor/tours${url}`, {
    ...init,
    headers: { 'X-Tour-Editor': TOKEN, ...(init.headers as Record<string, string>) },
  });

async function refusal(response: Response) {
  const body = ErrorResponse.parse(await response.json());
  // No answer names a folder of this machine.
  expect(JSON.stringify(body)).not.toContain(root);
  return { status: response.status, ...body };
}

/** Every file under the tours folder (temporary uploads too, which are dotfiles). */
async function files(): Promise<string[]> {
  const all = await readdir(toursDir, { recursive: true });
  return all.map(String).sort();
}

/** An upload whose body is sent piece by piece: the test decides when it ends. */
function slowUpload(relative: string) {
  let resolveAnswer: (value: { status: number; body: string }) => void = () => {};
  const answer = new Promise<{ status: number; body: string }>((r) => (resolveAnswer = r));
  const req: ClientRequest = request({
    host: '127.0.0.1',
    port,
    method: 'PUT',
    path: `/__editor/tours/t1/${relative}`,
    headers: { 'X-Tour-Editor': TOKEN, 'Transfer-Encoding': 'chunked' },
  });
  req.on('response', (res) => {
    let body = '';
    res.on('data', (chunk: Buffer) => (body += chunk.toString()));
    res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, body }));
  });
  req.on('error', () => resolveAnswer({ status: -1, body: '' }));
  req.flushHeaders();
  return { req, answer };
}

describe('error replies', () => {
  it('answers a 300-character file name with a plain 400, and writes nothing', async () => {
    const before = await files();
    const name = `panoramas/${'a'.repeat(296)}.jpg`;
    const answer = await refusal(await call(`/t1/${name}`, { method: 'PUT', body: jpeg(100) }));
    expect(answer).toMatchObject({ status: 400, error: 'file name too long or not allowed' });
    expect(await files()).toEqual(before);
  });

  it('answers a NUL in narration text with a plain 400', async () => {
    const body = JSON.stringify({ scene: 'hall', lang: 'vi', text: 'xin\u0000chào' });
    const answer = await refusal(
      await call('/t1/__narrate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      }),
    );
    expect(answer).toEqual({ status: 400, error: 'bad request' });
  });

  it('answers an unexpected failure with "internal error", and logs the detail', async () => {
    // A file where a folder must be: creating the folder fails inside the server.
    await writeFile(path.join(tour, 'images'), 'not a folder');
    const response = await call('/t1/images/x.jpg', { method: 'PUT', body: jpeg(100) });
    expect(await refusal(response)).toEqual({ status: 500, error: 'internal error' });
    expect(logged.join('\n')).toContain('/__editor/tours/t1/images/x.jpg');
    await rm(path.join(tour, 'images'));
  });
});

describe('what may be written', () => {
  it.each(['.env', '.git/config', 'panoramas/.hidden.jpg', '%2eenv.jpg', 'a/%2e%2e/.x.jpg'])(
    'refuses the dotfile %s',
    async (name) => {
      const before = await files();
      const response = await call(`/t1/${name}`, { method: 'PUT', body: jpeg(100) });
      expect(response.status).toBe(400);
      expect(await files()).toEqual(before);
    },
  );

  it('refuses HTML named .jpg with 415 and the problem, in both languages', async () => {
    const html = '<!doctype html><html><script>fetch("/__editor/tours")</script></html>';
    const answer = await refusal(
      await call('/t1/panoramas/evil.jpg', { method: 'PUT', body: html }),
    );
    expect(answer.status).toBe(415);
    expect(answer.message?.en).toContain('panoramas/evil.jpg is not a JPEG picture');
    expect(answer.message?.en).toContain('a web page (HTML)');
    expect(answer.message?.vi).toContain('panoramas/evil.jpg');
    expect(await files()).not.toContain(path.join('t1', 'panoramas', 'evil.jpg'));
    const svg = await call('/t1/images/evil.svg', { method: 'PUT', body: '<svg/>' });
    expect(svg.status).toBe(415);
  });

  it('refuses to write through a hard link: the other name keeps its content', async () => {
    const response = await call('/t1/panoramas/linked.jpg', { method: 'PUT', body: jpeg(100) });
    expect(response.status).toBe(400);
    expect(await readFile(path.join(outside, 'bashrc.jpg'), 'utf8')).toBe('precious');
    await link(path.join(outside, 'tour.json'), path.join(root, 'second-name.json'));
    await rm(path.join(tour, 'tour.json'));
    await link(path.join(outside, 'tour.json'), path.join(tour, 'tour.json'));
    const manifest = await call('/t1/tour.json', { method: 'PUT', body: '{"id":"pwned"}' });
    expect(manifest.status).toBe(400);
    expect(await readFile(path.join(outside, 'tour.json'), 'utf8')).toBe('{"id":"outside"}\n');
    await rm(path.join(tour, 'tour.json'));
    await writeFile(path.join(tour, 'tour.json'), '{"id":"t1"}\n');
  });

  it('refuses a tour folder that is a symlink: not read, not written', async () => {
    expect((await call('/elsewhere')).status).toBe(404);
    const put = await call('/elsewhere/tour.json', { method: 'PUT', body: '{"id":"pwned"}' });
    expect(put.status).toBe(400);
    const file = await call('/elsewhere/panoramas/p.jpg', { method: 'PUT', body: jpeg(100) });
    expect(file.status).toBe(400);
    expect(await readdir(outside)).toEqual(['bashrc.jpg', 'tour.json']);
    expect(await readFile(path.join(outside, 'tour.json'), 'utf8')).toBe('{"id":"outside"}\n');
  });
});

describe('uploads', () => {
  it('stream to a hidden temporary file, named only once whole', async () => {
    const upload = slowUpload('panoramas/big.jpg');
    upload.req.write(jpeg(4 * 1024 * 1024));
    const target = path.join(tour, 'panoramas', 'big.jpg');
    // The first bytes are on disk while the rest is still on its way, under another name.
    await expect
      .poll(async () => (await files()).some((f) => /panoramas\/\.upload-.*\.tmp$/.test(f)))
      .toBe(true);
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
    upload.req.end(Buffer.alloc(1024 * 1024));
    expect((await upload.answer).status).toBe(200);
    expect((await readFile(target)).length).toBe(5 * 1024 * 1024);
    expect((await files()).filter((f) => f.includes('.upload-'))).toEqual([]);
  });

  it('are two at a time: a third gets 503 with Retry-After, and later goes through', async () => {
    const first = slowUpload('panoramas/one.jpg');
    const second = slowUpload('panoramas/two.jpg');
    first.req.write(jpeg(1024));
    second.req.write(jpeg(1024));
    await expect
      .poll(async () => (await files()).filter((f) => f.includes('.upload-')).length)
      .toBe(2);
    const third = await call('/t1/panoramas/three.jpg', { method: 'PUT', body: jpeg(1024) });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    first.req.end();
    second.req.end();
    expect((await first.answer).status).toBe(200);
    expect((await second.answer).status).toBe(200);
    const again = await call('/t1/panoramas/three.jpg', { method: 'PUT', body: jpeg(1024) });
    expect(again.status).toBe(200);
  });

  it('stop at the size cap while the body arrives, with 413 and nothing left', async () => {
    const upload = slowUpload('panoramas/huge.jpg');
    const chunk = jpeg(1024 * 1024);
    // No Content-Length: only counting while streaming can stop it.
    let sent = 0;
    const pump = async () => {
      while (sent <= 60 && upload.req.writable) {
        sent++;
        if (!upload.req.write(chunk)) await new Promise((r) => upload.req.once('drain', r));
      }
      upload.req.end();
    };
    void pump().catch(() => undefined);
    const answer = await upload.answer;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'too large' });
    expect((await files()).filter((f) => f.includes('huge') || f.includes('.upload-'))).toEqual([]);
  });
});
