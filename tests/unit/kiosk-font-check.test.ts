import { describe, expect, it } from 'vitest';
import { GLYPH_SAMPLES, languagesMissingGlyphs, NO_GLYPH } from '../../src/web/kiosk/font-check.ts';

/** A fake canvas: letters of `fonts` draw as themselves, every other one as the same box. */
const drawWith =
  (fonts: string) =>
  (text: string): string =>
    [...text].map((letter) => (fonts.includes(letter) ? letter : 'box')).join('');

const all = Object.values(GLYPH_SAMPLES).join('');
const without = (lang: string) => all.replace(new RegExp(`[${GLYPH_SAMPLES[lang]}]`, 'gu'), '');

describe('languagesMissingGlyphs', () => {
  it.each([
    ['every font installed', ['vi', 'en', 'zh', 'ko', 'ja'], all, []],
    ['no Korean font', ['vi', 'en', 'ko'], without('ko'), ['ko']],
    [
      'no CJK at all (a bare Debian)',
      ['vi', 'zh', 'ko', 'ja'],
      GLYPH_SAMPLES.vi!,
      ['zh', 'ko', 'ja'],
    ],
    ['Korean missing but not configured', ['vi', 'en'], without('ko'), []],
    ['one letter of a language missing is enough', ['zh'], all.replace('语', ''), ['zh']],
    ['a language without a sample is never reported', ['en', 'de'], '', []],
  ])('%s', (_case, languages, fonts, expected) => {
    expect(languagesMissingGlyphs(languages, drawWith(fonts))).toEqual(expected);
  });

  it('compares with a character no font has', () => {
    expect(drawWith(all)(NO_GLYPH)).toBe('box');
  });
});
