/**
 * `tour qr <tour-dir> --base <url> --out <dir> [--lang vi,en] [--hotspots]`: for every scene
 * (and hotspot) a QR code as SVG and PNG, an A4 poster PDF per scene (and hotspot),
 * `posters.pdf` with all of them, ready to print, and `labels.pdf`: the same codes as small labels. Posters speak every language printed (the
 * tour's, or those of --lang), each in a font that has its script.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BaseUrlError, type PrintedLink, printedLinks } from '../../../core/links/scene-links.ts';
import { FontLibrary } from '../../qr/fonts.ts';
import { createPosterBook } from '../../qr/poster.ts';
import { addLabelSheets } from '../../qr/labels.ts';
import { labelContents, posterContent, posterPicture } from '../../qr/print-tour.ts';
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
nóng với --hotspots), posters.pdf gồm tất cả và labels.pdf (nhãn nhỏ, 12 nhãn một trang A4). --lang chọn các ngôn ngữ in trên áp phích (mặc định: mọi ngôn ngữ của tour).
`,
    wrote: (n: number, dir: string) =>
      `Đã ghi ${n} mã QR, ${dir}/posters.pdf và ${dir}/labels.pdf (nhãn nhỏ)\n`,
    version: (v: number, m: number, url: string) =>
      `Mã lớn nhất: phiên bản ${v} (${m}×${m} ô), mức sửa lỗi M — ${url}\n`,
    noFont: (lang: string) =>
      `Cảnh báo: phông chữ không có chữ của ngôn ngữ "${lang}"; dòng đó không được in.\n`,
    badLang: (lang: string) => `--lang: tour không có ngôn ngữ "${lang}"\n`,
  },
  en: {
    usage: `Usage: tour qr <tour-dir> --base <site-url> --out <dir> [--lang vi,en] [--hotspots]

Makes a QR code (SVG and PNG) for every scene, an A4 poster (PDF) per scene (and hotspot,
with --hotspots), posters.pdf with all of them and labels.pdf (small labels, 12 to an A4 page). --lang picks the languages printed on posters (default: all of the tour's).
`,
    wrote: (n: number, dir: string) =>
      `Wrote ${n} QR codes, ${dir}/posters.pdf and ${dir}/labels.pdf (small labels)\n`,
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
  // The same links as small labels, 12 to an A4 sheet, for where a poster does not fit.
  const labels = await createPosterBook(fonts);
  const contents = await labelContents(links, langs);
  const drawn = await labels.draw((doc, pdfFonts) => addLabelSheets(doc, pdfFonts, contents));
  for (const lang of drawn.skipped) missingFonts.add(lang);
  await writeFile(path.join(out, 'labels.pdf'), await labels.save());
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
