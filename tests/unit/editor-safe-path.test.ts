import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isAllowedRequest,
  isLocalHost,
  isLocalOrigin,
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

describe('request checks', () => {
  const ok = { remoteAddress: '127.0.0.1', host: '127.0.0.1:5173', origin: undefined };

  it('accepts this machine', () => {
    expect(isAllowedRequest(ok)).toBe(true);
    expect(isAllowedRequest({ ...ok, remoteAddress: '::1', host: 'localhost:5173' })).toBe(true);
    expect(isAllowedRequest({ ...ok, origin: 'http://127.0.0.1:5173' })).toBe(true);
    expect(isAllowedRequest({ ...ok, remoteAddress: '::ffff:127.0.0.1' })).toBe(true);
  });

  it('refuses another machine, a rebound DNS name, or another site', () => {
    expect(isAllowedRequest({ ...ok, remoteAddress: '192.168.1.20' })).toBe(false);
    expect(isAllowedRequest({ ...ok, remoteAddress: undefined })).toBe(false);
    expect(isAllowedRequest({ ...ok, host: 'evil.example:5173' })).toBe(false);
    expect(isAllowedRequest({ ...ok, host: '127.0.0.1.evil.example' })).toBe(false);
    expect(isAllowedRequest({ ...ok, host: undefined })).toBe(false);
    expect(isAllowedRequest({ ...ok, origin: 'https://evil.example' })).toBe(false);
    expect(isAllowedRequest({ ...ok, origin: 'null' })).toBe(false);
    expect(isLocalHost('LOCALHOST:80')).toBe(true);
    expect(isLocalOrigin('http://localhost.evil.example')).toBe(false);
  });
});

describe('isUploadablePath', () => {
  it('accepts images and audio, nothing else', () => {
    expect(isUploadablePath(['panoramas', 'x.JPG'])).toBe(true);
    expect(isUploadablePath(['audio', 'vi', 'x.mp3'])).toBe(true);
    expect(isUploadablePath(['x.html'])).toBe(false);
    expect(isUploadablePath(['tour.json'])).toBe(false);
    expect(isUploadablePath([])).toBe(false);
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
});
