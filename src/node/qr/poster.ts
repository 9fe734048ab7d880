/**
 * A4 posters with pdf-lib: the tour and scene (or hotspot) titles in each language, a picture
 * of the place, the QR code (8.5 cm with its margin, the code itself above the 6 cm a phone
 * reads from arm's length), the link as text, a one-line instruction per language and the
 * photo credit. Every text is drawn with fonts that have its glyphs (DejaVu Sans for Latin and
 * Vietnamese, Noto Sans CJK for Chinese, Japanese and Korean; see fonts.ts), embedded as
 * subsets; a text that no font covers is left out and its language reported, never printed as
 * empty boxes. With many languages the type and the picture shrink so that everything fits.
 */
import { type PDFImage, PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { DocumentFonts, FontLibrary, type Run, type Weight } from './fonts.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CM = 72 / 2.54;
/** With the 4-module quiet zone inside, the code itself stays above 6 cm up to version 6. */
export const QR_SIZE_CM = 8.5;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const ACCENT = rgb(0.48, 0.12, 0.07);
const LEADING = 1.3;
const PICTURE_MAX = 210;
const PICTURE_MIN = 90;

type Texts = Array<{ lang: string; text: string }>;

export interface PosterContent {
  /** The tour title per language, the tour's default language first. */
  tourTitles: Texts;
  /** The scene (or hotspot) title per language, the tour's default language first. */
  titles: Texts;
  instructions: Texts;
  url: string;
  qrPng: Uint8Array;
  /** A wide JPEG of the place, or undefined when the panorama could not be read. */
  picture?: Uint8Array;
  credit?: string;
}

export interface PosterBook {
  /** Adds one page; returns the languages left out for lack of glyphs. */
  add(content: PosterContent): Promise<string[]>;
  /** Draws other pages into the same document with its fonts (the labels sheet: labels.ts). */
  draw<T>(pages: (doc: PDFDocument, fonts: DocumentFonts) => Promise<T>): Promise<T>;
  save(): Promise<Uint8Array>;
}

/** `library`: share one between the books of a run so that each font file is read once. */
export async function createPosterBook(library = new FontLibrary()): Promise<PosterBook> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(library.fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const fonts = new DocumentFonts(doc, library);
  // The posters of a scene and of its hotspots share one copy of the picture.
  const pictures = new Map<Uint8Array, Promise<PDFImage>>();
  const picture = (bytes: Uint8Array) => {
    if (!pictures.has(bytes)) pictures.set(bytes, doc.embedJpg(bytes));
    return pictures.get(bytes)!;
  };
  doc.setCreator('heritage-tour: npm run tour -- qr');
  return {
    add: (content) => drawPoster(doc, fonts, content, picture),
    draw: (pages) => pages(doc, fonts),
    save: () => doc.save(),
  };
}

/** A text cut into the characters' fonts, to be wrapped and drawn at any size. */
interface Shaped {
  chars: Array<{ ch: string; run: Run }>;
}

interface Style {
  size: number;
  color: ReturnType<typeof rgb>;
}

async function drawPoster(
  doc: PDFDocument,
  fonts: DocumentFonts,
  content: PosterContent,
  picture: (bytes: Uint8Array) => Promise<PDFImage>,
): Promise<string[]> {
  const skipped = new Set<string>();
  const shape = async (items: Texts, weight: (index: number) => Weight = () => 'regular') => {
    const shaped: Shaped[] = [];
    for (const [index, item] of items.entries()) {
      const runs = await fonts.runs(item.text, item.lang, weight(index));
      if (runs) shaped.push(toShaped(runs));
      else skipped.add(item.lang);
    }
    return shaped;
  };
  const tourTitles = await shape(content.tourTitles, (i) => (i === 0 ? 'bold' : 'regular'));
  const titles = await shape(content.titles, (i) => (i === 0 ? 'bold' : 'regular'));
  const instructions = await shape(content.instructions);
  const mono = await fonts.font('latin', 'mono');
  const url = toShaped([{ text: content.url, font: mono }]);
  const creditRuns = content.credit ? await fonts.runs(content.credit, 'en') : undefined;

  const page = doc.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  const qrSide = QR_SIZE_CM * CM;
  const creditSize = 9;
  const bottom = MARGIN + (creditRuns ? creditSize * LEADING + 8 : 0);

  // The header (tour and scene titles) and the picture share what the code leaves free.
  const tourStyle = (i: number, scale: number): Style => ({
    size: (i === 0 ? 14 : 12) * scale,
    color: MUTED,
  });
  const titleStyle = (i: number, scale: number): Style => ({
    size: (i === 0 ? 30 : 19) * scale,
    color: i === 0 ? ACCENT : INK,
  });
  const headerHeight = (scale: number) =>
    blockHeight(tourTitles, tourStyle, scale, width, 2) +
    10 +
    blockHeight(titles, titleStyle, scale, width, 4) +
    10;
  const free = A4.height - MARGIN - bottom - qrSide - 20;
  let scale = 1;
  while (scale > 0.6 && free - headerHeight(scale) < (content.picture ? PICTURE_MIN + 24 : 0))
    scale -= 0.05;
  const pictureRoom = free - headerHeight(scale) - 24;
  const showPicture = content.picture !== undefined && pictureRoom >= PICTURE_MIN;

  let y = A4.height - MARGIN;
  y = drawBlock(page, tourTitles, tourStyle, scale, MARGIN, width, y, 2);
  y -= 10;
  y = drawBlock(page, titles, titleStyle, scale, MARGIN, width, y, 4);
  y -= 10;
  if (showPicture) {
    const image = await picture(content.picture!);
    const natural = (width / image.width) * image.height;
    const height = Math.min(natural, PICTURE_MAX, pictureRoom);
    const shown = Math.min(width, (height / image.height) * image.width);
    page.drawImage(image, { x: MARGIN + (width - shown) / 2, y: y - height, width: shown, height });
    y -= height + 24;
  }

  const qr = await doc.embedPng(content.qrPng);
  page.drawImage(qr, { x: MARGIN, y: y - qrSide, width: qrSide, height: qrSide });
  // Beside the code: the instructions and the link, in the largest type that fits beside it.
  const textX = MARGIN + qrSide + 18;
  const textWidth = A4.width - MARGIN - textX;
  const urlStyle: Style = { size: 9.5, color: MUTED };
  const urlLines = breakUrl(url, urlStyle.size, textWidth);
  const urlHeight = urlLines.length * urlStyle.size * LEADING;
  let size = 13;
  const columnHeight = (s: number) =>
    blockHeight(instructions, () => ({ size: s, color: INK }), 1, textWidth, 8) + 6 + urlHeight;
  while (size > 7 && columnHeight(size) > qrSide) size -= 0.5;
  let textY = y - 6;
  textY = drawBlock(
    page,
    instructions,
    () => ({ size, color: INK }),
    1,
    textX,
    textWidth,
    textY,
    8,
  );
  textY -= 6;
  drawLines(page, urlLines, urlStyle, textX, textY);
  y -= qrSide + 20;

  if (creditRuns) {
    const style = { size: creditSize, color: MUTED };
    const lines = wrap(toShaped(creditRuns), style.size, width);
    drawLines(page, lines, style, MARGIN, Math.min(y, MARGIN + lines.length * creditSize * 1.6));
  }
  return [...skipped];
}

function toShaped(runs: Run[]): Shaped {
  return { chars: runs.flatMap((run) => [...run.text].map((ch) => ({ ch, run }))) };
}

type StyleOf = (index: number, scale: number) => Style;

function blockHeight(
  items: Shaped[],
  style: StyleOf,
  scale: number,
  width: number,
  gap: number,
): number {
  return items.reduce((sum, item, index) => {
    const { size } = style(index, scale);
    return sum + wrap(item, size, width).length * size * LEADING + gap;
  }, 0);
}

function drawBlock(
  page: PDFPage,
  items: Shaped[],
  style: StyleOf,
  scale: number,
  x: number,
  width: number,
  y: number,
  gap: number,
): number {
  let top = y;
  for (const [index, item] of items.entries()) {
    const s = style(index, scale);
    top = drawLines(page, wrap(item, s.size, width), s, x, top) - gap;
  }
  return top;
}

/** Draws lines downwards from `y` (the top of the first line); returns the y below the last. */
function drawLines(page: PDFPage, lines: Shaped[], style: Style, x: number, y: number): number {
  let top = y;
  for (const line of lines) {
    let left = x;
    for (const run of runsOf(line)) {
      page.drawText(run.text, {
        x: left,
        y: top - style.size,
        size: style.size,
        font: run.font,
        color: style.color,
      });
      left += run.font.widthOfTextAtSize(run.text, style.size);
    }
    top -= style.size * LEADING;
  }
  return top;
}

function runsOf(line: Shaped): Run[] {
  const runs: Run[] = [];
  for (const { ch, run } of line.chars) {
    const last = runs.at(-1);
    if (last && last.font === run.font) last.text += ch;
    else runs.push({ text: ch, font: run.font });
  }
  return runs;
}

const widthOf = (chars: Shaped['chars'], size: number): number =>
  runsOf({ chars }).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);

/** Han, kana and their punctuation may break between any two characters (not Hangul). */
const BREAKS_ANYWHERE = /[\u2e80-\u2fff\u3001-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const NO_BREAK_BEFORE =
  /[、。，．・：；！？）」』】〕〉》ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;!?)\]°%]/u;
const NO_BREAK_AFTER = /[（「『【〔〈《([]/u;

/**
 * Greedy wrapping: at spaces, and between characters of scripts written without spaces
 * (Chinese, Japanese), never before a closing mark; a piece longer than the line is cut.
 */
export function wrap(text: Shaped, size: number, maxWidth: number): Shaped[] {
  type Piece = { chars: Shaped['chars']; space: boolean };
  const pieces: Piece[] = [];
  let space = false;
  for (const [index, item] of text.chars.entries()) {
    if (/\s/.test(item.ch)) {
      space = pieces.length > 0;
      continue;
    }
    const previous = index > 0 ? text.chars[index - 1]!.ch : '';
    const current = pieces.at(-1);
    const canBreak =
      space ||
      !current ||
      ((BREAKS_ANYWHERE.test(previous) || BREAKS_ANYWHERE.test(item.ch)) &&
        !NO_BREAK_BEFORE.test(item.ch) &&
        !NO_BREAK_AFTER.test(previous));
    if (canBreak) pieces.push({ chars: [item], space });
    else current!.chars.push(item);
    space = false;
  }
  const lines: Shaped[] = [];
  let line: Shaped['chars'] = [];
  for (const piece of pieces) {
    const joiner = piece.space && line.length ? [{ ch: ' ', run: line.at(-1)!.run }] : [];
    const candidate = [...line, ...joiner, ...piece.chars];
    if (widthOf(candidate, size) <= maxWidth || !line.length) line = candidate;
    else {
      lines.push({ chars: line });
      line = piece.chars;
    }
    while (line.length > 1 && widthOf(line, size) > maxWidth) {
      let fit = line.length - 1;
      while (fit > 1 && widthOf(line.slice(0, fit), size) > maxWidth) fit--;
      lines.push({ chars: line.slice(0, fit) });
      line = line.slice(fit);
    }
  }
  if (line.length) lines.push({ chars: line });
  return lines;
}

/** A URL has no spaces: it is cut after a "/", "#" or "?" when one fits, else where full. */
function breakUrl(url: Shaped, size: number, maxWidth: number): Shaped[] {
  const lines: Shaped[] = [];
  let rest = url.chars;
  while (rest.length) {
    let fit = rest.length;
    while (fit > 1 && widthOf(rest.slice(0, fit), size) > maxWidth) fit--;
    if (fit < rest.length) {
      const text = rest.map((c) => c.ch).join('');
      const cut = Math.max(...['/', '#', '?'].map((ch) => text.lastIndexOf(ch, fit - 1)));
      if (cut > 0) fit = cut + 1;
    }
    lines.push({ chars: rest.slice(0, fit) });
    rest = rest.slice(fit);
  }
  return lines;
}
