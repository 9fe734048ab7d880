/**
 * A sheet of small labels, 2 × 6 to an A4 page (95 × 46 mm each, cut along the grey lines):
 * for a pillar, a showcase or a door, where an A4 poster does not fit. Each has its QR code
 * (4 cm with its quiet zone: a phone reads it from a hand's length), the place's name in the
 * tour's languages and the link as text. Drawn with the posters' fonts (fonts.ts).
 */
import { type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { DocumentFonts, Run } from './fonts.ts';
import { wrap } from './poster.ts';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const COLUMNS = 2;
const ROWS = 6;
const CELL = { width: 95 * MM, height: 46 * MM };
const ORIGIN = {
  x: (PAGE.width - COLUMNS * CELL.width) / 2,
  y: (PAGE.height - ROWS * CELL.height) / 2,
};
const QR_SIDE = 40 * MM;
const PAD = 3 * MM;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const CUT = rgb(0.75, 0.75, 0.75);

export const LABELS_PER_PAGE = COLUMNS * ROWS;

export interface LabelContent {
  /** The place's name per language, the tour's default language first. */
  titles: Array<{ lang: string; text: string }>;
  url: string;
  qrPng: Uint8Array;
}

/** Adds as many label pages as the labels need; returns the languages left out for lack of glyphs. */
export async function addLabelSheets(
  doc: PDFDocument,
  fonts: DocumentFonts,
  labels: readonly LabelContent[],
): Promise<{ pages: number; skipped: string[] }> {
  const skipped = new Set<string>();
  let page: PDFPage | undefined;
  let pages = 0;
  for (const [index, label] of labels.entries()) {
    const slot = index % LABELS_PER_PAGE;
    if (slot === 0) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      pages++;
    }
    const column = slot % COLUMNS;
    const row = Math.floor(slot / COLUMNS);
    const x = ORIGIN.x + column * CELL.width;
    const top = PAGE.height - ORIGIN.y - row * CELL.height;
    page!.drawRectangle({
      x,
      y: top - CELL.height,
      width: CELL.width,
      height: CELL.height,
      borderColor: CUT,
      borderWidth: 0.5,
    });
    const qr = await doc.embedPng(label.qrPng);
    const qrY = top - (CELL.height + QR_SIDE) / 2;
    page!.drawImage(qr, { x: x + PAD, y: qrY, width: QR_SIDE, height: QR_SIDE });
    const textX = x + PAD + QR_SIDE + 2 * MM;
    const textWidth = x + CELL.width - PAD - textX;
    let y = top - PAD - 2;
    for (const [i, title] of label.titles.slice(0, 3).entries()) {
      const runs = await fonts.runs(title.text, title.lang, i === 0 ? 'bold' : 'regular');
      if (!runs) {
        skipped.add(title.lang);
        continue;
      }
      const size = i === 0 ? 10.5 : 8.5;
      const lines = clamp(wrap(shaped(runs), size, textWidth), i === 0 ? 4 : 2, size, textWidth);
      y = drawLines(page!, lines, size, i === 0 ? INK : MUTED, textX, y) - 3;
    }
    const mono = await fonts.font('latin', 'mono');
    const urlSize = 6.5;
    const urlLines = wrap(shaped([{ text: label.url, font: mono }]), urlSize, textWidth);
    drawLines(page!, urlLines.slice(0, 3), urlSize, MUTED, textX, qrY + 3 * urlSize * 1.25);
  }
  return { pages, skipped: [...skipped] };
}

type Shaped = Parameters<typeof wrap>[0];

const shaped = (runs: Run[]): Shaped => ({
  chars: runs.flatMap((run) => [...run.text].map((ch) => ({ ch, run }))),
});

const widthOf = (chars: Shaped['chars'], size: number): number =>
  chars.reduce((sum, { ch, run }) => sum + run.font.widthOfTextAtSize(ch, size), 0);

/**
 * At most `max` lines; a text cut short ends its last line with "…" (made room for), so a
 * reader sees that the name goes on rather than reading a wrong, shorter one.
 */
function clamp(lines: Shaped[], max: number, size: number, width: number): Shaped[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const chars = [...kept[max - 1]!.chars];
  const run = chars.at(-1)?.run;
  if (!run) return kept;
  const ellipsis = { ch: '…', run };
  while (chars.length > 0 && widthOf([...chars, ellipsis], size) > width) chars.pop();
  while (chars.length > 0 && /\s/.test(chars.at(-1)!.ch)) chars.pop();
  kept[max - 1] = { chars: [...chars, ellipsis] };
  return kept;
}

function drawLines(
  page: PDFPage,
  lines: Shaped[],
  size: number,
  color: ReturnType<typeof rgb>,
  x: number,
  y: number,
): number {
  let top = y;
  for (const line of lines) {
    let left = x;
    const pieces: Run[] = [];
    for (const { ch, run } of line.chars) {
      const last = pieces.at(-1);
      if (last && last.font === run.font) last.text += ch;
      else pieces.push({ text: ch, font: run.font });
    }
    for (const piece of pieces) {
      page.drawText(piece.text, { x: left, y: top - size, size, font: piece.font, color });
      left += piece.font.widthOfTextAtSize(piece.text, size);
    }
    top -= size * 1.25;
  }
  return top;
}
