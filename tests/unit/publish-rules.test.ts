/**
 * The rules of publishing without any server: site settings, cache classes and upload order,
 * what counts as changed, the publish state, credentials, and the CLI's message when the
 * public address is missing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSiteConfig, requirePublicUrl, type SiteConfig } from '../../src/core/site-config.ts';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import {
  cacheControl,
  contentType,
  IMMUTABLE,
  REVALIDATE,
} from '../../src/node/publish/cache-rules.ts';
import { loadCredentials } from '../../src/node/publish/credentials.ts';
import { changedFiles, type PlannedFile, uploadOrder } from '../../src/node/publish/file-plan.ts';
import { headersFile } from '../../src/node/publish/host-files.ts';
import { resolveTarget } from '../../src/node/publish/publish.ts';
import { parseState, recordSent, stateText } from '../../src/node/publish/state.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'publish-rules-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const config = (extra: object = {}): SiteConfig => {
  const parsed = parseSiteConfig(JSON.stringify({ version: 1, ...extra }));
  if (!parsed.ok) throw new Error(parsed.problems[0]!.message.en);
  return parsed.value;
};

describe('site settings', () => {
  it('the committed site.config.json is valid', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(parseSiteConfig(await readFile('site.config.json', 'utf8')).ok).toBe(true);
  });

  it('no public address: says what to fill in, in both languages', () => {
    const result = requirePublicUrl(config());
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.code).toBe('site-config-no-public-url');
    expect(result.problems[0]!.message.vi).toContain('Hãy điền "publicUrl" trong site.config.json');
    expect(result.problems[0]!.message.en).toContain('Fill in "publicUrl" in site.config.json');
  });

  it('refuses loopback and plain-http addresses, and adds the final slash', () => {
    for (const url of ['http://ditich.example.vn/', 'https://127.0.0.1:5173/', 'ftp://x']) {
      const parsed = parseSiteConfig(JSON.stringify({ version: 1, publicUrl: url }));
      expect(parsed.ok ? 'accepted' : parsed.problems[0]!.code).toBe('site-config-public-url');
    }
    const good = requirePublicUrl(config({ publicUrl: 'https://ditich.example.vn/tham-quan' }));
    expect(good.ok && good.value).toBe('https://ditich.example.vn/tham-quan/');
  });

  it('reports every mistake with its path; secrets have no place in it', () => {
    const parsed = parseSiteConfig(
      JSON.stringify({
        version: 1,
        targets: {
          hosting: { type: 'ftp', host: 'h', user: 'u', password: 'p' },
          bad: { type: 'gopher' },
        },
      }),
    );
    expect(parsed.ok).toBe(false);
    const paths = parsed.problems.map((problem) => problem.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['targets.hosting', 'targets.bad.type']));
  });

  it('finds a target by name, by type, or makes a zip/folder from --out', () => {
    const site = config({ targets: { hosting: { type: 'sftp', host: 'h', user: 'u' } } });
    expect(resolveTarget(site, 'hosting', undefined, 'f').ok).toBe(true);
    const byType = resolveTarget(site, 'sftp', undefined, 'f');
    expect(byType.ok && byType.value.name).toBe('hosting');
    const folder = resolveTarget(site, 'folder', '/tmp/x', 'f');
    expect(folder.ok && folder.value.target).toEqual({ type: 'folder', path: '/tmp/x' });
    const missing = resolveTarget(site, 'ftp', undefined, 'site.config.json');
    expect(missing.ok ? '' : missing.problems[0]!.code).toBe('publish-no-target');
  });
});

describe('cache rules and upload order', () => {
  it('tiles and hashed assets are immutable; entry points and audio are revalidated', () => {
    expect(cacheControl('assets/index-C-26diaj.js')).toBe(IMMUTABLE);
    expect(cacheControl('tours/demo/generated/tiles/87593cf9653f55ca/2/1_2.jpg')).toBe(IMMUTABLE);
    // Audio names are the author's: re-recorded narration under the same name must not stay stale.
    expect(cacheControl('tours/demo/audio/vi/gate.mp3')).toBe(REVALIDATE);
    expect(cacheControl('tours/demo/audio/vi/gate.vtt')).toBe(REVALIDATE);
    for (const entry of [
      'index.html',
      'sw.js',
      'tours/index.json',
      'tours/demo/tour.json',
      'tours/demo/files.json',
    ]) {
      expect(cacheControl(entry)).toBe(REVALIDATE);
    }
    expect(cacheControl('kiosk/default.json')).toBe(REVALIDATE);
    expect(contentType('tours/demo/audio/vi/gate.vtt')).toMatch(/^text\/vtt/);
    expect(contentType('manifest.webmanifest')).toMatch(/^application\/manifest\+json/);
  });

  it('sends everything else first, then manifests, catalogue, index.html, sw.js', () => {
    const order = uploadOrder(
      [
        'sw.js',
        'index.html',
        'tours/index.json',
        'tours/a/tour.json',
        'assets/x-12345678.js',
        'tours/a/p.jpg',
      ].map((p) => ({ path: p })),
    ).map((file) => file.path);
    expect(order).toEqual([
      'assets/x-12345678.js',
      'tours/a/p.jpg',
      'tours/a/tour.json',
      'tours/index.json',
      'index.html',
      'sw.js',
    ]);
  });

  it('_headers has the CSP with frame-ancestors, nosniff, the referrer policy and the cache rules', () => {
    const text = headersFile(['https://cong-thong-tin.example.vn/trang']);
    expect(text).toContain("frame-ancestors 'self' https://cong-thong-tin.example.vn");
    expect(text).toContain('X-Content-Type-Options: nosniff');
    expect(text).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(text).toMatch(/\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(text).toMatch(/\/sw\.js\n {2}Cache-Control: no-cache/);
    // Re-recorded narration keeps its name: the host must check it again, not keep it a year.
    expect(text).toMatch(/\/tours\/\*\/audio\/\*\n {2}Cache-Control: no-cache/);
    expect(text).not.toMatch(/\/tours\/\*\/audio\/\*\n {2}Cache-Control: public/);
  });
});

describe('publish state', () => {
  const file = (p: string, sha256: string): PlannedFile => ({
    path: p,
    absolute: p,
    size: 3,
    sha256,
    cacheControl: cacheControl(p),
    contentType: contentType(p),
  });

  it('only new or changed files (content or headers) are sent; no state sends all', () => {
    const old = recordSent(undefined, [file('a.js', '1'), file('b.js', '2')]);
    const plan = [file('a.js', '1'), file('b.js', '3'), file('c.js', '4')];
    expect(changedFiles(plan, old).map((f) => f.path)).toEqual(['b.js', 'c.js']);
    expect(changedFiles(plan, undefined)).toHaveLength(3);
    const retagged = {
      ...old,
      files: { ...old.files, 'a.js': { ...old.files['a.js']!, cacheControl: 'x' } },
    };
    expect(changedFiles(plan, retagged).map((f) => f.path)).toContain('a.js');
  });

  it('round-trips, and anything unexpected counts as no state', () => {
    const state = recordSent(undefined, [file('a.js', '1')], new Date(0));
    expect(parseState(stateText(state))).toEqual(state);
    expect(parseState('{"version":2}')).toBeUndefined();
    expect(parseState('<html>')).toBeUndefined();
    expect(parseState(undefined)).toBeUndefined();
  });
});

describe('credentials', () => {
  const ftp = {
    type: 'ftp',
    host: 'ftp.example.vn',
    user: 'u',
    dir: '',
    secure: true,
    allowSelfSigned: false,
  } as const;

  it('come from the environment, else from the credentials file by target name', async () => {
    const file = path.join(work, 'creds.json');
    await writeFile(file, JSON.stringify({ hosting: { password: 'from-file' } }));
    const base = {
      root: work,
      targetName: 'hosting',
      target: ftp,
      publishedDirs: [path.join(work, 'tours')],
      file,
    };
    const fromFile = await loadCredentials({ ...base, env: {} });
    expect(fromFile.ok && fromFile.value.password).toBe('from-file');
    const fromEnv = await loadCredentials({ ...base, env: { TOUR_FTP_PASSWORD: 'from-env' } });
    expect(fromEnv.ok && fromEnv.value.password).toBe('from-env');
  });

  it('missing: names the variable and the file; inside a published folder: refused', async () => {
    const missing = await loadCredentials({
      root: work,
      env: {},
      targetName: 'hosting',
      target: ftp,
      publishedDirs: [],
      file: 'none.json',
    });
    expect(missing.ok).toBe(false);
    expect(missing.problems[0]!.message.vi).toContain('TOUR_FTP_PASSWORD');
    expect(missing.problems[0]!.message.en).toContain('ftp.example.vn');
    const inside = await loadCredentials({
      root: work,
      env: {},
      targetName: 'hosting',
      target: ftp,
      publishedDirs: [path.join(work, 'tours')],
      file: 'tours/creds.json',
    });
    expect(inside.ok ? '' : inside.problems[0]!.code).toBe('publish-credentials-in-site');
  });
});

describe('tour publish (CLI)', () => {
  async function run(args: string[], env: Record<string, string>) {
    let stdout = '';
    let stderr = '';
    const context: CommandContext = {
      cwd: work,
      env,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    };
    return { code: await main(args, context), stdout, stderr };
  }

  it('with no public address, explains what to fill in (Vietnamese on a Vietnamese system)', async () => {
    await writeFile(
      path.join(work, 'site.config.json'),
      JSON.stringify({ version: 1, publicUrl: '' }),
    );
    const vi = await run(['publish', '--target', 'zip'], { LANG: 'vi_VN.UTF-8' });
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain(
      'Chưa có địa chỉ công khai của trang. Hãy điền "publicUrl" trong site.config.json',
    );
    const en = await run(['publish'], { LANG: 'en_US.UTF-8' });
    expect(en.stderr).toContain('The site has no public address yet');
  });

  it('is listed in tour --help and has its own help', async () => {
    expect((await run(['--help'], { LANG: 'C' })).stdout).toMatch(
      /publish\s+build the site and publish it/,
    );
    const help = await run(['publish', '--help'], { LANG: 'C' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--target <name|zip|folder|ftp|sftp|s3>');
  });
});
