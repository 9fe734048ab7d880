/**
 * What a printed link puts on paper, shared by `tour qr` and the editor's "In mã QR": the
 * poster's content (titles in each language, a picture of the place, the code, the link, the
 * instructions, the credit) and one PDF with a poster per link followed by the sheets of
 * small labels of the same links.
 */
import path from 'node:path';
import sharp from 'sharp';
import type { PrintedLink } from '../../core/links/scene-links.ts';
import { representativeImage } from '../../core/manifest/panorama.ts';
import type { Scene, Tour } from '../../core/manifest/schema.ts';
import { textOf } from '../../core/manifest/text.ts';
import { scanInstruction } from '../../core/qr/instructions.ts';
import { qrPng } from '../../core/qr/qr-code.ts';
import { FontLibrary } from './fonts.ts';
import { addLabelSheets, type LabelContent } from './labels.ts';
import { createPosterBook, type PosterContent } from './poster.ts';

export async function posterContent(
  tour: Tour,
  scene: Scene,
  link: PrintedLink,
  langs: readonly string[],
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
export async function posterPicture(tourDir: string, scene: Scene): Promise<Buffer | undefined> {
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

/** The small labels of the links (labels.ts), in the printed languages. */
export const labelContents = (
  links: readonly PrintedLink[],
  langs: readonly string[],
): Promise<LabelContent[]> =>
  Promise.all(
    links.map(async (link) => ({
      titles: link.titles.filter((t) => langs.includes(t.lang)),
      url: link.url,
      qrPng: await qrPng(link.url, 8),
    })),
  );

export interface PrintedBook {
  pdf: Uint8Array;
  posters: number;
  labelPages: number;
  /** Languages some text of was left out (no font has its glyphs). */
  missingFonts: string[];
}

/** One PDF: a poster per link, then the sheets of small labels of the same links. */
export async function printTour(options: {
  tour: Tour;
  tourDir: string;
  links: readonly PrintedLink[];
  langs?: readonly string[];
  fonts?: FontLibrary;
}): Promise<PrintedBook> {
  const { tour, tourDir, links } = options;
  const langs = options.langs ?? tour.languages;
  const book = await createPosterBook(options.fonts ?? new FontLibrary());
  const missing = new Set<string>();
  const pictures = new Map<string, Promise<Buffer | undefined>>();
  for (const link of links) {
    const scene = tour.scenes.find((s) => s.id === link.sceneId)!;
    if (!pictures.has(scene.id)) pictures.set(scene.id, posterPicture(tourDir, scene));
    const content = await posterContent(tour, scene, link, langs, await pictures.get(scene.id));
    for (const lang of await book.add(content)) missing.add(lang);
  }
  const contents = await labelContents(links, langs);
  const labels = await book.draw((doc, fonts) => addLabelSheets(doc, fonts, contents));
  for (const lang of labels.skipped) missing.add(lang);
  return {
    pdf: await book.save(),
    posters: links.length,
    labelPages: labels.pages,
    missingFonts: [...missing],
  };
}
