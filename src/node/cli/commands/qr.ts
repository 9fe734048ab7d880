/**
 * `tour qr <tour-dir> --base <url> --out <dir> [--lang vi,en] [--hotspots]`: for every scene
 * (and hotspot) a QR code as SVG and PNG, an A4 poster PDF per scene (and hotspot), and
 * `posters.pdf` with all of them, ready to print. Posters speak every language printed (the
 * tour's, or those of --lang), each in a font that has its script.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { BaseUrlError, type PrintedLink, printedLinks } from '../../../core/links/scene-links.ts';
import { representativeImage } from '../../../core/manifest/panorama.ts';
import type { Scene, Tour } from '../../../core/manifest/schema.ts';
import { textOf } from '../../../core/manifest/text.ts';
import { scanInstruction } from '../../../core/qr/instructions.ts';
import { FontLibrary } from '../../qr/fonts.ts';
import { createPosterBook, type PosterContent } from '../../qr/poster.ts';
import { qrInfo, qrPng, qrSvg } from '../../../core/qr/qr-code.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  type UiLanguage,
  uiLanguage,
} from '../command.ts';
import { loadValidTour } from '../load-tour.ts';
import { refusalLines } from '../print-problems.ts';

const TEXT = {
  vi: {
    usage: `Cách dùng: tour qr <thư-mục-tour> --base <địa-chỉ-trang> --out <thư-mục> [--lang vi,en] [--hotspots]

Tạo mã QR (SVG và PNG) cho từng cảnh, một áp phích A4 (PDF) cho từng cảnh (và từng điểm
nóng với --hotspots) và posters.pdf gồm tất cả. --lang chọn các ngôn ngữ in trên áp phích (mặc định: mọi ngôn ngữ của tour).
`,
    wrote: (n: number, dir: string) => `Đã ghi ${n} mã QR và ${dir}/posters.pdf\n`,
    version: (v: number, m: number, url: string) =>
      `Mã lớn nhất: phiên bản ${v} (${m}×${m} ô), mức sửa lỗi M — ${url}\n`,
    noFont: (lang: string) =>
      `Cảnh báo: phông chữ không có chữ của ngôn ngữ "${lang}"; dòng đó không được in.\n`,
    badLang: (lang: string) => `--lang: tour không có ngôn ngữ "${lang}"\n`,
  },
  en: {
    usage: `Usage: tour qr <tour-dir> --base <site-url> --out <dir> [--lang vi,en] [--hotspots]

Makes a QR code (SVG and PNG) for every scene, an A4 poster (PDF) per scene (and hotspot,
with --hotspots) and posters.pdf with all of them. --lang picks the languages printed on posters (default: all of the tour's).
`,
    wrote: (n: number, dir: string) => `Wrote ${n} QR codes and ${dir}/posters.pdf\n`,
    version: (v: number, m: number, url: string) =>
      `Largest code: version ${v} (${m}×${m} modules), error correction M — ${url}\n`,
    noFont: (lang: string) =>
      `Warning: the font has no glyphs for "${lang}"; that line is not printed.\n`,
    badLang: (lang: string) => `--lang: the tour has no language "${lang}"\n`,
  },
} as const;

export const qrCommand: Command = {
  name: 'qr',
  summary: {
    vi: 'tạo mã QR và áp phích A4 (PDF) cho từng cảnh',
    en: 'make QR codes and printable A4 posters (PDF) for every scene',
  },
  run: runQr,
};

interface QrOptions {
  dir: string;
  base: string;
  out: string;
  langs?: string[];
  hotspots: boolean;
  ui: UiLanguage;
}

async function runQr(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseQrArgs(args, context);
  if (typeof options === 'number') return options;
  const text = TEXT[options.ui];
  const loaded = await loadValidTour(options.dir, context.cwd);
  if (!loaded.ok) {
    context.stderr(refusalLines(loaded.problems, options.ui));
    return EXIT.problems;
  }
  const { tour, dir: tourDir } = loaded.value;
  const langs = options.langs ?? tour.languages;
  const unknown = langs.find((lang) => !tour.languages.includes(lang));
  if (unknown) {
    context.stderr(text.badLang(unknown));
    return EXIT.usage;
  }
  let links: PrintedLink[];
  try {
    links = printedLinks(tour, options.base, { hotspots: options.hotspots });
  } catch (error) {
    if (!(error instanceof BaseUrlError)) throw error;
    context.stderr(`tour qr: --base ${error.message}\n`);
    return EXIT.usage;
  }
  const out = path.resolve(context.cwd, options.out);
  await mkdir(out, { recursive: true });
  for (const link of links) await writeCodes(out, link);
  const fonts = new FontLibrary();
  const book = await createPosterBook(fonts);
  const missingFonts = new Set<string>();
  const pictures = new Map<string, Promise<Buffer | undefined>>();
  for (const link of links) {
    const scene = tour.scenes.find((s) => s.id === link.sceneId)!;
    if (!pictures.has(scene.id)) pictures.set(scene.id, posterPicture(tourDir, scene));
    const single = await createPosterBook(fonts);
    const content = await posterContent(tour, scene, link, langs, await pictures.get(scene.id));
    for (const lang of [...(await book.add(content)), ...(await single.add(content))])
      missingFonts.add(lang);
    await writeFile(path.join(out, `poster-${codeName(link)}.pdf`), await single.save());
  }
  await writeFile(path.join(out, 'posters.pdf'), await book.save());
  for (const lang of missingFonts) context.stderr(text.noFont(lang));
  const longest = links.reduce((a, b) => (b.url.length > a.url.length ? b : a));
  const info = qrInfo(longest.url);
  context.stdout(text.version(info.version, info.modules, longest.url));
  const shown = path.relative(context.cwd, out);
  context.stdout(text.wrote(links.length, shown.startsWith('..') ? out : shown || '.'));
  return EXIT.ok;
}

function parseQrArgs(args: readonly string[], context: CommandContext): QrOptions | number {
  const parsed = parseCommandLine(
    'qr',
    args,
    {
      base: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      hotspots: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    TEXT.en.usage,
    context,
  );
  if (!parsed) return EXIT.usage;
  const ui = uiLanguage(undefined, context.env);
  if (parsed.values.help) {
    context.stdout(TEXT[ui].usage);
    return EXIT.ok;
  }
  const [dir] = parsed.positionals;
  const { base, out } = parsed.values;
  if (!dir || !base || !out || parsed.positionals.length > 1) {
    context.stderr(TEXT[ui].usage);
    return EXIT.usage;
  }
  const langs = parsed.values.lang
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    dir,
    base,
    out,
    hotspots: parsed.values.hotspots ?? false,
    ui,
    ...(langs ? { langs } : {}),
  };
}

/** `louvre.svg`/`.png`, and `louvre--glass-pyramid.*` for a hotspot. */
const codeName = (link: PrintedLink): string => link.key.replace('/', '--');

async function writeCodes(out: string, link: PrintedLink): Promise<void> {
  await writeFile(path.join(out, `${codeName(link)}.svg`), await qrSvg(link.url));
  await writeFile(path.join(out, `${codeName(link)}.png`), await qrPng(link.url));
}

async function posterContent(
  tour: Tour,
  scene: Scene,
  link: PrintedLink,
  langs: string[],
  picture: Buffer | undefined,
): Promise<PosterContent> {
  const ordered = [tour.defaultLanguage, ...langs.filter((l) => l !== tour.defaultLanguage)].filter(
    (l) => langs.includes(l),
  );
  const inEach = (text: (lang: string) => string | undefined) =>
    ordered.flatMap((lang) => {
      const value = text(lang);
      return value ? [{ lang, text: value }] : [];
    });
  const credit = scene.panorama.credit;
  return {
    tourTitles: inEach((lang) =>
      lang === tour.defaultLanguage
        ? textOf(tour.title, lang, tour.defaultLanguage)
        : tour.title[lang],
    ),
    titles: inEach((lang) => link.titles.find((t) => t.lang === lang)?.text),
    instructions: ordered.map((lang) => ({ lang, text: scanInstruction(lang) })),
    url: link.url,
    qrPng: await qrPng(link.url, 12),
    ...(picture ? { picture } : {}),
    ...(credit ? { credit: `Ảnh / Photo: ${credit.author} · ${credit.license}` } : {}),
  };
}

/**
 * A 5:2 picture of the middle of the panorama (a 144° wide slice around yaw 0, where the
 * start view usually looks): natural-looking, not the whole 360° squeezed.
 */
async function posterPicture(tourDir: string, scene: Scene): Promise<Buffer | undefined> {
  const image = representativeImage(scene.panorama);
  if (!image) return undefined;
  try {
    const file = path.join(tourDir, image);
    const { width = 0, height = 0 } = await sharp(file).metadata();
    const sliceWidth = Math.round(Math.min(width * 0.4, height * 2.5));
    const sliceHeight = Math.round(sliceWidth / 2.5);
    return await sharp(file)
      .extract({
        left: Math.round((width - sliceWidth) / 2),
        top: Math.round((height - sliceHeight) / 2),
        width: sliceWidth,
        height: sliceHeight,
      })
      .resize(1250, 500)
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    return undefined;
  }
}
