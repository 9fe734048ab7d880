/**
 * i18next set-up for the UI strings. Each call makes its own instance (no global singleton),
 * so tests and a kiosk reset can start from a clean state.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ja from './locales/ja.json';
import ko from './locales/ko.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';

/** Languages the interface speaks; a tour may have others (its texts then show, the UI falls back). */
export const UI_LANGUAGES = ['vi', 'en', 'fr', 'zh', 'ko', 'ja'] as const;
export const DEFAULT_UI_LANGUAGE = 'vi';

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
  fr: { translation: fr },
  zh: { translation: zh },
  ko: { translation: ko },
  ja: { translation: ja },
} as const;

export type Translator = I18n;

export async function createTranslator(language: string): Promise<Translator> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    // A visitor whose language the UI lacks reads English rather than Vietnamese.
    fallbackLng: ['en', DEFAULT_UI_LANGUAGE],
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    resources,
    // The UI never inserts translations as HTML, so i18next's escaping would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
