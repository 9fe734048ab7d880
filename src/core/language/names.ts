/**
 * Languages by name, for people who do not know language codes: the editor lists a tour's
 * languages as "tiếng Anh" / "English", never "en". Names are written here rather than asked of
 * `Intl.DisplayNames` so that they read the same in every browser and in tests; a code not in
 * the table falls back to `Intl.DisplayNames`, then to the code itself.
 */

/** The languages an author picks from when adding one to a tour, most asked for first. */
export const COMMON_LANGUAGES = [
  'vi',
  'en',
  'fr',
  'zh',
  'ja',
  'ko',
  'de',
  'ru',
  'es',
  'it',
  'th',
  'km',
  'lo',
  'id',
] as const;

interface Names {
  /** In Vietnamese, as written mid-sentence ("tiếng Anh"). */
  vi: string;
  en: string;
  /** In the language itself ("Français"). */
  own: string;
}

const NAMES: Readonly<Record<string, Names>> = {
  vi: { vi: 'tiếng Việt', en: 'Vietnamese', own: 'Tiếng Việt' },
  en: { vi: 'tiếng Anh', en: 'English', own: 'English' },
  fr: { vi: 'tiếng Pháp', en: 'French', own: 'Français' },
  zh: { vi: 'tiếng Trung', en: 'Chinese', own: '中文' },
  ja: { vi: 'tiếng Nhật', en: 'Japanese', own: '日本語' },
  ko: { vi: 'tiếng Hàn', en: 'Korean', own: '한국어' },
  de: { vi: 'tiếng Đức', en: 'German', own: 'Deutsch' },
  ru: { vi: 'tiếng Nga', en: 'Russian', own: 'Русский' },
  es: { vi: 'tiếng Tây Ban Nha', en: 'Spanish', own: 'Español' },
  it: { vi: 'tiếng Ý', en: 'Italian', own: 'Italiano' },
  th: { vi: 'tiếng Thái', en: 'Thai', own: 'ไทย' },
  km: { vi: 'tiếng Khmer', en: 'Khmer', own: 'ខ្មែរ' },
  lo: { vi: 'tiếng Lào', en: 'Lao', own: 'ລາວ' },
  id: { vi: 'tiếng Indonesia', en: 'Indonesian', own: 'Bahasa Indonesia' },
};

function displayName(code: string, inLang: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([inLang], { type: 'language', fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `code`'s name in `inLang` (the editor's language, vi or en), as written mid-sentence:
 * "tiếng Anh", "English". A regional code ("pt-BR") is named by its base when unknown.
 */
export function languageNameIn(code: string, inLang: 'vi' | 'en'): string {
  const known = NAMES[code] ?? NAMES[code.split('-')[0] ?? code];
  if (known) return known[inLang];
  return displayName(code, inLang) ?? code;
}

/** The same name starting with a capital, for a label: "Tiếng Anh". */
export function languageLabelIn(code: string, inLang: 'vi' | 'en'): string {
  const name = languageNameIn(code, inLang);
  return name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1);
}

/** The language's name in itself ("Français"), or undefined when not in the table. */
export const ownName = (code: string): string | undefined => NAMES[code]?.own;
