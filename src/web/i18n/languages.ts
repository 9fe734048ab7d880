/**
 * Which language the visitor sees, decided in one place.
 * Order: the link's parameter → the visitor's saved choice → the browser's languages → the
 * tour's default. Pure: callers pass what they know.
 */

export interface LanguageSources {
  /** Languages this tour (or the catalogue) offers, in the author's order. */
  available: readonly string[];
  fallback: string;
  fromLink?: string | undefined;
  saved?: string | null | undefined;
  browser?: readonly string[];
}

export function resolveLanguage(sources: LanguageSources): string {
  const candidates = [sources.fromLink, sources.saved ?? undefined, ...(sources.browser ?? [])];
  for (const candidate of candidates) {
    const match = candidate ? matchLanguage(candidate, sources.available) : undefined;
    if (match) return match;
  }
  return sources.fallback;
}

/** `en-US` matches `en`; `zh-Hant-TW` matches `zh-Hant`, then `zh`. Case-insensitive. */
export function matchLanguage(tag: string, available: readonly string[]): string | undefined {
  const parts = tag.split('-');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-').toLowerCase();
    const found = available.find((lang) => lang.toLowerCase() === prefix);
    if (found) return found;
  }
  return undefined;
}

/** Names of languages in themselves: a picker shows "Tiếng Việt", not a flag. */
export const NATIVE_NAMES: Readonly<Record<string, string>> = {
  vi: 'Tiếng Việt',
  en: 'English',
  fr: 'Français',
  zh: '中文',
  ko: '한국어',
  ja: '日本語',
};

export const nativeName = (lang: string): string => NATIVE_NAMES[lang] ?? lang;
