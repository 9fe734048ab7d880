/** The editor's own i18next instance: Vietnamese by default, English available. */
import { createInstance, type i18n as I18n } from 'i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const EDITOR_LANGUAGES = ['vi', 'en'] as const;
export type EditorLanguage = (typeof EDITOR_LANGUAGES)[number];

export async function createEditorTranslator(language: EditorLanguage): Promise<I18n> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'vi',
    supportedLngs: [...EDITOR_LANGUAGES],
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
