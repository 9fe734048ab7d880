/**
 * Picking the visitor's language out of a language map. A missing translation falls back to
 * the tour's default language (then to any language present), and says that it did so, so
 * the UI can mark it discreetly.
 */
import type { LangMap } from './schema.ts';

export interface LocalizedText {
  text: string;
  /** Language the text is really in. */
  lang: string;
  /** True when `lang` is not the language that was asked for. */
  fallback: boolean;
}

export function localize(
  map: Readonly<Record<string, string>> | undefined,
  lang: string,
  defaultLang: string,
): LocalizedText | undefined {
  if (!map) return undefined;
  const order = [lang, defaultLang, ...Object.keys(map)];
  for (const candidate of order) {
    const text = map[candidate];
    if (text !== undefined && text.trim() !== '') {
      return { text, lang: candidate, fallback: candidate !== lang };
    }
  }
  return undefined;
}

/** The text alone, or `''`: for labels where absence is acceptable. */
export function textOf(map: LangMap | undefined, lang: string, defaultLang: string): string {
  return localize(map, lang, defaultLang)?.text ?? '';
}
