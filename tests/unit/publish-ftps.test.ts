/**
 * FTPS for real: an in-process ftp-srv speaking explicit TLS (AUTH TLS) with a self-signed
 * certificate made for the test by the `openssl` command (node:crypto cannot make one). The
 * site goes up encrypted when the target accepts that certificate; without "allowSelfSigned"
 * the login is refused as a TLS problem that says nothing changed, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FtpSrv } from 'ftp-srv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSite } from '../../src/node/publish/publish.ts';
import { freePort, PASSWORD, USER } from './publish-servers.ts';

let work: string;
let serverRoot: string;
let siteDir: string;
let ftp: FtpSrv;
let port: number;
let secureLogins = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'publish-ftps-'));
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore', input: '' },
  );
  serverRoot = path.join(work, 'server');
  await mkdir(serverRoot, { recursive: true });
  port = await freePort();
  ftp = new FtpSrv({
    url: `ftp://127.0.0.1:${port}`,
    pasv_url: '127.0.0.1',
    pasv_min: 40000,
    pasv_max: 49999,
    anonymous: false,
    tls: { key: await readFile(key), cert: await readFile(cert) },
    log: quiet() as never,
  });
  ftp.on('login', ({ connection, username, password }, resolve, reject) => {
    // ftp-srv marks a connection secure once AUTH TLS has upgraded it.
    if ((connection as unknown as { secure?: boolean }).secure) secureLogins++;
    if (username === USER && password === PASSWORD) resolve({ root: serverRoot });
    else reject(new Error('530 Login incorrect'));
  });
  await ftp.listen();

  // A small built site: publishing it needs no build.
  siteDir = path.join(work, 'site');
  await mkdir(path.join(siteDir, 'tours/demo'), { recursive: true });
  await writeFile(path.join(siteDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(siteDir, 'tours/demo/tour.json'), '{}');
}, 60_000);

afterAll(async () => {
  await ftp?.close();
  await rm(work, { recursive: true, force: true });
});

async function config(allowSelfSigned: boolean) {
  const target = { type: 'ftp', host: '127.0.0.1', port, user: USER, dir: 'www' };
  await writeFile(
    path.join(work, 'site.config.json'),
    JSON.stringify({
      version: 1,
      publicUrl: 'https://ditich.example.vn/',
      targets: { hosting: { ...target, secure: true, allowSelfSigned } },
    }),
  );
}

const publish = () =>
  publishSite({
    root: work,
    env: { TOUR_FTP_PASSWORD: PASSWORD },
    target: 'hosting',
    siteDir,
    toursDir: path.join(work, 'tours'),
  });

describe('FTPS with a self-signed certificate', () => {
  it('is refused as a TLS problem, nothing written, when the certificate is not accepted', async () => {
    await config(false);
    const result = await publish();
    expect(result.ok).toBe(false);
    const problem = result.ok ? undefined : result.problems[0];
    expect(problem?.code).toBe('publish-tls-failed');
    expect(problem?.message.vi).toContain('Chưa có gì thay đổi trên máy chủ');
    await expect(stat(path.join(serverRoot, 'www'))).rejects.toThrow();
  });

  it('uploads the site over TLS when the target accepts it', async () => {
    await config(true);
    const result = await publish();
    expect(result.ok ? '' : result.problems[0]?.message.en).toBe('');
    expect(result.ok && result.value.where).toMatch(/^ftps:\/\//);
    expect(secureLogins).toBeGreaterThan(0);
    expect(await readFile(path.join(serverRoot, 'www/index.html'), 'utf8')).toContain('<title>');
    expect(await readFile(path.join(serverRoot, 'www/tours/demo/tour.json'), 'utf8')).toBe('{}');
  }, 60_000);
});

function quiet() {
  const log = {
    trace: () => {},
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    fatal: () => {},
    child: () => log,
  };
  return log;
}
