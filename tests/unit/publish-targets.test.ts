/**
 * `tour publish` against real servers on 127.0.0.1 (FTP, SFTP, S3-compatible), a folder and a
 * zip. The site is built twice, once per file: the good tour, then the same with one title
 * changed; each target gets the first build (its tree must equal the built site), then the
 * second (only the changed files may be sent), then a wrong password (nothing may change).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishTarget } from '../../src/core/site-config.ts';
import { buildSite } from '../../src/node/publish/build-site.ts';
import { IMMUTABLE, REVALIDATE } from '../../src/node/publish/cache-rules.ts';
import { planFiles } from '../../src/node/publish/file-plan.ts';
import { type PublishOptions, publishSite } from '../../src/node/publish/publish.ts';
import { STATE_FILE } from '../../src/node/publish/state.ts';
import {
  PASSWORD,
  type Running,
  S3_KEY,
  startFtp,
  startS3,
  startSftp,
  treeOf,
  USER,
} from './publish-servers.ts';

const ROOT = process.cwd();
const BUCKET = 'heritage-site';
let work: string;
let v1: string;
let v2: string;
let site1: Record<string, string>;
/** Paths whose content differs between the two builds. */
let changed: string[];
const servers: Running[] = [];
const ports: Record<string, number> = {};
const timings: string[] = [];

const skipState = (file: string) => file === STATE_FILE || /(^|\/)\.[^/]+\.upload-/.test(file);

async function writeConfig(targets: Record<string, PublishTarget>): Promise<string> {
  const file = path.join(work, 'site.config.json');
  const config = {
    version: 1,
    name: { vi: 'Thử', en: 'Test' },
    publicUrl: 'https://ditich.example.vn/',
    targets,
  };
  await writeFile(file, JSON.stringify(config));
  return file;
}

async function publish(
  target: string,
  siteDir: string,
  env: Record<string, string>,
  extra: Partial<PublishOptions> = {},
) {
  const started = Date.now();
  const result = await publishSite({
    root: ROOT,
    env,
    target,
    configFile: path.join(work, 'site.config.json'),
    toursDir: path.join(work, 'tours'),
    credentialsFile: path.join(work, 'no-credentials.json'),
    siteDir,
    ...extra,
  });
  timings.push(`${target} ${((Date.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'publish-targets-'));
  await cp('tests/fixtures/good-tour', path.join(work, 'tours/good-tour'), { recursive: true });
  const toursDir = path.join(work, 'tours');
  const first = await buildSite({ root: ROOT, toursDir, outDir: path.join(work, 'site-1') });
  expect(first.ok).toBe(true);
  const manifest = path.join(toursDir, 'good-tour/tour.json');
  const text = await readFile(manifest, 'utf8');
  await writeFile(manifest, text.replace('"en": "Test temple"', '"en": "Test temple (renamed)"'));
  const second = await buildSite({ root: ROOT, toursDir, outDir: path.join(work, 'site-2') });
  expect(second.ok).toBe(true);
  v1 = path.join(work, 'site-1');
  v2 = path.join(work, 'site-2');
  for (const [name, start] of [
    ['ftp', startFtp],
    ['sftp', startSftp],
  ] as const) {
    const server = await start(path.join(work, `server-${name}`));
    servers.push(server);
    ports[name] = server.port;
  }
  const s3 = await startS3(path.join(work, 'server-s3'), BUCKET);
  servers.push(s3);
  ports.s3 = s3.port;
  await writeConfig({
    hosting: {
      type: 'ftp',
      host: '127.0.0.1',
      port: ports.ftp!,
      user: USER,
      dir: 'www',
      secure: false,
      allowSelfSigned: false,
    },
    ssh: { type: 'sftp', host: '127.0.0.1', port: ports.sftp!, user: USER, dir: 'public_html' },
    storage: {
      type: 's3',
      endpoint: `http://127.0.0.1:${ports.s3}`,
      region: 'us-east-1',
      bucket: BUCKET,
      prefix: 'tours-site',
      forcePathStyle: true,
    },
  });
  // Host files are part of what is published: write them the way publish does, then compare.
  const plan1 = await planFiles(v1);
  const plan2 = await planFiles(v2);
  const hashes1 = new Map(plan1.map((file) => [file.path, file.sha256]));
  changed = plan2.filter((file) => hashes1.get(file.path) !== file.sha256).map((file) => file.path);
}, 60_000);

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  console.log(`publish timings: ${timings.join(', ')}`);
  await rm(work, { recursive: true, force: true });
});

describe('the two builds', () => {
  it('differ only in the renamed tour’s manifest, its file list and the catalogue', () => {
    expect(changed.sort()).toEqual([
      'tours/good-tour/files.json',
      'tours/good-tour/tour.json',
      'tours/index.json',
    ]);
  });
});

/** The published tree of each remote target, read back from the server's side. */
const remotes: Array<{
  name: string;
  env: Record<string, string>;
  wrongEnv: Record<string, string>;
  tree: () => Promise<Record<string, string>>;
}> = [
  {
    name: 'hosting',
    env: { TOUR_FTP_PASSWORD: PASSWORD },
    wrongEnv: { TOUR_FTP_PASSWORD: 'wrong', LANG: 'vi_VN.UTF-8' },
    tree: () => treeOf(path.join(work, 'server-ftp/www'), skipState),
  },
  {
    name: 'ssh',
    env: { TOUR_SFTP_PASSWORD: PASSWORD },
    wrongEnv: { TOUR_SFTP_PASSWORD: 'wrong' },
    tree: () => treeOf(path.join(work, 'server-sftp/public_html'), skipState),
  },
  {
    name: 'storage',
    env: {
      TOUR_S3_ACCESS_KEY_ID: S3_KEY.accessKeyId,
      TOUR_S3_SECRET_ACCESS_KEY: S3_KEY.secretAccessKey,
    },
    // s3rver checks the key id but not SigV4 signatures: a wrong key id stands for wrong keys.
    wrongEnv: { TOUR_S3_ACCESS_KEY_ID: 'NOSUCHKEY', TOUR_S3_SECRET_ACCESS_KEY: 'wrong' },
    tree: () => s3Tree(),
  },
];

function s3Client() {
  return new S3Client({
    endpoint: `http://127.0.0.1:${ports.s3}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3_KEY,
  });
}

async function s3Tree(): Promise<Record<string, string>> {
  const client = s3Client();
  const tree: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'tours-site/', ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key!.slice('tours-site/'.length);
      if (skipState(key)) continue;
      const body = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: object.Key! }));
      tree[key] = createHash('sha256')
        .update(await body.Body!.transformToByteArray())
        .digest('hex');
    }
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return tree;
}

describe.each(remotes)('publish to $name', ({ name, env, wrongEnv, tree }) => {
  it('sends the whole site, then only what changed, and a wrong password changes nothing', async () => {
    const first = await publish(name, v1, env);
    expect(first.ok ? first.value.sent.length : first.problems).toBe((await planFiles(v1)).length);
    site1 = await treeOf(v1);
    expect(await tree()).toEqual(site1);

    const second = await publish(name, v2, env);
    if (!second.ok) throw new Error(second.problems[0]!.message.en);
    expect(second.value.hadState).toBe(true);
    expect([...second.value.sent].sort()).toEqual([...changed].sort());
    // Entry points last, the catalogue after the tour's own manifest.
    expect(second.value.sent.at(-1)).toBe('tours/index.json');
    const site2 = await treeOf(v2);
    expect(await tree()).toEqual(site2);

    const before = await tree();
    const refused = await publish(name, v1, wrongEnv);
    expect(refused.ok).toBe(false);
    expect(refused.problems[0]!.code).toBe('publish-auth-failed');
    expect(refused.problems[0]!.message.vi).toContain('127.0.0.1');
    expect(refused.problems[0]!.message.vi).toMatch(/Chưa có gì thay đổi trên máy chủ/);
    expect(await tree()).toEqual(before);
  }, 60_000);
});

describe('S3 objects', () => {
  it('carry Content-Type and Cache-Control per kind', async () => {
    const client = s3Client();
    const head = (key: string) =>
      client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `tours-site/${key}` }));
    const index = await head('index.html');
    expect(index.CacheControl).toBe(REVALIDATE);
    expect(index.ContentType).toMatch(/^text\/html/);
    const asset = (await planFiles(v2)).find(
      (file) => file.path.startsWith('assets/') && file.path.endsWith('.js'),
    )!;
    expect((await head(asset.path)).CacheControl).toBe(IMMUTABLE);
    const audio = await head('tours/good-tour/audio/vi/gate.mp3');
    // Re-recorded narration keeps its name: revalidated, never cached for a year.
    expect(audio.CacheControl).toBe(REVALIDATE);
    expect(audio.ContentType).toBe('audio/mpeg');
    expect((await head('tours/good-tour/tour.json')).CacheControl).toBe(REVALIDATE);
    expect((await head('sw.js')).CacheControl).toBe(REVALIDATE);
    client.destroy();
  });
});

describe('unreachable host', () => {
  it('names the host and changes nothing', async () => {
    await writeConfig({
      dead: {
        type: 'ftp',
        host: '127.0.0.1',
        port: 9,
        user: USER,
        dir: '',
        secure: false,
        allowSelfSigned: false,
      },
    });
    const result = await publish('dead', v1, { TOUR_FTP_PASSWORD: PASSWORD });
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.code).toBe('publish-unreachable');
    expect(result.problems[0]!.message.en).toContain('127.0.0.1:9');
  });
});

describe('publish to a folder and a zip', () => {
  it('a folder holds the built site; a second publish sends only the changed files', async () => {
    const out = path.join(work, 'folder-site');
    const first = await publish('folder', v1, {}, { out });
    expect(first.ok).toBe(true);
    expect(await treeOf(out, skipState)).toEqual(await treeOf(v1));
    const second = await publish('folder', v2, {}, { out });
    expect(second.ok && [...second.value.sent].sort()).toEqual([...changed].sort());
    expect(await treeOf(out, skipState)).toEqual(await treeOf(v2));
  });

  it('a zip unzips to the built site', async () => {
    const out = path.join(work, 'site.zip');
    const result = await publish('zip', v2, {}, { out });
    expect(result.ok).toBe(true);
    const entries = unzipSync(new Uint8Array(await readFile(out)));
    const unzipped = Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [
        name,
        createHash('sha256').update(bytes).digest('hex'),
      ]),
    );
    expect(unzipped).toEqual(await treeOf(v2));
    expect(Object.keys(entries)).toContain('_headers');
  });
});
