/**
 * Links and QR posters: every printed code, read back by a real decoder (jsQR) from the PNGs
 * and from the rendered PDF pages (poppler's pdftoppm), opens exactly what `tour links` says;
 * posters speak every language of the tour, in fonts that have its glyphs (text read back
 * with poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
import { scanInstruction } from '../../src/core/qr/instructions.ts';
import { qrInfo, qrPng } from '../../src/core/qr/qr-code.ts';
import { createPosterBook } from '../../src/node/qr/poster.ts';

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

/**
 * Reads the code on a rendered page as a phone does over several frames: jsQR binarises in
 * 8-pixel blocks, and a code whose modules (about 8 px at 100 dpi) straddle those blocks can
 * be missed on one frame; shifting the frame by a few pixels reads it.
 */
function decodePage(png: PNG) {
  for (let shift = 0; shift < 8; shift++) {
    const height = png.height - shift;
    const data = new Uint8ClampedArray(png.data.subarray(shift * png.width * 4));
    const decoded = jsQR(data, png.width, height);
    if (decoded) return decoded;
  }
  return undefined;
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

  it('adds a line per hotspot with --hotspots, labelled by what its link opens', async () => {
    const run = await runTour(['links', 'tours/demo', '--base', BASE, '--hotspots']);
    const louvre = 'Bảo tàng Louvre — sân Napoléon';
    expect(run.stdout).toContain(
      `louvre/glass-pyramid\t${louvre} — Kim tự tháp kính\t${BASE}#/demo/louvre/glass-pyramid\n`,
    );
    // The link opens the Louvre, facing the arrow to Machu Picchu.
    expect(run.stdout).toContain(
      `louvre/to-machu-picchu\t${louvre} — mũi tên tới Machu Picchu — thành cổ và ruộng bậc thang\t`,
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

  it('makes one A4 poster per scene and hotspot whose printed code decodes to its link', async () => {
    execFileSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      path.join(out, 'posters.pdf'),
      path.join(out, 'page'),
    ]);
    const pages = (await readdir(out)).filter((f) => f.startsWith('page')).sort();
    const keys = [...urls.keys()];
    expect(pages).toHaveLength(keys.length);
    for (const [index, page] of pages.entries()) {
      const png = PNG.sync.read(await readFile(path.join(out, page)));
      // A4 at 100 dpi, and a QR code of at least 6 cm on it.
      expect([png.width, png.height]).toEqual([827, 1170]);
      const decoded = decodePage(png);
      expect(decoded?.data).toBe(urls.get(keys[index]!));
      // jsQR's corners are the finder patterns' centres, (modules − 7) modules apart.
      const { modules } = qrInfo(decoded!.data);
      const between = decoded!.location.topRightCorner.x - decoded!.location.topLeftCorner.x;
      const codeWidthPx = (between * modules) / (modules - 7);
      expect((codeWidthPx / 100) * 2.54).toBeGreaterThanOrEqual(6);
    }
    for (const key of keys)
      expect(await readdir(out)).toContain(`poster-${key.replace('/', '--')}.pdf`);
  }, 120_000);

  it('prints the Vietnamese titles with their diacritics (text extracted from the PDF)', () => {
    const text = execFileSync('pdftotext', [path.join(out, 'posters.pdf'), '-'])
      .toString()
      .replace(/\s+/g, ' ');
    expect(text).toContain('Bảo tàng Louvre — sân Napoléon');
    expect(text).toContain('Đường sống núi lên Puy de Sancy');
    expect(text).toContain('Quét mã bằng điện thoại');
    expect(text).toContain('Alexandre Duret-Lutz');
    // The tour title in each language, and a hotspot poster labelled by what it opens.
    expect(text).toContain('Four places in 360° — a sample tour');
    expect(text).toContain('Louvre Museum — Cour Napoléon — arrow to Machu Picchu');
  });
});

/** Text of a PDF as pdftotext reads it, without line breaks (CJK wraps between characters). */
const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('tour qr, a tour in vi, en, zh, ko, ja and fr', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runTour>>;
  const tourDir = 'tests/fixtures/cjk-tour';
  const tour = JSON.parse(readFileSync(`${tourDir}/tour.json`, 'utf8')) as Tour;

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'qr-cjk-'));
    run = await runTour(['qr', tourDir, '--base', BASE, '--out', out]);
  }, 120_000);

  afterAll(() => rm(out, { recursive: true, force: true }));

  it('prints without a warning: every language has a font', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('prints the instruction, the tour title and the scene title in each language', () => {
    const text = pdfText(path.join(out, 'poster-gate.pdf'));
    for (const lang of tour.languages) {
      expect(text, lang).toContain(squeeze(scanInstruction(lang)));
      expect(text, lang).toContain(squeeze(tour.title[lang]!));
      expect(text, lang).toContain(squeeze(tour.scenes[0]!.title[lang]!));
    }
    expect(text).toContain(squeeze('用手机扫码，360° 参观此处并收听讲解。'));
    expect(text).toContain(squeeze('휴대폰으로 스캔하여 이곳을 360°로 둘러보고'));
    expect(text).toContain(squeeze('スマートフォンで読み取ると'));
  });

  it('embeds a Noto CJK font per script, as subsets: posters stay small', async () => {
    const fonts = execFileSync('pdffonts', [path.join(out, 'poster-gate.pdf')]).toString();
    for (const name of ['NotoSansHans', 'NotoSansKR', 'NotoSansJP', 'DejaVuSans'])
      expect(fonts).toContain(name);
    // The whole Noto fonts are 4–8 MB each; their subsets are a few kilobytes.
    for (const file of (await readdir(out)).filter((f) => f.endsWith('.pdf')))
      expect((await stat(path.join(out, file))).size, file).toBeLessThan(400_000);
  });

  it('still prints codes that decode, above 6 cm, on A4', async () => {
    execFileSync('pdftoppm', [
      '-r',
      '100',
      '-png',
      path.join(out, 'posters.pdf'),
      path.join(out, 'page'),
    ]);
    const pages = (await readdir(out)).filter((f) => f.startsWith('page')).sort();
    expect(pages).toHaveLength(tour.scenes.length);
    for (const [index, page] of pages.entries()) {
      const png = PNG.sync.read(await readFile(path.join(out, page)));
      expect([png.width, png.height]).toEqual([827, 1170]);
      const decoded = decodePage(png);
      expect(decoded?.data).toBe(`${BASE}#/cjk-tour/${tour.scenes[index]!.id}`);
      const { modules } = qrInfo(decoded!.data);
      const between = decoded!.location.topRightCorner.x - decoded!.location.topLeftCorner.x;
      expect(((between * modules) / (modules - 7) / 100) * 2.54).toBeGreaterThanOrEqual(6);
    }
  }, 60_000);
});

describe('poster fonts', () => {
  it('leaves out a line whose script no font has, and names its language', async () => {
    const book = await createPosterBook();
    const skipped = await book.add({
      tourTitles: [{ lang: 'vi', text: 'Đền thử nghiệm' }],
      titles: [{ lang: 'vi', text: 'Cổng đền' }],
      instructions: [
        { lang: 'vi', text: scanInstruction('vi') },
        { lang: 'th', text: 'สแกนด้วยโทรศัพท์ของคุณ' },
      ],
      url: `${BASE}#/t/gate`,
      qrPng: await qrPng(`${BASE}#/t/gate`, 12),
    });
    expect(skipped).toEqual(['th']);
  });

  it('prints Hán characters inside a Vietnamese title with a CJK font', async () => {
    const book = await createPosterBook();
    const title = 'Đền Hùng 雄王廟';
    const skipped = await book.add({
      tourTitles: [],
      titles: [{ lang: 'vi', text: title }],
      instructions: [],
      url: `${BASE}#/t/gate`,
      qrPng: await qrPng(`${BASE}#/t/gate`, 12),
    });
    expect(skipped).toEqual([]);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qr-han-'));
    try {
      await writeFile(path.join(dir, 'p.pdf'), await book.save());
      expect(pdfText(path.join(dir, 'p.pdf'))).toContain(squeeze(title));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
