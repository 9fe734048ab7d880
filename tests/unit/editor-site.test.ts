/**
 * The editor's site pages over real HTTP (the endpoint's middleware in a plain Node server):
 * the settings page refuses an address only this machine can open, saves the rest into
 * site.config.json as the CLI reads it, and keeps the other fields; a publish with a wrong
 * password says nothing changed; no answer ever holds a password; the credentials file is
 * never served; the phone preview serves only its build, only under its token.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../src/core/editor-protocol.ts';
import { PublishStatus, SiteSettingsResponse } from '../../src/core/site-protocol.ts';
import { type CallerFacts, isEditorCall } from '../../src/node/editor-server/caller.ts';
import { editorEndpoint } from '../../src/node/editor-server/editor-plugin.ts';
import { lanAddress, startPreviewServer } from '../../src/node/editor-server/phone-preview.ts';
import { loadSiteConfig } from '../../src/node/publish/site-config.ts';
import type { StaticServer } from '../../src/node/serve/static-server.ts';
import { PASSWORD, type Running, startFtp, USER } from './publish-servers.ts';

const TOKEN = 'test-token-site-0123456789';
const root = path.resolve(import.meta.dirname, '../..');

let work: string;
let toursDir: string;
let server: Server;
let base: string;
/** Every answer body of the endpoint, to check that none holds a secret. */
const answers: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'editor-site-'));
  toursDir = path.join(work, 'tours');
  await cp(path.join(root, 'tours/demo'), path.join(toursDir, 'demo'), { recursive: true });
  await writeFile(
    path.join(work, 'site.config.json'),
    `${JSON.stringify({
      version: 1,
      publicUrl: '',
      name: { fr: 'Patrimoine', vi: 'Cũ' },
      frameAncestors: ['https://cong.example.vn'],
      targets: { zip: { type: 'zip', path: 'site.zip' } },
    })}\n`,
  );
  const middleware = editorEndpoint({
    toursDir: () => toursDir,
    token: TOKEN,
    root: () => root,
    siteDir: () => work,
    logError: () => {},
  });
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end('passed on');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

async function call(url: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'X-Tour-Editor': TOKEN, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = response.headers.get('content-type')?.startsWith('application/json')
    ? bytes.toString('utf8')
    : '';
  answers.push(text);
  return { status: response.status, text, bytes, headers: response.headers };
}

const json = (text: string): unknown => JSON.parse(text);

describe('site settings', () => {
  it('lists the tours and the settings, every tour chosen when the file names none', async () => {
    const answer = await call('/__editor/site/settings');
    expect(answer.status).toBe(200);
    const settings = SiteSettingsResponse.parse(json(answer.text));
    expect(settings.available.map((t) => t.id)).toEqual(['demo']);
    expect(settings.tours).toEqual(['demo']);
    expect(settings.publicUrl).toBe('');
  });

  it('without a public address, printing and publishing say what to fill in, and where', async () => {
    for (const [url, body] of [
      ['/__editor/site/print', { tour: 'demo', scenes: ['louvre'] }],
      ['/__editor/site/publish', { target: { type: 'zip' } }],
    ] as const) {
      const answer = await call(url, 'POST', body);
      expect(answer.status).toBe(409);
      const refusal = ErrorResponse.parse(json(answer.text));
      expect(refusal.message?.vi).toContain('Chưa có địa chỉ công khai');
      expect(refusal.message?.vi).toContain('Cài đặt trang');
    }
  });

  it.each([
    'http://127.0.0.1:5173/',
    'https://127.0.0.1/',
    'https://localhost:8443/',
    'http://ditich.example.vn/',
    'ditich.example.vn',
  ])('refuses %s with a Vietnamese message naming https and the address', async (address) => {
    const before = await readFile(path.join(work, 'site.config.json'), 'utf8');
    const answer = await call('/__editor/site/settings', 'PUT', {
      publicUrl: address,
      name: {},
      tours: ['demo'],
    });
    expect(answer.status).toBe(422);
    const refusal = ErrorResponse.parse(json(answer.text));
    expect(refusal.message?.vi).toContain('Địa chỉ phải bắt đầu bằng https://');
    expect(refusal.message?.vi).toContain('không phải 127.0.0.1');
    expect(refusal.message?.vi).toContain(address);
    // Nothing was written.
    expect(await readFile(path.join(work, 'site.config.json'), 'utf8')).toBe(before);
  });

  it('refuses a site that publishes no tour', async () => {
    const answer = await call('/__editor/site/settings', 'PUT', {
      publicUrl: 'https://ditich.example.vn/',
      name: {},
      tours: [],
    });
    expect(answer.status).toBe(422);
    expect(ErrorResponse.parse(json(answer.text)).message?.vi).toContain('ít nhất một tour');
  });

  it('saves a good address, the name and the tours where the CLI reads them, keeping the rest', async () => {
    const answer = await call('/__editor/site/settings', 'PUT', {
      publicUrl: ' https://ditich.example.vn/tham-quan/ ',
      name: { vi: 'Di tích 360°', en: 'Heritage 360°' },
      tours: ['demo'],
    });
    expect(answer.status).toBe(200);
    const loaded = await loadSiteConfig(work);
    expect(loaded.ok).toBe(true);
    const config = loaded.ok ? loaded.value.config : undefined;
    expect(config?.publicUrl).toBe('https://ditich.example.vn/tham-quan/');
    expect(config?.name).toEqual({ vi: 'Di tích 360°', en: 'Heritage 360°', fr: 'Patrimoine' });
    expect(config?.tours).toEqual(['demo']);
    expect(config?.frameAncestors).toEqual(['https://cong.example.vn']);
    expect(config?.targets.zip).toEqual({ type: 'zip', path: 'site.zip' });
  });

  it('refuses site calls without the secret, like every editor call', async () => {
    const response = await fetch(`${base}/__editor/site/settings`);
    expect(response.status).toBe(403);
  });
});

describe('printing', () => {
  it('makes one poster per chosen scene and hotspot, then the labels sheet', async () => {
    const answer = await call('/__editor/site/print', 'POST', {
      tour: 'demo',
      scenes: ['louvre', 'tintamarre'],
      hotspots: ['louvre/glass-pyramid'],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(answer.bytes);
    // 3 posters, then 1 sheet with their 3 labels.
    expect(pdf.getPageCount()).toBe(4);
    expect(answer.headers.get('x-label-pages')).toBe('1');
  }, 60_000);
});

describe('publishing from the editor', () => {
  let ftp: Running;
  let ftpRoot: string;

  beforeAll(async () => {
    ftpRoot = path.join(work, 'ftp-server');
    ftp = await startFtp(ftpRoot);
  });
  afterAll(async () => ftp?.stop());

  async function finished(job: string) {
    for (;;) {
      const answer = await call(`/__editor/site/publish/${job}`);
      const status = PublishStatus.parse(json(answer.text));
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const ftpTarget = () => ({
    type: 'ftp',
    host: '127.0.0.1',
    port: ftp.port,
    user: USER,
    dir: 'www',
    secure: false,
  });

  it(
    'a wrong password: the plain message says nothing changed, and the server holds nothing',
    { timeout: 30_000 },
    async () => {
      const started = await call('/__editor/site/publish', 'POST', {
        target: ftpTarget(),
        password: 'wrong-password-123',
        remember: false,
      });
      expect(started.status).toBe(202);
      const status = await finished((json(started.text) as { job: string }).job);
      expect(status.state).toBe('failed');
      expect(status.nothingChanged).toBe(true);
      expect(status.message?.vi).toContain('sai tên đăng nhập hoặc mật khẩu');
      expect(status.message?.vi).toContain('Chưa có gì thay đổi trên máy chủ');
      // Plain words: no variable or file names.
      expect(status.message?.vi).not.toMatch(/TOUR_|\.json/);
      await expect(stat(path.join(ftpRoot, 'www', 'index.html'))).rejects.toThrow();
    },
  );

  it(
    'an unreachable host: the plain message says nothing changed',
    { timeout: 30_000 },
    async () => {
      const started = await call('/__editor/site/publish', 'POST', {
        target: { ...ftpTarget(), port: 1 },
        password: 'whatever-secret-456',
      });
      const status = await finished((json(started.text) as { job: string }).job);
      expect(status.state).toBe('failed');
      expect(status.message?.vi).toContain('Không kết nối được tới máy chủ 127.0.0.1');
      expect(status.message?.vi).toContain('Chưa có gì thay đổi trên máy chủ');
    },
  );

  it('the right password, remembered: published; kept apart from the site, never in an answer', async () => {
    const started = await call('/__editor/site/publish', 'POST', {
      target: ftpTarget(),
      password: PASSWORD,
      remember: true,
    });
    const status = await finished((json(started.text) as { job: string }).job);
    expect(status.message?.en ?? '').toBe('');
    expect(status.state).toBe('done');
    expect(status.filesDone).toBe(status.filesTotal);
    expect(await stat(path.join(ftpRoot, 'www', 'index.html'))).toBeTruthy();
    expect(await stat(path.join(ftpRoot, 'www', 'tours/demo/tour.json'))).toBeTruthy();

    const file = path.join(work, '.publish-credentials.json');
    const kept = JSON.parse(await readFile(file, 'utf8')) as Record<string, { password?: string }>;
    expect(kept.ftp?.password).toBe(PASSWORD);
    expect((await stat(file)).mode & 0o077).toBe(0);
    // The place is remembered in the settings, without its secret.
    const config = await readFile(path.join(work, 'site.config.json'), 'utf8');
    expect(config).toContain('"host": "127.0.0.1"');
    expect(config).not.toContain(PASSWORD);
    const settings = SiteSettingsResponse.parse(json((await call('/__editor/site/settings')).text));
    expect(settings.targets.find((t) => t.name === 'ftp')?.hasSecret).toBe(true);
    // Not in the published site either.
    const published = await readFile(path.join(ftpRoot, 'www', 'site.json'), 'utf8');
    expect(published).not.toContain(PASSWORD);
  }, 120_000);

  it('a site zip: made in a folder of its own and handed over by its job', async () => {
    const started = await call('/__editor/site/publish', 'POST', { target: { type: 'zip' } });
    const job = (json(started.text) as { job: string }).job;
    const status = await finished(job);
    expect(status.state).toBe('done');
    expect(status.download).toBe(true);
    const zip = await call(`/__editor/site/publish/${job}/site.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const names = Object.keys(unzipSync(new Uint8Array(zip.bytes)));
    expect(names).toContain('index.html');
    expect(names).toContain('tours/demo/tour.json');
    expect(names.some((name) => name.includes('credentials'))).toBe(false);
    // Another job's zip is not there to take.
    expect((await call('/__editor/site/publish/not-a-job/site.zip')).status).toBe(404);
  }, 120_000);

  it('no answer of the endpoint ever held a password', () => {
    expect(answers.length).toBeGreaterThan(5);
    for (const text of answers) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('wrong-password-123');
      expect(text).not.toContain('whatever-secret-456');
    }
  });

  it('the credentials file is never served by the dev server', async () => {
    for (const url of [
      '/.publish-credentials.json',
      '/.publish-credentials.json?raw',
      '/%2Epublish-credentials.json?import',
      '/tours/../.publish-credentials.json',
    ]) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(404);
    }
  });
});

describe('phone preview', () => {
  let site: string;
  let preview: StaticServer;
  const token = 'phone-token-abcdef';

  beforeAll(async () => {
    site = path.join(work, 'built');
    await mkdir(path.join(site, 'tours/demo'), { recursive: true });
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>site</title>');
    await writeFile(path.join(site, 'tours/demo/tour.json'), '{}');
    preview = await startPreviewServer({ siteDir: site, host: '127.0.0.1', token });
  });
  afterAll(async () => preview?.close());

  const get = (url: string) => fetch(`${preview.url.slice(0, -1)}${url}`, { redirect: 'manual' });

  it('serves the built site under its token', async () => {
    const page = await get(`/${token}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>site</title>');
    expect((await get(`/${token}/tours/demo/tour.json`)).status).toBe(200);
    expect((await get(`/${token}`)).headers.get('location')).toBe(`/${token}/`);
  });

  it('refuses every request without the token, the editor first of all', async () => {
    for (const url of [
      '/',
      '/index.html',
      '/tours/demo/tour.json',
      '/phone-token-abcdeX/',
      '/__editor/session',
      '/__editor/tours',
      `/${token}/__editor/session`,
      `/${token}/../index.html`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    const write = await fetch(`${preview.url}${token}/`, { method: 'PUT', body: 'x' });
    expect(write.status).not.toBe(200);
  });

  it('the editor endpoint refuses a call that arrived on any address but 127.0.0.1', () => {
    const facts: CallerFacts = {
      remoteAddress: '192.168.1.30',
      localAddress: '192.168.1.20',
      localPort: 5173,
      encrypted: false,
      host: '192.168.1.20:5173',
      origin: undefined,
      secFetchSite: 'same-origin',
      token: TOKEN,
    };
    expect(isEditorCall(facts, TOKEN)).toBe(false);
    expect(isEditorCall({ ...facts, remoteAddress: '127.0.0.1' }, TOKEN)).toBe(false);
  });

  it('is offered on the machine’s private IPv4 address, never a loopback or IPv6 one', () => {
    const info = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({
      address,
      family,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
    });
    expect(
      lanAddress({
        lo: [info('127.0.0.1', 'IPv4', true)],
        eth0: [info('fe80::1', 'IPv6'), info('203.0.113.9', 'IPv4')],
        wlan0: [info('192.168.1.20', 'IPv4')],
      } as never),
    ).toBe('192.168.1.20');
    expect(lanAddress({ lo: [info('127.0.0.1', 'IPv4', true)] } as never)).toBeUndefined();
  });
});
