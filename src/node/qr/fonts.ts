/**
 * Fonts for posters, all from the npm registry: DejaVu Sans (`dejavu-fonts-ttf`) for Latin,
 * Vietnamese, Greek and Cyrillic; Noto Sans CJK per script (`@embedpdf/fonts-sc`, `-tc`, `-jp`,
 * `-kr`: the whole OpenType fonts, not web subsets) for Chinese, Japanese and Korean. Each is
 * read only when a poster needs it and embedded as a subset of the glyphs drawn.
 *
 * pdf-lib is given upstream fontkit 2 rather than `@pdf-lib/fontkit`: that fork's subsetter
 * writes CID-keyed CFF fonts (Noto CJK) that poppler and FreeType reject, and corrupts TrueType
 * subsets that switch to the short `loca` format. fontkit 2 subsets both correctly; the adapter
 * below only gives its subsets the `encodeStream()` that pdf-lib calls.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);

export type Script = 'latin' | 'sc' | 'tc' | 'jp' | 'kr';
export type Weight = 'regular' | 'bold' | 'mono';

const FILES: Record<Script, Partial<Record<Weight, string>>> = {
  latin: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
  },
  sc: {
    regular: '@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf',
    bold: '@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf',
  },
  tc: {
    regular: '@embedpdf/fonts-tc/fonts/NotoSansHant-Regular.otf',
    bold: '@embedpdf/fonts-tc/fonts/NotoSansHant-Bold.otf',
  },
  jp: {
    regular: '@embedpdf/fonts-jp/fonts/NotoSansJP-Regular.otf',
    bold: '@embedpdf/fonts-jp/fonts/NotoSansJP-Bold.otf',
  },
  kr: {
    regular: '@embedpdf/fonts-kr/fonts/NotoSansKR-Regular.otf',
    bold: '@embedpdf/fonts-kr/fonts/NotoSansKR-Bold.otf',
  },
};

/**
 * The file's path. The `@embedpdf/fonts-*` packages export only their index (in `dist/`), so
 * their fonts are found beside it.
 */
function resolveFont(file: string): string {
  const match = /^(@embedpdf\/[^/]+)\/(.+)$/.exec(file);
  if (!match) return require.resolve(file);
  return path.join(path.dirname(require.resolve(match[1]!)), '..', match[2]!);
}

/** The script whose font a language is printed in first (BCP 47 tags: `zh-TW`, `zh-Hant`…). */
export function scriptOf(lang: string): Script {
  const [base = '', ...rest] = lang.toLowerCase().split('-');
  if (base === 'zh') {
    return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'tc' : 'sc';
  }
  if (base === 'ja') return 'jp';
  if (base === 'ko') return 'kr';
  return 'latin';
}

/** For a character the language's own font lacks: the others, in this order. */
const FALLBACK: readonly Script[] = ['latin', 'sc', 'tc', 'jp', 'kr'];

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): FontkitSubset;
}
interface FontkitSubset {
  encode(): Uint8Array;
  encodeStream?: () => unknown;
}

/** A font file parsed by fontkit 2, its subsets given the `encodeStream()` pdf-lib calls. */
function parse(data: Uint8Array): FontkitFont {
  const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  if (!('createSubset' in font)) throw new Error('a font collection, not a font');
  const typed = font as unknown as FontkitFont;
  const createSubset = typed.createSubset.bind(typed);
  typed.createSubset = () => withEncodeStream(createSubset());
  return typed;
}

/** pdf-lib reads a subset as a stream of `data`, then `end` (or `error`). */
function withEncodeStream(subset: FontkitSubset): FontkitSubset {
  subset.encodeStream = () => {
    const handlers: Record<string, (value?: unknown) => void> = {};
    const stream = {
      on(event: string, handler: (value?: unknown) => void) {
        handlers[event] = handler;
        if (event === 'error') {
          queueMicrotask(() => {
            try {
              handlers.data?.(subset.encode());
              handlers.end?.();
            } catch (error) {
              handlers.error?.(error);
            }
          });
        }
        return stream;
      },
    };
    return stream;
  };
  return subset;
}

/**
 * Font files read once and shared by all the posters of a run (a Noto CJK file is 4–8 MB).
 * Create one per run; nothing is kept between runs.
 */
export class FontLibrary {
  readonly #bytes = new Map<string, Promise<Uint8Array>>();
  readonly #faces = new Map<string, Promise<FontkitFont>>();

  /**
   * The `fontkit` object pdf-lib's `registerFontkit` expects, backed by fontkit 2. Each
   * document parses its own copy: fontkit caches glyphs with the characters they were first
   * asked for, and a glyph first met as a part of another (the "ơ" in "ờ") would lose its
   * character in the next document's text layer.
   */
  readonly fontkit = { create: (data: Uint8Array): FontkitFont => parse(data) };

  bytes(script: Script, weight: Weight): Promise<Uint8Array> | undefined {
    const file = FILES[script][weight] ?? FILES[script].regular;
    if (!file) return undefined;
    let bytes = this.#bytes.get(file);
    if (!bytes) {
      bytes = readFile(resolveFont(file)).then((b) => new Uint8Array(b));
      this.#bytes.set(file, bytes);
    }
    return bytes;
  }

  /** The parsed regular face of a script, to ask which characters it has. */
  face(script: Script): Promise<FontkitFont> {
    let face = this.#faces.get(script);
    if (!face) {
      face = this.bytes(script, 'regular')!.then((bytes) => this.fontkit.create(bytes));
      this.#faces.set(script, face);
    }
    return face;
  }
}

/** A piece of text in one font. */
export interface Run {
  text: string;
  font: PDFFont;
}

/**
 * The fonts of one PDF: each embedded (as a subset) on first use. `runs()` cuts a text into
 * pieces each drawn with a font that has its glyphs, the language's own font first.
 */
export class DocumentFonts {
  readonly #embedded = new Map<string, Promise<PDFFont>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly library: FontLibrary,
  ) {}

  font(script: Script, weight: Weight): Promise<PDFFont> {
    const key = `${script}/${weight}`;
    let font = this.#embedded.get(key);
    if (!font) {
      font = this.library
        .bytes(script, weight)!
        .then((bytes) => this.doc.embedFont(bytes, { subset: true }));
      this.#embedded.set(key, font);
    }
    return font;
  }

  /** The text as runs, or undefined when some character is in none of the fonts. */
  async runs(text: string, lang: string, weight: Weight = 'regular'): Promise<Run[] | undefined> {
    const order = [scriptOf(lang), ...FALLBACK.filter((s) => s !== scriptOf(lang))];
    const pieces: Array<{ text: string; script: Script }> = [];
    let last: Script = order[0]!;
    for (const ch of text) {
      let script: Script | undefined;
      if (/\s/.test(ch)) script = last;
      else {
        for (const candidate of order) {
          if ((await this.library.face(candidate)).hasGlyphForCodePoint(ch.codePointAt(0)!)) {
            script = candidate;
            break;
          }
        }
      }
      if (!script) return undefined;
      const previous = pieces.at(-1);
      if (previous?.script === script) previous.text += ch;
      else pieces.push({ text: ch, script });
      last = script;
    }
    const style = weight === 'mono' ? 'regular' : weight;
    return Promise.all(
      pieces.map(async (piece) => ({
        text: piece.text,
        font: await this.font(piece.script, piece.script === 'latin' ? weight : style),
      })),
    );
  }
}
