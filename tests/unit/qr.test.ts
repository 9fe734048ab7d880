/**
 * Links and QR posters: every printed code, read back by a real decoder (jsQR) from the PNGs
 * and from the rendered PDF pages (poppler's pdftoppm), opens exactly what `tour links` says.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { formatDeepLink, normalizeView, parseDeepLink } from '../../src/core/links/deep-link.ts';
import { normalizeBase, resolveSceneId } from '../../src/core/links/scene-links.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { qrInfo } from '../../src/core/qr/qr-code.ts';

const BASE = 'https://di-tich.example.vn/';

async function runTour(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd: process.cwd(),
    env: { LANG: 'en_US.UTF-8' },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  return { code: await main(args, context), stdout, stderr };
}

function decodePng(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const linkUrls = (stdout: string) =>
  new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.split('\t')[0]!, line.split('\t')[2]!]),
  );

describe('tour links', () => {
  it('prints id, title and URL per scene, tab-separated', async () => {
    const run = await runTour(['links', 'tours/demo', '--base', 'https://di-tich.example.vn']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`louvre\tBảo tàng Louvre — sân Napoléon\t${BASE}#/demo/louvre`);
  });

  it('adds a line per hotspot with --hotspots', async () => {
    const run = await runTour(['links', 'tours/demo', '--base', BASE, '--hotspots']);
    expect(run.stdout).toContain(
      `louvre/glass-pyramid\tKim tự tháp kính\t${BASE}#/demo/louvre/glass-pyramid\n`,
    );
  });

  it('refuses a base that is not a web address, and a broken tour', async () => {
    expect((await runTour(['links', 'tours/demo', '--base', 'di-tich'])).code).toBe(2);
    const broken = await runTour([
      'links',
      'tests/fixtures/bad-manifests/unknown-target',
      '--base',
      BASE,
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/tour\.json:\d+:\d+/);
  });

  it('normalises the base so #/… lands on the index page of any static host', () => {
    expect(normalizeBase('https://host.vn')).toBe('https://host.vn/');
    expect(normalizeBase('https://host.vn/tours')).toBe('https://host.vn/tours/');
    expect(normalizeBase('https://host.vn/tours/index.html#/x')).toBe(
      'https://host.vn/tours/index.html',
    );
    expect(() => normalizeBase('ftp://host.vn/')).toThrow(/https/);
  });
});

describe('short, robust codes', () => {
  it('stays at QR version 6 or less (level M) for the longest ids on a 30-character host', () => {
    const host = 'https://di-tich-hung-vuong.vn/'; // 30 characters
    expect(host).toHaveLength(30);
    const longest = formatDeepLink({
      tour: 'a'.repeat(20),
      scene: 'b'.repeat(20),
      hotspot: 'c'.repeat(20),
    });
    expect(qrInfo(`${host}${longest}`).version).toBeLessThanOrEqual(6);
  });

  it('resolves a former scene id (alias) to the scene', () => {
    const tour = {
      scenes: [{ id: 'hau-cung', aliases: ['hall'], hotspots: [] }],
    } as unknown as Tour;
    expect(resolveSceneId(tour, 'hall')).toBe('hau-cung');
    expect(resolveSceneId(tour, 'hau-cung')).toBe('hau-cung');
    expect(resolveSceneId(tour, 'gone')).toBeUndefined();
  });

  it('parses back every link it formats (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,19}$/);
    const view = fc.record({
      yaw: fc.double({ min: 0, max: 359.9, noNaN: true }).map((n) => Math.round(n * 10) / 10),
      pitch: fc.double({ min: -90, max: 90, noNaN: true }).map((n) => Math.round(n * 10) / 10),
    });
    fc.assert(
      fc.property(
        id,
        id,
        fc.option(id, { nil: undefined }),
        fc.option(view, { nil: undefined }),
        fc.constantFrom('vi', 'en', 'zh-Hant', undefined),
        (tour, scene, hotspot, v, lang) => {
          const link = {
            tour,
            scene,
            ...(hotspot ? { hotspot } : {}),
            ...(v ? { view: normalizeView(v) } : {}),
            ...(lang ? { lang } : {}),
          };
          expect(parseDeepLink(formatDeepLink(link))).toEqual(link);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('tour qr', () => {
  let out: string;
  let urls: Map<string, string>;

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'qr-'));
    const run = await runTour(['qr', 'tours/demo', '--base', BASE, '--out', out, '--hotspots']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/version [1-6] \(\d+×\d+ modules\)/);
    urls = linkUrls((await runTour(['links', 'tours/demo', '--base', BASE, '--hotspots'])).stdout);
  }, 60_000);

  afterAll(() => rm(out, { recursive: true, force: true }));

  it('writes an SVG and a PNG per scene and hotspot, each decoding to its link', async () => {
    const files = await readdir(out);
    expect(urls.size).toBe(4 + 12);
    for (const [key, url] of urls) {
      const name = key.replace('/', '--');
      expect(files).toContain(`${name}.svg`);
      expect(decodePng(await readFile(path.join(out, `${name}.png`)))).toBe(url);
    }
  });

  it('makes one A4 poster per scene whose printed code decodes to the scene link', async () => {
    execFileSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      path.join(out, 'posters.pdf'),
      path.join(out, 'page'),
    ]);
    const pages = (await readdir(out)).filter((f) => f.startsWith('page')).sort();
    expect(pages).toHaveLength(4);
    const scenes = ['louvre', 'machu-picchu', 'puy-de-sancy', 'tintamarre'];
    for (const [index, page] of pages.entries()) {
      const png = PNG.sync.read(await readFile(path.join(out, page)));
      // A4 at 100 dpi, and a QR code of at least 6 cm on it.
      expect([png.width, png.height]).toEqual([827, 1170]);
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(urls.get(scenes[index]!));
      // jsQR's corners are the finder patterns' centres, (modules − 7) modules apart.
      const { modules } = qrInfo(decoded!.data);
      const between = decoded!.location.topRightCorner.x - decoded!.location.topLeftCorner.x;
      const codeWidthPx = (between * modules) / (modules - 7);
      expect((codeWidthPx / 100) * 2.54).toBeGreaterThanOrEqual(6);
    }
    for (const scene of scenes)
      expect((await readdir(out)).includes(`poster-${scene}.pdf`)).toBe(true);
  }, 60_000);

  it('prints the Vietnamese titles with their diacritics (text extracted from the PDF)', () => {
    const text = execFileSync('pdftotext', [path.join(out, 'posters.pdf'), '-'])
      .toString()
      .replace(/\s+/g, ' ');
    expect(text).toContain('Bảo tàng Louvre — sân Napoléon');
    expect(text).toContain('Đường sống núi lên Puy de Sancy');
    expect(text).toContain('Quét mã bằng điện thoại');
    expect(text).toContain('Alexandre Duret-Lutz');
  });
});
