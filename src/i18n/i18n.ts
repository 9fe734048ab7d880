/**
 * i18next set-up for the UI strings. Each call makes its own instance (no global singleton),
 * so tests and a kiosk reset can start from a clean state.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const UI_LANGUAGES = ['vi', 'en'] as const;
export const DEFAULT_UI_LANGUAGE = 'vi';

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

export type Translator = I18n;

export async function createTranslator(language: string): Promise<Translator> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    resources,
    // The UI never inserts translations as HTML, so i18next's escaping would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
