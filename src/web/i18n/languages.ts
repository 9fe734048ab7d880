/**
 * Languages by name: in themselves for the picker ("Tiếng Việt", not a flag), and in the
 * visitor's language for the notes that say which language a text is shown in. The choice of
 * language itself is pure and lives in core/language.
 */

/** Names of languages in themselves. */
export const NATIVE_NAMES: Readonly<Record<string, string>> = {
  vi: 'Tiếng Việt',
  en: 'English',
  fr: 'Français',
  zh: '中文',
  ko: '한국어',
  ja: '日本語',
};

export const nativeName = (lang: string): string => NATIVE_NAMES[lang] ?? lang;

/** `lang`'s name in the language `inLang` ("anglais" in French); the code if unknown. */
export function languageName(lang: string, inLang: string): string {
  try {
    return new Intl.DisplayNames([inLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
