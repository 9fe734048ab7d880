/**
 * A4 posters with pdf-lib: the tour and scene titles in each language, a picture of the place,
 * the QR code (8.5 cm with its margin, the code itself above the 6 cm a phone reads from arm's
 * length), the link as text, a one-line instruction per language and the photo credit. DejaVu Sans is embedded (subset) so
 * Vietnamese diacritics print correctly; a language whose script the font lacks is left out
 * and reported, never printed as empty boxes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

const require = createRequire(import.meta.url);
const FONT_DIR = require
  .resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
  .replace(/DejaVuSans\.ttf$/, '');

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CM = 72 / 2.54;
/** With the 4-module quiet zone inside, the code itself stays above 6 cm up to version 6. */
export const QR_SIZE_CM = 8.5;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const ACCENT = rgb(0.48, 0.12, 0.07);

export interface PosterContent {
  tourTitle: string;
  /** The scene (or hotspot) title per language, the tour's default language first. */
  titles: Array<{ lang: string; text: string }>;
  instructions: Array<{ lang: string; text: string }>;
  url: string;
  qrPng: Uint8Array;
  /** A wide JPEG of the place, or undefined when the panorama could not be read. */
  picture?: Uint8Array;
  credit?: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
  covers: (text: string) => boolean;
}

export interface PosterBook {
  /** Adds one page; returns the languages left out for lack of glyphs. */
  add(content: PosterContent): Promise<string[]>;
  save(): Promise<Uint8Array>;
}

export async function createPosterBook(): Promise<PosterBook> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regularBytes = await readFile(`${FONT_DIR}DejaVuSans.ttf`);
  const glyphs = fontkit.create(regularBytes);
  const fonts: Fonts = {
    regular: await doc.embedFont(regularBytes, { subset: true }),
    bold: await doc.embedFont(await readFile(`${FONT_DIR}DejaVuSans-Bold.ttf`), { subset: true }),
    mono: await doc.embedFont(await readFile(`${FONT_DIR}DejaVuSansMono.ttf`), { subset: true }),
    covers: (text) =>
      [...text].every((ch) => /\s/.test(ch) || glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  };
  doc.setCreator('heritage-tour: npm run tour -- qr');
  return {
    add: (content) => drawPoster(doc, fonts, content),
    save: () => doc.save(),
  };
}

async function drawPoster(
  doc: PDFDocument,
  fonts: Fonts,
  content: PosterContent,
): Promise<string[]> {
  const page = doc.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  const skipped = new Set<string>();
  const printable = <T extends { lang: string; text: string }>(items: T[]) =>
    items.filter((item) => (fonts.covers(item.text) ? true : (skipped.add(item.lang), false)));
  let y = A4.height - MARGIN;

  const column = { x: MARGIN, width };
  y = paragraph(page, content.tourTitle, { font: fonts.bold, size: 14, color: MUTED }, column, y);
  y -= 10;
  for (const [index, title] of printable(content.titles).entries()) {
    const size = index === 0 ? 30 : 19;
    const font = index === 0 ? fonts.bold : fonts.regular;
    const color = index === 0 ? ACCENT : INK;
    y = paragraph(page, title.text, { font, size, color }, column, y);
    y -= 4;
  }
  y -= 10;
  if (content.picture) {
    const image = await doc.embedJpg(content.picture);
    const height = Math.min((width / image.width) * image.height, 210);
    page.drawImage(image, { x: MARGIN, y: y - height, width, height });
    y -= height + 24;
  }
  const qr = await doc.embedPng(content.qrPng);
  const qrSide = QR_SIZE_CM * CM;
  page.drawImage(qr, { x: MARGIN, y: y - qrSide, width: qrSide, height: qrSide });
  const textX = MARGIN + qrSide + 18;
  const textWidth = A4.width - MARGIN - textX;
  const beside = { x: textX, width: textWidth };
  let textY = y - 6;
  for (const line of printable(content.instructions)) {
    textY = paragraph(
      page,
      line.text,
      { font: fonts.regular, size: 13, color: INK },
      beside,
      textY,
    );
    textY -= 8;
  }
  textY -= 6;
  drawLines(
    page,
    breakUrl(content.url, fonts.mono, 9.5, textWidth),
    fonts.mono,
    9.5,
    textX,
    textY,
    MUTED,
  );
  y -= qrSide + 20;
  if (content.credit && fonts.covers(content.credit)) {
    const style = { font: fonts.regular, size: 9, color: MUTED };
    paragraph(page, content.credit, style, column, Math.min(y, MARGIN + 24));
  }
  return [...skipped];
}

interface TextStyle {
  font: PDFFont;
  size: number;
  color: ReturnType<typeof rgb>;
}

/** Wraps text to the box's width and draws it from `y` down; returns the y below it. */
function paragraph(
  page: PDFPage,
  text: string,
  style: TextStyle,
  box: { x: number; width: number },
  y: number,
): number {
  const lines = wrap(text, style.font, style.size, box.width);
  return drawLines(page, lines, style.font, style.size, box.x, y, style.color);
}

/** Draws lines downwards from `y` (the top of the first line); returns the y below the last. */
function drawLines(
  page: PDFPage,
  lines: string[],
  font: PDFFont,
  size: number,
  x: number,
  y: number,
  color = INK,
): number {
  let top = y;
  for (const line of lines) {
    page.drawText(line, { x, y: top - size, size, font, color });
    top -= size * 1.3;
  }
  return top;
}

/** Greedy word wrap; a word longer than the line is cut. */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) line = candidate;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A URL has no spaces: it is cut after a "/", "#" or "?" when one fits, else where full. */
function breakUrl(url: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let rest = url;
  while (rest) {
    let fit = rest.length;
    while (fit > 1 && font.widthOfTextAtSize(rest.slice(0, fit), size) > maxWidth) fit--;
    if (fit < rest.length) {
      const cut = Math.max(...['/', '#', '?'].map((ch) => rest.lastIndexOf(ch, fit - 1)));
      if (cut > 0) fit = cut + 1;
    }
    lines.push(rest.slice(0, fit));
    rest = rest.slice(fit);
  }
  return lines;
}
