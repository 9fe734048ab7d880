/**
 * Guesses the language of an imported tour's texts when `tour import` is not given `--lang`.
 * Deliberately simple, by letters and script only (texts compared in NFC and in NFD):
 * - Hangul → `ko`; Hiragana or Katakana → `ja`; Han characters alone → `zh`;
 * - a Vietnamese letter → `vi`: ă đ ơ ư, a tone on â ê ô ă, or a tone mark French never uses
 *   (hook above, dot below, tilde on i/u/e/y); â ê ô alone are French too and do not count;
 * - any other text → `fr` when French letters (é è à ç ù œ …) and the words le / la / les / des /
 *   du / et / une / est outnumber English markers (the / and / of / to / is …), else `en`;
 * - no text at all → `vi` (the project's default).
 * Known limits: other Latin-script languages (de, es, pt …) come out as `en`, Romanian with ă as
 * `vi`; `--lang` overrides, and the command prints what it guessed.
 */

/** Vietnamese-only marks after NFD: breve, horn, hook above, dot below (and đ, kept as is). */
const VI_MARKS = /[\u0306\u031B\u0309\u0323]|đ/u;
/** Tone-marked vowel letters Vietnamese shares with nobody else (ả ạ ẻ ẽ ẹ ỉ ị ỏ ọ ủ ụ ỳ ỷ ỹ ỵ, ĩ ũ). */
const VI_ONLY = /[ảạẻẽẹỉịỏọủụỳỷỹỵĩũ]/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/u;
const KANA = /[\u3040-\u309F\u30A0-\u30FF\u31F0-\u31FF]/u;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;
const FR_LETTERS = /[éèàçùœêëîïûô]/gu;
const FR_WORDS = /(?:^|[^\p{L}])(?:le|la|les|des|du|et|une|est)(?=[^\p{L}]|$)/gu;
const EN_WORDS = /(?:^|[^\p{L}])(?:the|and|of|to|is|room|view|entrance)(?=[^\p{L}]|$)/gu;

export type DetectedLanguage = 'vi' | 'en' | 'fr' | 'zh' | 'ja' | 'ko';

export function detectLanguage(texts: readonly string[]): DetectedLanguage {
  const all = texts.join('\n').toLowerCase();
  const nfc = all.normalize('NFC');
  const nfd = all.normalize('NFD');
  if (!/\p{L}/u.test(nfc)) return 'vi';
  if (HANGUL.test(nfc)) return 'ko';
  if (KANA.test(nfc)) return 'ja';
  if (HAN.test(nfc)) return 'zh';
  // ê and ô are French too; Vietnamese needs a letter or mark French never uses, or ê/ô with a tone.
  const viSure =
    /[ăđơư]/u.test(nfc) ||
    VI_ONLY.test(nfc) ||
    VI_MARKS.test(nfd) ||
    /[ầấẩẫậềếểễệồốổỗộ]/u.test(nfc);
  if (viSure) return 'vi';
  const fr = (nfc.match(FR_LETTERS)?.length ?? 0) + (nfc.match(FR_WORDS)?.length ?? 0);
  const en = nfc.match(EN_WORDS)?.length ?? 0;
  return fr > en ? 'fr' : 'en';
}
