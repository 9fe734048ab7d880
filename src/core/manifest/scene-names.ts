/**
 * A new scene's title and code from the name of the picture it was made from. Cameras name
 * files by counter and date ("IMG_20250301_081500.jpg", "PXL_…", "R0010023.JPG"): such a name
 * says nothing to a visitor and would end up in printed QR links, so the scene becomes
 * "Cảnh 1", "Cảnh 2"… (the next free number, code `canh-1`). A name a person chose
 * ("Hậu cung.jpg", "cong-tam-quan.jpg") gives its words as the title and its folded words as
 * the code. Pure: no DOM, no Node.
 */
import { slugify } from './slug.ts';

export interface SceneName {
  title: string;
  code: string;
  /** True when the file name was a camera's: the title is only a placeholder to rename. */
  numbered: boolean;
}

/** What a tour already uses: scene codes (ids and aliases) and titles. */
export interface TakenNames {
  codes: Iterable<string>;
  titles: Iterable<string>;
}

/** The longest title made from a file name (the scene list shows about this many). */
export const MAX_NAME_TITLE = 60;

/** The word for "scene" by the tour's default language (a code is folded from it). */
const SCENE_WORD: Readonly<Record<string, string>> = { vi: 'Cảnh', en: 'Scene' };

/**
 * Prefixes cameras, phones and stitching apps put before a counter or a date; a name made only
 * of these, digits, dates and separators is a camera's.
 */
const CAMERA_WORDS = [
  'img',
  'image',
  'dsc',
  'dscn',
  'dscf',
  'dsc_',
  'pxl',
  'r00',
  'gopr',
  'gp',
  'gs',
  'vid',
  'mvimg',
  'pano',
  'panorama',
  'photo',
  'photosphere',
  'sphere',
  'dji',
  'insta360',
  'ins',
  'lrv',
  'p',
  'sam',
  'screenshot',
  'untitled',
  'edited',
  'copy',
  'stitch',
  'stitched',
  'hdr',
  'pano360',
  'vr',
  'equirectangular',
  'equi',
  'final',
  'mp',
  'burst',
  'wa',
  'tl',
];
const CAMERA = new Set(CAMERA_WORDS);

/** The file name without folders and without its extension(s) such as `.jpg` or `.pano.jpg`. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(jpe?g|png|webp|avif|heic|tiff?)$/i, '').trim();
}

/**
 * True when `stem` (a file name without extension) is a camera's: nothing but camera words,
 * counters, dates and separators ("IMG_20250301_081500", "R0010023", "PXL_20240101_MP",
 * "Panorama (2)", "2025-03-01 08.15.00").
 */
export function isCameraName(stem: string): boolean {
  // Letters glued to digits are split: "R0010023" → "r", "0010023"; "GOPR0042" → "gopr", …
  const words = stem
    .normalize('NFC')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return true;
  return words.every(
    (word) => /^\d+$/.test(word) || CAMERA.has(word) || (word.length === 1 && /[a-z]/.test(word)),
  );
}

/** "cong-tam-quan" → "Cong tam quan", "hậu_cung (2)" → "Hậu cung": words, first one capital. */
export function wordsOf(stem: string): string {
  const words = stem
    .normalize('NFC')
    // A copy's counter ("(2)", " copy", "-edited") is not part of the name.
    .replace(/\s*\(\d+\)\s*$/, '')
    .replace(/[\s_-]+(copy|edited|final)$/i, '')
    .replace(/[_\-.+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = [...words].slice(0, MAX_NAME_TITLE).join('').trim();
  return cut.charAt(0).toLocaleUpperCase('vi') + cut.slice(1);
}

/** `base`, or `base-2`, `base-3`… whichever is not taken (the whole within the id length). */
function freeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slugify(base, 20 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The title and code of a scene made from `fileName`, given what the tour already uses and
 * its default language (which names the "Cảnh 1" placeholder).
 */
export function sceneNameFromFile(fileName: string, taken: TakenNames, lang = 'vi'): SceneName {
  const codes = new Set(taken.codes);
  const titles = new Set([...taken.titles].map((title) => title.trim().toLocaleLowerCase('vi')));
  const stem = fileStem(fileName);
  const title = isCameraName(stem) ? '' : wordsOf(stem);
  const code = slugify(title);
  if (title && code) return { title, code: freeCode(code, codes), numbered: false };
  const word = SCENE_WORD[lang] ?? SCENE_WORD.vi!;
  for (let n = 1; ; n++) {
    const numbered = `${word} ${n}`;
    const numberedCode = slugify(numbered);
    if (!codes.has(numberedCode) && !titles.has(numbered.toLocaleLowerCase('vi'))) {
      return { title: numbered, code: numberedCode, numbered: true };
    }
  }
}
