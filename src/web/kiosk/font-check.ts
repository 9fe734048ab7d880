/**
 * Does this kiosk have the fonts its languages need? A Linux kiosk without CJK fonts draws
 * Korean as empty boxes, and nobody on site may notice for months. The browser cannot be
 * asked directly (`document.fonts.check` answers about web fonts to load, not about glyphs
 * the system lacks), so a few letters of each language are drawn on a canvas and compared
 * with a character no font has: drawn the same, they are the same "missing glyph" box.
 * Staff are told (console and a data attribute the staff screen reads); visitors are not.
 */

/** Letters each language needs beyond basic Latin (the first ones fonts tend to miss). */
export const GLYPH_SAMPLES: Readonly<Record<string, string>> = {
  vi: 'ệở',
  fr: 'éç',
  zh: '汉语',
  ko: '한국',
  ja: 'ひカ',
};

/** Unassigned in Unicode (Greek block): every font draws it as its "missing glyph" box. */
export const NO_GLYPH = '\u0378';

/**
 * Languages some of whose sample letters draw exactly like `NO_GLYPH`. `draw` returns a
 * fingerprint of a text as drawn (its width and pixels); languages without a sample (en) are
 * taken to be fine.
 */
export function languagesMissingGlyphs(
  languages: readonly string[],
  draw: (text: string) => string,
): string[] {
  const missing = draw(NO_GLYPH);
  return languages.filter((lang) =>
    [...(GLYPH_SAMPLES[lang] ?? '')].some((letter) => draw(letter) === missing),
  );
}

const SIZE = 48;

/** Draws on a small canvas in `fontFamily`; null where canvases cannot be read. */
export function canvasFingerprint(fontFamily: string): ((text: string) => string) | null {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE + 16;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.font = `${SIZE}px ${fontFamily}`;
  context.textBaseline = 'top';
  return (text) => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillText(text, 4, 4);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    // FNV-1a over the alpha channel: equal drawings give equal hashes.
    let hash = 0x811c9dc5;
    for (let i = 3; i < pixels.length; i += 4) hash = Math.imul(hash ^ pixels[i]!, 0x01000193);
    return `${context.measureText(text).width.toFixed(2)}:${hash >>> 0}`;
  };
}

/** Checks the fonts of `languages` as `element` is styled; warns staff of what is missing. */
export function checkKioskFonts(languages: readonly string[], element: HTMLElement): string[] {
  const draw = canvasFingerprint(getComputedStyle(element).fontFamily || 'sans-serif');
  if (!draw) return [];
  const missing = languagesMissingGlyphs(languages, draw);
  element.dataset.missingGlyphs = missing.join(' ');
  if (missing.length > 0) {
    console.warn(
      `Kiosk: no font on this device draws ${missing.join(', ')}; visitors see empty boxes. ` +
        'Install fonts-noto-cjk (Debian/Ubuntu) or the Windows language packs (see README, Kiosk mode).',
    );
  }
  return missing;
}
