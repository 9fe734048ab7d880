/** The editor's own i18next instance: Vietnamese by default, English available. */
import { createInstance, type i18n as I18n } from 'i18next';
import { editorStrings } from './locales/index.ts';

export const EDITOR_LANGUAGES = ['vi', 'en'] as const;
export type EditorLanguage = (typeof EDITOR_LANGUAGES)[number];

export async function createEditorTranslator(language: EditorLanguage): Promise<I18n> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'vi',
    supportedLngs: [...EDITOR_LANGUAGES],
    resources: {
      vi: { translation: editorStrings.vi },
      en: { translation: editorStrings.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
