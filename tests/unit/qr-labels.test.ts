/**
 * The sheet of small labels (qr/labels.ts), shared by `tour qr` (labels.pdf) and the editor's
 * print file: 12 labels to an A4 page, in reading order, each code read back by a real
 * decoder (jsQR) from its own cell of the rendered page (poppler's pdftoppm), each naming its
 * place in the tour's languages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedLinks } from '../../src/core/links/scene-links.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { DocumentFonts, FontLibrary } from '../../src/node/qr/fonts.ts';
import { addLabelSheets, LABELS_PER_PAGE } from '../../src/node/qr/labels.ts';
import { labelContents } from '../../src/node/qr/print-tour.ts';

const BASE = 'https://ditich.example.vn/tham-quan/';
const DPI = 150;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

let work: string;
let links: ReturnType<typeof printedLinks>;
let pages: PNG[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'qr-labels-'));
  const tour = JSON.parse(await readFile('tours/demo/tour.json', 'utf8')) as Tour;
  links = printedLinks(tour, BASE, { hotspots: true });
  const doc = await PDFDocument.create();
  const library = new FontLibrary();
  doc.registerFontkit(library.fontkit as never);
  const drawn = await addLabelSheets(
    doc,
    new DocumentFonts(doc, library),
    await labelContents(links, tour.languages),
  );
  expect(drawn.skipped).toEqual([]);
  const file = path.join(work, 'labels.pdf');
  await writeFile(file, await doc.save());
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', file, path.join(work, 'page')]);
  pages = [];
  for (let n = 1; n <= Math.ceil(links.length / LABELS_PER_PAGE); n++)
    pages.push(PNG.sync.read(await readFile(path.join(work, `page-${n}.png`))));
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** The code in one 95 × 46 mm cell (2 columns, 6 rows, centred on the page). */
function decodeCell(page: PNG, index: number): string | undefined {
  const column = index % 2;
  const row = Math.floor(index / 2);
  const x0 = px(10 + column * 95);
  const y0 = px(10.5 + row * 46);
  const width = px(95);
  const height = px(46);
  const cell = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * page.width + x0) * 4;
    cell.set(page.data.subarray(from, from + width * 4), y * width * 4);
  }
  return jsQR(cell, width, height)?.data;
}

describe('labels sheet', () => {
  it('has 12 labels to a page: 16 links make 2 pages', () => {
    expect(links).toHaveLength(16);
    expect(pages).toHaveLength(2);
  });

  it('every label holds the code of its own link, in order', () => {
    const read = links.map((_, i) => decodeCell(pages[Math.floor(i / 12)]!, i % 12));
    expect(read).toEqual(links.map((link) => link.url));
  });

  it('ends a name too long for its label with "…", keeping the words that fit', async () => {
    const long =
      'Đình làng cổ với mái ngói rêu phong và những cột gỗ lim chạm khắc tinh xảo '.repeat(4);
    const doc = await PDFDocument.create();
    const library = new FontLibrary();
    doc.registerFontkit(library.fontkit as never);
    const [content] = await labelContents(links.slice(0, 1), ['vi']);
    await addLabelSheets(doc, new DocumentFonts(doc, library), [
      { ...content!, titles: [{ lang: 'vi', text: long }] },
    ]);
    const file = path.join(work, 'long.pdf');
    await writeFile(file, await doc.save());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const name = text.slice(0, text.indexOf('https://')).trim();
    // Four lines of it, the last ending in "…".
    expect(name.split('\n')).toHaveLength(4);
    expect(name.replace(/\s+/g, ' ')).toMatch(/^Đình làng cổ với mái ngói rêu phong .*\S…$/);
  });
});
