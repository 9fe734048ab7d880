import { link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallerFacts,
  isEditorCall,
  isEditorOrigin,
  mayReceiveToken,
} from '../../src/node/editor-server/caller.ts';
import {
  isAcceptableName,
  isUploadablePath,
  parseEditorRoute,
  resolveWritablePath,
  safeRelativeSegments,
} from '../../src/node/editor-server/safe-path.ts';

describe('safeRelativeSegments', () => {
  it('accepts plain relative paths', () => {
    expect(safeRelativeSegments('panoramas/hall.jpg')).toEqual(['panoramas', 'hall.jpg']);
    expect(safeRelativeSegments('audio/vi/b%C3%A0.mp3')).toEqual(['audio', 'vi', 'bà.mp3']);
  });

  it.each([
    '../x.jpg',
    'panoramas/../../x.jpg',
    '%2e%2e/x.jpg',
    '%2E%2E/x.jpg',
    'a/%2e%2e/%2e%2e/x.jpg',
    '..%2fx.jpg',
    '..%5cx.jpg',
    'a\\..\\x.jpg',
    '/etc/passwd',
    '%2fetc/passwd',
    'C:/x.jpg',
    'c:x.jpg',
    'a%00.jpg',
    'a/./b.jpg',
    'a//b.jpg',
    '.git/config',
    '%E0%A4%A.jpg',
    '',
  ])('refuses %j', (raw) => {
    expect(safeRelativeSegments(raw)).toBeUndefined();
  });
});

describe('parseEditorRoute', () => {
  it('maps the routes', () => {
    expect(parseEditorRoute('/__editor/tours')).toEqual({ kind: 'list' });
    expect(parseEditorRoute('/__editor/tours/demo')).toEqual({ kind: 'manifest', id: 'demo' });
    expect(parseEditorRoute('/__editor/tours/demo/panoramas/x.jpg?v=1')).toEqual({
      kind: 'file',
      id: 'demo',
      segments: ['panoramas', 'x.jpg'],
    });
  });

  it.each([
    '/__editor/tours/../package.json',
    '/__editor/tours/%2e%2e/package.json',
    '/__editor/tours/demo/%2e%2e/%2e%2e/package.json',
    '/__editor/tours/Demo/tour.json',
    '/__editor/tours/a%2fb/tour.json',
    '/__editor/tours/demo\\..\\x',
    '/__editor/toursx',
  ])('refuses %j', (url) => {
    expect(parseEditorRoute(url)).toBeUndefined();
  });
});

describe('who may call the endpoint (caller.ts)', () => {
  const token = 'a'.repeat(43);
  const ok: CallerFacts = {
    remoteAddress: '127.0.0.1',
    localAddress: '127.0.0.1',
    localPort: 5173,
    encrypted: false,
    host: '127.0.0.1:5173',
    origin: undefined,
    secFetchSite: 'same-origin',
    token,
  };

  it('accepts the editor itself, by its exact origin and with the secret', () => {
    expect(isEditorCall(ok, token)).toBe(true);
    expect(isEditorCall({ ...ok, origin: 'http://127.0.0.1:5173' }, token)).toBe(true);
    expect(isEditorCall({ ...ok, localAddress: '::ffff:127.0.0.1' }, token)).toBe(true);
    expect(mayReceiveToken(ok)).toBe(true);
  });

  it('refuses another port, localhost for 127.0.0.1, https, another machine, a rebound name', () => {
    for (const origin of [
      'http://127.0.0.1:4382',
      'http://localhost:5173',
      'http://localhost:4382',
      'https://127.0.0.1:5173',
      'null',
      'https://evil.example',
    ]) {
      expect(isEditorOrigin({ ...ok, origin }), origin).toBe(false);
    }
    expect(isEditorOrigin({ ...ok, host: 'localhost:5173' })).toBe(false);
    expect(isEditorOrigin({ ...ok, host: '127.0.0.1:4382' })).toBe(false);
    expect(isEditorOrigin({ ...ok, host: 'evil.example:5173' })).toBe(false);
    expect(isEditorOrigin({ ...ok, host: undefined })).toBe(false);
    expect(isEditorOrigin({ ...ok, remoteAddress: '192.168.1.20' })).toBe(false);
    expect(isEditorOrigin({ ...ok, localAddress: '192.168.1.2' })).toBe(false);
  });

  it('refuses a call without the secret or with another, and the secret to any but same-origin', () => {
    expect(isEditorCall({ ...ok, token: undefined }, token)).toBe(false);
    expect(isEditorCall({ ...ok, token: 'b'.repeat(43) }, token)).toBe(false);
    expect(isEditorCall({ ...ok, token: '1' }, token)).toBe(false);
    for (const secFetchSite of ['same-site', 'cross-site', 'none', undefined]) {
      expect(mayReceiveToken({ ...ok, secFetchSite }), String(secFetchSite)).toBe(false);
    }
  });
});

describe('isUploadablePath', () => {
  it('accepts images and audio, nothing else', () => {
    expect(isUploadablePath(['panoramas', 'x.JPG'])).toBe(true);
    expect(isUploadablePath(['audio', 'vi', 'x.mp3'])).toBe(true);
    expect(isUploadablePath(['x.html'])).toBe(false);
    expect(isUploadablePath(['images', 'x.svg'])).toBe(false);
    expect(isUploadablePath(['tour.json'])).toBe(false);
    expect(isUploadablePath([])).toBe(false);
  });

  it('refuses names the file system would refuse, before touching it', () => {
    expect(isAcceptableName(['images', 'a.jpg'])).toBe(true);
    expect(isAcceptableName(['images', `${'a'.repeat(296)}.jpg`])).toBe(false);
  });
});

describe('resolveWritablePath', () => {
  let root: string;
  let tours: string;
  let outside: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'safe-path-'));
    tours = path.join(root, 'tours');
    outside = path.join(root, 'outside');
    await mkdir(path.join(tours, 'demo', 'panoramas'), { recursive: true });
    await mkdir(outside);
    await symlink(outside, path.join(tours, 'demo', 'escape'));
    await symlink(path.join(outside, 'f.jpg'), path.join(tours, 'demo', 'link.jpg'));
    // A tour folder that is itself a symlink to somewhere else, and a hard link to a file outside.
    await symlink(outside, path.join(tours, 'elsewhere'));
    await writeFile(path.join(outside, 'secret.jpg'), 'x');
    await link(path.join(outside, 'secret.jpg'), path.join(tours, 'demo', 'panoramas', 'hard.jpg'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives a path inside the tour, even in folders still to create', async () => {
    const real = await resolveWritablePath(tours, 'demo', ['panoramas', 'x.jpg']);
    expect(real?.endsWith(path.join('demo', 'panoramas', 'x.jpg'))).toBe(true);
    const deep = await resolveWritablePath(tours, 'demo', ['audio', 'vi', 'a.mp3']);
    expect(deep?.endsWith(path.join('demo', 'audio', 'vi', 'a.mp3'))).toBe(true);
  });

  it('refuses a symlink out of the tour, a missing tour, a bad id, traversal', async () => {
    expect(await resolveWritablePath(tours, 'demo', ['escape', 'x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'demo', ['escape', 'new', 'x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'demo', ['link.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'nope', ['x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, '../tours/demo', ['x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'demo', ['..', '..', 'x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'demo', [])).toBeUndefined();
  });

  it('refuses a tour folder that is a symlink, and a file with another hard link (finding 6)', async () => {
    expect(await resolveWritablePath(tours, 'elsewhere', ['tour.json'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'elsewhere', ['panoramas', 'x.jpg'])).toBeUndefined();
    expect(await resolveWritablePath(tours, 'demo', ['panoramas', 'hard.jpg'])).toBeUndefined();
  });
});
